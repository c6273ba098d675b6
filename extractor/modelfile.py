"""Reading a review-model file safely, without scikit-learn objects.

A model file is JSON: `format`, `format_version`, `sklearn_version`,
`sha256` (of the canonical JSON of `payload`) and `payload`. Nothing in it is
executed or unpickled. This module checks all of that and nothing more, so
the command line can refuse a bad file before it starts any work.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

MODEL_FORMAT = "spine-extractor-review-model"
MODEL_FORMAT_VERSION = 1
MAX_MODEL_BYTES = 64 * 1024 * 1024


class ModelError(ValueError):
    """A model file that cannot be used; the message names the file and why."""


def canonical(payload: dict[str, Any]) -> str:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"))


def read_model_document(path: str | Path) -> dict[str, Any]:
    """The checked JSON document of a model file."""
    name = str(path)
    try:
        p = Path(path)
        if p.stat().st_size > MAX_MODEL_BYTES:
            raise ModelError(f"{name}: refused: larger than {MAX_MODEL_BYTES} bytes")
        raw = p.read_text(encoding="utf-8")
    except OSError as e:
        raise ModelError(f"{name}: cannot read ({e.strerror})") from e
    except UnicodeDecodeError as e:
        raise ModelError(f"{name}: refused: not a JSON model file (not UTF-8 text)") from e
    return check_model_document(raw, name)


def check_model_document(raw: str, name: str) -> dict[str, Any]:
    try:
        document = json.loads(raw)
    except json.JSONDecodeError as e:
        raise ModelError(f"{name}: refused: not a JSON model file ({e.msg})") from e
    if not isinstance(document, dict) or document.get("format") != MODEL_FORMAT:
        raise ModelError(f"{name}: refused: unknown format (expected {MODEL_FORMAT!r})")
    if document.get("format_version") != MODEL_FORMAT_VERSION:
        raise ModelError(
            f"{name}: refused: format version {document.get('format_version')!r}, "
            f"this version reads {MODEL_FORMAT_VERSION}"
        )
    trained_with = str(document.get("sklearn_version", ""))
    installed = _installed_sklearn()
    if not sklearn_compatible(trained_with, installed):
        raise ModelError(
            f"{name}: refused: trained with scikit-learn {trained_with or '?'}, "
            f"incompatible with installed {installed}"
        )
    payload = document.get("payload")
    if not isinstance(payload, dict):
        raise ModelError(f"{name}: refused: no payload")
    digest = hashlib.sha256(canonical(payload).encode("utf-8")).hexdigest()
    if digest != document.get("sha256"):
        raise ModelError(
            f"{name}: refused: checksum mismatch, the file was modified after training"
        )
    return document


def _installed_sklearn() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("scikit-learn")
    except PackageNotFoundError:
        return "0.0"


def sklearn_compatible(trained_with: str, installed: str) -> bool:
    """Same major version, and not newer than the installed one."""

    def parse(v: str) -> tuple[int, int]:
        parts = v.split(".")
        return int(parts[0]), int(parts[1])

    try:
        trained, inst = parse(trained_with), parse(installed)
    except (ValueError, IndexError):
        return False
    return trained[0] == inst[0] and trained <= inst
