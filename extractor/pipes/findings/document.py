"""The per-document view the finding builder works on: token arrays, target
spans with their rule and context, and the builder's working records."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span

from ...extensions import doc_text
from ..sections import section_finder

_LEVEL_TOKEN_RE = re.compile(
    r"(?:[CTLSDctlsd]|[Tt]h)\d{1,2}(?:[-–/](?:[CTLSDctlsd]|[Tt]h)?\d{1,2})?|S2AI|s2ai"
)


class Target:
    """A target span's fields, read once (span attributes are slow to read)."""

    __slots__ = (
        "assertion",
        "change",
        "component",
        "end",
        "label_",
        "meta",
        "modifiers",
        "rule_id",
        "start",
        "start_char",
    )

    def __init__(self, span: Span, meta: dict[str, Any], context: list[Any] | None) -> None:
        self.start = span.start
        self.end = span.end
        self.start_char = span.start_char
        self.label_ = span.label_
        self.rule_id = span.id_
        self.meta = meta
        self.component: str | None = meta.get("component")
        if context is None:
            self.assertion, self.change = None, None
            self.modifiers: tuple[tuple[str, str], ...] = ()
        else:
            self.assertion, self.change = context[0], context[1]
            self.modifiers = tuple((m[0], m[1]) for m in context[2])


class Tokens:
    """Per-document token arrays, so the builder does not index the Doc."""

    __slots__ = ("doc_text", "headers", "idx", "lower", "negations_after", "section_at", "text")

    def __init__(self, doc: Doc) -> None:
        self.section_at = section_finder(doc)
        # where the negation cues that reach back start (token offsets): "... is not seen"
        self.negations_after = [
            m[0]
            for m in doc._.context_modifiers or ()
            if m[2] == "NEGATED_EXISTENCE" and m[3] in ("BACKWARD", "BIDIRECTIONAL")
        ]
        # (character offset, category) of each section header the text has
        self.headers = [(int(h[1]), str(h[0])) for h in doc._.report_sections or () if h[2] > h[1]]
        arr = doc.to_array([IDX, LENGTH])
        self.idx = arr[:, 0].tolist()
        text = doc_text(doc)
        self.doc_text = text
        self.text = [text[a : a + n] for a, n in zip(self.idx, arr[:, 1].tolist(), strict=True)]
        self.lower = [w.lower() for w in self.text]

    def headed_section_at(self, char: int) -> str | None:
        """The section of the last header before `char`; None in text before
        any header (an unheaded report, its opening lines)."""
        found = None
        for start, category in self.headers:
            if start > char:
                break
            found = category
        return found

    def char_range(self, a: int, b: int) -> tuple[int, int]:
        return self.idx[a], self.idx[b - 1] + len(self.text[b - 1])

    def token_at(self, char: int, lo: int, hi: int) -> int:
        for j in range(lo, hi):
            if self.idx[j] + len(self.text[j]) > char:
                return j
        return hi - 1

    def has_level(self, lo: int, hi: int) -> bool:
        return any(looks_like_level(self.text[j]) for j in range(lo, hi))


@lru_cache(maxsize=65536)
def looks_like_level(text: str) -> bool:
    return _LEVEL_TOKEN_RE.fullmatch(text) is not None


def in_windows(char: int, windows: list[tuple[int, int]]) -> bool:
    return any(a <= char < b for a, b in windows)


# (start char, end char, levels, role: None, "space", "foreign", "junction" or an endplate; see levels.py)
LevelMention = tuple[int, int, tuple[str, ...], str | None]
SideMention = tuple[int, int, str]
SizeMention = tuple[int, int, float]
# a part of a finding: its levels, its side (None: the finding's own), where it starts
PartGroup = tuple[list[str], str | None, int]


@dataclass(slots=True)
class Segment:
    """A cue and the part of its clause it owns, with what attaches to it."""

    cue: Target
    start: int  # token range of the cue's clause part
    end: int
    clause: int  # index of the clause in its sentence
    hardware: list[Target] = field(default_factory=list)
    vetoes: list[Target] = field(default_factory=list)
    levels: list[str] = field(default_factory=list)
    sides: list[str] = field(default_factory=list)
    sizes: list[float] = field(default_factory=list)
    borrowed: bool = False
    levels_attached: bool = True
    endplate_only: bool = False  # its levels are only an endplate's ("into the endplate of C7")
    extra_cues: list[Target] = field(default_factory=list)
    # (levels, side, char) per side-level pair when one clause names several:
    # "right T6-T7 and left T9 screws"
    side_groups: list[PartGroup] = field(default_factory=list)  # one finding per part
    size_mentions: list[SizeMention] = field(default_factory=list)
    outside: Target | None = None  # the NOT_SPINAL mention that vetoes it
    # its subject is anatomy ("the nerve root, which is displaced"): no hardware borrowed
    anatomy_subject: bool = False
    # (hardware list, cue label, primary span): primary_span's last answer
    primary_memo: tuple[list[Target], str, Target | None] | None = field(
        default=None, repr=False, compare=False
    )


@dataclass(slots=True)
class Draft:
    """A finding before it becomes a span: token offsets and its cue."""

    type: str
    component: str | None
    levels: list[str]
    side: str | None
    size_mm: float | None
    assertion: str
    change: str | None
    section: str
    start: int  # tokens
    end: int
    cue: Target
    own_component: bool
    own_side: bool
    hardware: Target | None = None  # the hardware it is about, when named
    construct: Target | None = (
        None  # a word for the whole construct it names ("the L3-5 construct")
    )
    events: tuple[str, ...] = ()  # the labels of the cues folded into it ("DISPLACEMENT")
    sums_up: bool = False  # its cue follows "in keeping with", "consistent with" ...
    endplate_only: bool = False  # placed only by an endplate it sank into
    # placed at the whole span of the report's one piece of its hardware
    # ("the plate" of a C5-7 fusion), not by anything in its own sentence
    whole_span: bool = False
