"""Places from the whole report, for a finding whose own sentence leaves them open.

- A cue with no hardware and no level in its sentence ("The L5 screws are in
  place. There is surrounding lucency.") is about the screw named in the
  sentence just before, in the same section (`resolve_segment`).
- A finding about hardware named without a level (`resolve_draft`) is about
  the hardware of that kind named in the sentence just before, with its
  place; else, for one piece, the only inventory entry that fits, when a
  construct has one such piece ("the plate", "the cage") or the entry sits at
  one level ("the screw" of an S1-only fixation). A fusion or subsidence
  finding naming no hardware takes the only cage's disc.
- Hardware named by its position ("the inferior screws of the C5-7 plate",
  "the cephalad end of the rod") sits at the lowest or highest of its levels.
- The place along long hardware (rods, wires) is never taken from their
  span, except for an end named by its position ("the inferior end of the
  rod" of a T3-L3 construct is at L3) and for a span of one segment ("the
  cable" of a C1-C2 fixation).
Ambiguity leaves the place open: never a guess.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Mapping

from ...lexicon import WordLists
from ...normalize import combine_sides, sort_levels
from ...schema import LEVEL_ORDER, LEVELS, POSITIVE_ASSERTIONS
from .document import Draft, Segment, Target, Tokens, looks_like_level
from .inventory import (
    LEAD_COMPONENTS,
    LONG_COMPONENTS,
    ROD_ANCHORS,
    Entry,
    Inventory,
    Mention,
    same_kind,
)

# cues that, with no hardware in their sentence, still speak of a screw named
# just before ("There is surrounding lucency."); a sentence with its own level
# and no hardware is about bone ("The C2 fracture remains ununited")
ANAPHORIC_CUES = frozenset({"LUCENCY", "LOOSENING", "BACKOUT", "MALPOSITION", "IMPINGEMENT"})
# findings that name no hardware but are about the cage of a disc
CAGE_TYPES = frozenset({"pseudarthrosis", "cage_subsidence"})
LOOKBACK = 1  # sentences
SHORT_SPAN = 2  # levels: long hardware one segment long is at its span wherever it fails
# the hardware a finding type is about, when its statement names none
GROUP_OF_TYPE = {
    "screw_lucency": "screw",
    "screw_malposition": "screw",
    "screw_backout": "screw",
    "cage_subsidence": "cage",
    "pseudarthrosis": "cage",
}
POSITION_REACH = 5  # words of a hardware's noun phrase searched for its position word
# the part or group of hardware a position word names: "the cephalad end of the
# rod", "the upper pair of screws"
PART_WORDS = frozenset(
    {
        "end",
        "ends",
        "tip",
        "tips",
        "portion",
        "aspect",
        "part",
        "limb",
        "pair",
        "pairs",
        "set",
        "row",
    }
)
# hardware of which a construct has one piece, wherever it reaches: "the
# plate" of a C4-7 fusion is at C4-C7 (but "the screw" of an L4-S1 construct
# could be any of its screws)
SINGLE_PIECES = frozenset({"plate", "interbody_cage", "connector", "cross_link"})


class Resolver:
    def __init__(self, words: WordLists, groups: Mapping[str, str]) -> None:
        self.groups = groups
        self.lowest = words["lowest_words"]
        self.highest = words["highest_words"]
        self.np_left = words["noun_phrase_left"]
        self.anatomy = words["side_anatomy"]
        self.off_spine_re = re.compile(
            r"\b(?:" + words.alternation("off_spine_lead_words") + r")\b", re.IGNORECASE
        )

    def _earlier(
        self, inventory: Inventory, sentence: int, section: str, component: str | None
    ) -> Mention | None:
        """The hardware of this kind named in the sentence just before, when
        it names one place for it (two cages at two discs are ambiguous)."""
        lo = bisect.bisect_left(inventory.mention_sentences, sentence - LOOKBACK)
        hi = bisect.bisect_left(inventory.mention_sentences, sentence)
        found = [
            m
            for m in inventory.mentions[lo:hi]
            if not m.implied
            and m.section == section
            and (component is None or same_kind(m.component, component))
        ]
        if not found or len({tuple(m.levels) for m in found if m.levels}) > 1:
            return None
        return found[-1]

    def resolve_segment(
        self,
        toks: Tokens,
        seg: Segment,
        inventory: Inventory,
        sentence: int,
        section: str,
        sentence_has_hardware: bool,
        sentence_has_level: bool,
    ) -> None:
        """A cue with nothing in its sentence to be about takes the screw just before."""
        if (
            seg.hardware
            or seg.levels
            or sentence_has_hardware
            or sentence_has_level
            or seg.cue.label_ not in ANAPHORIC_CUES
        ):
            return
        if any(lower in self.anatomy for lower in toks.lower[seg.start : seg.cue.start]):
            return  # "the exiting nerve roots lateral of the pedicles": about the anatomy
        earlier = self._earlier(inventory, sentence, section, None)
        if (
            earlier is None
            or earlier.target.label_ != "HARDWARE"
            or self.groups.get(earlier.component or "") != "screw"
        ):
            return
        seg.hardware = [earlier.target]
        seg.borrowed = True
        seg.levels = list(earlier.levels)
        if not seg.sides and earlier.side is not None:
            seg.sides = [earlier.side]

    def resolve_draft(
        self,
        toks: Tokens,
        draft: Draft,
        hardware: Target | None,
        inventory: Inventory,
        sentence: int,
        section: str,
    ) -> None:
        """Levels (and side) for a finding whose sentence gave none."""
        placed_here = bool(draft.levels)
        if not draft.levels and draft.assertion not in POSITIVE_ASSERTIONS:
            # a statement that asserts nothing ("no loosening of the screws",
            # "evaluate for loosening") is about the construct as a whole
            self._place_whole(draft, hardware, inventory)
        if not draft.levels:
            component = None if hardware is None else hardware.component
            if hardware is None:
                if draft.type in CAGE_TYPES:
                    fits = inventory.fitting("interbody_cage", None)
                    if len(fits) == 1:
                        self._place(draft, fits[0].levels, None)
            elif component in LONG_COMPONENTS:
                # "the inferior end of the left rod": the end of the one rod's span
                extreme = self._position(toks, hardware)
                fits = inventory.fitting(component, None)
                if len(fits) == 1:
                    lv = fits[0].levels
                    if extreme is not None:
                        self._place(draft, lv[-1:] if extreme == "lowest" else lv[:1], None)
                    elif len(lv) == SHORT_SPAN:
                        self._place(draft, lv, None)  # "the cable" of a C1-C2 fixation
            elif component is not None:
                # "the inferior screws" after "the superior screws in C5": a position
                # names other hardware of the kind than the one just named
                has_position = self._position(toks, hardware) is not None
                earlier = (
                    None if has_position else self._earlier(inventory, sentence, section, component)
                )
                if earlier is not None and earlier.levels:
                    self._place(draft, earlier.levels, earlier.side)  # named just before
                elif has_position:
                    pass  # at the end of the report's one construct, below
                elif not _plural(toks, hardware):
                    fits = inventory.fitting(component, None)
                    if len(fits) == 1 and (component in SINGLE_PIECES or len(fits[0].levels) == 1):
                        self._place(draft, fits[0].levels, fits[0].side)
                        draft.whole_span = len(fits[0].levels) > 1
                else:
                    # "the rods have dislodged from the screw heads": all of them,
                    # the report's one construct
                    construct = [e for e in inventory.entries if e.component is None and e.levels]
                    if not construct and self.groups.get(component) != "screw":
                        # no construct named, but all its hardware at one span
                        # (its screws could still be any of them)
                        spans = {
                            tuple(e.levels)
                            for e in inventory.entries
                            if e.levels and self.groups.get(e.component or "") != "stimulator"
                        }
                        if len(spans) == 1:
                            construct = [e for e in inventory.entries if tuple(e.levels) in spans][
                                :1
                            ]
                    if len(construct) == 1:
                        self._place(draft, construct[0].levels, None)
                        draft.whole_span = len(construct[0].levels) > 1
                if not draft.levels:
                    # "the inferior screws" of a C5-C7 fusion named earlier: the end of the
                    # report's one construct
                    extreme = self._position(toks, hardware)
                    if extreme is not None and component == "interbody_cage":
                        # "the caudal cage" of cages at C5-6 and C6-7: the lowest cage's disc
                        cages = [e.levels for e in inventory.fitting(component, None)]
                        if cages and _unbroken(sort_levels(lv for c in cages for lv in c)):
                            self._place(draft, _end_cage(cages, extreme), None)
                    elif extreme is not None:
                        span = one_construct(inventory, component, self.groups)
                        if span:
                            self._place(draft, span[-1:] if extreme == "lowest" else span[:1], None)
        positioned = hardware
        if positioned is None and GROUP_OF_TYPE.get(draft.type) == "screw":
            # "backout at the top of the L3-5 construct": its top screws
            positioned = draft.construct
        if positioned is not None and len(draft.levels) > 1:
            # "at its upper end" names an end of hardware placed from elsewhere;
            # "the C5-7 plate at its superior end" keeps the levels it states
            extreme = self._position(toks, positioned, None if placed_here else draft.end)
            if extreme is not None and positioned.component == "interbody_cage":
                # a cage is one piece at its disc: "the caudal cage" is the lowest
                # cage's disc, "the superior aspect of the strut graft" the graft's
                cages = [
                    e.levels
                    for e in inventory.fitting("interbody_cage", None)
                    if set(e.levels) <= set(draft.levels)
                ]
                if len(cages) > 1:
                    draft.levels = _end_cage(cages, extreme)
            elif extreme == "lowest":
                draft.levels = draft.levels[-1:]
            elif extreme == "highest":
                draft.levels = draft.levels[:1]
            if extreme is not None:
                draft.whole_span = False

    def resolve_screw_side(
        self, toks: Tokens, draft: Draft, hardware: Target | None, inventory: Inventory
    ) -> None:
        """The side of one screw (or hook) named by its level alone, when the
        report's screws there are on one side only ("right-sided pedicle
        screws at L4 and L5 ... the L5 screw has backed out" is right; the
        hooks of a one-sided rod)."""
        if draft.side is not None or not draft.levels or hardware is None:
            return
        hook = hardware.component in ROD_ANCHORS
        one_piece = GROUP_OF_TYPE.get(draft.type) == "screw" or draft.type == "hardware_fracture"
        if not (one_piece or (hook and draft.type == "rod_connector_dislodgement")):
            return  # a fusion or cage finding is about no one screw
        if not (hook or self.groups.get(hardware.component or "") == "screw"):
            return
        if _plural(toks, hardware):
            return
        fits = [
            e
            for e in inventory.fitting(hardware.component or "screw", None)
            if set(draft.levels) <= set(e.levels)
        ]
        if len(fits) == 1 and fits[0].side in ("left", "right"):
            draft.side = fits[0].side

    def resolve_corpectomy(self, draft: Draft, inventory: Inventory, corpectomy: bool) -> None:
        """A corpectomy cage that sank into an endplate is at its whole span,
        not at the disc the endplate faces ("C6 corpectomy ... the cage has
        subsided into the superior endplate of C7" is C5-C7), when the report
        names a corpectomy and one cage spans more than one disc there; a cage
        sunk into "the L5 endplate" is at the disc of the one cage there."""
        if not (draft.endplate_only and draft.type == "cage_subsidence"):
            return
        cages = [
            e.levels
            for e in inventory.fitting("interbody_cage", None)
            if set(draft.levels) & set(e.levels)
        ]
        spans = [lv for lv in cages if len(lv) > 2]
        if corpectomy and len(spans) == 1:
            draft.levels = list(spans[0])
        elif len(draft.levels) == 1 and len(discs := [lv for lv in cages if len(lv) == 2]) == 1:
            # "subsidence of the cage into the L5 endplate" (which one unsaid):
            # the one cage there is at its disc
            draft.levels = list(discs[0])

    def resolve_lead_side(self, toks: Tokens, draft: Draft, inventory: Inventory) -> None:
        """Stimulator leads at known levels with no side stated are the leads
        of both sides when the only lead entry there has both ("two leads,
        paramedian right and left, spanning T8-T9 ... the leads at T8/T9")."""
        if draft.side is not None or not draft.levels or draft.component == "stimulator_generator":
            return
        fits = [
            e
            for e in inventory.fitting("stimulator_lead", None)
            if set(e.levels) & set(draft.levels)
        ]
        if len(fits) == 1 and fits[0].side == "bilateral" and _plural(toks, draft.cue):
            draft.side = "bilateral"  # the leads of both sides

    def resolve_leads(self, toks: Tokens, draft: Draft, inventory: Inventory) -> None:
        """Leads or the stimulator named with no place ("the leads exit at
        L1-2", "stimulator unchanged") are where the report places all its
        leads ("tips at T8"), unless the statement is about the generator.
        Where the report places each lead apart ("left tip T8, right T10"),
        only all the leads ("two leads", "the stimulator") are at all those
        places; one lead could be either. A statement about the lead outside
        the canal ("lead fracture along the left flank", "the extension
        lead") is not at the tips' levels."""
        if self.off_spine_re.search(toks.doc_text, *toks.char_range(draft.start, draft.end)):
            return
        fits = inventory.fitting("stimulator_lead", None)
        if not fits or any(
            m.component == "stimulator_generator" and draft.start <= m.target.start < draft.end
            for m in inventory.mentions
        ):
            return
        places = {tuple(m.levels) for e in fits for m in e.mentions if m.levels}
        if len(fits) == 1 and len(places) == 1:
            self._place(draft, fits[0].levels, fits[0].side)
        elif draft.component == "stimulator" or any(
            _plural(toks, m.target) or _plural_part_after(toks, m.target)
            for m in inventory.mentions
            if m.component in LEAD_COMPONENTS and draft.start <= m.target.start < draft.end
        ):
            # "the stimulator", "two leads", "the lead tips": all of them, where
            # the report places both ("two leads, tips at T8 and T9") or else
            # each of them (not where one of them broke)
            both = [e for e in fits if e.side == "bilateral"]
            tipped = [e for e in fits if any(m.tip for m in e.mentions)]
            chosen = both if len(both) == 1 else tipped or fits
            self._place(draft, sort_levels(lv for e in chosen for lv in e.levels), None)

    @staticmethod
    def lead_sides(draft: Draft, inventory: Inventory) -> list[tuple[list[str], str]]:
        """The leads, one per side, of a statement that places leads of both
        sides together ("two leads, tips at T8 and T9") where the report gave
        each lead its own side and level ("the left lead tip at T8 and the
        right at T9"): one (levels, side) group per side, in level order; none
        unless every level has exactly one side."""
        if (
            draft.type != "stimulator"
            or len(draft.levels) < 2
            or draft.side not in (None, "bilateral")
            or draft.component == "stimulator_generator"
            or draft.assertion not in POSITIVE_ASSERTIONS
        ):
            return []
        side_of: dict[str, set[str]] = {}
        for m in inventory.mentions:
            if m.component == "stimulator_lead" and not m.implied and m.side in ("left", "right"):
                for level in m.levels:
                    side_of.setdefault(level, set()).add(m.side)
        if any(len(side_of.get(level, ())) != 1 for level in draft.levels):
            return []
        groups: dict[str, list[str]] = {}
        for level in draft.levels:
            groups.setdefault(next(iter(side_of[level])), []).append(level)
        if len(groups) < 2:
            return []
        return [(lv, side) for side, lv in groups.items()]

    def _place_whole(self, draft: Draft, hardware: Target | None, inventory: Inventory) -> None:
        component = None if hardware is None else hardware.component
        construct = [e for e in inventory.entries if e.component is None and e.levels]
        if draft.type == "stimulator":
            fits = inventory.fitting("stimulator_lead", None)
        elif component is not None:
            fits = inventory.fitting(component, None)
        elif draft.type == "pseudarthrosis" and len(construct) == 1:
            fits = construct  # the fusion is what fails to fuse
        else:
            group = GROUP_OF_TYPE.get(draft.type)
            fits = inventory.fitting(None, group) if group else []
        if not fits and draft.type != "stimulator" and len(construct) == 1:
            fits = construct  # "instrumentation L3-L5 ... no loosening"
        draft.levels = sort_levels(level for e in fits for level in e.levels)
        if draft.side is None and component in LONG_COMPONENTS and len(fits) == 1:
            # "bilateral rods T11-L3 ... no rod fracture": both of them
            draft.side = fits[0].side

    @staticmethod
    def _place(draft: Draft, levels: list[str], side: str | None) -> None:
        draft.levels = list(levels)
        if draft.side is None and side in ("left", "right"):
            draft.side = side

    def _position(self, toks: Tokens, h: Target, upto: int | None = None) -> str | None:
        """ "lowest" or "highest" when the hardware's own noun phrase places it
        ("the inferior screws", "the cephalad end of the left rod"), or, up to
        token `upto`, an end of it named after it ("the plate has migrated
        anteriorly at its upper end")."""
        if upto is not None:
            lower = toks.lower
            for j in range(h.end, min(upto, len(lower)) - 2):
                if lower[j] in ("its", "their") and lower[j + 2] in PART_WORDS:
                    if lower[j + 1] in self.lowest:
                        return "lowest"
                    if lower[j + 1] in self.highest:
                        return "highest"
        j = h.start - 1
        steps = 0
        while j >= 0 and steps < POSITION_REACH:
            word = toks.lower[j]
            if word in self.lowest:
                return "lowest"
            if word in self.highest:
                return "highest"
            if word == "of" and j >= 1 and toks.lower[j - 1] in self.lowest:
                return "lowest"  # "the bottom of the construct"
            if word == "of" and j >= 1 and toks.lower[j - 1] in self.highest:
                return "highest"  # "the top of the construct"
            if word == "of" and j >= 2 and toks.lower[j - 1] in PART_WORDS:
                j -= 2  # "the cephalad end of the rod": look at the word before "end"
                steps += 1
                continue
            if not (
                word in self.np_left or toks.text[j].isspace() or looks_like_level(toks.text[j])
            ):
                return None
            j -= 1
            steps += 1
        return None


def resolve_restated(toks: Tokens, drafts: list[Draft], groups: Mapping[str, str]) -> None:
    """A finding stated again with its place left open ("2. Disengaged
    cross-link" after "the cross-link is disengaged from the left rod at L4")
    takes the place of the earlier findings of its type and hardware, when
    they have one place (or one level, both sides: "lucency ... 4 mm on the
    right and 3 mm on the left at T2" makes a later "loosening" T2 on both
    sides); with its levels given, it takes their side ("disengaged L4
    cross-link"). A summary before the details (a title, an impression
    first) takes, where no finding before it has a place, those after it.
    Places that differ leave it open; plural hardware with no side word ("the
    L5 screws") takes no side, unless the findings before were on both sides. Only for the types about construct hardware: a
    stimulator is placed by its leads."""
    for k, d in enumerate(drafts):
        if (
            (d.levels and d.side)
            or d.type == "stimulator"
            or d.assertion not in POSITIVE_ASSERTIONS
        ):
            continue
        found = _places(d, (drafts[j] for j in range(k - 1, -1, -1)), groups) or _places(
            d, (drafts[j] for j in range(k + 1, len(drafts))), groups
        )
        if len({levels for levels, _ in found}) != 1:
            continue
        sides = {side for _, side in found}
        if len(sides) > 1 and not sides <= {"left", "right", "bilateral"}:
            continue  # one side named, one not: two different statements
        d.levels = list(next(iter(found))[0])
        side = combine_sides(sides)
        if d.side is None and (
            side == "bilateral" or not (d.hardware is not None and _plural(toks, d.hardware))
        ):
            # plural hardware is both sides' ("the T3 screws" after "both T3 screws"), not one's
            d.side = side


RESTATED_REACH = 40  # findings of the type a restatement is compared with, nearest first


def narrow_restated(drafts: list[Draft], groups: Mapping[str, str]) -> None:
    """An impression's finding placed only at the whole span of its hardware
    ("slight lift-off of the plate" of a C5-7 plate) restates the body's
    finding of its type, when the body placed that finding at one narrower
    place ("the inferior end of the plate is lifted off C7"): it takes that
    place. A body finding at the whole span, or two places, leave it."""
    for k, d in enumerate(drafts):
        if not d.whole_span or d.section != "impression" or d.assertion not in POSITIVE_ASSERTIONS:
            continue
        places: set[tuple[tuple[str, ...], str | None]] = set()
        compared = 0
        for e in reversed(drafts[:k]):
            if e.type != d.type or e.section == "impression":
                continue
            compared += 1
            if compared > RESTATED_REACH:
                break
            if (
                e.assertion not in POSITIVE_ASSERTIONS
                or not e.levels
                or not _same_piece(e.component, d.component, groups)
                or (d.side is not None and e.side not in (None, d.side))
            ):
                continue
            if not set(e.levels) < set(d.levels):
                places = set()
                break  # the body has it at the whole span too
            places.add((tuple(e.levels), e.side))
        if len({levels for levels, _ in places}) != 1:
            continue
        d.levels = list(next(iter(places))[0])
        d.whole_span = False
        sides = {side for _, side in places}
        if d.side is None and len(sides) == 1:
            d.side = next(iter(sides))


def resolve_restated_sizes(drafts: list[Draft]) -> None:
    """A finding restated in the impression without a size ("stable thin
    lucency along the right S2AI screw") has the size the body gave the same
    finding ("a thin 1 mm lucency along the right S2AI screw"), when the
    body's positive findings at that place (type, levels and side) state one
    size and none leaves it open."""
    for k, d in enumerate(drafts):
        if (
            d.size_mm is not None
            or d.section != "impression"
            or not d.levels
            or d.assertion not in POSITIVE_ASSERTIONS
        ):
            continue
        sizes: set[float | None] = set()
        compared = 0
        for j in range(k - 1, -1, -1):
            e = drafts[j]
            if e.type != d.type:
                continue
            compared += 1
            if compared > RESTATED_REACH:
                break
            if (
                e.section != "impression"
                and e.assertion in POSITIVE_ASSERTIONS
                and e.side == d.side
                and e.levels == d.levels
            ):
                sizes.add(e.size_mm)
        if len(sizes) == 1 and None not in sizes:
            d.size_mm = next(iter(sizes))


def _same_piece(a: str | None, b: str | None, groups: Mapping[str, str]) -> bool:
    """The same hardware: a plate is not its cross-link (one group), but any
    screw may be named "the screws"."""
    return a == b or (groups.get(a or "") == "screw" and groups.get(b or "") == "screw")


def _places(
    d: Draft, others: Iterable[Draft], groups: Mapping[str, str]
) -> set[tuple[tuple[str, ...], str | None]]:
    """The (levels, side) of the positive findings among `others` (nearest
    first) that `d` may restate; the scan stops at a second set of levels
    (ambiguous) or after RESTATED_REACH findings of the type, so a report of
    thousands of findings stays linear."""
    group = groups.get(d.component or "")
    found: set[tuple[tuple[str, ...], str | None]] = set()
    levels_seen: set[tuple[str, ...]] = set()
    compared = 0
    for e in others:
        if e.type == d.type:
            compared += 1
            if compared > RESTATED_REACH:
                break
        if (
            e.type == d.type
            and e.levels
            and e.assertion in POSITIVE_ASSERTIONS
            and (d.side is None or e.side == d.side)
            and (not d.levels or set(e.levels) == set(d.levels))
            and (group is None or groups.get(e.component or "") in (None, group))
        ):
            found.add((tuple(e.levels), e.side))
            levels_seen.add(tuple(e.levels))
            if len(levels_seen) > 1:
                break
    return found


# levels a construct may pass over: L6 of a transitional spine, the sacral
# segments between S1 and iliac fixation
_PASSED_OVER = frozenset({"L6", "S2", "S3", "S4", "S5"})


def one_construct(inventory: Inventory, component: str, groups: Mapping[str, str]) -> list[str]:
    """The levels of the report's one construct, for hardware named by its
    position ("the inferior screws"): of its entries of this kind, else of
    all its spinal hardware; none when the spinal hardware does not run
    unbroken (two constructs: C5-C7 and L4-S1)."""
    spinal = [
        e for e in inventory.entries if e.levels and groups.get(e.component or "") != "stimulator"
    ]
    levels = sort_levels(lv for e in spinal for lv in e.levels)
    if not levels or not _unbroken(levels) or _two_constructs(spinal):
        return []
    of_kind = sort_levels(lv for e in inventory.fitting(component, None) for lv in e.levels)
    # screws named at one level only ("the superior screws in C5") are no span
    return of_kind if len(of_kind) > 1 else levels


# hardware of which a construct has one span: two with disjoint levels are two
# constructs ("prior L4-L5 fusion ... new T12-L3 fusion", an old and a new plate)
_ONE_PER_CONSTRUCT = frozenset({None, "plate", "rod"})


def _two_constructs(entries: list[Entry]) -> bool:
    spans: dict[str | None, list[set[str]]] = {}
    for e in entries:
        if e.component in _ONE_PER_CONSTRUCT:
            spans.setdefault(e.component, []).append(set(e.levels))
    return any(
        not (a & b) for group in spans.values() for i, a in enumerate(group) for b in group[i + 1 :]
    )


def _end_cage(cages: list[list[str]], extreme: str) -> list[str]:
    """The levels of the lowest or highest of several cages (the one of a
    single disc where a corpectomy's graft spans them)."""
    keyed = [((LEVEL_ORDER[c[0]], LEVEL_ORDER[c[-1]]), k) for k, c in enumerate(cages)]
    lowest = max(keyed, key=lambda e: (e[0][1], e[0][0]))
    return list(cages[lowest[1] if extreme == "lowest" else min(keyed)[1]])


def _unbroken(levels: list[str]) -> bool:
    order = [LEVEL_ORDER[lv] for lv in levels]
    return all(
        all(LEVELS[k] in _PASSED_OVER for k in range(a + 1, b))
        for a, b in itertools.pairwise(order)
    )


def _plural_part_after(toks: Tokens, h: Target) -> bool:
    """ "lead tips", "lead contacts": the parts of several leads."""
    return h.end < len(toks.lower) and toks.lower[h.end] in ("tips", "contacts", "arrays")


def _plural(toks: Tokens, h: Target) -> bool:
    word = toks.lower[h.end - 1]
    return word.endswith("s") and not word.endswith("ss")
