"""Spinal scope: hardware outside the spine gives no finding.

A finding is vetoed when what it is about lies outside the spine
(`NOT_SPINAL` target rules: anatomy such as the clavicle or hip, devices
such as PICC lines, pacemakers, arthroplasties), decided from the nearest
evidence out: the hardware's own noun phrase ("clavicle plate"), then its
clause, then its sentence, then the sentence before it in the same section
("Left shoulder: plate fixation of the clavicle. Two screws have backed
out."). Spinal evidence at any step (a vertebral level, spinal hardware, a
word of `spinal_anchors`) keeps the finding.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...lexicon import WordLists
from .document import LevelMention, Segment, Target, Tokens

NP_BEFORE = 2  # words between anatomy and the hardware word it names ("clavicle locking plate")
NP_AFTER = 4  # words between a hardware word and its "of the left clavicle"
CUE_NP_GAP = 2  # words between anatomy or a device and the cue ending its noun phrase ("humeral neck fracture")
# cues a noun phrase of anatomy or a device may end ("humeral neck fracture",
# "port catheter fracture"); not a breach or subsidence, whose anatomy words
# say where the hardware went ("acetabular breach") or what it is ("femoral
# ring allograft subsidence")
NP_NAMED_CUES = frozenset(
    {"FRACTURE", "LUCENCY", "LOOSENING", "DISPLACEMENT", "DISENGAGEMENT", "BACKOUT"}
)
POSITION_REACH = 3  # words between a position word and the anatomy it places ("over the right hip")


class ScopeJudge:
    """Decides, clause by clause, whether a finding is about the spine."""

    def __init__(self, words: WordLists) -> None:
        self.anchors = words["spinal_anchors"]
        self.weak_anchors = words["weak_spinal_anchors"]
        self.spinal_components = words["spinal_components"]
        self.positions = words["outside_position_words"]
        self.of_words = words["np_of_words"]
        self.np_breaks = words["outside_np_breaks"]
        self.carried: tuple[str, Target] | None = None  # (section, NOT_SPINAL target)

    def reset(self) -> None:
        self.carried = None

    def spinal_between(self, toks: Tokens, a: int, b: int) -> bool:
        """Whether sentences without targets between two visited ones speak
        of the spine (a level, an anchor word): then nothing carries over."""
        return toks.has_level(a, b) or any(toks.lower[j] in self.anchors for j in range(a, b))

    def _names(self, toks: Tokens, o: Target, h: Target) -> bool:
        """Whether the anatomy or device `o` is part of hardware `h`'s noun phrase."""
        if 0 <= h.start - o.end <= NP_BEFORE:
            return all(
                (toks.lower[j].isalpha() and toks.lower[j] not in self.of_words)
                or toks.lower[j] in ("left", "right")
                for j in range(o.end, h.start)
            )
        if 0 <= o.start - h.end <= NP_AFTER:
            return all(toks.lower[j] in self.of_words for j in range(h.end, o.start))
        return False

    def _spinal(
        self,
        toks: Tokens,
        a: int,
        b: int,
        hardware: Sequence[Target],
        levels: Sequence[LevelMention],
        outside: Sequence[Target] = (),
    ) -> bool:
        c0, c1 = toks.char_range(a, b)
        if any(c0 <= m[0] < c1 for m in levels):
            return True
        if any(a <= h.start < b and h.component in self.spinal_components for h in hardware):
            return True
        # "construct" is the spine's unless the stretch names a bone outside it
        # ("a plate and screw construct fixes a humeral fracture")
        weak = not any(a <= o.start < b for o in outside)
        return any(
            toks.lower[j] in self.anchors or (weak and toks.lower[j] in self.weak_anchors)
            for j in range(a, b)
        )

    def positional(self, toks: Tokens, o: Target) -> bool:
        """Whether anatomy `o` only places hardware ("projecting over the right
        hip", "breaches into the hip joint", "adjacent to the femoral head"):
        a position, not what the hardware belongs to."""
        j = o.start - 1
        stop = max(0, o.start - POSITION_REACH - 1)
        while j >= stop and toks.lower[j] in self.of_words and toks.lower[j] != "of":
            j -= 1
        if j >= 0 and toks.lower[j] == "to":
            j -= 1
        return j >= 0 and toks.lower[j] in self.positions

    def outside(
        self,
        toks: Tokens,
        seg: Segment,
        clause: tuple[int, int],
        sentence: tuple[int, int],
        section: str,
        hardware: Sequence[Target],
        outside: Sequence[Target],
        levels: Sequence[LevelMention],
    ) -> Target | None:
        """The NOT_SPINAL mention that puts this segment's finding outside the
        spine, or None."""
        named_by = self._names_cue(toks, seg, outside, levels)
        if named_by is not None:
            return named_by  # "an acute humeral neck fracture", "port catheter fracture"
        return self._outside_of(
            toks, seg.hardware, seg.cue.start, clause, sentence, section, hardware, outside, levels
        )

    def _names_cue(
        self,
        toks: Tokens,
        seg: Segment,
        outside: Sequence[Target],
        levels: Sequence[LevelMention],
    ) -> Target | None:
        """Anatomy or a device outside the spine that ends in the cue's own noun
        phrase: that bone or device is what broke or moved, whatever else the
        sentence names; not when the segment names spinal hardware, or a level
        after the cue ("sternotomy wires intact fractured left rod at T10",
        "chest tube removed new fracture of the right T10 screw")."""
        cue = seg.cue
        if cue.label_ not in NP_NAMED_CUES or not outside:
            return None
        if any(h.component in self.spinal_components for h in seg.hardware):
            return None
        # a level in the cue's complement ("... new fracture of the right T10 screw")
        c0, c1 = toks.char_range(cue.start, seg.end)
        if any(c0 <= m[0] < c1 and m[3] != "foreign" for m in levels):
            return None
        hardware_at = {j for h in seg.hardware for j in range(h.start, h.end)}
        for o in outside:
            if (
                o.end <= cue.start
                and cue.start - o.end <= CUE_NP_GAP
                and all(
                    toks.text[j].isalpha()
                    and toks.lower[j] not in self.np_breaks
                    and j not in hardware_at
                    for j in range(o.end, cue.start)
                )
            ):
                return o
        return None

    def mention_outside(
        self,
        toks: Tokens,
        h: Target,
        clause: tuple[int, int],
        sentence: tuple[int, int],
        section: str,
        hardware: Sequence[Target],
        outside: Sequence[Target],
        levels: Sequence[LevelMention],
    ) -> bool:
        """Whether hardware `h`, named in `clause`, lies outside the spine (so
        it is not in the report's inventory), by the same steps as a finding."""
        return (
            self._outside_of(
                toks, [h], h.start, clause, sentence, section, hardware, outside, levels
            )
            is not None
        )

    def _outside_of(
        self,
        toks: Tokens,
        named: Sequence[Target],
        at: int,
        clause: tuple[int, int],
        sentence: tuple[int, int],
        section: str,
        hardware: Sequence[Target],
        outside: Sequence[Target],
        levels: Sequence[LevelMention],
    ) -> Target | None:
        for h in named:
            for o in outside:
                if self._names(toks, o, h):
                    return o  # "clavicle plate", "plate of the clavicle", "femoral stem"
        if any(h.component in self.spinal_components for h in named):
            return None
        owners = [o for o in outside if not self.positional(toks, o)]
        for a, b in (clause, sentence):
            inside = [o for o in owners if a <= o.start < b]
            if self._spinal(toks, a, b, hardware, levels, owners):
                return None
            if inside:
                return min(inside, key=lambda o: abs(o.start - at))
        if self.carried is not None and self.carried[0] == section:
            return self.carried[1]
        return None

    def after_sentence(
        self,
        toks: Tokens,
        sentence: tuple[int, int],
        section: str,
        hardware: Sequence[Target],
        outside: Sequence[Target],
        levels: Sequence[LevelMention],
    ) -> None:
        """Remember a sentence about something outside the spine, for the next."""
        a, b = sentence
        owners = [o for o in outside if not self.positional(toks, o)]
        if self._spinal(toks, a, b, hardware, levels, owners):
            self.carried = None
        elif owners:
            self.carried = (section, owners[-1])
        elif self.carried is not None and self.carried[0] != section:
            self.carried = None
