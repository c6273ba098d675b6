"""The record as a JSON Schema (draft 2020-12), built from `extractor/schema.py`
so that it cannot drift from the code; `spine-extract schema` prints it and
the wheel ships it as `extractor/record.schema.json`.

What a schema cannot say is checked by `schema.finding_problems`: levels in
spine order, and `text == report[start:end]`.
"""

from __future__ import annotations

import json
from typing import Any

from . import __version__
from .schema import (
    ASSERTIONS,
    CHANGES,
    COMPONENTS,
    FINDING_KEYS,
    FINDING_TYPES,
    HARDWARE_KEYS,
    LEVELS,
    RECORD_KEYS,
    SECTIONS,
    SIDES,
)

SCHEMA_ID = "urn:spine-hardware-extractor:record"


def _enum(values: tuple[str, ...], nullable: bool = False) -> dict[str, Any]:
    return {"enum": [*values, None]} if nullable else {"enum": list(values)}


def record_schema() -> dict[str, Any]:
    """The JSON Schema of one output record (one line of the JSONL output)."""
    levels = {
        "type": "array",
        "items": _enum(LEVELS),
        "uniqueItems": True,
        "description": "vertebral levels, expanded ('C5-7' is C5, C6, C7), in spine order",
    }
    finding = {
        "type": "object",
        "additionalProperties": False,
        "required": list(FINDING_KEYS),
        "properties": {
            "type": _enum(FINDING_TYPES),
            "component": _enum(COMPONENTS, nullable=True),
            "levels": levels,
            "side": _enum(SIDES, nullable=True),
            "size_mm": {
                "type": ["number", "null"],
                "exclusiveMinimum": 0,
                "description": "the largest size stated for the finding, in millimetres",
            },
            "assertion": _enum(ASSERTIONS),
            "change": _enum(CHANGES, nullable=True),
            "section": _enum(SECTIONS),
            "start": {"type": "integer", "minimum": 0},
            "end": {"type": "integer", "minimum": 1},
            "text": {"type": "string", "minLength": 1, "description": "report[start:end]"},
        },
    }
    hardware = {
        "type": "object",
        "additionalProperties": False,
        "required": list(HARDWARE_KEYS),
        "properties": {
            "component": _enum(COMPONENTS, nullable=True),
            "levels": levels,
            "side": _enum(SIDES, nullable=True),
            "mentions": {
                "type": "array",
                "items": {
                    "type": "array",
                    "prefixItems": [
                        {"type": "integer", "minimum": 0},
                        {"type": "integer", "minimum": 1},
                    ],
                    "minItems": 2,
                    "maxItems": 2,
                },
                "description": "[start, end] of each text naming it",
            },
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "spine-hardware-extractor record",
        "description": (
            "One report's record: its findings, the review flag and the hardware "
            f"inventory (spine-hardware-extractor {__version__}). A report that could "
            "not be processed has findings [], needs_surgical_review null and error set."
        ),
        "type": "object",
        "additionalProperties": False,
        "required": list(RECORD_KEYS),
        "properties": {
            "id": {"type": ["string", "null"]},
            "findings": {"type": "array", "items": {"$ref": "#/$defs/finding"}},
            "needs_surgical_review": {"type": ["boolean", "null"]},
            "review_probability": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
            "review_reasons": {"type": "array", "items": {"type": "string"}},
            "hardware": {"type": "array", "items": {"$ref": "#/$defs/hardware"}},
            "error": {"type": ["string", "null"]},
        },
        "$defs": {"finding": finding, "hardware": hardware},
    }


def schema_text() -> str:
    return json.dumps(record_schema(), indent=2) + "\n"
