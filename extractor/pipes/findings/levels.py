"""Level mentions of a sentence, each with the role its words give it.

- "space": the level names a space next to the hardware ("the L4-5 foramen");
  a screw does not take it.
- "foreign": the level belongs to something else ("the S1 nerve roots", "an
  L1 compression fracture", "adjacent segment disease at L3-4"); no finding
  takes it.
- "junction": a named junction ("the cervicothoracic junction", C7-T1); only a
  fusion or cage finding takes it.
- "superior endplate" / "inferior endplate" / "endplate": an endplate of the
  vertebra ("into the superior endplate of S1"); a cage takes the disc the
  endplate faces (L5-S1).
"""

from __future__ import annotations

import re

from ...lexicon import WordLists
from ...normalize import WordPatterns, expand_level_range, find_level_mentions
from .document import LevelMention

_ENDPLATE = r"end\s?-?\s?plates?"


class LevelRoles:
    def __init__(self, words: WordLists, patterns: WordPatterns) -> None:
        self.patterns = patterns
        self.space_after = re.compile(
            r"[\s-]*(?:(?:"
            + words.alternation("space_qualifiers")
            + r")\s+)?(?:"
            + words.alternation("space_words")
            + r")",
            re.IGNORECASE,
        )
        self.owner_after = re.compile(
            r"[\s-]*(?:(?:left|right|lt|rt|bilateral|exiting|traversing)\s+)?(?:"
            + words.alternation("level_owners_after")
            + r")\b",
            re.IGNORECASE,
        )
        self.position_words = frozenset(words["level_position_words"])
        # the last word of each phrase before its place words ("adjacent" of
        # "adjacent level"): a cheap test before the regex search
        self.owner_last_words = frozenset(
            _last_owner_word(w.split(), self.position_words) for w in words["level_owners_before"]
        )
        # "previously at the superior endplate of", "from mid-": words of the
        # place on the level between its owner and the level
        position = r"(?:(?:" + words.alternation("level_position_words") + r")[\s-]+){0,6}"
        self.owner_before = re.compile(
            r"\b(?:" + words.alternation("level_owners_before") + r")\s+" + position + "$",
            re.IGNORECASE,
        )
        # "migrated caudally from the T8 level to mid T10": T8 is where it was
        self.moved_from_before = re.compile(
            r"\b(?:"
            + words.alternation("moved_from_words")
            + r")\b(?:\s+[a-z]+,?){0,7}?\s+from\s+"
            + position
            + "$",
            re.IGNORECASE,
        )
        self.to_after = re.compile(
            r"(?:\s+level)?\s+(?:down\s+|up\s+)?to\s+(?:the\s+)?"
            r"(?:(?:mid|middle|upper|lower|superior|inferior)\s+)?(?:level\s+of\s+(?:the\s+)?)?"
            r"(?:[CTLS]\d|th\d|d\d)",
            re.IGNORECASE,
        )
        self.range_to = re.compile(r"\s+to\s+", re.IGNORECASE)
        sup, inf = words.alternation("endplate_superior"), words.alternation("endplate_inferior")
        self.endplate_before = re.compile(
            r"(?:\b(?P<sup>"
            + sup
            + r")|\b(?P<inf>"
            + inf
            + r"))?\s*"
            + _ENDPLATE
            + r"\s+(?:of\s+)?(?:the\s+)?$",
            re.IGNORECASE,
        )
        # plain words for an endplate: "sunk into the top of L5"
        self.surface_before = re.compile(
            r"\b(?:(?P<sup>top|upper\s+surface)|(?P<inf>bottom|underside|lower\s+surface))"
            r"\s+of\s+(?:the\s+)?$",
            re.IGNORECASE,
        )
        self.endplate_after = re.compile(
            r"\s+(?:(?P<sup>" + sup + r")|(?P<inf>" + inf + r"))?\s*" + _ENDPLATE, re.IGNORECASE
        )

    def mentions(self, text: str, offset: int) -> list[LevelMention]:
        """The level mentions of sentence `text` (which starts at `offset`)."""
        out: list[LevelMention] = []
        for m in find_level_mentions(text, self.patterns):
            role: str | None = None
            if text.endswith("junction", m.start, m.end) or text.endswith(
                "Junction", m.start, m.end
            ):
                # "the thoracolumbar junction" is a segment: a fusion's place, not a screw's
                out.append((m.start + offset, m.end + offset, m.levels, "junction"))
                continue
            if answered_no(self.patterns, text, m.start, m.end):
                # "Screw backout: L5 - N / S1 - Y": the form says no for L5
                out.append((m.start + offset, m.end + offset, m.levels, "foreign"))
                continue
            before = text[max(0, m.start - 60) : m.start]
            # both patterns before a level end in whitespace
            spaced = before[-1:].isspace() or self._position_hyphen(before)
            if self.space_after.match(text, m.end):
                # "previously at the C3-4 disc" is where a lead was, not a space beside it
                owned = spaced and self._owned_before(before)
                out.append(
                    (m.start + offset, m.end + offset, m.levels, "foreign" if owned else "space")
                )
                continue
            tail = before.rsplit(None, 3)[-3:] if spaced else []
            if (
                len(m.levels) > 1
                and spaced
                and "from" in [w.lower() for w in tail]
                and self.range_to.search(text, m.start, m.end)
                and self.moved_from_before.search(before)
            ):
                # "migration of its tip from T8 to T10": where it is now, T10
                out.append((m.start + offset, m.end + offset, m.levels[-1:], None))
                continue
            if (
                self.owner_after.match(text, m.end)
                or (spaced and self._owned_before(before))
                or (
                    spaced
                    and "from" in [w.lower() for w in tail]
                    and self.to_after.match(text, m.end)
                    and self.moved_from_before.search(before)
                )
            ):
                role = "foreign"
            else:
                e = (
                    (
                        spaced
                        and any("plate" in w.lower() for w in tail)
                        and self.endplate_before.search(before)
                    )
                    or self.endplate_after.match(text, m.end)
                    or (
                        spaced
                        and "of" in [w.lower() for w in tail[-2:]]
                        and self.surface_before.search(before)
                    )
                    or None
                )
                if e is not None:
                    role = (
                        "superior endplate"
                        if e.group("sup")
                        else "inferior endplate"
                        if e.group("inf")
                        else "endplate"
                    )
            out.append((m.start + offset, m.end + offset, m.levels, role))
        return out

    def _position_hyphen(self, before: str) -> bool:
        """ "mid-T8": a position word joined to the level."""
        if not before.endswith("-"):
            return False
        return _last_letters(before[-12:-1]) in self.position_words

    def _owned_before(self, before: str) -> bool:
        """Whether an owner phrase ends the words before a level, past the
        place words on it ("previously at the superior endplate of"); the
        last word is a cheap test before the regex search."""
        words = before.replace("-", " ").rsplit(None, 9)[-9:]
        while words and _last_letters(words[-1]) in self.position_words:
            words.pop()
        if not words or _last_letters(words[-1]) not in self.owner_last_words:
            return False
        return self.owner_before.search(before) is not None


def _last_owner_word(words: list[str], position_words: frozenset[str]) -> str:
    kept = list(words)
    while len(kept) > 1 and kept[-1].lower() in position_words:
        kept.pop()
    return kept[-1].lower()


_LAST_LETTERS_RE = re.compile(r"[A-Za-z]+$")


def _last_letters(word: str) -> str:
    """The letters that end a word ("(exiting" -> "exiting"): where a \\b can open."""
    m = _LAST_LETTERS_RE.search(word)
    return m.group().lower() if m else ""


def disc_of_endplate(levels: tuple[str, ...], role: str | None) -> tuple[str, ...]:
    """The levels of the disc an endplate faces: the superior endplate of S1
    faces L5-S1, the inferior endplate of C4 faces C4-5."""
    if role not in ("superior endplate", "inferior endplate") or len(levels) != 1:
        return levels
    level = levels[0]
    neighbour = _neighbour(level, -1 if role == "superior endplate" else 1)
    if neighbour is None:
        return levels
    return tuple(expand_level_range(level, neighbour))


_ORDER = [f"C{i}" for i in range(1, 8)] + [f"T{i}" for i in range(1, 13)]
_ORDER += [f"L{i}" for i in range(1, 6)] + [f"S{i}" for i in range(1, 6)]


def _neighbour(level: str, step: int) -> str | None:
    if level not in _ORDER:
        return None
    i = _ORDER.index(level) + step
    return _ORDER[i] if 0 <= i < len(_ORDER) else None


def answered_no(patterns: WordPatterns, text: str, start: int, end: int) -> bool:
    """Whether a form item answers no for the place at text[start:end] ("L5 -
    N / S1 - Y"); after a colon only inside a field's value ("Lucency: L4: none
    / L5: 2 mm"), since "Periscrew lucency L5: none" is the label's level."""
    m = patterns.negative_item_after.match(text, end)
    if m is None:
        return False
    return m.group("sep") != ":" or ":" in text[text.rfind("\n", 0, start) + 1 : start]
