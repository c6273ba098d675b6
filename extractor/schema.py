"""The findings contract as code: closed vocabularies and the output record.

Mirrors the project's FINDINGS.md field for field. Everything that emits or
reads a record (pipeline, CLI, pandas, gold validator, evaluation) uses these
definitions, so a change to the contract is made here once.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

MAX_CHARS = 200_000  # longer texts are refused: no radiology report is this long

FINDING_TYPES: tuple[str, ...] = (
    "screw_lucency",
    "screw_malposition",
    "screw_backout",
    "rod_connector_dislodgement",
    "hardware_fracture",
    "cage_subsidence",
    "pseudarthrosis",
    "stimulator",
)
COMPONENTS: tuple[str, ...] = (
    "pedicle_screw",
    "lateral_mass_screw",
    "iliac_screw",
    "screw",
    "rod",
    "connector",
    "set_screw",
    "cross_link",
    "plate",
    "interbody_cage",
    "hook",
    "wire",
    "stimulator_lead",
    "stimulator_generator",
    "stimulator",
)
LEVELS: tuple[str, ...] = (
    "OCCIPUT",
    *(f"C{i}" for i in range(1, 8)),
    *(f"T{i}" for i in range(1, 13)),
    *(f"L{i}" for i in range(1, 7)),
    *(f"S{i}" for i in range(1, 6)),
    "ILIUM",
)
SIDES: tuple[str, ...] = ("left", "right", "bilateral")
ASSERTIONS: tuple[str, ...] = ("present", "absent", "possible", "historical", "hypothetical")
POSITIVE_ASSERTIONS: frozenset[str] = frozenset({"present", "possible"})
CHANGES: tuple[str, ...] = ("new", "worse", "stable", "improved")
SECTIONS: tuple[str, ...] = (
    "findings",
    "impression",
    "indication",
    "history",
    "technique",
    "comparison",
    "other",
)

LEVEL_ORDER: dict[str, int] = {level: i for i, level in enumerate(LEVELS)}

FINDING_KEYS: tuple[str, ...] = (
    "type",
    "component",
    "levels",
    "side",
    "size_mm",
    "assertion",
    "change",
    "section",
    "start",
    "end",
    "text",
)
RECORD_KEYS: tuple[str, ...] = (
    "id",
    "findings",
    "needs_surgical_review",
    "review_probability",
    "review_reasons",
    "hardware",
    "error",
)
HARDWARE_KEYS: tuple[str, ...] = ("component", "levels", "side", "mentions")


@dataclass(frozen=True)
class Finding:
    """One finding of the contract; `text == report[start:end]`."""

    type: str
    component: str | None
    levels: tuple[str, ...]
    side: str | None
    size_mm: float | None
    assertion: str
    change: str | None
    section: str
    start: int
    end: int
    text: str

    @property
    def is_positive(self) -> bool:
        return self.assertion in POSITIVE_ASSERTIONS

    def to_dict(self) -> dict[str, Any]:
        # by hand: dataclasses.asdict deep-copies and is slow on hot paths
        return {
            "type": self.type,
            "component": self.component,
            "levels": list(self.levels),
            "side": self.side,
            "size_mm": self.size_mm,
            "assertion": self.assertion,
            "change": self.change,
            "section": self.section,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        size = data.get("size_mm")
        return cls(
            type=data["type"],
            component=data.get("component"),
            levels=tuple(data.get("levels") or ()),
            side=data.get("side"),
            size_mm=None if size is None else float(size),
            assertion=data["assertion"],
            change=data.get("change"),
            section=data.get("section", "findings"),
            start=int(data["start"]),
            end=int(data["end"]),
            text=data["text"],
        )


@dataclass(frozen=True)
class HardwareItem:
    """One construct or device of the report's hardware inventory."""

    component: str | None
    levels: tuple[str, ...]
    side: str | None
    mentions: tuple[tuple[int, int], ...]  # [start, end] of the text naming it

    def to_dict(self) -> dict[str, Any]:
        return {
            "component": self.component,
            "levels": list(self.levels),
            "side": self.side,
            "mentions": [list(m) for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> HardwareItem:
        return cls(
            component=data.get("component"),
            levels=tuple(data.get("levels") or ()),
            side=data.get("side"),
            mentions=tuple((int(a), int(b)) for a, b in data.get("mentions") or ()),
        )


@dataclass
class ReportRecord:
    """The contract's record for one report."""

    id: str | None
    findings: list[Finding] = field(default_factory=list)
    needs_surgical_review: bool | None = None
    review_probability: float | None = None
    review_reasons: list[str] = field(default_factory=list)
    error: str | None = None
    hardware: list[HardwareItem] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "findings": [f.to_dict() for f in self.findings],
            "needs_surgical_review": self.needs_surgical_review,
            "review_probability": self.review_probability,
            "review_reasons": list(self.review_reasons),
            "hardware": [h.to_dict() for h in self.hardware],
            "error": self.error,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReportRecord:
        return cls(
            id=data.get("id"),
            findings=[Finding.from_dict(f) for f in data.get("findings") or ()],
            needs_surgical_review=data.get("needs_surgical_review"),
            review_probability=data.get("review_probability"),
            review_reasons=list(data.get("review_reasons") or ()),
            error=data.get("error"),
            hardware=[HardwareItem.from_dict(h) for h in data.get("hardware") or ()],
        )

    @classmethod
    def failed(cls, report_id: str | None, reason: str) -> ReportRecord:
        """The record a report gets when it cannot be processed."""
        one_line = " ".join(str(reason).split()) or "unknown error"
        return cls(id=report_id, error=one_line)


def finding_problems(finding: Mapping[str, Any], text: str | None = None) -> list[str]:
    """Ways a finding dict breaks the contract; empty when it is valid."""
    problems: list[str] = []
    missing = [k for k in FINDING_KEYS if k not in finding]
    if missing:
        return [f"missing keys {missing}"]

    def check(key: str, allowed: Iterable[str], nullable: bool) -> None:
        value = finding[key]
        if value is None and nullable:
            return
        if value not in allowed:
            problems.append(f"{key}={value!r} not in the contract's vocabulary")

    check("type", FINDING_TYPES, False)
    check("component", COMPONENTS, True)
    check("side", SIDES, True)
    check("assertion", ASSERTIONS, False)
    check("change", CHANGES, True)
    check("section", SECTIONS, False)
    levels = finding["levels"]
    if not isinstance(levels, list | tuple):
        problems.append("levels must be a list")
    else:
        bad = [lv for lv in levels if lv not in LEVEL_ORDER]
        if bad:
            problems.append(f"levels {bad} not in the contract's vocabulary")
        elif list(levels) != sorted(set(levels), key=LEVEL_ORDER.__getitem__):
            problems.append(f"levels {list(levels)} not sorted in spine order without repeats")
    size = finding["size_mm"]
    if size is not None and (
        isinstance(size, bool)
        or not isinstance(size, int | float)
        or not math.isfinite(size)
        or size <= 0
    ):
        problems.append(f"size_mm={size!r} must be a finite positive number or null")
    start, end = finding["start"], finding["end"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
        problems.append(f"bad offsets start={start!r} end={end!r}")
    elif text is not None and text[start:end] != finding["text"]:
        problems.append(f"text[{start}:{end}] is {text[start:end]!r}, not {finding['text']!r}")
    return problems
