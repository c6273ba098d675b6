"""The report's hardware inventory: each construct or device it describes as
in place, with its component, levels and side, merged across the whole
report (history, technique, findings, impression).

Every hardware, stimulator and procedure mention ("L4-5 TLIF" implies a cage
and screws at L4-5) becomes a `Mention` with the levels and side of its own
noun phrase (or of its clause, when the clause names only that kind of
hardware). Mentions of removed or planned hardware, negated hardware ("no
hardware") and hardware outside the spine are left out. Mentions of the same
component with overlapping levels merge into one `Entry`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from ...lexicon import WordLists
from ...normalize import combine_sides, sort_levels
from .attach import (
    is_label_clause,
    level_beside,
    not_stimulator_hardware,
    stimulator_level_mentions,
    stimulator_tip_mentions,
)
from .clauses import np_window
from .document import LevelMention, SideMention, Target, Tokens
from .levels import disc_of_endplate

# what a rod holds to the spine by: on a one-sided rod, on its side
ROD_ANCHORS = frozenset({"hook"})


@dataclass
class Mention:
    target: Target
    component: str | None
    levels: list[str]
    side: str | None
    start: int  # characters
    end: int
    sentence: int
    section: str
    implied: bool = False  # from a procedure ("TLIF"), not named
    tip: bool = False  # a lead placed by its tip ("tip at T8"), not where it broke


@dataclass
class Entry:
    component: str | None
    levels: list[str]
    sides: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)

    @property
    def side(self) -> str | None:
        return combine_sides(self.sides)

    def stored(self) -> list[object]:
        """As plain values for `doc._.hardware` (see extensions.STORED_HARDWARE)."""
        spans = sorted({(m.start, m.end) for m in self.mentions})
        return [self.component, list(self.levels), self.side, [list(s) for s in spans]]


LEAD_COMPONENTS = frozenset({"stimulator_lead", "stimulator"})
# long hardware: the place of a fracture or shift along it is not its whole span
LONG_COMPONENTS = frozenset({"rod", "wire"})
_SCREWS = ("pedicle_screw", "lateral_mass_screw", "iliac_screw", "screw")


def same_kind(a: str | None, b: str | None) -> bool:
    """Whether two components can name the same hardware (a plain screw may
    be any screw)."""
    if a == b:
        return True
    return a in _SCREWS and b in _SCREWS and "screw" in (a, b)


def _compound_partner(toks: Tokens, h: Target, named: Sequence[Target]) -> Target | None:
    """The hardware joined to `h` by a hyphen or slash ("screw-rod", "rod/screw")."""
    for g in named:
        if g is h:
            continue
        if g.start == h.end + 1 and toks.lower[h.end] in ("-", "/"):
            return g
        if h.start == g.end + 1 and toks.lower[g.end] in ("-", "/"):
            return g
    return None


def _lead_stretches(
    toks: Tokens,
    named: Sequence[Target],
    a: int,
    b: int,
    levels: Sequence[LevelMention],
    words: WordLists,
) -> dict[int, tuple[int, int]]:
    """For a clause naming several stimulator leads ("the right lead tip at T8
    and the left lead tip at mid T9"), each lead's character stretch: from its
    noun phrase to the next lead's, so that the level and side words up to the
    next lead are its own."""
    leads = sorted((h for h in named if h.component in LEAD_COMPONENTS), key=lambda h: h.start)
    if len(leads) < 2:
        return {}
    lefts = []
    for h in leads:
        w0 = np_window(toks, h, a, b, (h,), words)[0]
        h0 = toks.char_range(h.start, h.end)[0]
        # a level before the lead, inside its noun phrase, ends the lead before it
        w0 = max([w0, *(m[1] for m in levels if w0 <= m[0] and m[1] <= h0)])
        lefts.append(w0)
    clause_end = toks.char_range(a, b)[1]
    return {
        id(h): (lefts[k], lefts[k + 1] if k + 1 < len(leads) else clause_end)
        for k, h in enumerate(leads)
    }


class Inventory:
    """Mentions and merged entries of one report."""

    def __init__(self, words: WordLists, groups: Mapping[str, str]) -> None:
        self.groups = groups
        self.words = words
        self.gone_re = words.word_regex("removal_words")
        self.mentions: list[Mention] = []
        self.mention_sentences: list[int] = []
        self._any_gone: bool | None = None  # whether the report has a removal word at all
        self.entries: list[Entry] = []

    def add_sentence(
        self,
        toks: Tokens,
        sentence: int,
        section: str,
        clause_list: Sequence[tuple[int, int]],
        hardware: Sequence[Target],
        procedures: Sequence[Target],
        levels: Sequence[LevelMention],
        sides: Sequence[SideMention],
        pockets: Sequence[SideMention],
        is_outside: Callable[[Target, tuple[int, int]], bool] | None = None,
    ) -> None:
        """Add the hardware a sentence names; `is_outside(h, clause)` tells
        hardware outside the spine (a sternal wire, a clavicle screw)."""
        if self._any_gone is None:
            # most reports remove nothing: one search, not one a clause
            self._any_gone = (
                # a set test first: most reports name none of the words
                not (
                    toks.doc_text.isascii()
                    and not self.words.may_occur("removal_words", set(toks.lower))
                )
                and self.gone_re.search(toks.doc_text) is not None
            )
        label: list[LevelMention] = []  # "C4: superior plate screws": the line's level label
        if clause_list and is_label_clause(toks, *clause_list[0], clause_list[-1][1]):
            l0, l1 = toks.char_range(*clause_list[0])
            label = [m for m in levels if l0 <= m[0] < l1 and m[3] not in ("foreign", "junction")]
            if any(len(m[2]) > 1 for m in label):
                label = []  # "C6-7: mild bulge, the plate ...": a disc's line, not the hardware's
        for a, b in clause_list:
            named = [h for h in (*hardware, *procedures) if a <= h.start < b]
            if not named:
                continue
            c0, c1 = toks.char_range(a, b)
            if self._any_gone and self.gone_re.search(toks.doc_text, c0, c1):
                continue  # removed or planned hardware
            clause_levels = [
                m for m in levels if c0 <= m[0] < c1 and m[3] not in ("foreign", "junction")
            ] or label
            if any(h.component in LEAD_COMPONENTS for h in named):
                # not the levels of the fusion or other hardware named beside them
                others = not_stimulator_hardware(named)
                lead_levels = stimulator_level_mentions(
                    toks,
                    a,
                    b,
                    [m for m in clause_levels if not level_beside(toks, m, others)],
                    self.words,
                    section,
                )
                tips = stimulator_tip_mentions(toks, a, b, lead_levels, self.words)
            else:
                lead_levels = clause_levels
                tips = []
            kinds = {self.groups.get(h.component or "") for h in named} - {None}
            components = {h.component for h in named}
            stretches = _lead_stretches(toks, named, a, b, levels, self.words)
            one_rod_side = self._one_rod_side(toks, named, a, b, sides)
            for h in named:
                if h.assertion == "absent":
                    continue  # "no hardware"
                if is_outside is not None and is_outside(h, (a, b)):
                    continue
                w0, w1 = stretches.get(id(h)) or np_window(toks, h, a, b, (h,), self.words)
                # a lead lies where its tips are, not where it enters the canal
                placed = lead_levels if h.component in LEAD_COMPONENTS else clause_levels
                if h.component in LONG_COMPONENTS:
                    # a rod or wire spans vertebrae: "behind the L6-S1 disc" is where a
                    # piece of it lies, not its span
                    placed = [m for m in placed if m[3] != "space"]
                own = [m for m in placed if w0 <= m[0] < w1]
                if not own and len(kinds) <= 1 and h.component != "stimulator_generator":
                    # the clause names only this kind of hardware (a generator
                    # sits in its pocket, not at the levels of its leads)
                    own = placed
                partner = _compound_partner(toks, h, named)
                if not own and partner is not None:
                    # "screw-rod stabilization at L4-L5": the compound's place is both's
                    p0, p1 = np_window(toks, partner, a, b, (partner,), self.words)
                    own = [m for m in placed if p0 <= m[0] < p1]
                side = combine_sides(m[2] for m in sides if w0 <= m[0] < w1)
                if side is None and h.component in LEAD_COMPONENTS and len(components) <= 1:
                    # "two leads ..., paramedian right and left": a clause of leads only
                    side = combine_sides(m[2] for m in sides if c0 <= m[0] < c1)
                if h.component == "stimulator_generator":
                    side = combine_sides(m[2] for m in pockets if c0 <= m[0] < c1) or side
                if side is None and h.component in ROD_ANCHORS:
                    # "a single rod on the right extends from a hook at T4 to a
                    # hook at L3": the hooks of a one-sided rod are on its side
                    side = one_rod_side
                start, end = toks.char_range(h.start, h.end)
                if (
                    h.component == "interbody_cage"
                    and len(own) > 1
                    and all(len(m[2]) == 2 for m in own)
                ):
                    # "cages at L4-5 and L5-S1": one cage a disc (but "beyond
                    # the L5 and S1 bodies" is the one L5-S1 cage)
                    for m in own:
                        self.mentions.append(
                            Mention(h, h.component, list(m[2]), side, start, end, sentence, section)
                        )
                    continue
                if h.component == "interbody_cage":
                    # a cage sits in the disc an endplate faces ("subsided into the
                    # superior endplate of S1" is the L5-S1 cage)
                    own = [(m[0], m[1], disc_of_endplate(m[2], m[3]), m[3]) for m in own]
                lv = sort_levels(x for m in own for x in m[2])
                if h.label_ == "PROCEDURE":
                    implied = h.meta.get("implies") or []
                    for component in implied or [None]:
                        self.mentions.append(
                            Mention(h, component, lv, side, start, end, sentence, section, True)
                        )
                else:
                    mention = Mention(h, h.component, lv, side, start, end, sentence, section)
                    mention.tip = any(m in tips for m in own)
                    self.mentions.append(mention)

    def _one_rod_side(
        self,
        toks: Tokens,
        named: Sequence[Target],
        a: int,
        b: int,
        sides: Sequence[SideMention],
    ) -> str | None:
        """The side of the clause's one rod, when it names a single rod on
        one side ("a Harrington rod on the right"); else None."""
        rods = [h for h in named if h.component == "rod"]
        if len(rods) != 1 or toks.lower[rods[0].end - 1].endswith("s"):
            return None
        w0, w1 = np_window(toks, rods[0], a, b, (rods[0],), self.words)
        side = combine_sides(m[2] for m in sides if w0 <= m[0] < w1)
        return side if side in ("left", "right") else None

    def build(self) -> None:
        """Merge the mentions into entries: named hardware first, so that what
        a procedure implies joins what the report names."""
        self.entries = []
        # the mentions are in sentence order: where each sentence's begin
        self.mention_sentences = [m.sentence for m in self.mentions]
        for m in sorted(self.mentions, key=lambda m: (m.implied, m.start)):
            entry = self._match(m)
            if entry is None:
                if m.implied and m.component is not None and not m.levels:
                    continue  # "s/p TLIF": nothing to place
                self.entries.append(Entry(m.component, list(m.levels), set(), [m]))
                entry = self.entries[-1]
            else:
                entry.mentions.append(m)
                entry.levels = sort_levels([*entry.levels, *m.levels])
                if entry.component == "screw" and m.component in _SCREWS:
                    entry.component = m.component
            if m.side is not None:
                entry.sides.add(m.side)

    def _match(self, m: Mention) -> Entry | None:
        for e in self.entries:
            if not same_kind(e.component, m.component):
                continue
            if not m.levels or not e.levels:
                return e
            if e.component == "interbody_cage":
                if set(m.levels) == set(e.levels):
                    return e  # a cage is one disc's: another disc is another cage
            elif set(m.levels) & set(e.levels):
                return e
        return None

    def fitting(self, component: str | None, group: str | None) -> list[Entry]:
        """Entries that hardware named as `component` (or of `group`) may be."""
        if component is not None:
            return [e for e in self.entries if e.levels and same_kind(e.component, component)]
        if group is not None:
            return [
                e
                for e in self.entries
                if e.levels and e.component is not None and self.groups[e.component] == group
            ]
        return []

    def stored(self) -> list[list[object]]:
        return [e.stored() for e in self.entries if e.component is not None or e.levels]
