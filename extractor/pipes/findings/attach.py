"""Inside one sentence: which hardware, levels, sides and sizes belong to
which cue.

Each cue takes the hardware, levels, side and size of its own segment;
levels and sides attached to the hardware's noun phrase win over others
there ("the left L4 screw enters the L4-5 foramen" is L4). A segment with no
hardware or no level borrows them from its neighbour about the same hardware
("the L5 screws show lucency and backout").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ...lexicon import WordLists
from ...normalize import sort_levels
from .clauses import BESIDE_CUES, behind_non_subject_word, is_stimulator_cue, np_windows
from .document import (
    LevelMention,
    PartGroup,
    Segment,
    SideMention,
    SizeMention,
    Target,
    Tokens,
    in_windows,
    looks_like_level,
)
from .levels import disc_of_endplate

STATE_REACH = 3  # words between hardware and the word that states it sound
SCREW_CUES = frozenset({"LUCENCY", "LOOSENING", "MALPOSITION", "IMPINGEMENT", "BACKOUT"})
NO_SIDE_BORROWING = frozenset({"PSEUDARTHROSIS", "SUBSIDENCE", "STIMULATOR"})
DISC_CUES = frozenset({"PSEUDARTHROSIS", "SUBSIDENCE"})  # findings placed at a disc
# the hardware a cue is preferably about, by component group
PREFERRED_GROUP = {
    "LUCENCY": "screw",
    "LOOSENING": "screw",
    "BACKOUT": "screw",
    "DISPLACEMENT": "rod_like",
    "DISENGAGEMENT": "rod_like",
    "SUBSIDENCE": "cage",
}


PART_OF_REACH = 5  # words from a part to the hardware it belongs to ("cap of the left L3 screw")
PART_COMPONENTS = frozenset({"set_screw", "connector"})
PLATE_PART_COMPONENTS = frozenset({"screw"})  # a plate's screws are plain screws
# "the locking nuts in the screw heads", "a screw from the cervical plate"
PART_OF_WORDS = frozenset({"of", "in", "on", "within", "from"})
OBJECT_WORDS = frozenset({"a", "an", "the", "one", "left", "right", "inferior", "superior"})


def _part_of_other(toks: Tokens, h: Target, named: list[Target], cue: Target) -> bool:
    """Whether `h` is a set screw or connector named as a part of the next
    hardware ("the cap of the L3 screw", "the nuts in the screw heads"), or a
    screw named as a plate's before the cue, as its subject ("the inferior
    screws of the plate protrude"; not "migration of the plate with the
    screws of the plate")."""
    plate_screw = h.component in PLATE_PART_COMPONENTS and (
        h.end <= cue.start or _object_of_cue(toks, cue, h)
    )
    if h.component not in PART_COMPONENTS and not plate_screw:
        return False
    later = [o for o in named if o.start >= h.end and o.component not in PART_COMPONENTS]
    if not later:
        return False
    nxt = min(later, key=lambda o: o.start)
    if plate_screw and nxt.component != "plate":
        return False
    return nxt.start - h.end <= PART_OF_REACH and toks.lower[h.end] in PART_OF_WORDS


def _object_of_cue(toks: Tokens, cue: Target, h: Target) -> bool:
    """Whether `h` is the object of a cue noun ("extrusion of a C6 screw")."""
    if cue.end >= h.start or toks.lower[cue.end] != "of":
        return False
    return all(
        toks.lower[j] in OBJECT_WORDS or looks_like_level(toks.text[j]) or toks.text[j].isspace()
        for j in range(cue.end + 1, h.start)
    )


def component_group(span: Target, groups: Mapping[str, str]) -> str | None:
    component = span.component
    return None if component is None else groups[component]


def primary_span(
    seg: Segment,
    label: str,
    groups: Mapping[str, str],
    toks: Tokens | None = None,
    words: WordLists | None = None,
) -> Target | None:
    """The hardware the cue is about: the nearest named component, preferring
    screws for lucency and loosening and ignoring generic words; a part named
    as a screw's ("the locking cap of the L3 screw") is itself the subject.
    Kept on the segment until its hardware list is replaced."""
    memo = seg.primary_memo
    if toks is not None and memo is not None and memo[0] is seg.hardware and memo[1] == label:
        return memo[2]
    found = _primary_span(seg, label, groups, toks, words)
    if toks is not None:
        seg.primary_memo = (seg.hardware, label, found)
    return found


def _primary_span(
    seg: Segment,
    label: str,
    groups: Mapping[str, str],
    toks: Tokens | None,
    words: WordLists | None,
) -> Target | None:
    named = [h for h in seg.hardware if h.component is not None]
    if not named:
        return None
    if toks is not None:
        parts = [h for h in named if _part_of_other(toks, h, named, seg.cue)]
        if parts:
            return parts[0]
    cue = seg.cue
    if label == "BACKOUT" and toks is not None and words is not None:
        subject = _verb_subject(toks, cue, named, words)
        if subject is not None and groups.get(subject.component or "") != "screw":
            # "the left rod has pulled out of the connector to the iliac screw":
            # what pulled out is the verb's subject, not the screw after the cue
            return subject
    if label in PREFERRED_GROUP:
        first = [h for h in named if groups.get(h.component or "") == PREFERRED_GROUP[label]]
        named = first or named

    def distance(h: Target) -> int:
        return cue.start - h.end if h.end <= cue.start else h.start - cue.end

    return min(named, key=distance)


def _verb_subject(
    toks: Tokens, cue: Target, named: list[Target], words: WordLists
) -> Target | None:
    """The hardware that is the subject of a cue used as a verb ("the rod has
    pulled out of ..."): right before it, with only auxiliaries between, and
    the cue followed by "of" or "from"."""
    before = [h for h in named if h.end <= cue.start]
    if not before or cue.end >= len(toks.lower) or toks.lower[cue.end] not in ("of", "from"):
        return None
    h = before[-1]
    between = [toks.lower[j] for j in range(h.end, cue.start) if not toks.text[j].isspace()]
    return h if all(w in words["subject_links"] for w in between) else None


def attach_segment(
    toks: Tokens,
    seg: Segment,
    hardware: list[Target],
    vetoes: list[Target],
    level_mentions: list[LevelMention],
    procedures: list[Target],
    side_mentions: list[SideMention],
    pocket_mentions: list[SideMention],
    fusion_side_mentions: list[SideMention],
    size_mentions: list[SizeMention],
    groups: Mapping[str, str],
    words: WordLists,
) -> None:
    """Fill the segment's hardware, vetoes, levels, sides and sizes."""
    seg.hardware = [
        h
        for h in hardware
        if seg.start <= h.start < seg.end
        and h is not seg.cue
        and h not in seg.extra_cues
        and not behind_non_subject_word(toks, seg.cue, h, words)
        # a lucency is about the screw it lies beside ("lucency lateral to the screw")
        and (seg.cue.label_ in BESIDE_CUES or not _position_reference(toks, h, words))
    ]
    sound = [h for h in seg.hardware if _stated_sound(toks, h, seg, words)]
    if sound:
        # "the lt rod is fractured, rt rod intact": the intact rod is not the
        # fractured one, when another of its kind is there to be
        kinds = {h.component for h in seg.hardware if h not in sound}
        seg.hardware = [h for h in seg.hardware if h not in sound or h.component not in kinds]
    seg.vetoes = [v for v in vetoes if seg.start <= v.start < seg.end]
    c0, c1 = toks.char_range(seg.start, seg.end)
    # a level that belongs to a nerve root, a bone fracture or an adjacent segment is not the finding's
    seg_levels = [
        m
        for m in level_mentions
        if c0 <= m[0] < c1
        and m[3] != "foreign"
        and (m[3] != "junction" or seg.cue.label_ in DISC_CUES)
    ]
    # a procedure's level ("ACDF C5-C6 - lucency at C6") gives way to the finding's own
    own = [m for m in seg_levels if not level_beside(toks, m, procedures)]
    if own:
        seg_levels = own
    if seg.cue.label_ in SCREW_CUES:
        # a screw takes its vertebra's level, not the foramen's or disc's:
        # "the left L4 screw enters the L4-5 foramen" is L4
        seg_levels = [m for m in seg_levels if m[3] != "space"]
    elif seg.cue.label_ == "SUBSIDENCE" or any(
        h.component == "interbody_cage" for h in seg.hardware
    ):
        # a cage sinks into an endplate of its own disc: "the superior endplate of S1" is L5-S1
        seg.endplate_only = bool(seg_levels) and all(
            (m[3] or "").endswith("endplate") for m in seg_levels
        )
        seg_levels = [(a, b, disc_of_endplate(lv, role), role) for a, b, lv, role in seg_levels]
    seg_sides = [m for m in side_mentions if c0 <= m[0] < c1]
    if seg.cue.label_ == "PSEUDARTHROSIS":
        # "the left L4-5 facet joint is not fused": the facet's side is the fusion's
        seg_sides = sorted(seg_sides + [m for m in fusion_side_mentions if c0 <= m[0] < c1])
    if is_stimulator_cue(seg.cue):
        # a fusion's or other hardware's levels are not the stimulator's
        # ("HX: T10-L2 PSF, SCS", "artifact from the paddle and the L5-S1 hardware")
        others = [*procedures, *not_stimulator_hardware(hardware)]
        seg_levels = [m for m in seg_levels if not level_beside(toks, m, others)]
        section = toks.section_at(seg.cue.start_char)
        tips = stimulator_level_mentions(toks, seg.start, seg.end, seg_levels, words, section)
        seg.levels = sort_levels(lv for m in tips for lv in m[2])
        if any(c.component == "stimulator_generator" for c in (seg.cue, *seg.extra_cues)):
            # a generator's side is the side of its pocket ("IPG in the left flank")
            pockets = [m for m in pocket_mentions if c0 <= m[0] < c1]
            seg.sides = [m[2] for m in pockets or seg_sides]
        else:
            # a lead's side only when stated, or of where it runs under the skin
            # ("a kink of the lead in the right paraspinal soft tissues")
            seg.sides = [m[2] for m in seg_sides] or [
                m[2] for m in pocket_mentions if c0 <= m[0] < c1
            ]
            seg.side_groups = side_groups(tips, seg_sides, toks.doc_text)
    else:
        windows = np_windows(toks, seg, words)
        primary = primary_span(seg, seg.cue.label_, groups, toks, words)
        if primary is not None:
            # "the left C7 screw of the C5-C7 plate" is C7: levels of other
            # kinds of hardware in the clause are theirs
            group = component_group(primary, groups)
            of_kind = [
                w
                for h, w in zip(seg.hardware, windows, strict=True)
                if component_group(h, groups) == group
            ]
            # "T6-T8 fixation with lucency at the left T8 screw": the
            # construct word's levels too are another's
            own_window = (
                of_kind
                if any(in_windows(m[0], of_kind) for m in seg_levels)
                else [
                    w
                    for h, w in zip(seg.hardware, windows, strict=True)
                    if component_group(h, groups) in (group, None)
                ]
            )
            if any(in_windows(m[0], own_window) for m in seg_levels):
                windows = own_window
            # "fractured at C1, just below the occipital plate": hardware of
            # another kind named only as where the finding is lends no level
            references = [
                place
                for h in seg.hardware
                if h is not primary
                and h.component != primary.component
                and (place := _place_reference(toks, h, words)) is not None
            ]
            if references:
                free = [m for m in seg_levels if not in_windows(m[0], references)]
                if free:
                    seg_levels = free
        attached_levels = [m for m in seg_levels if in_windows(m[0], windows)]
        attached_sides = [m for m in seg_sides if in_windows(m[0], windows)]
        used_levels = attached_levels or seg_levels
        seg.levels_attached = bool(attached_levels)
        seg.levels = sort_levels(lv for m in used_levels for lv in m[2])
        seg.sides = [m[2] for m in (attached_sides or seg_sides)]
        if not seg.sides and any(is_stimulator_cue(h) for h in seg.hardware):
            # "a break in the extension wire over the left flank": the side of
            # where a lead runs under the skin, as for a stimulator's own cue
            seg.sides = [m[2] for m in pocket_mentions if c0 <= m[0] < c1]
        seg.side_groups = side_groups(used_levels, seg_sides, toks.doc_text)
    seg_sizes = [m for m in size_mentions if c0 <= m[0] < c1]
    seg.sizes = [m[2] for m in seg_sizes]
    seg.size_mentions = seg_sizes
    if not seg.side_groups and not is_stimulator_cue(seg.cue):
        # "backed out, the right by 3 mm and the left by 2 mm": a finding a side
        seg.side_groups = side_size_groups(seg.levels, seg_sizes, seg_sides, toks.doc_text)
    if not seg.side_groups and not is_stimulator_cue(seg.cue):
        # "2 mm at L3, 3 mm at L4 and up to 5 mm at L5": a finding a level
        seg.side_groups = level_size_groups(seg_levels, seg_sizes, toks.doc_text)


COORDINATION_REACH = 6  # tokens between two pieces of hardware named together
_COORDINATORS = frozenset({"and", "or", "&"})


def coordinated_hardware(
    toks: Tokens,
    seg: Segment,
    primary: Target | None,
    groups: Mapping[str, str],
    words: WordLists,
) -> list[Target]:
    """Hardware of another kind that the cue names together with its primary
    one ("the bone graft and the anterior plate", "the C6 screw and the
    plate"): joined to it by "and"/"or" with only noun-phrase words between."""
    if primary is None:
        return []
    kind = component_group(primary, groups)
    if kind == "cage" and seg.cue.label_ == "SUBSIDENCE":
        return []  # "the cage and its screws have subsided": the cage's
    left = words["noun_phrase_left"]
    found: list[Target] = []
    for h in seg.hardware:
        other = component_group(h, groups)
        if h is primary or other is None or other in (kind, "stimulator"):
            continue
        if _stated_sound(toks, h, seg, words) or _sound_after(toks, h, seg, words):
            continue  # "backout of the C6 screw and the plate remains well seated"
        a, b = (primary.end, h.start) if primary.end <= h.start else (h.end, primary.start)
        between = [toks.text[j] for j in range(a, b) if not toks.text[j].isspace()]
        if (
            0 < b - a <= COORDINATION_REACH
            and any(w.lower() in _COORDINATORS for w in between)
            and all(
                w.lower() in _COORDINATORS or w.lower() in left or w == "," or looks_like_level(w)
                for w in between
            )
            and all(component_group(f, groups) != other for f in found)
        ):
            found.append(h)
    return found


def _sound_after(toks: Tokens, h: Target, seg: Segment, words: WordLists) -> bool:
    """A sound-state word shortly after hardware, a link word or two between
    ("the plate remains well seated", "the cross-link intact")."""
    sound = words["sound_state_words"] | words["seated_words"]
    return any(w in sound for w in toks.lower[h.end : min(seg.end, h.end + STATE_REACH + 2)])


def _stated_sound(toks: Tokens, h: Target, seg: Segment, words: WordLists) -> bool:
    """Whether hardware is stated sound right after it ("rt rod intact", "the
    right rod is intact"), with the segment's cue not in between."""
    links, sound = words["state_links"], words["sound_state_words"]
    j = h.end
    while j < seg.end and j - h.end <= STATE_REACH:
        word = toks.lower[j]
        if word in sound:
            return not (h.end <= seg.cue.start < j)
        if not (word in links or toks.text[j].isspace()):
            return False
        j += 1
    return False


def not_stimulator_hardware(hardware: Sequence[Target]) -> list[Target]:
    return [h for h in hardware if h.label_ == "HARDWARE" and not is_stimulator_cue(h)]


def level_beside(toks: Tokens, m: LevelMention, targets: Sequence[Target]) -> bool:
    """Whether a level mention stands right next to one of `targets` (a
    procedure word, another piece of hardware: "ACDF C5-C6", "the L5-S1 hardware")."""
    for p in targets:
        a, b = toks.char_range(p.start, p.end)
        if 0 <= a - m[1] <= 2 or 0 <= m[0] - b <= 2:
            return True
    return False


def side_groups(levels: list[LevelMention], sides: list[SideMention], text: str) -> list[PartGroup]:
    """Split "right T6-T7 and left T9", or "T8 on the left and T9 on the
    right", into its side-level pairs.

    Only when at least two level mentions each have their own side word
    (directly before, or "on the ..." directly after), and the sides differ;
    a level with no side word of its own takes the side before it ("right T6
    and T7").
    """
    if len(levels) < 2 or not sides:
        return []
    groups: list[PartGroup] = []
    current: str | None = None
    own = 0
    for start, end, lvls, _space in sorted(levels):
        side_word = next(
            (
                (a, sd)
                for a, b, sd in sides
                if 0 <= start - b <= 2
                or (0 <= start - b <= SIDE_PART_REACH and _SIDE_PART_RE.fullmatch(text, b, start))
            ),
            None,
        )
        if side_word is None:
            side_word = next(
                (
                    (start, sd)
                    for a, _b, sd in sides
                    if 0 <= a - end <= SIDE_AFTER_REACH and _ON_THE_RE.fullmatch(text[end:a])
                ),
                None,
            )
        if side_word is not None:
            own += 1
            current = side_word[1]
        if current is None:
            if not _side_before_later(levels, sides, start):
                return []
            current = NO_SIDE  # "the L5 and left S1 screws": L5 has no side
        if groups and groups[-1][1] == current:
            groups[-1][0].extend(lvls)
        else:
            at = side_word[0] if side_word is not None else start
            groups.append((list(lvls), current, at))
    if own < 2 - (groups[0][1] == NO_SIDE) or len({sd for _, sd, _ in groups}) < 2:
        return []
    return [(sort_levels(lvls), sd, at) for lvls, sd, at in groups]


NO_SIDE = ""  # a part group's side when the report gives that part none


def _side_before_later(levels: list[LevelMention], sides: list[SideMention], start: int) -> bool:
    """Whether a level listed after the one at `start` has its own side word
    directly before it, and the first has none ("L5 and left S1")."""
    later = [m for m in sorted(levels) if m[0] > start]
    return any(0 <= m[0] - b <= 2 for m in later[:2] for _a, b, _sd in sides) and not any(
        0 <= start - b <= 12 for _a, b, _sd in sides
    )


# between a level and the side word after it: "T8 on the left", "T8 (left)",
# "the mid Th8 level (right lead)", "the upper endplate of T8 for the left one"
_ON_THE_RE = re.compile(
    r"(?:\s+(?:level|(?:upper|lower|superior|inferior)\s+endplate))?"
    r"\s*(?:,\s*)?(?:\(|on\s+the|on|for\s+the)\s*",
    re.IGNORECASE,
)
# a side word, the part of a lead it names, then its level: "the left tip at
# T8 and the right tip at T9", "right lead tip T9"
_SIDE_PART_RE = re.compile(
    r"\s+(?:lead\s+)?(?:tip|tips|end|electrode|array|contacts|one(?:\s+with\s+its\s+tip)?)"
    r"\s+(?:is\s+|lies\s+)?"
    r"(?:(?:at|over|to)\s+)?(?:the\s+)?(?:(?:upper|lower|mid|middle|superior|inferior|top)\s+)?"
    r"(?:(?:endplate|part|third|half|aspect)\s+of\s+(?:the\s+)?)?",
    re.IGNORECASE,
)
SIDE_PART_REACH = 45  # characters from a side word to its level over a lead part
SIDE_AFTER_REACH = (
    20  # characters from a level to its side word after it ("T9 upper endplate (left")
)


# between a size and a side word after it, words that open the next pair
# ("the right by 3 mm and the left by 2 mm")
_NEXT_PAIR_RE = re.compile(r"\b(?:and|or|but|while|whereas)\b|;", re.IGNORECASE)


def side_size_groups(
    levels: list[str], sizes: list[SizeMention], sides: list[SideMention], text: str
) -> list[PartGroup]:
    """Split "3 mm on the left and 1 mm on the right" into one group per side.

    Each size takes the side word right after it ("3 mm on the left"), else
    right before it ("the left by 3 mm"); only when every size finds its own,
    different side.
    """
    if len(sizes) < 2 or len(sides) < 2:
        return []
    groups: list[PartGroup] = []
    used: set[int] = set()
    starts = [m[0] for m in sizes]
    for start, end, _mm in sizes:
        nxt = min((x for x in starts if x > start), default=None)
        after = [
            (a, sd)
            for a, _b, sd in sides
            if 0 <= a - end <= 30
            and a not in used
            and (nxt is None or a < nxt)
            and not _NEXT_PAIR_RE.search(text[end:a])
        ]
        before = [(b, a, sd) for a, b, sd in sides if 0 <= start - b <= 40 and a not in used]
        if (
            after
            and "," in text[end : after[0][0]]
            and any(text[b:start].isspace() for b, _, _ in before)
        ):
            after = []  # "right 2 mm, left 3 mm": the side right before it is its own
        if after:
            a, side = after[0]
            at = start
        elif before:
            _b, a, side = max(before)
            at = a
        else:
            return []
        if side == "bilateral":
            return []
        used.add(a)
        groups.append((list(levels), side, at))
    if len({sd for _, sd, _ in groups}) != len(groups):
        return []
    return groups


# between a size and the level it is stated for: "2 mm at L3", "L4 (3 mm)", "L5: 2 mm"
_SIZE_THEN_LEVEL_RE = re.compile(r"\s*(?:at|in|for|of)?\s*(?:the\s+)?(?:level\s+(?:of\s+)?)?", re.I)
_LEVEL_THEN_SIZE_RE = re.compile(
    r"\s*(?:[:(,=]|by|of|measuring|measures)?\s*(?:up\s+to|approximately|approx\.?|about|~)?\s*",
    re.I,
)
_QUALIFIER_BEFORE_RE = re.compile(r"(?:up\s+to|approximately|approx\.?|about|~)\s*$", re.I)
SIZE_LEVEL_REACH = 20  # characters between a size and its level


def level_size_groups(
    levels: list[LevelMention], sizes: list[SizeMention], text: str
) -> list[PartGroup]:
    """Split "2 mm at L3, 3 mm at L4 and up to 5 mm at L5" into one group per
    level: each size takes the level right after it ("2 mm at L3"), else the
    one right before it ("L4 (3 mm)"); only when at least two sizes each find
    a level of their own. The side stays the finding's."""
    if len(sizes) < 2 or len(levels) < 2:
        return []
    ordered = sorted(levels)
    groups: list[PartGroup] = []
    used: set[int] = set()
    for start, end, _mm in sizes:
        pair = next(
            (
                (m, start)
                for m in ordered
                if m[0] not in used
                and 0 <= m[0] - end <= SIZE_LEVEL_REACH
                and _SIZE_THEN_LEVEL_RE.fullmatch(text, end, m[0])
            ),
            None,
        ) or next(
            (
                (m, m[0])
                for m in reversed(ordered)
                if m[0] not in used
                and 0 <= start - m[1] <= SIZE_LEVEL_REACH
                and _LEVEL_THEN_SIZE_RE.fullmatch(text, m[1], start)
            ),
            None,
        )
        if pair is None:
            return []
        m, at = pair
        if at == start and (q := _QUALIFIER_BEFORE_RE.search(text, max(0, start - 16), start)):
            at = q.start()  # "and up to 5 mm at L5": the pair starts at its qualifier
        used.add(m[0])
        groups.append((list(m[2]), None, at))
    return groups


def stimulator_level_mentions(
    toks: Tokens,
    lo: int,
    hi: int,
    mentions: list[LevelMention],
    words: WordLists,
    section: str | None = None,
) -> list[LevelMention]:
    """The level mentions, in tokens [lo, hi), of where a stimulator lead
    lies (its tip or electrodes), not of where it enters the canal, of what
    its artifact hides, or of a study's coverage."""
    if section == "technique":
        # "CT from T8 through S1 to include the leads": what the study covers
        mentions = [
            m
            for m in mentions
            if not _COVERAGE_BEFORE_RE.search(toks.doc_text, max(0, m[0] - 60), m[0])
        ]
    limit = _artifact_limit(toks, lo, hi, words)
    if limit is not None:
        # "artifact along the leads obscures the cord from T8 to T11": the
        # levels after the verb are of what the artifact hides
        mentions = [m for m in mentions if m[0] < limit]
    if not mentions:
        return []
    tips, others = _tips_and_others(toks, lo, hi, mentions, words)
    return tips or others  # where it enters is not where it lies


def stimulator_tip_mentions(
    toks: Tokens, lo: int, hi: int, mentions: list[LevelMention], words: WordLists
) -> list[LevelMention]:
    """Of `mentions`, those a tip word places ("tips at T8 and T9"), not
    where a lead broke or runs ("the lead is fractured at T12-L1")."""
    return _tips_and_others(toks, lo, hi, mentions, words)[0]


def _tips_and_others(
    toks: Tokens, lo: int, hi: int, mentions: list[LevelMention], words: WordLists
) -> tuple[list[LevelMention], list[LevelMention]]:
    tip_words, entry_words = words["stimulator_tip_words"], words["stimulator_entry_words"]
    course_words = words["stimulator_course_words"]
    tips: list[LevelMention] = []
    others: list[LevelMention] = []
    for m in mentions:
        i = toks.token_at(m[0], lo, hi)
        # the nearer word rules: "two electrodes entering the canal at L1-L2"
        # is where they enter; "... and ascending to T8" is not
        before = toks.lower[max(lo, i - 6) : i]
        nearest = next((w for w in reversed(before) if w in tip_words or w in entry_words), None)
        if nearest in entry_words and any(
            w in course_words for w in before[len(before) - before[::-1].index(nearest) :]
        ):
            nearest = None
        end = toks.token_at(m[1] - 1, lo, hi) + 1
        if end < hi and toks.lower[end] in entry_words:
            continue  # "a T11 laminotomy", "the L1-2 interlaminar space": where it enters
        if nearest in tip_words or (tips and _listed_after(toks.doc_text[tips[-1][1] : m[0]])):
            tips.append(m)  # "tips at T8 on the left and T9 on the right"
        elif nearest is None:
            others.append(m)
    return tips, others


# a study that covers levels: "Helical CT from T8 through S1", "images obtained from T10"
_COVERAGE_BEFORE_RE = re.compile(
    r"\b(?:ct|mri?|images?|imaged|imaging|scan|scans|scanned|obtained|acquired|helical|coverage)"
    r"\b[^.;:]{0,12}?\bfrom\s+(?:the\s+)?(?:level\s+of\s+)?$",
    re.IGNORECASE,
)


def _artifact_limit(toks: Tokens, lo: int, hi: int, words: WordLists) -> int | None:
    """The character offset of a verb by which artifact hides anatomy
    ("artifact ... obscures", "artifact ... limits evaluation of"), when the
    clause has one after an artifact word; else None."""
    artifact, limits = words["image_artifact_words"], words["image_limit_words"]
    seen_artifact = False
    for j in range(lo, hi):
        word = toks.lower[j]
        if word in artifact:
            seen_artifact = True
        elif seen_artifact and word in limits and toks.lower[j - 1] not in ("not", "without"):
            return toks.idx[j]
    return None


_LIST_GAP_RE = re.compile(
    r"(?:\s+level)?[\s,]*(?:on\s+the\s+(?:left|right)|\((?:left|right|lt|rt)(?:\s+(?:lead|one))?\))?"
    r"[\s,]*(?:and|or|,)\s*(?:(?:at|to)\s+)?"
    r"(?:(?:upper|mid|middle|lower|the|top|bottom|superior|inferior)\s+)*"
    # "and the middle of T8", "and the superior endplate of T9"
    r"(?:(?:part|third|half|portion|aspect|endplate|end\s?plate|body)\s+)?(?:of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)


def _listed_after(gap: str) -> bool:
    """Whether text between two level mentions lists them together."""
    return len(gap) <= 45 and _LIST_GAP_RE.match(gap) is not None


LABEL_WORDS_MAX = 4  # words of a label naming hardware: "right proximal claw"


def is_label_clause(toks: Tokens, a: int, b: int, hi: int) -> bool:
    """A clause that is only a level and its colon ("L3:"), or a table row's
    first cell ("L3 | intact | ..."), labelling what follows."""
    return (
        b - a <= 4
        and b < hi
        and toks.lower[b] in (":", "|")
        and all(
            looks_like_level(toks.text[j])
            or toks.lower[j] in ("-", "*", "•", "and", ",")
            or toks.text[j].isspace()
            for j in range(a, b)
        )
    )


def is_place_label(toks: Tokens, a: int, b: int, hi: int, sides: Sequence[SideMention]) -> bool:
    """A few words with a side or level and a colon ("Right L2 screw:",
    "Right proximal claw:") opening a sentence: they place what follows."""
    if b >= hi or toks.lower[b] != ":":
        return False
    tokens = [j for j in range(a, b) if not toks.text[j].isspace()]
    if not all(toks.text[j].isalnum() or toks.lower[j] in ("-", "/") for j in tokens):
        return False
    words = [j for j in tokens if toks.text[j].isalnum()]
    if not words or len(words) > LABEL_WORDS_MAX + 1:  # "left-sided S2AI screw"
        return False
    c0, c1 = toks.char_range(a, b)
    return any(looks_like_level(toks.text[j]) for j in words) or any(c0 <= m[0] < c1 for m in sides)


# words of hardware's own noun phrase, passed over to reach what stands before it
_NP_OPENERS = frozenset({"the", "its", "their", "both", "left", "right", "bilateral", "pedicle"})
# "below its connection to the plate": the plate is still the place
_JOINT_NOUNS = frozenset({"connection", "junction", "attachment", "interface"})


def _position_reference(toks: Tokens, h: Target, words: WordLists) -> bool:
    """Whether hardware is named only as where something else is ("fracture
    lines ... lateral to the S1 screws", "anterior to the plate")."""
    before = [
        toks.lower[j] for j in range(max(0, h.start - 6), h.start) if not toks.text[j].isspace()
    ]
    while before and (before[-1] in _NP_OPENERS or looks_like_level(before[-1])):
        before.pop()
    return (
        len(before) >= 2 and before[-1] == "to" and before[-2] in words["relative_position_words"]
    )


def _place_reference(toks: Tokens, h: Target, words: WordLists) -> tuple[int, int] | None:
    """The characters of hardware named as the place of something else,
    right after a preposition of place ("just below the occipital plate",
    "beyond the C6 screw heads", "below its connection to the plate"), from
    its first word to its last; None when it is not so named."""

    def skip_openers(j: int) -> int:
        while j >= 0 and (
            toks.text[j].isspace() or toks.lower[j] in _NP_OPENERS or looks_like_level(toks.text[j])
        ):
            j -= 1
        return j

    j = skip_openers(h.start - 1)
    first = j + 1
    if j >= 1 and toks.lower[j] in ("to", "with") and toks.lower[j - 1] in _JOINT_NOUNS:
        j = skip_openers(j - 2)
    if j < 0 or toks.lower[j] not in words["place_prepositions"]:
        return None
    return toks.char_range(first, h.end)


def _possessive_part(toks: Tokens, seg: Segment) -> bool:
    """Whether the segment's subject is a part of something named before
    ("their heads", "its tip")."""
    before = toks.lower[seg.start : seg.cue.start]
    return any(w in ("its", "their") for w in before) and any(w in PART_NOUNS for w in before)


# parts of hardware a possessive names ("their heads", "its tip")
PART_NOUNS = frozenset(
    {"head", "heads", "tip", "tips", "shank", "shanks", "shaft", "shafts", "end", "ends"}
)


def _possessor(toks: Tokens, h: Target, named: Sequence[Target]) -> bool:
    """Whether `h` is what other hardware named right before it belongs to
    ("the screws of the plate")."""
    for g in named:
        if g is h or g.end > h.start:
            continue
        between = [toks.lower[j] for j in range(g.end, h.start) if not toks.text[j].isspace()]
        if between and between[0] == "of" and set(between) <= {"of", "the", "its", "this"}:
            return True
    return False


def borrow_within_sentence(
    segments: list[Segment],
    clause_levels: list[list[str]],
    clause_groups: list[set[str]],
    clause_sides: list[list[str]],
    label_clause: list[bool],
    groups: Mapping[str, str],
    level_mentions: list[LevelMention],
    toks: Tokens,
    label_place: Sequence[bool] = (),
    label_hardware: Sequence[Target] = (),
) -> None:
    """A segment without hardware or level takes them from its neighbour
    about the same hardware, a level label opening the line, or an earlier
    clause of the sentence about the same hardware; a fusion finding with
    neither takes the last level named before it in the sentence ("No
    bridging bone across C5-6; nonunion cannot be excluded")."""
    cue_chars = {id(seg): toks.idx[seg.cue.start] for seg in segments}
    # a place label opens the sentence and holds no cue
    place_label = bool(label_place) and label_place[0] and all(seg.clause > 0 for seg in segments)
    for seg in segments:
        if seg.cue.label_ in DISC_CUES and not seg.hardware and not seg.levels:
            before = [m for m in level_mentions if m[1] <= cue_chars[id(seg)] and m[3] != "foreign"]
            if before:
                seg.levels = list(before[-1][2])
    for seg in segments if place_label else ():
        # "Right L2 screw: the cap is disengaged ...": the label's place
        if not seg.levels:
            seg.levels = list(clause_levels[0])
        if not seg.sides:
            seg.sides = list(clause_sides[0])
        if not seg.hardware and label_hardware and not seg.anatomy_subject:
            # "S1 screws: thin lucency, up to 1 mm": the label's hardware
            seg.hardware = list(label_hardware)
            seg.borrowed = True
    for i, seg in enumerate(segments):
        if (seg.hardware and seg.levels) or seg.cue.component == "stimulator_generator":
            continue  # a generator sits in its pocket, not at the levels of the leads beside it
        if seg.anatomy_subject:
            continue  # "the nerve root sleeve is displaced": about the anatomy
        prev = segments[i - 1] if i > 0 else None
        nxt = segments[i + 1] if i + 1 < len(segments) else None
        donor = None
        if prev is not None and prev.hardware:
            donor = prev
        elif nxt is not None and nxt.hardware and nxt.hardware[-1].start > nxt.cue.start:
            donor = nxt
        own_groups = {component_group(h, groups) for h in seg.hardware} - {None}
        if donor is not None:
            donor_groups = {component_group(h, groups) for h in donor.hardware} - {None}
            if not seg.hardware and not (seg.levels and seg.cue.label_ in ("FRACTURE", "LUCENCY")):
                # "the inferior screws of the plate have backed out, their heads
                # protruding": the screws, not the plate they belong to
                seg.hardware = [
                    h for h in donor.hardware if not _possessor(toks, h, donor.hardware)
                ]
                subject = primary_span(donor, donor.cue.label_, groups, toks)
                if subject is not None and _possessive_part(toks, seg):
                    # "their heads now protrude": the parts of the donor's subject
                    seg.hardware = [subject]
                if not seg.sides and seg.cue.label_ not in NO_SIDE_BORROWING:
                    seg.sides = list(donor.sides)
                seg.borrowed = True
                if not seg.levels:
                    seg.levels = list(donor.levels)
            elif not seg.levels and own_groups & donor_groups:
                seg.levels = list(donor.levels)
                if not seg.sides:
                    seg.sides = list(donor.sides)
        if (
            not seg.levels
            and seg.clause > 0
            and clause_levels[seg.clause - 1]
            and label_clause[seg.clause - 1]
        ):
            # a level label opening the line: "- L3: left screw breaches ..."
            seg.levels = list(clause_levels[seg.clause - 1])
        if not seg.levels and seg.clause > 1 and label_clause[0] and clause_levels[0]:
            # the label opening the sentence places its later clauses too:
            # "L5 | backed out 5 mm | backed out 4 mm | n/a"
            seg.levels = list(clause_levels[0])
        if not seg.levels and seg.clause > 0 and own_groups:
            # a clause about the same hardware earlier in the sentence
            # ("devices at C6 ...; however the rods are subluxed")
            for ci in range(seg.clause - 1, -1, -1):
                if clause_levels[ci] and own_groups & clause_groups[ci]:
                    seg.levels = list(clause_levels[ci])
                    if not seg.sides:
                        seg.sides = list(clause_sides[ci])
                    break
