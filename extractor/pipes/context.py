"""`spine_context`: ConText over medspaCy-format modifier rules."""

# no "from __future__ import annotations": spaCy reads factory signatures at runtime

import bisect
import itertools
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from spacy.attrs import IS_PUNCT
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import TARGETS_KEY, set_extensions
from ..lexicon import CHANGE_CATEGORIES, GOVERNED_REACH_MAX, ContextRule, load_context_rules
from ..normalize import on_ticked_line
from .phrases import PhraseIndex, lower_hashes, phrase_splitter
from .sentences import sentence_bounds
from .targets import AnchoredMatcher, expand_pattern, target_spans

DEFAULTS: dict[str, Any] = {
    "rules": None,
    "targets_key": TARGETS_KEY,
    "max_scope": None,
    "skip_labels": ["NOT_HARDWARE", "NOT_SPINAL"],
}
_REACHING = frozenset({"FORWARD", "BACKWARD", "BIDIRECTIONAL"})
# a hypothetical cue is not governed: "no contraindication to placement"
_GOVERNABLE = frozenset({"POSSIBLE_EXISTENCE", "HISTORICAL"})
GOVERN_GAP = 4  # words between a negation and a cue it governs ("no overt signs or symptoms of")
_CHANGE_PRECEDENCE = ("CHANGE_WORSE", "CHANGE_IMPROVED", "CHANGE_NEW", "CHANGE_STABLE")
SUBJECT_GAP = 5  # words of a negated subject before its verb ("no left L4 pedicle screw is seen")
# targets a negated subject may hold: hardware, not a finding of its own
_SUBJECT_LABELS = frozenset({"HARDWARE", "STIMULATOR", "PROCEDURE"})


@dataclass(slots=True)
class Modifier:
    start: int
    end: int
    rule: ContextRule
    direction: str = ""  # the rule's, or wider when a longer match absorbed a shorter one
    category: str = field(init=False)  # the rule's, read on every test: kept here

    def __post_init__(self) -> None:
        self.direction = self.direction or self.rule.direction
        self.category = self.rule.category


@dataclass
class ContextResult:
    assertion: str = "present"
    change: str | None = None
    modifiers: list[Modifier] = field(default_factory=list)

    def as_list(self) -> list[object]:
        """The result as plain values (a Doc stores it, and must serialise)."""
        return [self.assertion, self.change, [[m.category, m.rule.id] for m in self.modifiers]]


class ConTextAnnotator:
    """The ConText algorithm over medspaCy-format rules, tuned for reports.

    Modifiers are matched once per document and pruned (longest wins) within
    their family: assertion cues (negation, possible, historical,
    hypothetical, pseudo, terminate) and change cues. A modifier reaches the
    targets in its sentence in its direction, up to a terminator or its
    `max_scope`. The assertion of a target: hypothetical if any hypothetical
    modifier reaches it, else historical if a historical one does, else the
    nearest of negated/possible, else present. A change cue goes to the
    nearest target only.

    Every target span except the look-alike labels (`skip_labels`) is
    resolved; `doc._.context_results` holds, per span of the target group in
    order, `[assertion, change, [[category, rule id], ...]]` or None.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "spine_context",
        *,
        rules: str | None = DEFAULTS["rules"],
        targets_key: str = DEFAULTS["targets_key"],
        max_scope: int | None = DEFAULTS["max_scope"],
        skip_labels: Sequence[str] = tuple(DEFAULTS["skip_labels"]),
    ) -> None:
        set_extensions()
        self.name = name
        self.rules = load_context_rules(rules)
        self.targets_key = targets_key
        self.skip_labels = frozenset(skip_labels)
        self.max_scope = max_scope
        self.phrase_matcher = PhraseIndex(nlp.vocab.strings)
        split = phrase_splitter(nlp)
        self.matcher = AnchoredMatcher(nlp.vocab)
        self.rule_of: dict[int, ContextRule] = {}
        for i, rule in enumerate(self.rules):
            key = f"ctx{i}"
            match_id = nlp.vocab.strings.add(key)
            self.rule_of[match_id] = rule
            if rule.pattern is None:
                self.phrase_matcher.add(match_id, split(rule.literal))
                continue
            phrases = expand_pattern(rule.pattern)
            if phrases is None:
                self.matcher.add(key, [dict(t) for t in rule.pattern])
                continue
            # a simple pattern is matched as its phrases, far faster than by the Matcher
            for words in dict.fromkeys(tuple(split(" ".join(p))) for p in phrases):
                self.phrase_matcher.add(match_id, list(words))

    def find_modifiers(
        self, doc: Doc | Span, targets: Sequence[tuple[int, int]] = ()
    ) -> list[Modifier]:
        """All modifiers in `doc`, pruned within each family, in text order.

        A match that reaches across a target's edge (`targets`: (start, end)
        in the Doc) is dropped before pruning, as medspaCy's
        `prune_on_target_overlap` does: it could not modify that target
        anyway, and it must not prune the shorter cue before it ("no lucency
        is seen ... to suggest": the gap is not the cue's to take, and "no"
        stays).
        """
        offset = doc.start if isinstance(doc, Span) else 0
        whole = doc.doc if isinstance(doc, Span) else doc
        lowers = lower_hashes(whole)[offset : offset + len(doc)]
        raw = [*self.matcher(doc, lowers), *self.phrase_matcher(lowers)]
        if targets:
            ordered = sorted(targets)
            starts = [a for a, _ in ordered]
            raw = [
                r
                for r in raw
                if not _overlaps_target(ordered, starts, r[1] + offset, r[2] + offset)
            ]
        families: dict[bool, list[Modifier]] = {True: [], False: []}
        for match_id, start, end in raw:
            rule = self.rule_of[match_id]
            if rule.ticked_line and not on_ticked_line(whole.text, whole[start + offset].idx):
                continue
            families[rule.category in CHANGE_CATEGORIES].append(
                Modifier(start + offset, end + offset, rule)
            )
        kept: list[Modifier] = []
        for mods in families.values():
            mods.sort(key=lambda m: (-(m.end - m.start), m.start))
            owner: dict[int, Modifier] = {}  # token -> the kept modifier covering it
            for m in mods:
                overlapping = list(
                    {
                        id(t): t for i in range(m.start, m.end) if (t := owner.get(i)) is not None
                    }.values()
                )
                if not overlapping:
                    for i in range(m.start, m.end):
                        owner[i] = m
                    kept.append(m)
                    continue
                # "is questionable" (backward) absorbs "questionable" (forward):
                # the longer cue keeps both reaches
                for t in overlapping:
                    if (
                        t.category == m.category
                        and t.direction != m.direction
                        and t.direction in _REACHING
                        and m.direction in _REACHING
                    ):
                        t.direction = "BIDIRECTIONAL"
        kept.sort(key=lambda m: (m.start, m.end))
        return kept

    def resolve(
        self,
        modifiers: Sequence[Modifier],
        start: int,
        end: int,
        label: str,
        barriers: Sequence[int] = (),
        reach_limits: Mapping[int, int] | None = None,
        hardware_starts: AbstractSet[int] = frozenset(),
    ) -> ContextResult:
        """The context of a target at tokens [start, end) given its sentence's
        modifiers (`barriers`: the sentence's other finding targets and punctuation,
        which a negation does not govern a cue across; `reach_limits`: per
        modifier id, the token a modifier does not reach past; `hardware_starts`:
        the barriers that are hardware, which a cue with a `governed_reach`
        is governed across)."""
        if not modifiers:
            return ContextResult()
        terminators: list[int] = []
        # terminators of some categories only ("there is" ends a negation, not
        # "evaluate whether there is loosening")
        partial: list[Modifier] = []
        for m in modifiers:
            if m.category == "TERMINATE":
                if m.rule.terminates is None:
                    terminators.append(m.start)
                else:
                    partial.append(m)
        negation_stops = terminators
        if partial:
            negation_stops = sorted(
                (
                    *terminators,
                    *(m.start for m in partial if "NEGATED_EXISTENCE" in (m.rule.terminates or ())),
                )
            )
        # a target that holds its own negation ("no bony bridging") is not
        # negated again by one before it across a list ("no incorporation and
        # no bony bridging": another target or punctuation between them)
        own_negation = any(
            m.category == "NEGATED_EXISTENCE" and start <= m.start and m.end <= end
            for m in modifiers
        )
        modifiers = _ungoverned(modifiers, start, negation_stops, barriers, hardware_starts)
        result = ContextResult()
        nearest: tuple[int, str] | None = None
        change: tuple[int, int, str] | None = None
        for m in modifiers:
            cat = m.category
            if cat in ("TERMINATE", "PSEUDO") or (m.start < end and m.end > start):
                continue
            if (
                own_negation
                and cat == "NEGATED_EXISTENCE"
                and any(m.end <= t < start for t in barriers)
            ):
                continue  # a list: "no X and no Y" (not "no evidence that ... did not take")
            rule = m.rule
            if rule.allowed_types is not None and label not in rule.allowed_types:
                continue
            if rule.excluded_types is not None and label in rule.excluded_types:
                continue
            if cat in CHANGE_CATEGORIES:
                distance = start - m.end if m.end <= start else m.start - end
                if not any(lo < t < hi for t in terminators for lo, hi in [_gap(m, start, end)]):
                    rank = _CHANGE_PRECEDENCE.index(cat)
                    if change is None or (distance, rank) < (change[0], change[1]):
                        change = (distance, rank, cat)
                continue
            stops = terminators
            if partial:
                stops = [
                    *terminators,
                    *(t.start for t in partial if cat in (t.rule.terminates or ())),
                ]
            if not self._reaches(m, start, end, stops):
                continue
            if reach_limits and reach_limits.get(id(m), start + 1) < start:
                continue  # "without bridging bone, and the cage has subsided"
            result.modifiers.append(m)
            if cat in ("NEGATED_EXISTENCE", "POSSIBLE_EXISTENCE"):
                distance = start - m.end if m.end <= start else m.start - end
                if nearest is None or distance < nearest[0]:
                    nearest = (distance, cat)
        cats = {m.category for m in result.modifiers}
        if "HYPOTHETICAL" in cats:
            result.assertion = "hypothetical"
        elif "HISTORICAL" in cats:
            result.assertion = "historical"
        elif nearest is not None:
            result.assertion = "absent" if nearest[1] == "NEGATED_EXISTENCE" else "possible"
        if change is not None:
            result.change = CHANGE_CATEGORIES[change[2]]
        return result

    def _reaches(self, m: Modifier, start: int, end: int, terminators: Sequence[int]) -> bool:
        direction = m.direction
        scope = m.rule.max_scope or self.max_scope
        if m.end <= start and direction in ("FORWARD", "BIDIRECTIONAL"):
            if scope is not None and start - m.end >= scope:
                return False
            return not any(m.end <= t < start for t in terminators)
        if m.start >= end and direction in ("BACKWARD", "BIDIRECTIONAL"):
            if scope is not None and m.start - end >= scope:
                return False
            return not any(end <= t < m.start for t in terminators)
        return False

    def __call__(self, doc: Doc) -> Doc:
        spans = target_spans(doc, self.targets_key)
        is_target = [s.label_ not in self.skip_labels for s in spans]
        if not any(is_target):
            doc._.context_modifiers = []
            doc._.context_results = [None] * len(spans)
            return doc
        modifiers = self.find_modifiers(
            doc, [(s.start, s.end) for s, t in zip(spans, is_target, strict=True) if t]
        )
        doc._.context_modifiers = [
            (m.start, m.end, m.category, m.direction, m.rule.id) for m in modifiers
        ]
        bounds = sentence_bounds(doc)
        mod_starts = [m.start for m in modifiers]
        # where a negation stops governing the cues after it
        punctuation = np.flatnonzero(doc.to_array([IS_PUNCT]).reshape(-1)).tolist()
        stops = sorted({*punctuation, *(s.start for s in spans)})
        hardware = frozenset(s.start for s in spans if s.label_ == "HARDWARE")
        moved = _negated_subject_verbs(modifiers, spans, punctuation, doc)
        limits = (
            _swallowed_negations(modifiers, spans, is_target, punctuation, doc, bounds)
            if any(m.category == "NEGATED_EXISTENCE" for m in modifiers)
            else {}
        )
        if moved:
            modifiers = sorted(
                (moved.get(id(m), m) for m in modifiers), key=lambda m: (m.start, m.end)
            )
            mod_starts = [m.start for m in modifiers]
        results: list[list[object] | None] = []
        for span, target in zip(spans, is_target, strict=True):
            if not target:
                results.append(None)
                continue
            s = bisect.bisect_right(bounds, span.start) - 1
            lo, hi = bounds[s], bounds[s + 1]
            in_sentence = modifiers[
                bisect.bisect_left(mod_starts, lo) : bisect.bisect_left(mod_starts, hi)
            ]
            barriers = stops[bisect.bisect_left(stops, lo) : bisect.bisect_left(stops, hi)]
            results.append(
                self.resolve(
                    in_sentence, span.start, span.end, span.label_, barriers, limits, hardware
                ).as_list()
            )
        doc._.context_results = results
        return doc


def _overlaps_target(
    targets: Sequence[tuple[int, int]], starts: Sequence[int], start: int, end: int
) -> bool:
    """Whether the tokens [start, end) reach outside a target they overlap
    (a cue inside its target, the "no" of "no bridging bone", is kept);
    `targets` are sorted and do not overlap, `starts` their starts."""
    k = bisect.bisect_left(starts, end) - 1
    while k >= 0 and targets[k][1] > start:
        a, b = targets[k]
        if start < a or b < end:
            return True
        k -= 1
    return False


def _ungoverned(
    modifiers: Sequence[Modifier],
    start: int,
    terminators: Sequence[int],
    others: Sequence[int],
    hardware: AbstractSet[int] = frozenset(),
) -> Sequence[Modifier]:
    """The modifiers less the cues a negation just before them governs: in
    "no history of", "no findings suggesting", "not suspicious for", "no signs
    or symptoms of" the target is negated, not historical, hedged or generic."""
    if not any(m.category == "NEGATED_EXISTENCE" for m in modifiers):
        return modifiers
    ordered = list(modifiers)
    starts = [m.start for m in ordered]
    if any(a > b for a, b in itertools.pairwise(starts)):
        ordered.sort(key=lambda m: m.start)
        starts.sort()
    blocks = sorted((*terminators, *others))
    # an evidence verb's negated evidence may be about hardware ("no sclerosis
    # about the left L5 screw suggestive of loosening"): only hardware is crossed
    evidence_blocks = [b for b in blocks if b not in hardware] if hardware else blocks
    governed: set[int] = set()
    for neg in ordered:
        if neg.category != "NEGATED_EXISTENCE" or neg.end > start or neg.direction == "BACKWARD":
            continue
        # the cues starting within GOVERN_GAP after it (bisect: a long
        # sentence of cues stays linear)
        lo = bisect.bisect_left(starts, neg.end)
        hi = bisect.bisect_right(starts, neg.end + GOVERNED_REACH_MAX)
        first_block = bisect.bisect_left(blocks, neg.end)
        near_block = blocks[first_block] if first_block < len(blocks) else None
        first_evidence = bisect.bisect_left(evidence_blocks, neg.end)
        far_block = (
            evidence_blocks[first_evidence] if first_evidence < len(evidence_blocks) else None
        )
        for m in ordered[lo:hi]:
            gap = m.rule.governed_reach or GOVERN_GAP
            block = far_block if m.rule.governed_reach else near_block
            if (
                m.category in _GOVERNABLE
                and m.start <= neg.end + gap
                and m.end <= start
                and (block is None or block >= m.start)
            ):
                governed.add(id(m))
    return [m for m in modifiers if id(m) not in governed] if governed else modifiers


_CLAUSE_OPENERS = frozenset({"and", "but", "while", "whereas", "however", "although", "though"})


def _swallowed_negations(
    modifiers: Sequence[Modifier],
    spans: Sequence[Span],
    is_target: Sequence[bool],
    punctuation: Sequence[int],
    doc: Doc,
    bounds: Sequence[int],
) -> dict[int, int]:
    """For a negation inside a target's own words ("without bridging bone",
    "not fused"), the first punctuation after that target that opens a new
    clause: the negation is the target's, and reaches a list ("without
    bridging bone, subsidence or lucency") but not the next clause ("without
    bridging bone, and the cage has subsided"). Only within the sentence."""
    limits: dict[int, int] = {}
    starts = [s.start for s in spans]
    for m in modifiers:
        if m.category != "NEGATED_EXISTENCE":
            continue
        # the target starting at or before the negation (spans do not overlap)
        k = bisect.bisect_right(starts, m.start) - 1
        if k < 0 or not is_target[k] or m.end > spans[k].end:
            continue
        sentence_end = bounds[bisect.bisect_right(bounds, m.start)] if bounds else len(doc)
        lo = bisect.bisect_left(punctuation, spans[k].end)
        hi = bisect.bisect_left(punctuation, sentence_end)
        for p in punctuation[lo:hi]:
            q = p + 1
            while q < sentence_end and doc[q].is_space:
                q += 1
            if q < sentence_end and doc[q].lower_ in _CLAUSE_OPENERS:
                limits[id(m)] = p
                break
    return limits


def _negated_subject_verbs(
    modifiers: Sequence[Modifier], spans: Sequence[Span], punctuation: Sequence[int], doc: Doc
) -> dict[int, Modifier]:
    """The subject-predicate terminators ("is seen") whose subject a negation
    just before governs, each moved to the punctuation or "and"/"but" after
    it: in "no screw
    is seen within the canal" the verb belongs to the negated screw and the
    negation reaches the complement, where "no fracture is seen, lucency at
    L4" still ends at the verb."""
    found: dict[int, Modifier] = {}
    span_starts = [s.start for s in spans]
    span_ends = [s.end for s in spans]
    negation: Modifier | None = None
    for m in modifiers:
        if m.category == "NEGATED_EXISTENCE" and m.direction != "BACKWARD":
            negation = m
            continue
        if not (m.category == "TERMINATE" and m.rule.subject_predicate and negation):
            continue
        lo, hi = negation.end, m.start
        first_punct = bisect.bisect_left(punctuation, lo)
        if hi - lo > SUBJECT_GAP or (
            first_punct < len(punctuation) and punctuation[first_punct] < hi
        ):
            continue
        # the targets between (spans sorted, none longer than the gap's reach)
        between = spans[bisect.bisect_left(span_ends, lo + 1) : bisect.bisect_left(span_starts, hi)]
        if all(s.label_ in _SUBJECT_LABELS for s in between):
            stop = bisect.bisect_left(punctuation, m.end)
            at = punctuation[stop] if stop < len(punctuation) else len(doc)
            # or the clause after "and"/"but": "no screws are seen to have
            # backed out and the rods are fractured"
            at = next((j for j in range(m.end, at) if doc[j].lower_ in _CLAUSE_OPENERS), at)
            found[id(m)] = Modifier(at, at + 1, m.rule, m.direction)
    return found


def _gap(m: Modifier, start: int, end: int) -> tuple[int, int]:
    return (m.end - 1, start) if m.end <= start else (end - 1, m.start)


@Language.factory("spine_context", default_config=DEFAULTS)
def make_context(
    nlp: Language,
    name: str,
    rules: str | None,
    targets_key: str,
    max_scope: int | None,
    skip_labels: list[str],
) -> ConTextAnnotator:
    return ConTextAnnotator(
        nlp,
        name,
        rules=rules,
        targets_key=targets_key,
        max_scope=max_scope,
        skip_labels=skip_labels,
    )
