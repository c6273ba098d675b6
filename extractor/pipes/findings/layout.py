"""Report layout a finding's place depends on: the title line, plain-text
tables (a row a sentence, its columns' sides) and dictated self-corrections."""

from __future__ import annotations

import re
from typing import Any, TypeVar

from spacy.tokens import Doc

from .document import Draft, Tokens, looks_like_level


def without_title_stimulator(doc: Doc, toks: Tokens, drafts: list[Draft]) -> list[Draft]:
    """Drop a stimulator named only in the report's title line ("XR SPINE -
    STIMULATOR MALFUNCTION") when the report describes it elsewhere: the
    title names the study's subject, the body says where and how it is."""
    sections = doc._.report_sections or ()
    if not sections:
        return drafts
    _category, header, body, end = sections[0]
    title = toks.doc_text[:end].strip()
    if header != 0 or body != 0 or len(sections) < 2 or not _short_title(title):
        return drafts  # no title before the first header
    in_title = [d for d in drafts if d.type == "stimulator" and toks.idx[d.start] < end]
    if not in_title or not any(d.type == "stimulator" and toks.idx[d.start] >= end for d in drafts):
        return drafts
    return [d for d in drafts if not any(d is t for t in in_title)]


_M = TypeVar("_M", bound=tuple[Any, ...])
_SIDE_WORD_RE = re.compile(r"\b(left|right)\b", re.IGNORECASE)
TABLE_HEADER_LOOKBACK = 40  # table rows searched back for the header row


def _column_sides(text: str, line_start: int) -> list[str | None]:
    """The side each column of a plain-text table names in its header row
    ("Level | Left screw | Right screw | Interbody"), for the row at `line_start`."""
    end = line_start
    for _ in range(TABLE_HEADER_LOOKBACK):
        if end <= 0:
            break
        start = text.rfind("\n", 0, end - 1) + 1
        line = text[start : end - 1] if text[end - 1 : end] == "\n" else text[start:end]
        if line.count("|") < 2:
            break
        cells = line.split("|")
        sides = [(m.group(1).lower() if (m := _SIDE_WORD_RE.search(c)) else None) for c in cells]
        if any(sides) and not any(looks_like_level(w) for w in cells[0].split()):
            return sides
        end = start
    return []


def sides_from_columns(text: str, line_start: int, drafts: list[Draft], toks: Tokens) -> None:
    """A finding in a table row takes the side its column's header names."""
    line_end = text.find("\n", line_start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if line.count("|") < 2 or not any(d.side is None for d in drafts):
        return
    sides = _column_sides(text, line_start)
    for d in drafts if sides else ():
        if d.side is not None:
            continue
        column = text.count("|", line_start, toks.idx[d.cue.start])
        if column < len(sides) and sides[column] is not None:
            d.side = sides[column]


# a dictated self-correction between a word and its replacement: "the left,
# correction, the right L5 screw", "L4, I mean L5", "both rods, I mean the left"
_CORRECTION_RE = re.compile(
    r"(?:\s+[A-Za-z]+){0,2}?[\s,]*,[\s]*(?:correction|i\s+mean|scratch\s+that|sorry|or\s+rather"
    r"|rather(?!\s+than))[\s,:]+(?:the\s+)?",
    re.IGNORECASE,
)
CORRECTION_REACH = 30  # characters from the correction word to the replacement


def corrected_away(text: str, mentions: list[_M]) -> list[_M]:
    """The mentions without those a self-correction replaces by one of
    their kind just after it."""
    if len(mentions) < 2 or not any(
        w in text for w in ("orrection", " mean", "cratch", "orry", "ather")
    ):
        return mentions
    out = []
    for k, m in enumerate(mentions):
        c = _CORRECTION_RE.match(text, m[1])
        replaced = c is not None and any(
            0 <= n[0] - c.end() <= CORRECTION_REACH for n in mentions[k + 1 :]
        )
        if not replaced:
            out.append(m)
    return out


TITLE_MAX_CHARS = 160  # as the sectionizer's title: two lines at most, this long


def _short_title(text: str) -> bool:
    # an exam's name, not a sentence: no full stop or semicolon in it
    return (
        len(text) <= TITLE_MAX_CHARS
        and len([ln for ln in text.splitlines() if ln.strip()]) <= 2
        and not any(c in text for c in ".;")
    )
