"""Every custom attribute the pipeline sets, in one table.

`set_extensions()` is idempotent and is called by each component's
constructor, so a pipeline rebuilt in a worker process (multiprocessing,
Spark) has its attributes without a side-effect import. The medspaCy-style
assertion flags use medspaCy's own names and defaults (plain attributes, set
on finding spans), so they coexist with medspaCy's ConText if a user adds it.
Everything a processed Doc holds is plain values (no rule objects), so it
serialises with `doc.to_bytes()` and `DocBin(store_user_data=True)`.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

FINDINGS_KEY = "findings"  # doc.spans[FINDINGS_KEY]: one span a finding
TARGETS_KEY = "spine_targets"  # doc.spans[TARGETS_KEY]: raw target matches (span.id_ = rule id)
TEXT_KEY = "spine_extractor.text"


# The fields of a finding in `doc._.findings`, by position. Lists, not dicts:
# medspaCy's msgpack decoders claim any dict with a "section" or "modifiers"
# key when a Doc is deserialised.
STORED_FINDING = (
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
    "rule_id",
    "modifiers",
)
_AT = {name: i for i, name in enumerate(STORED_FINDING)}
_START, _END, _TYPE = _AT["start"], _AT["end"], _AT["type"]
# the fields of an inventory item in `doc._.hardware`, by position
STORED_HARDWARE = ("component", "levels", "side", "mentions")


def stored_field(entry: list[Any], name: str) -> Any:
    return entry[_AT[name]]


def _stored(span: Span) -> list[Any] | None:
    """The finding a finding span stands for, from `doc._.findings`."""
    for entry in span.doc._.findings or ():
        if (
            entry[_START] == span.start_char
            and entry[_END] == span.end_char
            and entry[_TYPE] == span.label_
        ):
            return entry
    return None


def _field(name: str) -> Any:
    i = _AT[name]

    def get(span: Span) -> Any:
        entry = _stored(span)
        return None if entry is None else entry[i]

    return get


def _finding(span: Span) -> Any:
    from .record import stored_to_finding

    entry = _stored(span)
    return None if entry is None else stored_to_finding(entry, doc_text(span.doc))


SPAN_EXTENSIONS: dict[str, dict[str, Any]] = {
    # medspaCy ConText names (set on finding spans: the one flag of their assertion)
    "is_negated": {"default": False},
    "is_uncertain": {"default": False},
    "is_historical": {"default": False},
    "is_hypothetical": {"default": False},
    "is_family": {"default": False},
    "modifiers": {"default": ()},
    # ours, read from doc._.findings
    "finding": {"getter": _finding},
    "finding_type": {"getter": _field("type")},
    "component": {"getter": _field("component")},
    "levels": {"getter": lambda s: tuple(_field("levels")(s) or ())},
    "side": {"getter": _field("side")},
    "size_mm": {"getter": _field("size_mm")},
    "assertion": {"getter": _field("assertion")},
    "change": {"getter": _field("change")},
    "report_section": {"getter": _field("section")},
    "rule_id": {"getter": _field("rule_id")},
}
DOC_EXTENSIONS: dict[str, dict[str, Any]] = {
    # (category, header_start, body_start, end) for each section, in order
    "report_sections": {"default": None},
    # (start, end, category, direction, rule_id) for each context modifier
    "context_modifiers": {"default": None},
    # per span of the target group: [assertion, change, [[category, rule id], ...]] or None
    "context_results": {"default": None},
    # per finding span, in order: the contract's fields with character offsets,
    # plus rule_id and modifiers (see pipes/findings/builder.py)
    "findings": {"default": None},
    # the report's hardware inventory (see pipes/findings/inventory.py)
    "hardware": {"default": None},
    # findings a veto stopped: [start, end, cue rule id, veto rule id, reason]
    "vetoed": {"default": None},
}
FLAG_OF_ASSERTION = {
    "absent": "is_negated",
    "possible": "is_uncertain",
    "historical": "is_historical",
    "hypothetical": "is_hypothetical",
}


def doc_text(doc: Doc) -> str:
    """`doc.text`, cached: spaCy rebuilds it from the tokens on every access."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return text


def set_extensions() -> None:
    for name, kwargs in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, **kwargs)
    for name, kwargs in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, **kwargs)
