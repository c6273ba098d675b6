"""Every custom attribute the pipeline sets, in one table.

`set_extensions()` is idempotent and is called by each component's
constructor, so a pipeline rebuilt in a worker process (multiprocessing,
Spark) has its attributes without a side-effect import. The medspaCy-style
assertion flags use medspaCy's own names and defaults, so they coexist with
medspaCy's ConText if a user adds it.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

FINDINGS_KEY = "findings"  # doc.spans[FINDINGS_KEY]: one span a finding
TARGETS_KEY = "spine_targets"  # doc.spans[TARGETS_KEY]: raw target matches (span.id_ = rule id)
TARGET_RULES_KEY = "spine_extractor.target_rules"  # doc.user_data: (start, end) -> TargetRule

SPAN_EXTENSIONS: dict[str, dict[str, Any]] = {
    # medspaCy ConText names
    "is_negated": {"default": False},
    "is_uncertain": {"default": False},
    "is_historical": {"default": False},
    "is_hypothetical": {"default": False},
    "is_family": {"default": False},
    "modifiers": {"default": ()},
    "target_rule": {"default": None},
    # ours: context results on target spans, and on finding spans
    "assertion": {"default": None},
    "change": {"default": None},
    # a finding span carries its contract Finding in one value; the fields
    # are read through getters (one write per span keeps the pipeline fast)
    "finding": {"default": None},
    "finding_type": {"getter": lambda s: _field(s, "type")},
    "component": {"getter": lambda s: _field(s, "component")},
    "levels": {"getter": lambda s: _field(s, "levels") or ()},
    "side": {"getter": lambda s: _field(s, "side")},
    "size_mm": {"getter": lambda s: _field(s, "size_mm")},
    "report_section": {"getter": lambda s: _field(s, "section")},
    "rule_id": {
        "getter": lambda s: s._.target_rule.metadata.get("id") if s._.target_rule else None
    },
}
DOC_EXTENSIONS: dict[str, dict[str, Any]] = {
    # (category, header_start, body_start, end) for each section, in order
    "report_sections": {"default": None},
    # (start, end, category, direction, rule_id) for each context modifier
    "context_modifiers": {"default": None},
    # (start, end) of a target span -> its ConText result (assertion, change, modifiers)
    "context_results": {"default": None},
}


TEXT_KEY = "spine_extractor.text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, cached: spaCy rebuilds it from the tokens on every access."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return text


def _field(span: Span, name: str) -> Any:
    finding = span._.finding
    return None if finding is None else getattr(finding, name)


def set_extensions() -> None:
    for name, kwargs in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, **kwargs)
    for name, kwargs in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, **kwargs)
