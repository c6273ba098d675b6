"""The contract's surgical-review rule, applied to findings.

This is the baseline (and fallback) of the review classifier: a report needs
surgical review when it asserts, as present or possible, a finding a spine
surgeon would want to see (FINDINGS.md, "Surgical review flag").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Protocol

from ..lexicon import load_words
from ..schema import POSITIVE_ASSERTIONS, Finding

if TYPE_CHECKING:
    from .features import ReportInput

REVIEW_TYPES: frozenset[str] = frozenset(
    {
        "rod_connector_dislodgement",
        "hardware_fracture",
        "screw_backout",
        "cage_subsidence",
        "pseudarthrosis",
        "screw_malposition",
    }
)
LUCENCY_REVIEW_MM = 2.0
# Lucency without a size counts as loosening unless the text calls it small.
_MINOR_LUCENCY_RE = re.compile(
    r"\b(?:" + load_words().alternation("minor_lucency") + r")\b", re.IGNORECASE
)
_LOOSENING_RE = re.compile(r"\bloos(?:en|e\b)", re.IGNORECASE)


def finding_needs_review(finding: Finding) -> bool:
    """Whether this one finding, by itself, calls for surgical review."""
    if finding.assertion not in POSITIVE_ASSERTIONS:
        return False
    if finding.type in REVIEW_TYPES:
        return True
    if finding.type != "screw_lucency":
        return False
    if finding.size_mm is not None:
        return finding.size_mm >= LUCENCY_REVIEW_MM
    if _LOOSENING_RE.search(finding.text):
        return True
    return _MINOR_LUCENCY_RE.search(finding.text) is None


def describe_finding(finding: Finding) -> str:
    """A reason a radiologist reads: "screw_lucency L5 bilateral 3.0 mm"."""
    parts = [finding.type]
    if finding.levels:
        parts.append(_level_text(finding.levels))
    if finding.side:
        parts.append(finding.side)
    if finding.size_mm is not None:
        parts.append(f"{finding.size_mm:.1f} mm")
    if finding.assertion == "possible":
        parts.append("(possible)")
    return " ".join(parts)


def _level_text(levels: tuple[str, ...]) -> str:
    if len(levels) > 2:
        return f"{levels[0]}-{levels[-1]}"
    return ",".join(levels)


def review_by_rule(findings: Iterable[Finding]) -> tuple[bool, list[str]]:
    """(needs_surgical_review, reasons) by the contract's rule.

    Reasons list each reviewable finding once, present before possible, in
    report order.
    """
    hits = [f for f in findings if finding_needs_review(f)]
    hits.sort(key=lambda f: (f.assertion != "present", f.start))
    reasons: list[str] = []
    for f in hits:
        text = describe_finding(f)
        if text not in reasons:
            reasons.append(text)
    return bool(hits), reasons


Review = tuple[bool, float, list[str]]  # (needs_surgical_review, probability, reasons)


class Reviewer(Protocol):
    """What decides the review flag: the contract's rule or a trained model."""

    def review_many(self, items: Sequence[ReportInput]) -> list[Review]: ...


class RuleReviewer:
    """The contract's rule as a reviewer (probability 1 or 0)."""

    def review_many(self, items: Sequence[ReportInput]) -> list[Review]:
        out = []
        for item in items:
            flag, reasons = review_by_rule(item.findings)
            out.append((flag, 1.0 if flag else 0.0, reasons))
        return out


RULE_REVIEWER = RuleReviewer()
