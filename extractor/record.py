"""The one converter from processed Docs to the contract's records.

The API, the CLI, the pandas and Spark front ends and the evaluator all go
through `build_records`, one direction: Doc -> findings and hardware ->
review -> record; each record is built once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc

from .extensions import doc_text
from .review.features import report_input
from .review.rule import RULE_REVIEWER, Reviewer
from .schema import Finding, HardwareItem, ReportRecord


def stored_to_finding(entry: list[Any], text: str) -> Finding:
    """A finding of `doc._.findings` (fields by position, `STORED_FINDING`)
    as the contract's Finding."""
    ftype, component, levels, side, size, assertion, change, section, start, end = entry[:10]
    return Finding(
        type=ftype,
        component=component,
        levels=tuple(levels),
        side=side,
        size_mm=size,
        assertion=assertion,
        change=change,
        section=section,
        start=start,
        end=end,
        text=text[start:end],
    )


def doc_findings(doc: Doc) -> list[Finding]:
    """The contract findings of a processed Doc, in text order."""
    text = doc_text(doc)
    findings = [stored_to_finding(e, text) for e in doc._.findings or ()]
    findings.sort(key=lambda f: (f.start, f.end, f.type))
    return findings


def doc_hardware(doc: Doc) -> list[HardwareItem]:
    """The hardware inventory of a processed Doc."""
    return [
        HardwareItem(component, tuple(levels), side, tuple((a, b) for a, b in mentions))
        for component, levels, side, mentions in doc._.hardware or ()
    ]


def build_records(
    docs: Sequence[tuple[str | None, Doc]], reviewer: Reviewer = RULE_REVIEWER
) -> list[ReportRecord]:
    """Records for (id, doc) pairs; the reviewer sees them all at once (the
    classifier vectorises its text features in one go)."""
    findings = [doc_findings(doc) for _, doc in docs]
    items = [
        report_input(doc_text(doc), doc._.report_sections, f)
        for (_, doc), f in zip(docs, findings, strict=True)
    ]
    reviews = reviewer.review_many(items)
    return [
        ReportRecord(
            id=report_id,
            findings=f,
            needs_surgical_review=flag,
            review_probability=probability,
            review_reasons=reasons,
            hardware=doc_hardware(doc),
        )
        for (report_id, doc), f, (flag, probability, reasons) in zip(
            docs, findings, reviews, strict=True
        )
    ]


def doc_to_record(
    doc: Doc, report_id: str | None = None, reviewer: Reviewer = RULE_REVIEWER
) -> ReportRecord:
    """The contract record for one Doc (the contract's rule unless a reviewer is given)."""
    return build_records([(report_id, doc)], reviewer)[0]
