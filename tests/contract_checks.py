"""The contract, checked on a record and the text it came from."""

from __future__ import annotations

import json
import math

from extractor.schema import (
    ASSERTIONS,
    CHANGES,
    COMPONENTS,
    FINDING_TYPES,
    RECORD_KEYS,
    SECTIONS,
    SIDES,
    finding_problems,
)


def record_problems(record: dict, text: str) -> list[str]:
    problems = []
    missing = [k for k in RECORD_KEYS if k not in record]
    if missing:
        return [f"record misses {missing}"]
    json.dumps(record, allow_nan=False)  # raises on NaN / Infinity
    if record["error"] is not None:
        if record["findings"] or record["needs_surgical_review"] is not None:
            problems.append("an error record has findings or a flag")
        return problems
    if not isinstance(record["needs_surgical_review"], bool):
        problems.append("needs_surgical_review is not a boolean")
    p = record["review_probability"]
    if not (isinstance(p, float | int) and math.isfinite(p) and 0 <= p <= 1):
        problems.append(f"review_probability {p!r}")
    for f in record["findings"]:
        problems.extend(finding_problems(f, text))
        assert f["type"] in FINDING_TYPES and f["assertion"] in ASSERTIONS
        assert f["component"] in (*COMPONENTS, None) and f["side"] in (*SIDES, None)
        assert f["change"] in (*CHANGES, None) and f["section"] in SECTIONS
        size = f["size_mm"]
        if size is not None and not (math.isfinite(size) and size > 0):
            problems.append(f"size_mm {size!r}")
    return problems
