"""Form fields: "Label: value" lines of a structured report.

A field's label names the finding ("Pedicle breach: right L5 lateral, 3 mm")
and its value says where, how much, or whether ("Screw backout (Y/N): N",
negated by the context rules). A fusion field ("Fusion status: L3-4 solid /
L5-S1 absent", "Fusion: [ ] solid [x] partial") states one pseudarthrosis
finding per item, read from the item's state word (`fusion_field_*` lists).
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Sequence

from ...lexicon import WordLists
from .document import Target, Tokens, looks_like_level

FIELD_LABEL_WORDS_MAX = 6  # words of a label: "Motion across fused levels on flexion/extension"
# a label is a noun phrase: "The left lead has migrated caudally: its tip ..." is a statement
_STATEMENT_VERBS = frozenset({"is", "are", "was", "were", "has", "have", "had", "be", "been"})
_FUSION_WORDS = frozenset({"fusion", "fusions", "arthrodesis", "spondylodesis"})
# a negation is a state alone or before a fusion word: "L5-S1 absent", "not fused"
_NEGATORS = frozenset({"no", "not", "none", "absent", "lack", "lacking"})
_FUSION_NOUNS = frozenset({"fusion", "union", "bridging", "bony", "osseous", "arthrodesis"})
_TICKS = frozenset({"x", "✓", "✔", "*"})
_ITEM_BREAKS = frozenset({"/", ";"})
# words a hardware label may hold besides the hardware: "Rod integrity:", "Plate position:"
_LABEL_WORDS = frozenset({"integrity", "position", "status", "alignment", "and", "caps"})
LABEL_TAIL_MAX = 6  # tokens between a fusion word and its field's colon: "status (L4-S1)"


def _opens_line(toks: Tokens, token: int) -> bool:
    text = toks.doc_text
    at = toks.idx[token]
    return text[text.rfind("\n", 0, at) + 1 : at].strip(" \t-*•") == ""


def join_field_value(
    toks: Tokens,
    clause_list: list[tuple[int, int]],
    cues: Sequence[Target],
    hardware: Sequence[Target] = (),
) -> list[tuple[int, int]]:
    """A form field is one clause: its label names the finding and its value
    says where and how much. Only when the label opens the line, is a short
    noun phrase holding a finding cue, and the value (up to the next hard
    break) names no finding of its own. A value whose items ("/") each name
    their own finding ("L3-4 solid / L5-S1 absent") is a clause per item."""
    if len(clause_list) < 2:
        return clause_list
    (a, b), (_, c) = clause_list[0], clause_list[1]
    if toks.lower[b] != ":" or "\n" in toks.doc_text[toks.idx[b] : toks.idx[c - 1]]:
        return clause_list
    if not _opens_line(toks, a):
        return clause_list
    words = [j for j in range(a, b) if toks.text[j].isalnum()]
    in_label = [t for t in cues if a <= t.start < b]
    if any(b <= t.start < c for t in cues):
        items = _items(toks, b, c, cues)
        if in_label or not 0 < len(words) <= FIELD_LABEL_WORDS_MAX:
            return [*clause_list[:1], *items, *clause_list[2:]]
        first = next((toks.text[j] for j in range(b + 1, c) if toks.text[j].isalnum()), "")
        prose = len(first) > 1 and first[0].isupper() and first[1:].islower()
        if (
            not prose
            and any(a <= h.start < b for h in hardware)
            and all(
                any(h.start <= j < h.end for h in hardware) or toks.lower[j] in _LABEL_WORDS
                for j in words
            )
        ):
            # "Rods: L - disengaged from the C3 screw head": the label is the
            # hardware (not before a sentence: "Rods: Both rods are intact")
            return [(a, items[0][1]), *items[1:], *clause_list[2:]]
        return [*clause_list[:1], *items, *clause_list[2:]]
    if not in_label or not 0 < len(words) <= FIELD_LABEL_WORDS_MAX:
        return clause_list
    if any(
        toks.lower[j] in _STATEMENT_VERBS or toks.lower[j].endswith("ed")
        for j in words
        if not any(t.start <= j < t.end for t in in_label)
    ):
        return clause_list
    return [(a, c), *clause_list[2:]]


def _items(toks: Tokens, b: int, c: int, cues: Sequence[Target]) -> list[tuple[int, int]]:
    """A value's items, split at "/" only when each side holds a cue."""
    text = toks.doc_text
    # " / " between items; "fusion/pseudarthrosis" is one
    cuts = [
        j
        for j in range(b + 1, c)
        if toks.lower[j] == "/" and text[toks.idx[j] - 1 : toks.idx[j]].isspace()
    ]
    bounds = [b, *cuts, c]
    parts = list(itertools.pairwise(bounds))
    if len(parts) < 2 or not all(any(x <= t.start < y for t in cues) for x, y in parts):
        return [(b, c)]
    return parts


def fusion_field_cues(toks: Tokens, t: Target, lo: int, hi: int, words: WordLists) -> list[Target]:
    """The pseudarthrosis cues of a fusion field whose label is `t` (a fusion
    word opening its line, then a colon): one per item of its value, at the
    item's state word. A solid state is the opposite of a pseudarthrosis
    (`inverse`); a failed one states it; a hedge makes it possible; an item
    with no state word ("N/A", "not assessable") states nothing."""
    lower = toks.lower
    if not any(w in _FUSION_WORDS for w in lower[t.start : t.end]) or not _opens_line(
        toks, t.start
    ):
        return []
    colon = next(
        (j for j in range(t.end, min(hi, t.end + LABEL_TAIL_MAX + 1)) if lower[j] == ":"), None
    )
    if colon is None or "\n" in toks.doc_text[toks.idx[t.start] : toks.idx[colon]]:
        return []
    end = next((j for j in range(colon + 1, hi) if "\n" in toks.text[j]), hi)
    out: list[Target] = []
    start = colon + 1
    breaks = [
        k
        for k in range(colon + 1, end)
        if lower[k] in _ITEM_BREAKS and not (lower[k - 1] == "n" and lower[k + 1 : k + 2] == ["a"])
    ]  # "N/A" is one value
    for j in [*breaks, end]:
        cue = _item_cue(toks, t, start, j, words)
        if cue is not None:
            out.append(cue)
        start = j + 1
    return out


def _item_cue(toks: Tokens, t: Target, a: int, b: int, words: WordLists) -> Target | None:
    lower, text = toks.lower, toks.text
    state = _state_word(toks, a, b)
    if state is None:
        return None
    word = lower[state]
    nxt = next((lower[j] for j in range(state + 1, b) if text[j].isalpha()), "")
    solid, failed = words["fusion_field_solid"], words["fusion_field_failed"]
    hedges, unassessed = words["fusion_field_hedges"], words["fusion_field_unassessed"]
    if word in unassessed or (word == "not" and nxt in unassessed):
        return None
    inverse = False
    if word in hedges:
        if nxt in solid:
            return None  # "probably solid" leans to a fusion: no finding
        assertion = "possible"
    elif word in solid:
        assertion, inverse = "present", True
    elif word in failed:
        if word in _NEGATORS and nxt and nxt not in solid and nxt not in _FUSION_NOUNS:
            return None  # "Fusion: no motion across L3-4 ...": a sentence, not a state
        assertion = "present"
    else:
        return None
    cue = copy.copy(t)
    cue.label_ = "PSEUDARTHROSIS"
    cue.start, cue.end, cue.start_char = state, state + 1, toks.idx[state]
    cue.assertion, cue.change, cue.modifiers = assertion, None, ()
    meta = {k: v for k, v in t.meta.items() if k != "inverse"}
    cue.meta = {**meta, "field_state": True, **({"inverse": True} if inverse else {})}
    return cue


def _state_word(toks: Tokens, a: int, b: int) -> int | None:
    """The token that says an item's state: the word after its ticked box, or
    with no box its first word that is not a level ("L4-S1 partial")."""
    lower, text = toks.lower, toks.text
    boxes = [j for j in range(a, b - 2) if lower[j] == "[" and lower[j + 2] == "]"]
    ticked = [j for j in boxes if lower[j + 1] in _TICKS]
    if ticked:
        return next((k for k in range(ticked[0] + 3, b) if text[k].isalpha()), None)
    if any(lower[j] == "[" for j in range(a, b)):
        return None  # boxes, none ticked: nothing chosen
    for k in range(a, b):
        if text[k].isspace() or not any(ch.isalnum() for ch in text[k]):
            continue
        if looks_like_level(text[k]):
            continue
        return k if text[k].isalpha() else None
    return None
