"""`spine_sentences`: sentence starts for report text (lines, lists,
headers, ALL CAPS, missing punctuation)."""

# no "from __future__ import annotations": spaCy reads factory signatures at runtime

import functools
import itertools
import re
from collections.abc import Iterable
from typing import Any

import numpy as np
from spacy.attrs import IDX, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import doc_text, set_extensions
from ..lexicon import WordLists, load_words

DEFAULTS: dict[str, Any] = {"words": None}
MAX_SENTENCE_TOKENS = 400  # a longer "sentence" is cut: no report sentence is this long
MIN_LINES_FOR_WIDTH = 4  # fewer lines tell nothing of a wrap width
UNWRAPPED = 1 << 30  # the wrap width of text whose lines are not wrapped

# A sentence ends at . ! ? after a word ("? loosening" is a question mark
# opening a query, not the end of a sentence).
_SENT_END_RE = re.compile(r"(?<=[A-Za-z0-9)\]%'\"][.!?])[\"')\]]*[ \t\r\n]+(?=\S)")
_WORD_BEFORE_RE = re.compile(r"([A-Za-z0-9/]+)\.?[.!?]*[\"')\]]*$")
_LIST_MARKER_RE = re.compile(r"[ \t]*(?:[-*•·▪◦]|\d{1,2}[.)](?!\d)|\(?[a-z][.)][ \t])")
_LINE_RE = re.compile(r"[^\n]+|(?<=\n)(?=\n)")
_BOUNDS_KEY = "spine_extractor.sentence_bounds"


TABLE_CELL_BARS = 2  # a line with this many "|" is a row of a plain-text table


def _table_row(line: str) -> bool:
    """A row of a plain-text table ("L4 | intact | 2 mm lucency | -"): its own sentence."""
    return line.count("|") >= TABLE_CELL_BARS


def sentence_starts(text: str, words: WordLists, forced: Iterable[int] = ()) -> list[int]:
    """Character offsets where sentences start, for report text.

    Splits at sentence punctuation, blank lines, list items, header lines and
    line breaks that are not a wrapped continuation (next line lower-case, or
    previous line ending in a function word or comma).
    """
    abbreviations = words["abbreviations"]
    continuation = words["continuation_words"]
    starts = {0}
    for m in _SENT_END_RE.finditer(text):
        before = text[max(0, m.start() - 12) : m.start()]
        w = _WORD_BEFORE_RE.search(before)
        word = w.group(1).lower() if w else ""
        if word in abbreviations or (len(word) == 1 and word.isalpha()):
            continue
        if word.isdigit() and _is_list_marker(text, m.start() - 1):
            continue  # "1." opening a numbered line is not a sentence
        starts.add(m.end())
    starts.update(_dictated_starts(text, words))
    prev_line: str | None = None
    blank_between = False
    # text with no sentence punctuation at all is dictation, a statement a
    # line; otherwise a lower-case line continues one that was wrapped
    width = _wrap_width(text) if len(starts) > 1 else UNWRAPPED
    for m in _LINE_RE.finditer(text):
        line = m.group().rstrip("\r\n")
        if not line.strip():
            blank_between = prev_line is not None
            continue
        if prev_line is not None and (
            blank_between
            or _table_row(prev_line)
            or _table_row(line)
            or _line_break_splits(prev_line, line, continuation, width)
        ):
            starts.add(m.start() + len(line) - len(line.lstrip()))
        prev_line = line
        blank_between = False
    for f in forced:
        if 0 <= f < len(text):
            starts.add(f)
    return sorted(starts)


@functools.lru_cache(maxsize=8)
def _dictated_res(
    breaks: frozenset[str], stops: frozenset[str], starters: frozenset[str]
) -> tuple[frozenset[str], re.Pattern[str], re.Pattern[str]]:
    def alternatives(phrases: Iterable[str]) -> str:
        return "|".join(r"[ \t]+".join(map(re.escape, p.split())) for p in sorted(phrases))

    after = rf"(?:\n|$|[ \t]+(?=(?:{alternatives(starters)})\b))"
    # the last word of any of them: a substring test before the two searches
    quick = frozenset(p.split()[-1] for p in (*breaks, *stops))
    return (
        quick,
        re.compile(rf"\b(?:{alternatives(breaks)})\b[ \t]*", re.IGNORECASE),
        re.compile(rf"\b(?:{alternatives(stops)}){after}", re.IGNORECASE),
    )


def _dictated_starts(text: str, words: WordLists) -> Iterable[int]:
    """Where a statement starts after dictated punctuation ("new paragraph",
    "period" before a statement)."""
    quick, breaks, stops = _dictated_res(
        words["dictated_breaks"], words["dictated_stops"], words["dictation_starters"]
    )
    lowered = text.lower()
    if not any(w in lowered for w in quick):
        return ()
    found = [m.end() for m in breaks.finditer(text)]
    found += [m.end() for m in stops.finditer(text)]
    return [i for i in found if i < len(text)]


def _is_list_marker(text: str, dot: int) -> bool:
    """Whether the digits before text[dot] ('.') open their line ("1. ...")."""
    i = dot
    while i > 0 and dot - i < 3 and text[i - 1].isdigit():
        i -= 1
    while i > 0 and dot - i < 8 and text[i - 1] in " \t":
        i -= 1
    return i == 0 or text[i - 1] == "\n"


def _wrap_width(text: str) -> int | None:
    """The longest line's length: a wrapped line's next word did not fit on
    it. None when there are too few lines to tell."""
    lengths = [len(line.rstrip()) for line in text.split("\n") if line.strip()]
    return max(lengths) if len(lengths) >= MIN_LINES_FOR_WIDTH else None


def _line_break_splits(
    prev_line: str, next_line: str, continuation: frozenset[str], width: int | None
) -> bool:
    prev = prev_line.rstrip()
    nxt = next_line.lstrip()
    if not prev or not nxt:
        return True
    if _LIST_MARKER_RE.match(next_line) or prev.endswith((":", ".", "!", "?", ";")):
        return True
    if prev.endswith((",", "-", "(", "/")):
        return False
    last_word = prev.rsplit(None, 1)[-1].lower()
    if last_word in continuation:
        return False
    if nxt[0].islower():
        # lower-case dictation, a statement a line: the line ended early, its
        # next word would have fitted ("no screw backout\nthe rods are intact")
        return width is not None and len(prev) + 1 + len(nxt.split(None, 1)[0]) <= width
    if width is not None and _no_lower_case(prev) and _no_lower_case(nxt):
        # in ALL CAPS text wrapped at a width case tells nothing either
        return len(prev) + 1 + len(nxt.split(None, 1)[0]) <= width
    return True


def _no_lower_case(line: str) -> bool:
    return not any(c.islower() for c in line)


class SentenceSplitter:
    """Rule-based sentence starts for reports.

    Sets `Token.is_sent_start` for every token in one array write. Sections
    must run first: each header and each section body starts a sentence.
    """

    def __init__(
        self, nlp: Language, name: str = "spine_sentences", *, words: str | None = DEFAULTS["words"]
    ) -> None:
        set_extensions()
        self.name = name
        self.words = load_words(words)

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        text = doc_text(doc)
        forced: list[int] = []
        for _, h_start, body, _end in doc._.report_sections or ():
            forced.append(h_start)
            while body < len(text) and text[body].isspace():
                body += 1
            forced.append(body)
        starts = sentence_starts(text, self.words, forced)
        arr = doc.to_array([IDX, IS_SPACE]).astype(np.int64)
        is_space = arr[:, 1].tolist()
        flags = np.full(n, -1, dtype=np.int64)
        positions = np.searchsorted(arr[:, 0], np.asarray(starts, dtype=np.int64), side="left")
        for p in positions.tolist():
            # skip forward over whitespace tokens to the first real token
            while p < n and is_space[p]:
                p += 1
            if p < n:
                flags[p] = 1
        flags[0] = 1
        # bound sentence length: per-sentence work stays linear on pathological input
        starts_at = [*np.flatnonzero(flags == 1).tolist(), n]
        for a, b in itertools.pairwise(starts_at):
            if b - a > MAX_SENTENCE_TOKENS:
                flags[a + MAX_SENTENCE_TOKENS : b : MAX_SENTENCE_TOKENS] = 1
        # spaCy wants uint64; -1 ("not a start") wraps around as it expects
        doc.from_array([SENT_START], flags.astype(np.uint64).reshape(-1, 1))  # type: ignore[arg-type]
        doc.user_data[_BOUNDS_KEY] = [*np.flatnonzero(flags == 1).tolist(), n]
        return doc


def sentence_bounds(doc: Doc) -> list[int]:
    """Token index of each sentence start (plus len(doc) at the end)."""
    cached = doc.user_data.get(_BOUNDS_KEY)
    if cached is not None and cached[-1] == len(doc):
        return cached
    flags = doc.to_array([SENT_START]).reshape(-1)
    starts = [int(i) for i in np.flatnonzero(flags == 1)]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    starts.append(len(doc))
    doc.user_data[_BOUNDS_KEY] = starts
    return starts


@Language.factory("spine_sentences", default_config=DEFAULTS)
def make_sentence_splitter(nlp: Language, name: str, words: str | None) -> SentenceSplitter:
    return SentenceSplitter(nlp, name, words=words)
