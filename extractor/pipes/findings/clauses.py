"""Clauses, cue segments and noun-phrase windows inside one sentence.

A sentence splits into clauses at hard breaks (`clause_breaks`: ";", ":",
"but", ...); a clause holding several cues splits between them at the last
boundary word (`cue_boundaries`). Around each hardware word its noun phrase
reaches over the position, side and level words of `noun_phrase_left` and
`noun_phrase_right`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...lexicon import WordLists
from .document import Segment, Target, Tokens, looks_like_level

LEFT_NP_MAX = 6
STIMULATOR_EVENTS = frozenset({"DISPLACEMENT", "DISENGAGEMENT", "BACKOUT", "FRACTURE"})
STIMULATOR_GAP = 3  # tokens between two stimulator words of one mention
RIGHT_NP_MAX = 9
PART_OF = frozenset({"of", "in", "within"})  # an event's object: "fracture of the lead"


def is_stimulator_cue(span: Target) -> bool:
    return span.label_ == "STIMULATOR" or span.component in (
        "stimulator_lead",
        "stimulator_generator",
    )


DICTATION_MIN_TOKENS = 40  # a stretch this long with hardly any punctuation is dictation
DICTATION_PUNCTUATION = 1 / 40  # punctuation marks per word below which it is
_PUNCTUATION = frozenset({".", ",", ";", ":", "(", ")", "!", "?"})


def clauses(toks: Tokens, lo: int, hi: int, words: WordLists) -> list[tuple[int, int]]:
    """Clauses at hard breaks ("but", ";", ...); in unpunctuated dictation
    also where a new statement starts (`dictation_starters`)."""
    breaks = words["clause_breaks"]
    lower, text = toks.lower, toks.text
    span = range(lo, hi)
    # a sentence shorter than the dictation minimum in tokens is shorter in words too
    words_n = (
        0 if hi - lo < DICTATION_MIN_TOKENS else hi - lo - sum(1 for i in span if text[i].isspace())
    )
    if (
        words_n < DICTATION_MIN_TOKENS
        or sum(1 for i in span if lower[i] in _PUNCTUATION) >= words_n * DICTATION_PUNCTUATION
    ):
        # punctuated text: clauses end only at the hard breaks (no break word is whitespace)
        cuts = [i for i in range(lo + 1, hi) if lower[i] in breaks]
        return list(zip([lo, *cuts], [*cuts, hi], strict=True))
    starters, glue = words["dictation_starters"], words["dictation_glue"]
    side_words = {"lt", "rt", "left", "right", "b/l", "bilateral"}
    out = []
    start = lo
    prev = -1  # the last word (not whitespace)
    for i in span:
        word = lower[i]
        if text[i].isspace():
            continue
        if i > start and (
            word in breaks
            or (
                prev >= lo
                and (word in starters or looks_like_level(text[i]))
                and lower[prev] not in glue
                and lower[prev] not in side_words
                and not looks_like_level(text[prev])
            )
        ):
            out.append((start, i))
            start = i
        prev = i
    out.append((start, hi))
    return out


def segments(
    toks: Tokens, clause_list: list[tuple[int, int]], cues: list[Target], words: WordLists
) -> list[Segment]:
    boundaries = words["cue_boundaries"]
    left_np = words["noun_phrase_left"]
    lower = toks.lower
    out: list[Segment] = []
    for ci, (a, b) in enumerate(clause_list):
        in_clause = [c for c in cues if a <= c.start < b]
        # two stimulator phrases close together with nothing between ("the
        # paddle electrode of the spinal cord stimulator") are one mention, and
        # so is what happened to it ("the stimulator lead has migrated to T10")
        merged: list[list[Target]] = []
        for c in in_clause:
            if (
                merged
                and (is_stimulator_cue(c) or c.label_ in STIMULATOR_EVENTS)
                and is_stimulator_cue(merged[-1][0])
                and c.start - merged[-1][-1].end <= STIMULATOR_GAP
                and not any(
                    lower[j] in boundaries or looks_like_level(toks.text[j])
                    for j in range(merged[-1][-1].end, c.start)
                )
            ):
                merged[-1].append(c)
            elif merged and c.label_ == merged[-1][-1].label_ and c.start == merged[-1][-1].end:
                merged[-1].append(c)  # one finding's words side by side: "radiolucent halo"
            elif (
                merged
                and is_stimulator_cue(c)
                and is_stimulator_cue(merged[-1][0])
                and _lead_label(toks, c)
            ):
                merged[-1].append(c)  # "tips at T8 (left lead) and T9 (right lead)"
            elif merged and is_stimulator_cue(c) and _event_of(toks, merged[-1], c, left_np, words):
                merged[-1] = [c, *merged[-1]]  # "fracture of the right lead": the lead's
            else:
                merged.append([c])
        start = a
        for i, group in enumerate(merged):
            cue = group[0]
            last = group[-1]
            if i + 1 < len(merged):
                nxt = merged[i + 1][0]
                split = nxt.start
                for j in range(nxt.start - 1, last.end - 1, -1):
                    if lower[j] in boundaries:
                        split = j
                        break
                if split == nxt.start and is_stimulator_cue(nxt):
                    # "migration of the left SCS lead": "the left" is the lead's
                    while split - 1 > last.end and lower[split - 1] in left_np:
                        split -= 1
                end = max(split, last.end)
            else:
                end = b
            out.append(Segment(cue, start, end, ci, extra_cues=group[1:]))
            start = end
    return out


LABEL_SIDES = frozenset({"left", "right", "lt", "rt", "l", "r"})
LABEL_LEVEL_REACH = 4  # tokens from "(" back to the level it labels ("Th9 upper endplate (")


def _lead_label(toks: Tokens, cue: Target) -> bool:
    """Whether the lead word `cue` only labels the level before it with a
    side, in parentheses: "tips at T8 (left lead)"."""
    lower, text = toks.lower, toks.text
    j = cue.start - 1
    while j >= 0 and (text[j].isspace() or lower[j] in LABEL_SIDES):
        j -= 1
    if j < 0 or lower[j] != "(" or j == cue.start - 1:
        return False
    k = cue.end
    while k < len(lower) and text[k].isspace():
        k += 1
    if k >= len(lower) or lower[k] != ")":
        return False
    return any(looks_like_level(text[i]) for i in range(max(0, j - LABEL_LEVEL_REACH), j))


def _event_of(
    toks: Tokens, group: list[Target], cue: Target, left_np: frozenset[str], words: WordLists
) -> bool:
    """Whether `group` is an event alone whose object is the stimulator
    `cue` ("fracture of the right stimulator lead", "migration of the paddle")."""
    if len(group) != 1 or group[0].label_ not in STIMULATOR_EVENTS:
        return False
    between = range(group[0].end, cue.start)
    return (
        len(between) <= STIMULATOR_GAP + 2
        # "fracture of the right lead", or the event as its adjective: "fractured right lead"
        and (
            any(toks.lower[j] in PART_OF for j in between)
            or toks.lower[group[0].end - 1] in words["event_adjectives"]
        )
        and all(
            toks.lower[j] in PART_OF or toks.lower[j] in left_np or toks.text[j].isspace()
            for j in between
        )
    )


def np_windows(
    toks: Tokens, seg: Segment, words: WordLists, anchors: Sequence[Target] | None = None
) -> list[tuple[int, int]]:
    """Character ranges of the noun phrases around the segment's hardware
    (or around `anchors`, some of it)."""
    return [
        np_window(toks, h, seg.start, seg.end, seg.hardware, words)
        for h in (seg.hardware if anchors is None else anchors)
    ]


def np_window(
    toks: Tokens, h: Target, lo: int, hi: int, named: Sequence[Target], words: WordLists
) -> tuple[int, int]:
    """The character range of hardware `h`'s noun phrase inside tokens
    [lo, hi), where `named` is the hardware named there."""
    left_np, right_np = words["noun_phrase_left"], words["noun_phrase_right"]
    lower, text, idx = toks.lower, toks.text, toks.idx
    a = h.start
    stop = max(lo, a - LEFT_NP_MAX)
    while a > stop:
        w = text[a - 1]
        if not (lower[a - 1] in left_np or w.isspace() or looks_like_level(w)):
            break
        a -= 1
    b = h.end
    stop = min(hi, b + RIGHT_NP_MAX)
    others = None
    while b < stop:
        is_level = looks_like_level(text[b])
        if not (is_level or lower[b] in right_np):
            break
        if is_level:
            if others is None:
                others = [x.start for x in named if x is not h]
            if any(b < s <= b + 3 for s in others):
                break  # "the C7 screw of the C5-C7 plate": C5-C7 is the plate's
        b += 1
    return idx[a], idx[b - 1] + len(text[b - 1])


# cues about the bone beside the hardware, where a position names the hardware
BESIDE_CUES = frozenset({"LUCENCY", "LOOSENING"})


def behind_non_subject_word(toks: Tokens, cue: Target, hardware: Target, words: WordLists) -> bool:
    """Hardware after the cue behind "from", "relative to" ... is not its subject
    (a lucency is about the screw it lies beside: "lucency lateral to the screw")."""
    if hardware.start < cue.end:
        return False
    not_subject, relative = words["not_subject_words"], words["relative_position_words"]
    if cue.label_ in BESIDE_CUES:
        relative = frozenset()
    lower = toks.lower
    return any(
        lower[j] in not_subject or (lower[j] in relative and lower[j + 1] == "to")
        for j in range(cue.end, hardware.start)
    )


def trim(
    toks: Tokens, start: int, end: int, cue: Target | None, words: WordLists
) -> tuple[int, int]:
    """Strip joining words and punctuation from a span's ends, never into the cue."""
    lower = toks.lower
    left, right = words["trim_left"], words["trim_right"]
    keep_from = cue.start if cue is not None else end - 1
    keep_to = cue.end if cue is not None else start + 1
    while start < keep_from and (lower[start].isspace() or lower[start] in left):
        start += 1
    while end > keep_to and (lower[end - 1].isspace() or lower[end - 1] in right):
        end -= 1
    return start, end
