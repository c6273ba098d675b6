"""Addenda that correct the report before them.

An addendum ("ADDENDUM (attending): I disagree with the preliminary read:
there is no fracture of the right rod") supersedes what the preliminary
report said. When an addendum holds a correction word (`correction_words`:
disagree, correction, "as stated in the preliminary" ...), each present or
possible finding before it that the addendum states again (same type, at
its place, at no place, or on its side at other levels) becomes historical:
the addendum's own statement is what holds now. A finding the
addendum restates in a sentence of agreement ("I agree that the right T7
and T8 screws are lateral") keeps its assertion, and so does every finding
of an addendum that only agrees or adds ("Agree. In addition, ...").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ...lexicon import WordLists
from ...schema import POSITIVE_ASSERTIONS
from .document import Draft, Tokens


class AddendumJudge:
    def __init__(self, words: WordLists) -> None:
        # a header at the start of a line: "ADDENDUM:", "Attending addendum", "*** ADDENDUM ***"
        self.header = re.compile(
            r"^[ \t*#=-]*(?:" + words.alternation("addendum_headers") + r")\b",
            re.IGNORECASE | re.MULTILINE,
        )
        self.correction = re.compile(
            r"\b(?:" + words.alternation("correction_words") + r")\b", re.IGNORECASE
        )
        # "agree", not "disagree" or "do not agree"
        self.agreement = re.compile(
            r"(?<!dis)(?<!not )(?<!n't )\b(?:" + words.alternation("agreement_words") + r")\b",
            re.IGNORECASE,
        )

    def supersede(self, toks: Tokens, drafts: Sequence[Draft], bounds: Sequence[int]) -> None:
        """Make the preliminary findings a correcting addendum restates
        historical (in place); `bounds` are the sentence starts in tokens."""
        text = toks.doc_text
        header = self.header.search(text)
        if header is None or not self.correction.search(text, header.start()):
            return
        first = toks.token_at(header.start(), 0, len(toks.lower))
        later = [d for d in drafts if d.start >= first]
        if not later:
            return
        agreeing = [d for d in later if self._in_agreement(toks, d, bounds)]
        correcting = [d for d in later if not any(d is a for a in agreeing)]
        for d in drafts:
            if d.start >= first or d.assertion not in POSITIVE_ASSERTIONS:
                continue
            if any(a.type == d.type and _same_place(a, d) for a in agreeing):
                continue
            if any(c.type == d.type and _corrects(c, d) for c in correcting):
                d.assertion = "historical"

    def _in_agreement(self, toks: Tokens, d: Draft, bounds: Sequence[int]) -> bool:
        """Whether the sentence of `d` says the reader agrees."""
        s = bisect.bisect_right(bounds, d.start) - 1
        lo = bounds[s] if s >= 0 else 0
        hi = bounds[s + 1] if s + 1 < len(bounds) else len(toks.lower)
        a, b = toks.char_range(lo, hi)
        return self.agreement.search(toks.doc_text, a, b) is not None


def _corrects(c: Draft, d: Draft) -> bool:
    """Whether the addendum's finding `c` restates the preliminary `d`: at
    its place, at no place, or on its side at other levels (a correction of
    the level: "the malpositioned screw is the right C5 screw", not C4)."""
    if not c.levels and not c.side:
        return True
    return _same_place(c, d) or (c.side is not None and c.side == d.side)


def _same_place(a: Draft, b: Draft) -> bool:
    """Whether two findings name one place: shared levels, or one side and no
    levels against it."""
    if a.side and b.side and a.side != b.side and "bilateral" not in (a.side, b.side):
        return False
    if a.levels and b.levels:
        return bool(set(a.levels) & set(b.levels))
    return a.side is not None and a.side == b.side
