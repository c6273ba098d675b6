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
TARGETS_KEY = "spine_targets"  # doc.spans[TARGETS_KEY]: raw target matches

SPAN_EXTENSIONS: dict[str, dict[str, Any]] = {
    # medspaCy ConText names
    "is_negated": {"default": False},
    "is_uncertain": {"default": False},
    "is_historical": {"default": False},
    "is_hypothetical": {"default": False},
    "is_family": {"default": False},
    "modifiers": {"default": ()},
    "target_rule": {"default": None},
    # ours: the contract's fields of a finding
    "finding_type": {"default": None},
    "component": {"default": None},
    "levels": {"default": ()},
    "side": {"default": None},
    "size_mm": {"default": None},
    "assertion": {"default": None},
    "change": {"default": None},
    "report_section": {"default": None},
    "rule_id": {"default": None},
    "cue": {"default": None},
}
DOC_EXTENSIONS: dict[str, dict[str, Any]] = {
    # (category, header_start, body_start, end) for each section, in order
    "report_sections": {"default": None},
    # (start, end, category, direction, rule_id) for each context modifier
    "context_modifiers": {"default": None},
}


def set_extensions() -> None:
    for name, kwargs in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, **kwargs)
    for name, kwargs in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, **kwargs)
