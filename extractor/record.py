"""The one converter from a processed Doc to the contract's record.

The CLI, the pandas and Spark front ends and the evaluator all go through
`doc_to_record`, so every output carries the same fields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from .extensions import FINDINGS_KEY, doc_text
from .review import review_by_rule
from .schema import Finding, ReportRecord

if TYPE_CHECKING:
    from .classifier import ReviewModel


def span_to_finding(span: Span) -> Finding:
    """The contract finding a finding span carries."""
    finding = span._.finding
    if finding is None:
        raise ValueError(f"span {span.text!r} is not a finding span (no span._.finding)")
    return finding


def doc_to_record(
    doc: Doc, report_id: str | None = None, model: ReviewModel | None = None
) -> ReportRecord:
    """The contract record for `doc`.

    The review flag comes from `model` (a `classifier.ReviewModel`) when one
    is given, else from the contract's rule.
    """
    findings = [span_to_finding(s) for s in doc.spans.get(FINDINGS_KEY, ())]
    findings.sort(key=lambda f: (f.start, f.end, f.type))
    if model is None:
        flag, reasons = review_by_rule(findings)
        return ReportRecord(
            id=report_id,
            findings=findings,
            needs_surgical_review=flag,
            review_probability=1.0 if flag else 0.0,
            review_reasons=reasons,
        )
    from .classifier import report_input

    flag, probability, reasons = model.review(
        report_input(doc_text(doc), doc._.report_sections, findings)
    )
    return ReportRecord(
        id=report_id,
        findings=findings,
        needs_surgical_review=flag,
        review_probability=probability,
        review_reasons=reasons,
    )
