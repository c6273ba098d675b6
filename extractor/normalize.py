"""Pure normalisation of vertebral levels, sides and sizes.

Everything here works on plain strings and is linear in its input: the
regular expressions have no nested quantifiers, so no input can make them
backtrack catastrophically.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from .lexicon import WordLists, load_words
from .schema import LEVEL_ORDER

# The walk used to expand ranges. L6 is a real (transitional) level but only
# enters a range when it is named as an end point.
_SPINE = ["OCCIPUT"] + [f"C{i}" for i in range(1, 8)] + [f"T{i}" for i in range(1, 13)]
_SPINE += [f"L{i}" for i in range(1, 6)] + [f"S{i}" for i in range(1, 6)]
_SPINE_INDEX = {level: i for i, level in enumerate(_SPINE)}
_REGION_SIZE = {"C": 7, "T": 12, "L": 6, "S": 5}
_MAX_RANGE = 30  # longer "ranges" are misreadings, not constructs


def level_name(region: str, number: str | int) -> str | None:
    """`("l", "4")` -> `"L4"`, `("D", "11")` and `("Th", "11")` -> `"T11"` (dorsal is thoracic);
    None when the level does not exist."""
    region = region.upper()
    if region in ("D", "TH"):
        region = "T"
    try:
        n = int(number)
    except ValueError:
        return None
    if region not in _REGION_SIZE or not 1 <= n <= _REGION_SIZE[region]:
        return None
    return f"{region}{n}"


def sort_levels(levels: Iterable[str]) -> list[str]:
    """Unique levels in spine order (occiput first, ilium last)."""
    return sorted(set(levels), key=LEVEL_ORDER.__getitem__)


def expand_level_range(first: str, last: str) -> list[str]:
    """Every level from `first` to `last` inclusive, in spine order.

    >>> expand_level_range("T10", "L2")
    ['T10', 'T11', 'T12', 'L1', 'L2']
    """
    return list(_level_range(first, last))


@lru_cache(maxsize=4096)  # a pure function of two level names
def _level_range(first: str, last: str) -> tuple[str, ...]:
    # L6 sits between L5 and S1: "L4-L6" is L4, L5, L6 and "L6-S1" is L6, S1
    a, b = _walk_position(first), _walk_position(last)
    if a is None or b is None:
        return tuple(sort_levels(lv for lv in (first, last) if lv in LEVEL_ORDER))
    if a > b:
        a, b = b, a
    if b - a > _MAX_RANGE:
        return tuple(sort_levels([first, last]))
    extra = [lv for lv in (first, last) if lv == "L6"]
    return tuple(sort_levels(_SPINE[math.ceil(a) : math.floor(b) + 1] + extra))


def _walk_position(level: str) -> float | None:
    return _SPINE_INDEX["L5"] + 0.5 if level == "L6" else _SPINE_INDEX.get(level)


# A level mention: "L4", "L4-5", "L4/5", "L4-L5", "T10-L2", "C5 to C7",
# "T10 through L2", "C 5". Joiners are tried once each; no nesting.
# D1-D12 and Th1-Th12 are dorsal (thoracic) vertebrae, as many European,
# Indian and East Asian reports write them
_LEVEL = r"(?<![A-Za-z0-9])(?<!vitamin\s)(?P<r1>Th|[CTLSD])\s?-?(?P<n1>\d{1,2})(?![0-9])"
_JOIN = r"\s?(?:-|–|—|/|\bto\b|\bthrough\b|\bthru\b)\s?"
_LEVEL_END = r"(?P<r2>Th|[CTLSD])?\s?-?(?P<n2>\d{1,2})(?![0-9]|\.\d)"
# Each expression below opens with a lookahead of the characters a match can
# start with: Python's engine then skips to those, twice as fast.
LEVEL_RE = re.compile(
    r"(?=[CTLSDIOctlsdio]|atl)(?:" + _LEVEL + r"(?:" + _JOIN + _LEVEL_END + r")?(?![A-Za-z0-9])"
    r"(?!(?<=[Ss]2)[\s-]?alar[\s-]?iliac)"  # "S2 alar-iliac" is the ilium's
    r"|(?P<ilium>\b(?:S2AI|S2[\s-]?alar[\s-]?iliac|ilium|ilia|iliac(?=\s+(?:screws?|bolts?|fixation|limbs?|anchors?|posts?)\b))\b)"
    r"|(?P<occiput>\b(?:occiput|occipital|occipitocervical)\b)"
    r"|(?P<named>\b(?:atlas|odontoid|dens|atlanto-?axial|atlanto-?occipital|occipito-?atlantal"
    r"|(?:cervicothoracic|cervico-thoracic|thoracolumbar|thoraco-lumbar|lumbosacral|lumbo-sacral)"
    r"\s+junction)\b))",
    re.IGNORECASE,
)
# vertebrae named by name: "odontoid screw" is C2, "atlantoaxial fusion" C1-C2
# ("transarticular" is not one: C1-C2 screws, but also lumbar facet and SI screws)
_NAMED_LEVELS = {
    "atlas": ("C1",),
    "odontoid": ("C2",),
    "dens": ("C2",),
    "atlantoaxial": ("C1", "C2"),
    "atlanto-axial": ("C1", "C2"),
    "atlantooccipital": ("OCCIPUT", "C1"),
    "atlanto-occipital": ("OCCIPUT", "C1"),
    "occipitoatlantal": ("OCCIPUT", "C1"),
    "occipito-atlantal": ("OCCIPUT", "C1"),
    # the junctions' two vertebrae ("failure of fusion at the cervicothoracic junction")
    "cervicothoracic junction": ("C7", "T1"),
    "thoracolumbar junction": ("T12", "L1"),
    "lumbosacral junction": ("L5", "S1"),
}


class LevelMention(NamedTuple):  # a tuple: made by the thousand, cheaply
    start: int
    end: int
    levels: tuple[str, ...]


class WordPatterns:
    """The regular expressions built from the word lists (lexicons/words.json)
    that level and side finding needs: MRI weightings after a T level,
    anatomy after a side word, and pairs that are not sides after "both"."""

    def __init__(self, words: WordLists) -> None:
        # "T2-weighted", "T1 hyperintense": MRI sequence names, not vertebrae
        self.mri_after = re.compile(
            r"(?:\s?(?:and|/|,)\s?T\s?\d{1,2})?\s?-?\s?(?:"
            + words.alternation("mri_weighting")
            + r")\b",
            re.IGNORECASE,
        )
        # a side of the pocket a stimulator's generator sits in
        self.pocket_after = re.compile(
            r"[\s-]{1,3}(?:[a-z]{1,20}[\s-]{1,3}){0,2}(?:"
            + words.alternation("generator_pockets")
            + r")\b",
            re.IGNORECASE,
        )
        # a side that belongs to anatomy near the hardware, not to the hardware
        self.anatomy_after = re.compile(
            r"[\s-]{1,3}(?:[a-z0-9]{1,20}[\s-]{1,3}){0,2}(?:"
            + words.alternation("side_anatomy")
            + r")\b",
            re.IGNORECASE,
        )
        # a side of anatomy a fusion crosses: the pseudarthrosis's ("the left facet joint")
        self.fusion_anatomy_after = re.compile(
            r"[\s-]{1,3}(?:[a-z0-9]{1,20}[\s-]{1,3}){0,2}(?:"
            + words.alternation("fusion_side_anatomy")
            + r")\b",
            re.IGNORECASE,
        )
        # "both" of a pair that is not left and right: "both endplates"
        self.unpaired_after = re.compile(
            r"[\s-]{1,3}(?:(?!(?:at|of|in|on|to|from|with|by|for|screws?|rods?|plates?|cages?"
            r"|hooks?|wires?|leads?)\b(?!-))[a-z0-9]{1,20}[\s-]{1,3}){0,3}(?:"
            + words.alternation("both_unpaired")
            + r")\b",
            re.IGNORECASE,
        )
        # "..., both unchanged": "both" of things already named, not a side
        self.state_after = re.compile(
            r"[\s,]{1,3}(?:" + words.alternation("both_states") + r")\b", re.IGNORECASE
        )
        # a form item answered no after its place: "L5 - N / S1 - Y", "right - none"
        self.negative_item_after = re.compile(
            r"[ \t]*(?P<sep>[-–:])[ \t]*(?:"
            + words.alternation("field_negative_values")
            + r")\b[ \t]*(?=[/;,\n]|$)",
            re.IGNORECASE,
        )


@lru_cache(maxsize=1)
def default_patterns() -> WordPatterns:
    """The patterns of the packaged word lists."""
    return WordPatterns(load_words())


def find_level_mentions(text: str, patterns: WordPatterns | None = None) -> list[LevelMention]:
    """Every vertebral level mention in `text`, ranges expanded.

    >>> [m.levels for m in find_level_mentions("C5-7 plate; screws at T6 and T7")]
    [('C5', 'C6', 'C7'), ('T6',), ('T7',)]
    """
    mri_after = (patterns or default_patterns()).mri_after
    mentions: list[LevelMention] = []
    for m in LEVEL_RE.finditer(text):
        if m.group("ilium"):
            mentions.append(LevelMention(m.start(), m.end(), ("ILIUM",)))
            continue
        if m.group("occiput"):
            mentions.append(LevelMention(m.start(), m.end(), ("OCCIPUT",)))
            continue
        if m.group("named"):
            # IGNORECASE also matches Unicode folds ("ſ" for "s"): not a name then
            named = _NAMED_LEVELS.get(" ".join(m.group().lower().replace("-", "").split()))
            if named is not None:
                mentions.append(LevelMention(m.start(), m.end(), named))
            continue
        r1 = m.group("r1")
        # A lone "s" or "t" in a word-like context ("T 2") is rare; an MRI
        # weighting after a T level is common.
        if r1.upper() == "T" and mri_after.match(text, m.end()):
            continue
        first = level_name(r1, m.group("n1"))
        if first is None:
            continue
        if m.group("n2") is None:
            mentions.append(LevelMention(m.start(), m.end(), (first,)))
            continue
        r2 = m.group("r2") or r1
        last = level_name(r2, m.group("n2"))
        if last is None:
            mentions.append(LevelMention(m.start(), m.end(), (first,)))
            continue
        mentions.append(LevelMention(m.start(), m.end(), _level_range(first, last)))
    return mentions


def parse_levels(text: str) -> list[str]:
    """All levels named in `text`, expanded and in spine order.

    >>> parse_levels("L4-5 and L5-S1")
    ['L4', 'L5', 'S1']
    """
    return sort_levels(lv for m in find_level_mentions(text) for lv in m.levels)


# a ticked box: "[x]", "[X]", "[✓]", "☒"
_TICKED_BOX_RE = re.compile(r"\[[xX✓✔*]\]|[☒☑]")


def on_ticked_line(text: str, at: int) -> bool:
    """Whether the line holding character `at` has a ticked box: a form filled
    in, whose empty boxes are the options not chosen ("Rods: [x] intact
    [ ] fractured"), not blanks of a template."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return _TICKED_BOX_RE.search(text, start, end if end >= 0 else len(text)) is not None


# a capital L or R that is a side, by what follows it ("R S1 screw", "L lead",
# "L-sided", "(L)", "2 mm on the R and 3 mm on the L", "Rods: L - intact")
_LR_AFTER = (
    r"\s+(?:[CTLSD]\d|S2AI|PS|LMS|screw|pedicle|pars|rod|hook|lead|leads|iliac|lateral|flank"
    r"|buttock|gluteal|upper|lower|side|facet)\b|-sided|\)|[ \t]+-[ \t]"
)
_LR_THE_AFTER = r"[,.;)]|\s+(?:and|or|w/|with)\b|\s*$"
_SIDE_RE = re.compile(
    r"(?=[BbLlRr])(?<![A-Za-z])(?:(?P<bilateral>(?i:bilateral(?:ly)?|both|b/l|bil(?:at)?\.?(?=[\s,;)]|$)|r/l|l/r|left\s+and\s+right|right\s+and\s+left))"
    r"|(?P<left>(?i:left|lt\.?(?=\s)|left-sided)|L(?="
    + _LR_AFTER
    + r")|(?<=the )L(?="
    + _LR_THE_AFTER
    + r"))"
    r"|(?P<right>(?i:right|rt\.?(?=\s)|right-sided)|R(?="
    + _LR_AFTER
    + r")|(?<=the )R(?="
    + _LR_THE_AFTER
    + r")))"
    r"(?![A-Za-z])",
    re.MULTILINE,
)


# "both in the disc space and posterolaterally": two places, not two sides
_BOTH_PLACES_RE = re.compile(r"\s+(?:in|within|across|along|through)\b", re.IGNORECASE)
# "on both the L4 and the L5 side", "both L4 and L5": two levels, not two sides
_BOTH_LEVELS_RE = re.compile(
    r"\s+(?:the\s+)?(?:[CTLS]\d{1,2}|Th\d{1,2})\s+(?:and|&)\s+(?:the\s+)?(?:[CTLS]\d{1,2}|Th\d{1,2})\b",
    re.IGNORECASE,
)


def find_side_mentions(
    text: str, patterns: WordPatterns | None = None
) -> list[tuple[int, int, str]]:
    """(start, end, side) for each side word in `text` that is not a side of
    nearby anatomy ("the left L5 screw", not "the left L5-S1 foramen")."""
    patterns = patterns or default_patterns()
    anatomy_after, unpaired_after = patterns.anatomy_after, patterns.unpaired_after
    state_after = patterns.state_after
    out = []
    for m in _SIDE_RE.finditer(text):
        if anatomy_after.match(text, m.end()):
            continue
        if m.group().lower() == "both" and (
            unpaired_after.match(text, m.end())
            or state_after.match(text, m.end())
            or _BOTH_PLACES_RE.match(text, m.end())
            or _BOTH_LEVELS_RE.match(text, m.end())
        ):
            continue
        side = "bilateral" if m.group("bilateral") else "left" if m.group("left") else "right"
        out.append((m.start(), m.end(), side))
    return out


def _sides_before(text: str, after: re.Pattern[str], *, paired: bool) -> list[tuple[int, int, str]]:
    """(start, end, side) for each side word that `after` matches right
    after; `paired`: only "left" or "right", never both."""
    out = []
    for m in _SIDE_RE.finditer(text):
        if (paired and m.group("bilateral")) or not after.match(text, m.end()):
            continue
        side = "bilateral" if m.group("bilateral") else "left" if m.group("left") else "right"
        out.append((m.start(), m.end(), side))
    return out


def find_pocket_sides(
    text: str, patterns: WordPatterns | None = None
) -> list[tuple[int, int, str]]:
    """(start, end, side) for each side word of a generator pocket: "the left
    upper buttock", "lt flank"."""
    return _sides_before(text, (patterns or default_patterns()).pocket_after, paired=True)


def find_fusion_sides(
    text: str, patterns: WordPatterns | None = None
) -> list[tuple[int, int, str]]:
    """(start, end, side) for each side word of anatomy a fusion crosses:
    "the left L4-5 facet joint", "on the right C5 hemilamina"."""
    return _sides_before(text, (patterns or default_patterns()).fusion_anatomy_after, paired=False)


def combine_sides(sides: Iterable[str | None]) -> str | None:
    """One side for a finding from the side words it carries.

    >>> combine_sides(["left", "right"])
    'bilateral'
    """
    seen = {s for s in sides if s}
    if not seen:
        return None
    if "bilateral" in seen or {"left", "right"} <= seen:
        return "bilateral"
    return seen.pop()


def normalize_side(text: str) -> str | None:
    """The side a phrase states: "b/l" -> bilateral, "on the left" -> left."""
    return combine_sides(side for _, _, side in find_side_mentions(text))


_NUMBER = r"\d+(?:[.,]\d+)?|\.\d+"
_UNIT = r"(?P<unit>mm|millimet(?:er|re)s?|cm|centimet(?:er|re)s?)(?![A-Za-z])"
SIZE_RE = re.compile(
    r"(?=[\d.])(?<![\w.])(?P<a>"
    + _NUMBER
    + r")\s?(?:(?:-|–|to|x|×|by)\s?(?P<b>"
    + _NUMBER
    + r")\s?)?"
    + _UNIT,
    re.IGNORECASE,
)


# No hardware finding measures more than this; a larger "size" is a misreading
# (a length of rod, a typo), and a size that rounds to 0.00 mm is none.
MAX_SIZE_MM = 500.0


class SizeMention(NamedTuple):
    start: int
    end: int
    mm: float


def _to_float(number: str) -> float:
    return float(number.replace(",", "."))


def find_size_mentions(text: str) -> list[SizeMention]:
    """Each size in `text`, as the largest value of the mention in millimetres.

    >>> [s.mm for s in find_size_mentions("3-4 mm and 0.5cm")]
    [4.0, 5.0]
    """
    out = []
    for m in SIZE_RE.finditer(text):
        values = [_to_float(m.group("a"))]
        if m.group("b"):
            values.append(_to_float(m.group("b")))
        scale = 10.0 if m.group("unit").lower().startswith("c") else 1.0
        mm = round(max(values) * scale, 2)
        if 0 < mm <= MAX_SIZE_MM:  # also drops inf from a 400-digit "number"
            out.append(SizeMention(m.start(), m.end(), mm))
    return out


def parse_size_mm(text: str) -> float | None:
    """The largest size stated in `text`, in mm, or None.

    >>> parse_size_mm("up to 0.4 cm")
    4.0
    """
    sizes = [s.mm for s in find_size_mentions(text)]
    return max(sizes) if sizes else None
