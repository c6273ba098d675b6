"""Spinal scope: hardware outside the spine gives no finding.

A finding is vetoed when what it is about lies outside the spine
(`NOT_SPINAL` target rules: anatomy such as the clavicle or hip, devices
such as PICC lines, pacemakers, arthroplasties), decided from the nearest
evidence out: the cue's own noun phrase ("humeral neck fracture"), the
hardware's ("clavicle plate"), then its clause, then its sentence, then the
sentence before it in the same section ("Left shoulder: plate fixation of
the clavicle. Two screws have backed out."). Spinal evidence at any step (a
vertebral level, spinal hardware, a word of `spinal_anchors`, or of
`weak_spinal_anchors` beside no bone outside the spine) keeps the finding.
In a sentence with such evidence, anatomy after a position word ("projecting
over the right hip") only places the hardware. The inventory leaves out
hardware by the same steps (`mention_outside`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ...lexicon import WordLists
from .document import LevelMention, Segment, Target, Tokens, looks_like_level

NP_BEFORE = 2  # words between anatomy and the hardware word it names ("clavicle locking plate")
NP_AFTER = 4  # words between a hardware word and its "of the left clavicle"
CUE_NP_GAP = 2  # words between anatomy or a device and the cue ending its noun phrase ("humeral neck fracture")
# cues of movement, whose anatomy before them may say where the hardware went
# ("acetabular breach", "rib head penetration") or what a spinal implant is
# ("femoral ring allograft subsidence"): named by that anatomy only when the
# segment has no spinal hardware or level of its own
MOVEMENT_CUES = frozenset(
    {"MALPOSITION", "BACKOUT", "DISPLACEMENT", "DISENGAGEMENT", "SUBSIDENCE", "TILT", "IMPINGEMENT"}
)
OBJECT_REACH = 4  # tokens after a cue to the hardware it is about ("fractured left T10 rod")
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
        return toks.has_level(a, b) or not self.anchors.isdisjoint(toks.lower[a:b])

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
        # "construct" is the spine's unless the stretch names, or the sentence
        # before carried, a bone outside it ("a plate and screw construct
        # fixes a humeral fracture"; "Left humerus fixation. The construct ...")
        weak = not any(a <= o.start < b and _is_anatomy(o) for o in outside) and not (
            self.carried is not None and _is_anatomy(self.carried[1])
        )
        # a spinal word inside a phrase outside the spine ("the medullary
        # canal", "the obturator foramen") is that phrase's
        inside = {j for o in outside if a <= o.start < b for j in range(o.start, o.end)}
        if not inside:  # the common case, as set tests
            words = toks.lower[a:b]
            return not self.anchors.isdisjoint(words) or (
                weak and not self.weak_anchors.isdisjoint(words)
            )
        return any(
            j not in inside
            and (toks.lower[j] in self.anchors or (weak and toks.lower[j] in self.weak_anchors))
            for j in range(a, b)
        )

    def _owners(
        self,
        toks: Tokens,
        sentence: tuple[int, int],
        hardware: Sequence[Target],
        outside: Sequence[Target],
        levels: Sequence[LevelMention],
    ) -> list[Target]:
        """The sentence's mentions outside the spine that may own its hardware:
        anatomy that only places hardware ("projecting over the right hip")
        owns nothing in a sentence with spinal evidence of its own (a level,
        spinal hardware, a spinal word); in one without, it does ("a fractured
        wire projects over the sternum")."""
        if not outside or not self._spinal(toks, *sentence, hardware, levels, outside):
            return list(outside)
        return [o for o in outside if not self.positional(toks, o)]

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
        if seg.cue.label_ == "PSEUDARTHROSIS":
            joint = self._unplaced_nonunion(seg, outside, levels)
            if joint is not None:
                return joint  # "nonunion of the left ankle arthrodesis"
        return self._outside_of(
            toks, seg.hardware, seg.cue.start, clause, sentence, section, hardware, outside, levels
        )

    def _unplaced_nonunion(
        self, seg: Segment, outside: Sequence[Target], levels: Sequence[LevelMention]
    ) -> Target | None:
        """Anatomy outside the spine in the sentence of a nonunion that names
        no spinal hardware and no level: the fusion is that joint's."""
        if any(h.component in self.spinal_components for h in seg.hardware):
            return None
        if any(m[3] != "foreign" for m in levels):
            return None
        return next((o for o in outside if _is_anatomy(o)), None)

    def _names_cue(
        self,
        toks: Tokens,
        seg: Segment,
        outside: Sequence[Target],
        levels: Sequence[LevelMention],
    ) -> Target | None:
        """Anatomy or a device outside the spine that ends in the cue's own noun
        phrase: that bone or device is what broke or moved, whatever else the
        sentence names ("humeral neck fracture with rods in place"); not when
        hardware follows the cue as what failed ("... fractured left rod at
        T10"), nor for a movement cue in a segment with spinal hardware or a
        level, whose anatomy says where the hardware went ("left iliac screw
        with acetabular breach")."""
        cue = seg.cue
        if not outside or self._has_object(toks, cue, seg):
            return None  # "... fractured left rod at T10": the rod is what broke
        if cue.label_ in MOVEMENT_CUES:
            if any(h.component in self.spinal_components for h in seg.hardware):
                return None  # "left iliac screw with acetabular breach"
            c0, c1 = toks.char_range(seg.start, seg.end)
            if any(c0 <= m[0] < c1 and m[3] != "foreign" for m in levels):
                return None  # "L4-5 femoral ring allograft subsidence"
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

    def _has_object(self, toks: Tokens, cue: Target, seg: Segment) -> bool:
        """Whether hardware follows the cue in its own noun phrase, as what
        failed ("fractured left T10 rod", "fracture of the right T10 screw"),
        with only articles, sides and levels between."""
        for h in seg.hardware:
            if cue.end <= h.start <= cue.end + OBJECT_REACH and all(
                toks.lower[j] in self.of_words or looks_like_level(toks.text[j])
                for j in range(cue.end, h.start)
            ):
                return True
        return False

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
        owners = self._owners(toks, sentence, hardware, outside, levels)
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
        owners = self._owners(toks, sentence, hardware, outside, levels)
        if self.carried is None and not owners:
            return  # nothing carried, nothing to carry
        if self._spinal(toks, a, b, hardware, levels, owners):
            self.carried = None
        elif owners:
            self.carried = (section, owners[-1])
        elif self.carried is not None and self.carried[0] != section:
            self.carried = None


def _is_anatomy(o: Target) -> bool:
    """A NOT_SPINAL mention of a body part (clavicle, humerus, hip), not a device."""
    return o.meta.get("kind") == "anatomy"
