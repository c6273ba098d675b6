"""Reading a review-model file safely, without scikit-learn objects.

A model file is JSON: `format`, `format_version`, `sklearn_version`,
`sha256` (of the canonical JSON of `payload`) and `payload`. Nothing in it is
executed or unpickled. This module checks all of it, the payload completely
(types, shapes, finite numbers, a threshold in [0, 1]), so that the command
line refuses a bad file with one line before it starts any work.

The checksum detects accidents (a truncated copy, an edit by hand); it is
not a signature: whoever can write the file can recompute it. Keep model
files where only trusted people can write.
"""

from __future__ import annotations

import hashlib
import json
import math
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
    except (ValueError, RecursionError) as e:  # 5,000-digit numbers, deep nesting
        raise ModelError(
            f"{name}: refused: not a usable JSON model file ({type(e).__name__})"
        ) from e
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
    problem = payload_problem(payload)
    if problem is not None:
        raise ModelError(f"{name}: refused: {problem}")
    return document


def _finite(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    try:
        return math.isfinite(float(value))
    except OverflowError:  # a 400-digit integer
        return False


def _vocabulary_problem(vec: Any, key: str) -> str | None:
    if not isinstance(vec, dict):
        return f"{key} must be an object"
    vocabulary, idf = vec.get("vocabulary"), vec.get("idf")
    if not isinstance(vocabulary, dict):
        return f"{key}.vocabulary must be an object of term -> column"
    if not isinstance(idf, list) or len(idf) != len(vocabulary):
        return f"{key}.idf must be a list with one weight per vocabulary term"
    columns = list(vocabulary.values())
    if not all(isinstance(c, int) and not isinstance(c, bool) for c in columns) or sorted(
        columns
    ) != list(range(len(columns))):
        return f"{key}.vocabulary columns must be the numbers 0..{len(columns) - 1}, once each"
    if not all(_finite(x) and x > 0 for x in idf):
        return f"{key}.idf weights must be finite positive numbers"
    return None


def payload_problem(payload: dict[str, Any]) -> str | None:
    """What is wrong with a model payload, or None."""
    features = payload.get("finding_features")
    if not isinstance(features, list) or not all(isinstance(f, str) for f in features):
        return "finding_features must be a list of feature names"
    if len(set(features)) != len(features):
        return "finding_features names a feature twice"
    for key in ("word_vectorizer", "char_vectorizer"):
        problem = _vocabulary_problem(payload.get(key), key)
        if problem is not None:
            return problem
    coef = payload.get("coef")
    n = (
        len(features)
        + len(payload["word_vectorizer"]["vocabulary"])
        + len(payload["char_vectorizer"]["vocabulary"])
    )
    if not isinstance(coef, list) or len(coef) != n:
        return f"coef must be a list of {n} numbers, one per feature"
    if not all(_finite(x) for x in coef):
        return "coef must hold finite numbers only"
    if not _finite(payload.get("intercept")):
        return "intercept must be a finite number"
    calibration = payload.get("calibration")
    if not isinstance(calibration, dict) or calibration.get("method") != "sigmoid":
        return "calibration must be a sigmoid calibration"
    if not (_finite(calibration.get("a")) and _finite(calibration.get("b"))):
        return "calibration a and b must be finite numbers"
    threshold = payload.get("threshold")
    if not (_finite(threshold) and 0.0 <= float(threshold) <= 1.0):  # type: ignore[arg-type]
        return "threshold must be a number from 0 to 1"
    if not isinstance(payload.get("meta", {}), dict):
        return "meta must be an object"
    return None


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
