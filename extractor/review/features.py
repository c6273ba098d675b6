"""What the review classifier sees of a report: the extracted findings as
named features, and the text of its findings and impression sections.

Features are looked up by name: a model uses the names it was trained with,
so a feature (or finding type) added later is simply one it does not know.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..schema import ASSERTIONS, CHANGES, FINDING_TYPES, SECTIONS, Finding
from .rule import LUCENCY_REVIEW_MM, finding_needs_review, review_by_rule

if TYPE_CHECKING:
    import scipy.sparse as sp

TEXT_SECTIONS = ("findings", "impression")


@dataclass(frozen=True)
class ReportInput:
    """What the classifier sees of one report."""

    text: str  # the findings and impression text (the whole text when unheaded)
    findings: Sequence[Finding]


def report_input(
    doc_text: str, sections: Sequence[tuple[str, int, int, int]] | None, findings: Sequence[Finding]
) -> ReportInput:
    """The classifier's view of a processed report."""
    parts = [doc_text[body:end] for cat, _h, body, end in sections or () if cat in TEXT_SECTIONS]
    return ReportInput(" \n".join(parts) if parts else doc_text, list(findings))


def finding_features(findings: Sequence[Finding]) -> dict[str, float]:
    """Numeric features of the extracted findings (names are stable strings)."""
    feats: dict[str, float] = {}

    def add(name: str, value: float = 1.0) -> None:
        feats[name] = feats.get(name, 0.0) + value

    positive = [f for f in findings if f.is_positive]
    for f in findings:
        add(f"n:{f.type}:{f.assertion}")
    levels: set[str] = set()
    for f in positive:
        feats[f"any:{f.type}"] = 1.0
        levels.update(f.levels)
        if f.side == "bilateral":
            add("side:bilateral")
        if f.change:
            add(f"change:{f.change}:{f.type}")
        add(f"section:{f.section}")
        if finding_needs_review(f):
            add(f"reviewable:{f.type}")
    sizes = [f.size_mm for f in positive if f.type == "screw_lucency" and f.size_mm is not None]
    if sizes:
        feats["lucency:max_mm"] = min(max(sizes), 10.0) / 10.0
        feats["lucency:ge_threshold"] = float(max(sizes) >= LUCENCY_REVIEW_MM)
    feats["levels:n"] = min(len(levels), 10) / 10.0
    feats["rule:flag"] = float(review_by_rule(findings)[0])
    return feats


def _finding_vocabulary() -> list[str]:
    names = [f"n:{t}:{a}" for t in FINDING_TYPES for a in ASSERTIONS]
    names += [f"any:{t}" for t in FINDING_TYPES]
    names += [f"reviewable:{t}" for t in FINDING_TYPES]
    names += [f"change:{c}:{t}" for c in CHANGES for t in FINDING_TYPES]
    names += [f"section:{s}" for s in SECTIONS]
    names += ["side:bilateral", "lucency:max_mm", "lucency:ge_threshold", "levels:n", "rule:flag"]
    return names


FINDING_VOCABULARY: tuple[str, ...] = tuple(_finding_vocabulary())
FINDING_INDEX = {name: i for i, name in enumerate(FINDING_VOCABULARY)}
_COUNT_CAP = 5.0  # counts are capped and scaled to [0, 1]


def finding_row(
    item: ReportInput, index: dict[str, int] = FINDING_INDEX
) -> tuple[np.ndarray, np.ndarray]:
    """One report's finding features by name into a model's columns (sorted);
    a feature the model does not know (a finding type added after it was
    trained) is left out."""
    pairs = []
    for name, value in finding_features(item.findings).items():
        col = index.get(name)
        if col is None:
            continue
        if name.startswith(("n:", "side:", "section:", "reviewable:", "change:")):
            value = min(value, _COUNT_CAP) / _COUNT_CAP
        pairs.append((col, value))
    pairs.sort()
    return (
        np.asarray([c for c, _ in pairs], dtype=np.int64),
        np.asarray([v for _, v in pairs], dtype=float),
    )


def finding_matrix(
    inputs: Sequence[ReportInput], index: dict[str, int] = FINDING_INDEX
) -> sp.csr_matrix:
    """The finding features of a batch as a scipy CSR matrix (training)."""
    import scipy.sparse as sp

    rows, cols, vals = [], [], []
    for r, item in enumerate(inputs):
        c, v = finding_row(item, index)
        rows += [r] * len(c)
        cols += c.tolist()
        vals += v.tolist()
    return sp.csr_matrix((vals, (rows, cols)), shape=(len(inputs), len(index)))


# --------------------------------------------------------------------------
# The model
# --------------------------------------------------------------------------
