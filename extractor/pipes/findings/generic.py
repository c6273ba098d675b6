"""Generic and teaching statements: about hardware in general, not about
this patient's images ("Screw loosening is a common cause of pain after
fusion", "Pseudarthrosis should be suspected when ...").

A sentence is generic when it places nothing (no vertebral level, no side),
holds one of the `generic_markers` (a common cause of, should be suspected
when, more sensitive than ...), and names its hardware and findings without
a definite word ("the", "these", "both"): "the lucency around the screws is
a common cause of pain" is about this patient.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...lexicon import WordLists
from .document import LevelMention, SideMention, Target, Tokens

DEFINITE_REACH = 3  # words before a hardware word or cue searched for "the", "these" ...


class GenericJudge:
    def __init__(self, words: WordLists) -> None:
        self.markers = re.compile(r"\b(?:" + words.alternation("generic_markers") + r")\b")
        self.definite = words["definite_words"]

    def is_generic(
        self,
        toks: Tokens,
        lo: int,
        hi: int,
        levels: Sequence[LevelMention],
        sides: Sequence[SideMention],
        targets: Sequence[Target],
    ) -> bool:
        """Whether the sentence at tokens [lo, hi), with these level and side
        mentions and the hardware and cues `targets`, is a generic statement."""
        if sides or any(m[3] != "foreign" for m in levels):
            return False
        c0, c1 = toks.char_range(lo, hi)
        if not self.markers.search(toks.doc_text[c0:c1].lower()):
            return False
        lower = toks.lower
        return not any(
            lower[j] in self.definite
            for t in targets
            for j in range(max(lo, t.start - DEFINITE_REACH), t.start)
        )
