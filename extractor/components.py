"""The pipeline's components: plain classes, each behind a thin spaCy factory.

Order (see `pipeline.build_nlp`): sections -> sentences -> targets -> context
-> findings. Each class takes its settings as keyword-only arguments whose
defaults are declared once, in the factory's `default_config`.
"""

# no "from __future__ import annotations": spaCy reads factory signatures at runtime

import bisect
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
from spacy.attrs import IDX, LENGTH, LOWER, SENT_START
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from .extensions import FINDINGS_KEY, TARGET_RULES_KEY, TARGETS_KEY, doc_text, set_extensions
from .lexicon import (
    CHANGE_CATEGORIES,
    CUE_CATEGORIES,
    ContextRule,
    load_context_rules,
    load_finding_types,
    load_section_rules,
    load_target_rules,
)
from .normalize import (
    combine_sides,
    find_level_mentions,
    find_side_mentions,
    find_size_mentions,
    sort_levels,
)
from .schema import Finding

# --------------------------------------------------------------------------
# Sections
# --------------------------------------------------------------------------


class Sectionizer:
    """Finds report section headers by line-anchored rules.

    A header counts at the start of a line when followed by a colon or the
    end of the line, and mid-line after a sentence end only with a colon, so
    "History of rod fracture" in a sentence is not a header.
    Sets `doc._.report_sections` to (category, header_start, body_start, end).
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "spine_sections",
        *,
        rules: str | Path | None = None,
        default_section: str = "findings",
        title_section: str = "technique",
    ) -> None:
        set_extensions()
        self.name = name
        self.rules = load_section_rules(rules)
        self.default_section = default_section
        self.title_section = title_section
        headers = [r for r in self.rules if r.scope == "header"]
        titles = [r for r in self.rules if r.scope == "title"]
        self.category_of = {" ".join(r.literal.lower().split()): r.category for r in headers}
        self.title_re = (
            re.compile(
                r"(?<![A-Za-z])(?:"
                + "|".join(r"\s+".join(map(re.escape, t.literal.split())) for t in titles)
                + r")(?![A-Za-z])",
                re.IGNORECASE,
            )
            if titles
            else None
        )
        literals = sorted(self.category_of, key=len, reverse=True)
        alternation = "|".join(r"\s+".join(map(re.escape, lit.split())) for lit in literals)
        self.header_re = re.compile(
            r"(?P<lead>^[ \t]*(?:[-*•#>=_]+[ \t]*)?|(?<=[.!?])[ \t]+)"
            r"(?P<h>" + alternation + r")(?![A-Za-z0-9])[ \t]*(?P<colon>:|-(?=[ \t]))?",
            re.IGNORECASE | re.MULTILINE,
        )

    def is_report(self, text: str) -> bool:
        """False for texts that are not a report of a patient's images: a
        title naming a template, teaching note, quiz and the like, a title
        that is a question, or fill-in blanks."""
        stripped = text.lstrip()
        first_line = stripped.split("\n", 1)[0].strip()
        if first_line.endswith("?") and ":" not in first_line and stripped.count("\n") >= 2:
            return False  # a question as a title: an article or FAQ
        if self.title_re is not None and self.title_re.search(first_line):
            return False
        return len(_BLANK_RE.findall(text)) < 2

    def find_sections(self, text: str) -> list[tuple[str, int, int, int]]:
        if not self.is_report(text):
            return [("other", 0, 0, len(text))]
        headers: list[tuple[str, int, int]] = []
        for m in self.header_re.finditer(text):
            at_line_start = m.start() == 0 or text[m.start() - 1] == "\n"
            colon = m.group("colon") is not None
            end = m.end()
            rest_of_line_blank = end >= len(text) or text[end] in "\r\n"
            if not (colon or (at_line_start and rest_of_line_blank)):
                continue
            key = " ".join(m.group("h").lower().split())
            headers.append((self.category_of[key], m.start("h"), end))
        if not headers:
            return [(self.default_section, 0, 0, len(text))]
        sections: list[tuple[str, int, int, int]] = []
        preamble = text[: headers[0][1]]
        if preamble.strip():
            lines = [ln for ln in preamble.splitlines() if ln.strip()]
            short_title = len(lines) <= 2 and len(preamble.strip()) <= 160
            category = self.title_section if short_title else self.default_section
            sections.append((category, 0, 0, headers[0][1]))
        for i, (category, h_start, body) in enumerate(headers):
            end = headers[i + 1][1] if i + 1 < len(headers) else len(text)
            sections.append((category, h_start, body, end))
        return sections

    def __call__(self, doc: Doc) -> Doc:
        doc._.report_sections = self.find_sections(doc_text(doc))
        return doc


_BLANK_RE = re.compile(r"_{3,}|\[ \]|\[select\b", re.IGNORECASE)


_SECTION_STARTS_KEY = "spine_extractor.section_starts"


def section_at(doc: Doc, char: int) -> str:
    """The section category of the character at `char`."""
    sections = doc._.report_sections
    if not sections:
        return "findings"
    starts = doc.user_data.get(_SECTION_STARTS_KEY)
    if starts is None or len(starts) != len(sections):
        starts = [s[1] for s in sections]
        doc.user_data[_SECTION_STARTS_KEY] = starts
    i = bisect.bisect_right(starts, char) - 1
    return sections[max(i, 0)][0]


@Language.factory(
    "spine_sections",
    default_config={"rules": None, "default_section": "findings", "title_section": "technique"},
)
def make_sectionizer(
    nlp: Language, name: str, rules: str | None, default_section: str, title_section: str
) -> Sectionizer:
    return Sectionizer(
        nlp, name, rules=rules, default_section=default_section, title_section=title_section
    )


# --------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------

# A sentence ends at . ! ? after a word ("? loosening" is a question mark
# opening a query, not the end of a sentence).
_SENT_END_RE = re.compile(r"(?<=[A-Za-z0-9)\]%'\"][.!?])[\"')\]]*[ \t\r\n]+(?=\S)")
_WORD_BEFORE_RE = re.compile(r"([A-Za-z0-9/]+)\.?[.!?]*[\"')\]]*$")
_ABBREVIATIONS = frozenset(
    [
        "dr",
        "vs",
        "approx",
        "e",
        "g",
        "i",
        "eg",
        "ie",
        "fig",
        "mr",
        "mrs",
        "ms",
        "st",
        "lt",
        "rt",
        "bil",
        "incl",
        "pt",
        "pts",
        "hx",
        "prox",
        "ant",
        "lat",
        "med",
        "inf",
        "sup",
        "no",
        "nos",
        "ca",
        "cf",
        "resp",
        "esp",
        "pos",
        "neg",
        "min",
        "max",
    ]
)
_CONTINUATION_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "at",
        "to",
        "with",
        "and",
        "or",
        "in",
        "on",
        "for",
        "by",
        "from",
        "is",
        "are",
        "was",
        "were",
        "no",
        "about",
        "around",
        "into",
        "left",
        "right",
        "bilateral",
        "both",
        "its",
        "their",
        "this",
        "these",
        "which",
        "that",
        "than",
        "as",
    ]
)
_LIST_MARKER_RE = re.compile(r"[ \t]*(?:[-*•·▪◦]|\d{1,2}[.)](?!\d)|\(?[a-z][.)][ \t])")


def sentence_starts(text: str, forced: Iterable[int] = ()) -> list[int]:
    """Character offsets where sentences start, for report text.

    Splits at sentence punctuation, blank lines, list items, header lines and
    line breaks that are not a wrapped continuation (next line lower-case, or
    previous line ending in a function word or comma).
    """
    starts = {0}
    for m in _SENT_END_RE.finditer(text):
        before = text[max(0, m.start() - 12) : m.start()]
        w = _WORD_BEFORE_RE.search(before)
        word = w.group(1).lower() if w else ""
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        if word.isdigit() and _is_list_marker(text, m.start() - 1):
            continue  # "1." opening a numbered line is not a sentence
        starts.add(m.end())
    prev_line: str | None = None
    blank_between = False
    for m in _LINE_RE.finditer(text):
        line = m.group().rstrip("\r\n")
        if not line.strip():
            blank_between = prev_line is not None
            continue
        if prev_line is not None and (blank_between or _line_break_splits(prev_line, line)):
            starts.add(m.start() + len(line) - len(line.lstrip()))
        prev_line = line
        blank_between = False
    for f in forced:
        if 0 <= f < len(text):
            starts.add(f)
    return sorted(starts)


_LINE_RE = re.compile(r"[^\n]+|(?<=\n)(?=\n)")


def _is_list_marker(text: str, dot: int) -> bool:
    """Whether the digits before text[dot] ('.') open their line ("1. ...")."""
    i = dot
    while i > 0 and dot - i < 3 and text[i - 1].isdigit():
        i -= 1
    while i > 0 and dot - i < 8 and text[i - 1] in " \t":
        i -= 1
    return i == 0 or text[i - 1] == "\n"


def _line_break_splits(prev_line: str, next_line: str) -> bool:
    prev = prev_line.rstrip()
    nxt = next_line.lstrip()
    if not prev or not nxt:
        return True
    if _LIST_MARKER_RE.match(next_line) or prev.endswith((":", ".", "!", "?", ";")):
        return True
    if nxt[0].islower():
        return False
    if prev.endswith((",", "-", "(", "/")):
        return False
    last_word = prev.rsplit(None, 1)[-1].lower()
    return last_word not in _CONTINUATION_WORDS


MAX_SENTENCE_TOKENS = 400  # a longer "sentence" is cut: no report sentence is this long


class SentenceSplitter:
    """Rule-based sentence starts for reports (lines, lists, headers, caps).

    Sets `Token.is_sent_start` for every token in one array write. Sections
    must run first: each header and each section body starts a sentence.
    """

    def __init__(self, nlp: Language, name: str = "spine_sentences") -> None:
        set_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        text = doc_text(doc)
        forced: list[int] = []
        for _, h_start, body, _end in doc._.report_sections or ():
            forced.append(h_start)
            while body < len(text) and text[body].isspace():
                body += 1
            forced.append(body)
        starts = sentence_starts(text, forced)
        idx = doc.to_array([IDX]).astype(np.int64).reshape(-1)
        flags = np.full(n, -1, dtype=np.int64)
        positions = np.searchsorted(idx, np.asarray(starts, dtype=np.int64), side="left")
        for p in positions:
            # skip forward over whitespace tokens to the first real token
            while p < n and doc[int(p)].is_space:
                p += 1
            if p < n:
                flags[int(p)] = 1
        flags[0] = 1
        # bound sentence length: per-sentence work stays linear on pathological input
        starts_at = [*np.flatnonzero(flags == 1).tolist(), n]
        for a, b in itertools.pairwise(starts_at):
            if b - a > MAX_SENTENCE_TOKENS:
                flags[a + MAX_SENTENCE_TOKENS : b : MAX_SENTENCE_TOKENS] = 1
        # spaCy wants uint64; -1 ("not a start") wraps around as it expects
        doc.from_array([SENT_START], flags.astype(np.uint64).reshape(-1, 1))
        doc.user_data.pop(_BOUNDS_KEY, None)
        return doc


@Language.factory("spine_sentences", default_config={})
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter(nlp, name)


_BOUNDS_KEY = "spine_extractor.sentence_bounds"


def sentence_bounds(doc: Doc) -> list[int]:
    """Token index of each sentence start (plus len(doc) at the end)."""
    cached = doc.user_data.get(_BOUNDS_KEY)
    if cached is not None and cached[-1] == len(doc):
        return cached
    flags = doc.to_array([SENT_START]).reshape(-1)
    starts = [int(i) for i in np.flatnonzero(flags == 1)]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    starts.append(len(doc))
    doc.user_data[_BOUNDS_KEY] = starts
    return starts


# --------------------------------------------------------------------------
# Targets: medspaCy TargetRules, matched mostly by a PhraseMatcher
# --------------------------------------------------------------------------

_MAX_EXPANSIONS = 5000  # a token pattern with more alternatives stays a Matcher pattern


def expand_pattern(pattern: Sequence[Mapping[str, Any]]) -> list[list[str]] | None:
    """The lower-case phrases a simple token pattern matches, or None.

    A pattern is simple when each token is `{"LOWER": str}` or
    `{"LOWER": {"IN": [...]}}`, optionally with `"OP": "?"`. Such patterns
    are matched far faster by a PhraseMatcher than by the Matcher.
    """
    phrases: list[list[str]] = [[]]
    for token in pattern:
        if set(token) - {"LOWER", "OP"} or token.get("OP", "!") not in ("!", "?"):
            return None
        value = token.get("LOWER")
        if isinstance(value, str):
            options = [value]
        elif isinstance(value, Mapping) and set(value) == {"IN"}:
            options = list(value["IN"])
        else:
            return None
        if token.get("OP") == "?":
            options = [*options, None]  # type: ignore[list-item]
        phrases = [p + ([o] if o is not None else []) for p in phrases for o in options]
        if len(phrases) > _MAX_EXPANSIONS:
            return None
    return [p for p in phrases if p]


class AnchoredMatcher:
    """A spaCy Matcher that only looks where a pattern can match.

    Each pattern is anchored on its last required token with fixed words
    (usually the rarest: "foramen", "aorta", "bridging"); the Matcher runs
    on a short window around each occurrence of an anchor word instead of
    over the whole document. Patterns with no such token run over the whole
    document. Same matches, a fraction of the Matcher's per-token cost.
    """

    _UNBOUNDED = 8  # tokens allowed for a "*" or "+" in a window

    def __init__(self, vocab: Any) -> None:
        self.vocab = vocab
        self.free = Matcher(vocab)
        self._n_free = 0
        self._n = 0
        # anchor word hash -> list of (matcher, tokens before, tokens after)
        self.by_anchor: dict[int, list[tuple[Matcher, int, int]]] = {}

    def add(self, key: str, pattern: list[dict[str, Any]]) -> None:
        self._n += 1
        anchor = None
        for k in range(len(pattern) - 1, -1, -1):
            token = pattern[k]
            value = token.get("LOWER")
            if token.get("OP", "!") == "!" and set(token) == {"LOWER"}:
                if isinstance(value, str):
                    anchor = (k, [value])
                elif isinstance(value, Mapping) and set(value) == {"IN"}:
                    anchor = (k, list(value["IN"]))
                if anchor is not None:
                    break
        if anchor is None:
            self.free.add(key, [pattern])
            self._n_free += 1
            return
        k, words = anchor

        def span(tokens: list[dict[str, Any]]) -> int:
            return sum(self._UNBOUNDED if t.get("OP") in ("*", "+") else 1 for t in tokens)

        matcher = Matcher(self.vocab)
        matcher.add(key, [pattern])
        entry = (matcher, span(pattern[:k]), span(pattern[k + 1 :]))
        for word in words:
            self.by_anchor.setdefault(self.vocab.strings.add(word.lower()), []).append(entry)

    def __len__(self) -> int:
        return self._n

    def __call__(self, doclike: Doc | Span) -> list[tuple[int, int, int]]:
        matches: list[tuple[int, int, int]] = list(self.free(doclike)) if self._n_free else []
        if not self.by_anchor:
            return matches
        doc = doclike.doc if isinstance(doclike, Span) else doclike
        lo = doclike.start if isinstance(doclike, Span) else 0
        hi = doclike.end if isinstance(doclike, Span) else len(doc)
        lowers = doc.to_array([LOWER]).reshape(-1)[lo:hi]
        seen = set(matches)
        for j in np.flatnonzero(np.isin(lowers, list(self.by_anchor))).tolist():
            for matcher, before, after in self.by_anchor[int(lowers[j])]:
                a = max(0, j - before)
                b = min(hi - lo, j + after + 1)
                for match_id, start, end in matcher(doc[lo + a : lo + b]):
                    m = (match_id, start + a, end + a)
                    if m[1] <= j < m[2] and m not in seen:
                        seen.add(m)
                        matches.append(m)
        return matches


class TargetMatcher:
    """Matches medspaCy TargetRules and stores the spans in a span group.

    Same rules and result as medspaCy's TargetMatcher with
    `result_type="group"` and pruning (longest match wins), but simple
    token patterns are expanded into phrases for the PhraseMatcher, which
    cuts this component's time several-fold on reports.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "spine_targets",
        *,
        rules: str | Path | None = None,
        span_group_name: str = TARGETS_KEY,
    ) -> None:
        set_extensions()
        self.name = name
        self.span_group_name = span_group_name
        self.rules = load_target_rules(rules)
        self.phrase_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher = AnchoredMatcher(nlp.vocab)
        self.rule_of: dict[int, Any] = {}
        for i, rule in enumerate(self.rules):
            key = f"tgt{i}"
            self.rule_of[nlp.vocab.strings.add(key)] = rule
            if rule.pattern is None:
                self.phrase_matcher.add(key, [nlp.make_doc(rule.literal)])
                continue
            phrases = expand_pattern(rule.pattern)
            if phrases is None:
                self.matcher.add(key, list(rule.pattern))
            else:
                docs = [Doc(nlp.vocab, words=words) for words in phrases]
                self.phrase_matcher.add(key, docs)

    def __call__(self, doc: Doc) -> Doc:
        matches = [*self.phrase_matcher(doc), *self.matcher(doc)]
        matches.sort(key=lambda m: (-(m[2] - m[1]), m[1]))
        taken = [False] * (len(doc) + 1)
        spans = []
        rules = {}
        for match_id, start, end in matches:
            if any(taken[start:end]):
                continue
            taken[start:end] = [True] * (end - start)
            rule = self.rule_of[match_id]
            spans.append(Span(doc, start, end, label=rule.category, span_id=rule.metadata["id"]))
            rules[(start, end)] = rule
        spans.sort(key=lambda s: (s.start, s.end))
        doc.spans[self.span_group_name] = spans
        # the rule of each target span, by (start, end); one write per doc
        # instead of a span extension per match
        doc.user_data[TARGET_RULES_KEY] = rules
        return doc


@Language.factory("spine_targets", default_config={"rules": None, "span_group_name": TARGETS_KEY})
def make_target_matcher(
    nlp: Language, name: str, rules: str | None, span_group_name: str
) -> TargetMatcher:
    return TargetMatcher(nlp, name, rules=rules, span_group_name=span_group_name)


# --------------------------------------------------------------------------
# Context: ConText over the packaged modifier rules
# --------------------------------------------------------------------------

_REACHING = frozenset({"FORWARD", "BACKWARD", "BIDIRECTIONAL"})
_STIMULATOR_PARTS = frozenset({"stimulator_lead", "stimulator_generator"})
_ASSERTION_FLAGS = {
    "NEGATED_EXISTENCE": "is_negated",
    "POSSIBLE_EXISTENCE": "is_uncertain",
    "HISTORICAL": "is_historical",
    "HYPOTHETICAL": "is_hypothetical",
    "FAMILY": "is_family",
}
_CHANGE_PRECEDENCE = ("CHANGE_WORSE", "CHANGE_IMPROVED", "CHANGE_NEW", "CHANGE_STABLE")


@dataclass
class Modifier:
    start: int
    end: int
    rule: ContextRule
    direction: str = ""  # the rule's, or wider when a longer match absorbed a shorter one

    def __post_init__(self) -> None:
        self.direction = self.direction or self.rule.direction

    @property
    def category(self) -> str:
        return self.rule.category


@dataclass
class ContextResult:
    assertion: str = "present"
    change: str | None = None
    modifiers: list[Modifier] = field(default_factory=list)


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
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "spine_context",
        *,
        rules: str | Path | None = None,
        targets_key: str = TARGETS_KEY,
        target_labels: Sequence[str] = CUE_CATEGORIES,
        max_scope: int | None = None,
    ) -> None:
        set_extensions()
        self.name = name
        self.rules = load_context_rules(rules)
        self.targets_key = targets_key
        self.target_labels = frozenset(target_labels)
        self.max_scope = max_scope
        self.phrase_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher = AnchoredMatcher(nlp.vocab)
        self.rule_of: dict[int, ContextRule] = {}
        for i, rule in enumerate(self.rules):
            key = f"ctx{i}"
            self.rule_of[nlp.vocab.strings.add(key)] = rule
            if rule.pattern is not None:
                self.matcher.add(key, list(rule.pattern))
            else:
                self.phrase_matcher.add(key, [nlp.make_doc(rule.literal)])

    def find_modifiers(self, doc: Doc | Span) -> list[Modifier]:
        """All modifiers in `doc`, pruned within each family, in text order."""
        raw = [*self.matcher(doc), *self.phrase_matcher(doc)]
        offset = doc.start if isinstance(doc, Span) else 0
        families: dict[bool, list[Modifier]] = {True: [], False: []}
        for match_id, start, end in raw:
            rule = self.rule_of[match_id]
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
        self, modifiers: Sequence[Modifier], start: int, end: int, label: str
    ) -> ContextResult:
        """The context of a target at tokens [start, end) given its sentence's modifiers."""
        terminators = [m.start for m in modifiers if m.category == "TERMINATE"]
        result = ContextResult()
        nearest: tuple[int, str] | None = None
        change: tuple[int, int, str] | None = None
        for m in modifiers:
            cat = m.category
            if cat in ("TERMINATE", "PSEUDO") or (m.start < end and m.end > start):
                continue
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
            if not self._reaches(m, start, end, terminators):
                continue
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
        rules = doc.user_data.get(TARGET_RULES_KEY, {})

        def is_target(s: Span) -> bool:
            if s.label_ in self.target_labels:
                return True
            rule = rules.get((s.start, s.end))
            return rule is not None and rule.metadata.get("component") in _STIMULATOR_PARTS

        targets = [s for s in doc.spans.get(self.targets_key, ()) if is_target(s)]
        if not targets:
            doc._.context_modifiers = []
            doc._.context_results = {}
            return doc
        modifiers = self.find_modifiers(doc)
        doc._.context_modifiers = [
            (m.start, m.end, m.category, m.direction, m.rule.id) for m in modifiers
        ]
        bounds = sentence_bounds(doc)
        mod_starts = [m.start for m in modifiers]
        results = {}
        for span in targets:
            s = bisect.bisect_right(bounds, span.start) - 1
            lo, hi = bounds[s], bounds[s + 1]
            in_sentence = modifiers[
                bisect.bisect_left(mod_starts, lo) : bisect.bisect_left(mod_starts, hi)
            ]
            results[(span.start, span.end)] = self.resolve(
                in_sentence, span.start, span.end, span.label_
            )
        doc._.context_results = results
        return doc


def _gap(m: Modifier, start: int, end: int) -> tuple[int, int]:
    return (m.end - 1, start) if m.end <= start else (end - 1, m.start)


@Language.factory(
    "spine_context", default_config={"rules": None, "targets_key": TARGETS_KEY, "max_scope": None}
)
def make_context(
    nlp: Language, name: str, rules: str | None, targets_key: str, max_scope: int | None
) -> ConTextAnnotator:
    return ConTextAnnotator(nlp, name, rules=rules, targets_key=targets_key, max_scope=max_scope)


# --------------------------------------------------------------------------
# Findings: cues + the hardware, levels, sides and sizes of their own clause
# --------------------------------------------------------------------------

# Words that end a clause outright, and words that may separate two cues.
_CLAUSE_BREAKS = frozenset({";", ":", "but", "however", "whereas", "although", "though", "which"})
_BOUNDARY_WORDS = frozenset({",", "and", "while", "with", "or", "also", "("})
_LEFT_NP = frozenset(
    [
        "and",
        "or",
        ",",
        "the",
        "both",
        "bilateral",
        "bilaterally",
        "left",
        "right",
        "b/l",
        "-",
        "sided",
        "inferior",
        "superior",
        "upper",
        "lower",
        "caudal",
        "cranial",
        "cephalad",
        "proximal",
        "distal",
        "anterior",
        "posterior",
        "medial",
        "lateral",
        "pedicle",
        "most",
        "lowest",
        "uppermost",
        "lowermost",
        "r",
        "l",
    ]
)
_RIGHT_NP = frozenset(
    [
        "at",
        "spanning",
        "extending",
        "or",
        "of",
        "in",
        "on",
        "the",
        "level",
        "levels",
        "and",
        ",",
        "to",
        "from",
        "through",
        "thru",
        "-",
        "both",
        "sides",
        "side",
        "left",
        "right",
        "bilateral",
        "bilaterally",
        "b/l",
        "vertebra",
        "vertebrae",
        "vertebral",
        "body",
        "bodies",
        "into",
        "within",
    ]
)
_LEFT_NP_MAX = 6
_RIGHT_NP_MAX = 9
# Hardware after a cue behind these words is not what the cue is about
# ("has backed out relative to the rod").
_NOT_SUBJECT_WORDS = frozenset({"from", "relative", "against", "toward", "towards", "beside"})
# A level followed by these names a space next to the hardware, not its level.
_SPACE_AFTER_RE = re.compile(
    r"[\s-]*(?:neural\s+|intervertebral\s+|transverse\s+)?(?:foramen|foramina|foraminal|disc|disk|interspace|intervertebral)",
    re.IGNORECASE,
)
_STIMULATOR_TIP_WORDS = frozenset(
    {
        "tip",
        "tips",
        "electrode",
        "electrodes",
        "contacts",
        "contact",
        "array",
        "paddle",
        "terminates",
        "terminating",
        "terminate",
        "ends",
        "ending",
    }
)
_STIMULATOR_ENTRY_WORDS = frozenset(
    {"enter", "enters", "entering", "entered", "entry", "introduced", "access", "accessing"}
)
_SECTION_ASSERTION = {
    # the contract: indication and history statements are not asserted findings
    "indication": {"present": "hypothetical", "possible": "hypothetical"},
    "history": {"present": "historical", "possible": "hypothetical"},
    "other": {"present": "hypothetical", "possible": "hypothetical"},
    # what a prior study showed is not asserted on these images
    "comparison": {"present": "historical", "possible": "historical"},
}
# An indication that reports what the patient has rather than asking.
_EXISTING_RE = re.compile(
    r"\b(?:known|existing|established|documented|prior|previous|previously|recent|recently|"
    r"implanted|placed|in\s+place|chronic|longstanding|h/o|hx|history|seen|noted|found|showed|"
    r"shown|demonstrated|reported|diagnosed)\b",
    re.IGNORECASE,
)
_FLAG_OF_ASSERTION = {
    "absent": "is_negated",
    "possible": "is_uncertain",
    "historical": "is_historical",
    "hypothetical": "is_hypothetical",
}
_SCREW_CUES = frozenset({"LUCENCY", "LOOSENING", "MALPOSITION", "BACKOUT"})
_NO_SIDE_BORROWING = frozenset({"PSEUDARTHROSIS", "SUBSIDENCE", "STIMULATOR"})


def target_rule(doc: Doc, span: Span) -> Any:
    """The TargetRule that matched a span of `doc.spans["spine_targets"]`."""
    return doc.user_data.get(TARGET_RULES_KEY, {}).get((span.start, span.end))


class _Target:
    """A target span's fields, read once (span extensions are slow to read)."""

    __slots__ = (
        "assertion",
        "change",
        "end",
        "label_",
        "meta",
        "modifiers",
        "rule",
        "start",
        "start_char",
    )

    def __init__(self, span: Span, rule: Any, context: ContextResult | None) -> None:
        self.start = span.start
        self.end = span.end
        self.start_char = span.start_char
        self.label_ = span.label_
        self.rule = rule
        self.meta = rule.metadata
        if context is None:
            self.assertion, self.change, self.modifiers = None, None, ()
        else:
            self.assertion = context.assertion
            self.change = context.change
            self.modifiers = tuple((m.category, m.rule.id) for m in context.modifiers)


class _Tokens:
    """Per-document token arrays, so the builder does not index the Doc."""

    __slots__ = ("idx", "lower", "text")

    def __init__(self, doc: Doc) -> None:
        arr = doc.to_array([IDX, LENGTH])
        self.idx = arr[:, 0].tolist()
        text = doc_text(doc)
        self.text = [text[a : a + n] for a, n in zip(self.idx, arr[:, 1].tolist(), strict=True)]
        self.lower = [w.lower() for w in self.text]

    def char_range(self, a: int, b: int) -> tuple[int, int]:
        return self.idx[a], self.idx[b - 1] + len(self.text[b - 1])


@dataclass
class _Segment:
    cue: _Target
    start: int  # token range of the cue's clause
    end: int
    clause: int  # index of the clause in its sentence
    hardware: list[_Target] = field(default_factory=list)
    vetoes: list[_Target] = field(default_factory=list)
    levels: list[str] = field(default_factory=list)
    sides: list[str] = field(default_factory=list)
    sizes: list[float] = field(default_factory=list)
    borrowed: bool = False
    levels_attached: bool = True
    extra_cues: list[_Target] = field(default_factory=list)
    # (levels, side) per side-level pair when one clause names several:
    # "right T6-T7 and left T9 screws"
    side_groups: list[tuple[list[str], str, int]] = field(default_factory=list)
    size_mentions: list[tuple[int, int, float]] = field(default_factory=list)


@dataclass
class _Draft:
    type: str
    component: str | None
    levels: list[str]
    side: str | None
    size_mm: float | None
    assertion: str
    change: str | None
    section: str
    start: int  # tokens
    end: int
    cue: _Target
    own_component: bool
    own_side: bool


class FindingBuilder:
    """Turns cues into contract findings in `doc.spans["findings"]`.

    A sentence splits into clauses at hard breaks (";", ":", "but", ...);
    inside a clause, its cues split it at the last boundary word between two
    cues. Each cue takes the hardware, levels, side and size of its own
    segment; levels and sides attached to the hardware's noun phrase win over
    others there ("the left L4 screw enters the L4-5 foramen" is L4). A
    segment with no hardware or no level borrows them from its neighbour
    about the same hardware ("the L5 screws show lucency and backout").
    The cue and its hardware give the type (lexicons/finding_types.json).
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "spine_findings",
        *,
        types: str | None = None,
        targets_key: str = TARGETS_KEY,
        spans_key: str = FINDINGS_KEY,
    ) -> None:
        set_extensions()
        self.name = name
        self.types = load_finding_types(types)
        self.targets_key = targets_key
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        spans = doc.spans.get(self.targets_key, ())
        if not any(t.label_ in CUE_CATEGORIES for t in spans):
            doc.spans[self.spans_key] = []
            return doc
        context = doc._.context_results or {}
        rules = doc.user_data.get(TARGET_RULES_KEY, {})
        targets = [
            _Target(span, rules[(span.start, span.end)], context.get((span.start, span.end)))
            for span in spans
        ]
        toks = _Tokens(doc)
        has_stimulator = any(t.label_ == "STIMULATOR" for t in targets)
        bounds = sentence_bounds(doc)
        by_sentence: dict[int, list[_Target]] = {}
        for t in sorted(targets, key=lambda s: (s.start, s.end)):
            s = bisect.bisect_right(bounds, t.start) - 1
            by_sentence.setdefault(s, []).append(t)
        drafts: list[_Draft] = []
        for s, spans in by_sentence.items():
            drafts.extend(
                self._sentence_findings(doc, toks, bounds[s], bounds[s + 1], spans, has_stimulator)
            )
        doc.spans[self.spans_key] = [self._to_span(doc, d) for d in drafts]
        return doc

    # -- one sentence -------------------------------------------------------

    def _sentence_findings(
        self, doc: Doc, toks: _Tokens, lo: int, hi: int, spans: list[_Target], has_stimulator: bool
    ) -> list[_Draft]:
        hardware: list[_Target] = []
        cues = [t for t in spans if t.label_ in CUE_CATEGORIES]
        for t in spans:
            if t.label_ == "STIMULATOR":
                hardware.append(t)
            elif t.label_ == "HARDWARE":
                component = _component_of(t)
                if component in ("stimulator_lead", "stimulator_generator"):
                    if not has_stimulator or any(
                        0 <= t.start - v.end <= 1 for v in spans if v.label_ == "NOT_HARDWARE"
                    ):
                        # "lead"/"battery" mean a stimulator only in a stimulator report,
                        # and not right after another device ("vagal nerve stimulator generator")
                        continue
                    if not any(c.label_ == "STIMULATOR" for c in cues) and (
                        component == "stimulator_generator" or _has_level(toks, lo, hi)
                    ):
                        cues.append(t)  # "Right lead tip at T8" in a stimulator report
                hardware.append(t)
        if not cues:
            return []
        cues.sort(key=lambda c: (c.start, c.end))
        vetoes = [t for t in spans if t.label_ == "NOT_HARDWARE"]
        clauses = self._clauses(toks, lo, hi)
        segments = self._segments(toks, clauses, cues)
        sent_char, sent_end = toks.char_range(lo, hi)
        sent_text = doc_text(doc)[sent_char:sent_end]
        level_mentions = [
            (
                m.start + sent_char,
                m.end + sent_char,
                m.levels,
                bool(_SPACE_AFTER_RE.match(sent_text, m.end)),
            )
            for m in find_level_mentions(sent_text)
        ]
        side_mentions = [
            (a + sent_char, b + sent_char, side) for a, b, side in find_side_mentions(sent_text)
        ]
        size_mentions = [
            (m.start + sent_char, m.end + sent_char, m.mm) for m in find_size_mentions(sent_text)
        ]
        clause_levels: list[list[str]] = []
        clause_groups: list[set[str]] = []
        clause_sides: list[list[str]] = []
        # a clause that is only a level and its colon ("L3:"), labelling what follows
        label_clause = [
            b - a <= 4
            and b < hi
            and toks.lower[b] == ":"
            and all(
                _looks_like_level(toks.text[j])
                or toks.lower[j] in ("-", "*", "•", "and", ",")
                or toks.text[j].isspace()
                for j in range(a, b)
            )
            for a, b in clauses
        ]
        for a, b in clauses:
            c0, c1 = toks.char_range(a, b)
            clause_sides.append([m[2] for m in side_mentions if c0 <= m[0] < c1])
            clause_levels.append(
                sort_levels(lv for m in level_mentions if c0 <= m[0] < c1 for lv in m[2])
            )
            clause_groups.append(
                {self._group(h) for h in hardware if a <= h.start < b} - {None}  # type: ignore[arg-type]
            )
        for seg in segments:
            seg.hardware = [
                h
                for h in hardware
                if seg.start <= h.start < seg.end
                and h is not seg.cue
                and h not in seg.extra_cues
                and not _behind_non_subject_word(toks, seg.cue, h)
            ]
            seg.vetoes = [v for v in vetoes if seg.start <= v.start < seg.end]
            c0, c1 = toks.char_range(seg.start, seg.end)
            seg_levels = [m for m in level_mentions if c0 <= m[0] < c1]
            if seg.cue.label_ in _SCREW_CUES:
                # a screw takes its vertebra's level, not the foramen's or disc's:
                # "the left L4 screw enters the L4-5 foramen" is L4
                seg_levels = [m for m in seg_levels if not m[3]]
            seg_sides = [m for m in side_mentions if c0 <= m[0] < c1]
            if seg.cue.label_ == "STIMULATOR" or _component_of(seg.cue) in (
                "stimulator_lead",
                "stimulator_generator",
            ):
                seg.levels = _stimulator_levels(toks, seg, seg_levels)
                seg.sides = []
            else:
                windows = self._np_windows(toks, seg)
                primary = _primary_span(seg, seg.cue.label_, self.types.component_groups)
                if primary is not None:
                    # "the left C7 screw of the C5-C7 plate" is C7: levels of other
                    # kinds of hardware in the clause are theirs
                    group = self._group(primary)
                    same = [h for h in seg.hardware if self._group(h) in (group, None)]
                    own_window = self._np_windows(toks, seg, same)
                    if any(_in_windows(m[0], own_window) for m in seg_levels):
                        windows = own_window
                attached_levels = [m for m in seg_levels if _in_windows(m[0], windows)]
                attached_sides = [m for m in seg_sides if _in_windows(m[0], windows)]
                used_levels = attached_levels or seg_levels
                seg.levels_attached = bool(attached_levels)
                seg.levels = sort_levels(lv for m in used_levels for lv in m[2])
                seg.sides = [m[2] for m in (attached_sides or seg_sides)]
                seg.side_groups = _side_groups(used_levels, seg_sides)
            seg_sizes = [m for m in size_mentions if c0 <= m[0] < c1]
            seg.sizes = [m[2] for m in seg_sizes]
            seg.size_mentions = seg_sizes
            if not seg.side_groups and seg.cue.label_ in ("LUCENCY", "LOOSENING"):
                seg.side_groups = _side_size_groups(seg.levels, seg_sizes, seg_sides)
        clause_hardware = [[h for h in hardware if a <= h.start < b] for a, b in clauses]
        relative = [
            toks.lower[a] == "which"
            or (toks.lower[a] in (",", ";") and a + 1 < b and toks.lower[a + 1] == "which")
            for a, b in clauses
        ]
        for seg in segments:
            ci = seg.clause
            if ci > 0 and relative[ci] and seg.start == clauses[ci][0]:
                # "..., which may represent a fracture": the relative clause is
                # about what the clause before it named
                if not seg.sides:
                    seg.sides = list(clause_sides[ci - 1])
                if not seg.levels:
                    seg.levels = list(clause_levels[ci - 1])
                if not seg.hardware and clause_hardware[ci - 1]:
                    seg.hardware = list(clause_hardware[ci - 1])
                    seg.borrowed = True
        self._borrow(segments, clause_levels, clause_groups, clause_sides, label_clause)
        sentence_vetoes = {v.meta.get("reason") for v in vetoes}
        drafts = []
        previous_cue: _Target | None = None
        for seg in segments:
            draft = self._draft(doc, toks, seg, sentence_vetoes, previous_cue)
            previous_cue = seg.cue
            if draft is None:
                continue
            if len(seg.side_groups) > 1 and draft.type != "stimulator":
                # one finding per pair, each with its own part of the clause as
                # evidence (two findings never share offsets)
                cuts = (
                    [draft.start]
                    + [
                        max(draft.start + 1, _token_at(toks, char, seg.start, seg.end))
                        for _, _, char in seg.side_groups[1:]
                    ]
                    + [draft.end]
                )
                for k, (levels, side, _char) in enumerate(seg.side_groups):
                    a, b = _trim(toks, cuts[k], cuts[k + 1], None)
                    if a >= b:
                        continue
                    size = draft.size_mm
                    if size is not None:
                        # the size stated in this pair's own part of the clause
                        lo_char, hi_char = toks.char_range(a, b)
                        own = [m[2] for m in seg.size_mentions if lo_char <= m[0] < hi_char]
                        size = max(own) if own else size
                    drafts.append(
                        replace(draft, levels=levels, side=side, size_mm=size, start=a, end=b)
                    )
            else:
                drafts.append(draft)
        return _merge(drafts, self.types.component_groups)

    def _group(self, span: _Target) -> str | None:
        component = _component_of(span)
        return None if component is None else self.types.component_groups[component]

    @staticmethod
    def _clauses(toks: _Tokens, lo: int, hi: int) -> list[tuple[int, int]]:
        clauses = []
        start = lo
        lower = toks.lower
        for i in range(lo, hi):
            if lower[i] in _CLAUSE_BREAKS and i > start:
                clauses.append((start, i))
                start = i
        clauses.append((start, hi))
        return clauses

    def _segments(
        self, toks: _Tokens, clauses: list[tuple[int, int]], cues: list[_Target]
    ) -> list[_Segment]:
        lower = toks.lower
        segments: list[_Segment] = []
        for ci, (a, b) in enumerate(clauses):
            in_clause = [c for c in cues if a <= c.start < b]
            # two stimulator phrases with nothing between ("the paddle
            # electrode of the spinal cord stimulator") are one mention
            merged: list[list[_Target]] = []
            for c in in_clause:
                if (
                    merged
                    and _is_stimulator_cue(c)
                    and _is_stimulator_cue(merged[-1][0])
                    and not any(
                        lower[j] in _BOUNDARY_WORDS for j in range(merged[-1][-1].end, c.start)
                    )
                ):
                    merged[-1].append(c)
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
                        if lower[j] in _BOUNDARY_WORDS:
                            split = j
                            break
                    end = max(split, last.end)
                else:
                    end = b
                segments.append(_Segment(cue, start, end, ci, extra_cues=group[1:]))
                start = end
        return segments

    def _np_windows(
        self, toks: _Tokens, seg: _Segment, anchors: Sequence[_Target] | None = None
    ) -> list[tuple[int, int]]:
        """Character ranges of the noun phrases around the segment's hardware
        (or around `anchors`, some of it)."""
        windows = []
        lower, text = toks.lower, toks.text
        for h in seg.hardware if anchors is None else anchors:
            a = h.start
            steps = 0
            while a - 1 >= seg.start and steps < _LEFT_NP_MAX:
                if not (
                    lower[a - 1] in _LEFT_NP
                    or _looks_like_level(text[a - 1])
                    or text[a - 1].isspace()
                ):
                    break
                a -= 1
                steps += 1
            b = h.end
            steps = 0
            starts = {x.start for x in seg.hardware if x is not h}
            while b < seg.end and steps < _RIGHT_NP_MAX:
                is_level = _looks_like_level(text[b])
                if not (lower[b] in _RIGHT_NP or is_level):
                    break
                if is_level and starts & set(range(b + 1, b + 4)):
                    break  # "the C7 screw of the C5-C7 plate": C5-C7 is the plate's
                b += 1
                steps += 1
            windows.append(toks.char_range(a, b))
        return windows

    def _borrow(
        self,
        segments: list[_Segment],
        clause_levels: list[list[str]],
        clause_groups: list[set[str]],
        clause_sides: list[list[str]],
        label_clause: list[bool],
    ) -> None:
        for i, seg in enumerate(segments):
            if seg.hardware and seg.levels:
                continue
            prev = segments[i - 1] if i > 0 else None
            nxt = segments[i + 1] if i + 1 < len(segments) else None
            donor = None
            if prev is not None and prev.hardware:
                donor = prev
            elif nxt is not None and nxt.hardware and nxt.hardware[-1].start > nxt.cue.start:
                donor = nxt
            own_groups = {self._group(h) for h in seg.hardware} - {None}
            if donor is not None:
                donor_groups = {self._group(h) for h in donor.hardware} - {None}
                if not seg.hardware and not (
                    seg.levels and seg.cue.label_ in ("FRACTURE", "LUCENCY")
                ):
                    seg.hardware = list(donor.hardware)
                    if not seg.sides and seg.cue.label_ not in _NO_SIDE_BORROWING:
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
            if not seg.levels and seg.clause > 0 and own_groups:
                # a clause about the same hardware earlier in the sentence
                # ("devices at C6 ...; however the rods are subluxed")
                for ci in range(seg.clause - 1, -1, -1):
                    if clause_levels[ci] and own_groups & clause_groups[ci]:
                        seg.levels = list(clause_levels[ci])
                        if not seg.sides:
                            seg.sides = list(clause_sides[ci])
                        break

    def _draft(
        self,
        doc: Doc,
        toks: _Tokens,
        seg: _Segment,
        sentence_vetoes: set[str | None],
        previous_cue: _Target | None,
    ) -> _Draft | None:
        cue = seg.cue
        label = cue.label_
        meta = cue.meta
        if label in ("STIMULATOR", "HARDWARE"):
            component = meta.get("component")
            has_hw = True
            label = "STIMULATOR"
        else:
            component = meta.get("implies_component") or _primary_component(
                seg, label, self.types.component_groups
            )
            has_hw = bool(seg.hardware) or component is not None
            if meta.get("needs_hardware") and not has_hw:
                return None
        ftype = self.types.resolve(label, component, has_hw)
        if ftype is None:
            return None
        reasons = {v.meta.get("reason") for v in seg.vetoes}
        if label in ("LUCENCY", "LOOSENING") and "screw tract" in sentence_vetoes:
            return None  # the tract of a removed screw is not a loose screw
        if label in ("LUCENCY", "FRACTURE") and seg.vetoes and component is None:
            return None
        if label in ("DISPLACEMENT", "BACKOUT") and (
            "fragment" in reasons
            or (previous_cue is not None and previous_cue.label_ == "FRACTURE" and seg.borrowed)
        ):
            return None  # displaced fracture fragments belong to the fracture
        if ftype == "pseudarthrosis":
            component = component if component == "interbody_cage" else None
        elif ftype == "stimulator":
            component = (
                component if component and component.startswith("stimulator") else "stimulator"
            )
        size = max(seg.sizes) if (ftype == "screw_lucency" and seg.sizes) else None
        side = None if ftype == "stimulator" else combine_sides(seg.sides)
        section = section_at(doc, cue.start_char)
        assertion = cue.assertion or "present"
        if (
            section in ("indication", "history")
            and assertion == "present"
            and (ftype == "stimulator" or _EXISTING_RE.search(_sentence_text(doc, toks, seg)))
        ):
            # a device or finding the patient is known to have: its past, not a question
            assertion = "historical"
        assertion = _SECTION_ASSERTION.get(section, {}).get(assertion, assertion)
        levels = list(seg.levels)
        if (
            assertion == "hypothetical"
            and section in ("indication", "history")
            and not seg.levels_attached
        ):
            # "s/p L4-5 fusion, r/o loosening": the construct's levels are not the question's
            levels = []
        start, end = _trim(toks, seg.start, seg.end, cue)
        return _Draft(
            type=ftype,
            component=component,
            levels=levels,
            side=side,
            size_mm=size,
            assertion=assertion,
            change=cue.change,
            section=section,
            start=start,
            end=end,
            cue=cue,
            own_component=bool(seg.hardware) and not seg.borrowed,
            own_side=bool(seg.sides),
        )

    def _to_span(self, doc: Doc, d: _Draft) -> Span:
        span = Span(doc, d.start, d.end, label=d.type)
        start_char, end_char = span.start_char, span.end_char
        span._.finding = Finding(
            type=d.type,
            component=d.component,
            levels=tuple(d.levels),
            side=d.side,
            size_mm=d.size_mm,
            assertion=d.assertion,
            change=d.change,
            section=d.section,
            start=start_char,
            end=end_char,
            text=doc_text(doc)[start_char:end_char],
        )
        span._.target_rule = d.cue.rule
        span._.assertion = d.assertion
        if d.change is not None:
            span._.change = d.change
        flag = _FLAG_OF_ASSERTION.get(d.assertion)
        if flag is not None:
            span._.set(flag, True)
        if d.cue.modifiers:
            span._.modifiers = d.cue.modifiers
        return span


@Language.factory(
    "spine_findings",
    default_config={"types": None, "targets_key": TARGETS_KEY, "spans_key": FINDINGS_KEY},
)
def make_finding_builder(
    nlp: Language, name: str, types: str | None, targets_key: str, spans_key: str
) -> FindingBuilder:
    return FindingBuilder(nlp, name, types=types, targets_key=targets_key, spans_key=spans_key)


def _side_groups(
    levels: list[tuple[int, int, tuple[str, ...], bool]], sides: list[tuple[int, int, str]]
) -> list[tuple[list[str], str, int]]:
    """Split "right T6-T7 and left T9" into its side-level pairs.

    Only when at least two level mentions each follow their own side word
    directly, and the sides differ; a level with no side word of its own
    takes the side before it ("right T6 and T7").
    """
    if len(levels) < 2 or len(sides) < 2:
        return []
    groups: list[tuple[list[str], str, int]] = []
    current: str | None = None
    own = 0
    for start, _end, lvls, _space in sorted(levels):
        side_word = next(((a, sd) for a, b, sd in sides if 0 <= start - b <= 2), None)
        if side_word is not None:
            own += 1
            current = side_word[1]
        if current is None:
            return []
        if groups and groups[-1][1] == current:
            groups[-1][0].extend(lvls)
        else:
            at = side_word[0] if side_word is not None else start
            groups.append((list(lvls), current, at))
    if own < 2 or len({sd for _, sd, _ in groups}) < 2:
        return []
    return [(sort_levels(lvls), sd, at) for lvls, sd, at in groups]


def _side_size_groups(
    levels: list[str], sizes: list[tuple[int, int, float]], sides: list[tuple[int, int, str]]
) -> list[tuple[list[str], str, int]]:
    """Split "3 mm on the left and 1 mm on the right" into one group per side.

    Each size takes the side word right after it ("3 mm on the left"), else
    right before it ("left ... 3 mm"); only when every size finds its own,
    different side.
    """
    if len(sizes) < 2 or len(sides) < 2:
        return []
    groups: list[tuple[list[str], str, int]] = []
    used: set[int] = set()
    starts = [m[0] for m in sizes]
    for start, end, _mm in sizes:
        nxt = min((x for x in starts if x > start), default=None)
        after = [
            (a, sd)
            for a, _b, sd in sides
            if 0 <= a - end <= 30 and a not in used and (nxt is None or a < nxt)
        ]
        before = [(b, a, sd) for a, b, sd in sides if 0 <= start - b <= 40 and a not in used]
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


def _is_stimulator_cue(span: _Target) -> bool:
    return span.label_ == "STIMULATOR" or _component_of(span) in (
        "stimulator_lead",
        "stimulator_generator",
    )


def _behind_non_subject_word(toks: _Tokens, cue: _Target, hardware: _Target) -> bool:
    if hardware.start < cue.end:
        return False
    return any(toks.lower[j] in _NOT_SUBJECT_WORDS for j in range(cue.end, hardware.start))


def _stimulator_levels(
    toks: _Tokens, seg: _Segment, mentions: list[tuple[int, int, tuple[str, ...]]]
) -> list[str]:
    """Tip or electrode levels of a stimulator lead, not where it enters the canal."""
    if not mentions:
        return []
    tips, others = [], []
    for m in mentions:
        i = _token_at(toks, m[0], seg.start, seg.end)
        before = set(toks.lower[max(seg.start, i - 6) : i])
        if before & _STIMULATOR_TIP_WORDS:
            tips.append(m)
        elif not before & _STIMULATOR_ENTRY_WORDS:
            others.append(m)
    chosen = tips or others or mentions
    return sort_levels(lv for m in chosen for lv in m[2])


def _sentence_text(doc: Doc, toks: _Tokens, seg: _Segment) -> str:
    a, b = toks.char_range(seg.start, seg.end)
    return doc_text(doc)[a:b]


def _has_level(toks: _Tokens, lo: int, hi: int) -> bool:
    return any(_looks_like_level(toks.text[j]) for j in range(lo, hi))


def _token_at(toks: _Tokens, char: int, lo: int, hi: int) -> int:
    for j in range(lo, hi):
        if toks.idx[j] + len(toks.text[j]) > char:
            return j
    return hi - 1


_LEVEL_TOKEN_RE = re.compile(r"[CTLSctls]\d{1,2}(?:[-–/][CTLSctls]?\d{1,2})?|S2AI|s2ai")


def _looks_like_level(text: str) -> bool:
    return _LEVEL_TOKEN_RE.fullmatch(text) is not None


def _in_windows(char: int, windows: Sequence[tuple[int, int]]) -> bool:
    return any(a <= char < b for a, b in windows)


def _primary_component(seg: _Segment, label: str, groups: Any) -> str | None:
    span = _primary_span(seg, label, groups)
    return None if span is None else _component_of(span)


def _primary_span(seg: _Segment, label: str, groups: Any) -> _Target | None:
    """The hardware the cue is about: the nearest named component, preferring
    screws for lucency and loosening and ignoring generic words."""
    named = [h for h in seg.hardware if _component_of(h) is not None]
    if not named:
        return None
    preferred = {
        "LUCENCY": "screw",
        "LOOSENING": "screw",
        "BACKOUT": "screw",
        "DISPLACEMENT": "rod_like",
    }
    if label in preferred:
        first = [h for h in named if groups.get(_component_of(h)) == preferred[label]]
        named = first or named
    cue = seg.cue

    def distance(h: _Target) -> int:
        return cue.start - h.end if h.end <= cue.start else h.start - cue.end

    return min(named, key=distance)


def _component_of(span: _Target) -> str | None:
    return span.meta.get("component")


_TRIM_LEFT = frozenset(
    {",", ";", "and", "but", "or", "while", "whereas", "with", "also", ":", "-", "("}
)
_TRIM_RIGHT = frozenset({",", ";", ".", ":", "and", "or", "with", "-", "(", "the", "a", "an"})


def _trim(toks: _Tokens, start: int, end: int, cue: _Target | None) -> tuple[int, int]:
    """Strip joining words and punctuation from a span's ends, never into the cue."""
    lower = toks.lower
    keep_from = cue.start if cue is not None else end - 1
    keep_to = cue.end if cue is not None else start + 1
    while start < keep_from and (lower[start].isspace() or lower[start] in _TRIM_LEFT):
        start += 1
    while end > keep_to and (lower[end - 1].isspace() or lower[end - 1] in _TRIM_RIGHT):
        end -= 1
    return start, end


def _merge(drafts: list[_Draft], groups: Any) -> list[_Draft]:
    """Fold a cue that restates its neighbour ("lucency ..., consistent with
    loosening") into one finding."""
    merged: list[_Draft] = []
    for d in drafts:
        prev = merged[-1] if merged else None
        if prev is not None and prev.type == d.type and _compatible(prev, d, groups):
            prev.end = max(prev.end, d.end)
            prev.size_mm = prev.size_mm if prev.size_mm is not None else d.size_mm
            prev.change = prev.change or d.change
            prev.component = prev.component or d.component
            prev.levels = prev.levels or d.levels
            if (
                prev.type == "pseudarthrosis"
                and prev.assertion == "present"
                and d.assertion == "possible"
            ):
                # "no bridging bone ..., which may indicate nonunion": the
                # pseudarthrosis itself is only suggested
                prev.assertion = "possible"
            if prev.type == "stimulator" and prev.component == "stimulator":
                prev.component = d.component  # "stimulator with two leads": the leads
            continue
        merged.append(d)
    return merged


def _compatible(prev: _Draft, d: _Draft, groups: Any) -> bool:
    if (
        prev.type == "stimulator"
        and d.component != prev.component
        and prev.component != "stimulator"
    ):
        return False
    if (
        d.own_component
        and d.component is not None
        and prev.component is not None
        and groups.get(d.component) != groups.get(prev.component)
    ):
        return False  # a different kind of hardware is a different finding
    if d.own_side and d.side != prev.side:
        return False
    if d.levels and prev.levels and not set(d.levels) <= set(prev.levels):
        return False
    if d.levels and not prev.levels and prev.own_component:
        return False
    return d.size_mm is None or prev.size_mm is None
