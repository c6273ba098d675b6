"""`spine_targets`: medspaCy TargetRules (hardware, finding cues and
look-alikes), matched mostly as phrases, into `doc.spans["spine_targets"]`."""

# no "from __future__ import annotations": spaCy reads factory signatures at runtime

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from ..extensions import TARGETS_KEY, set_extensions
from ..lexicon import STRUCTURAL_CATEGORIES, LexiconError, load_finding_types, load_target_rules
from ..thesaurus import load_thesaurus
from .phrases import PhraseIndex, lower_hashes, phrase_splitter
from .token_patterns import TokenPattern, compile_pattern

DEFAULTS: dict[str, Any] = {
    "rules": None,
    "thesaurus": None,
    "types": None,
    "span_group_name": TARGETS_KEY,
}
_MAX_EXPANSIONS = 5000  # a token pattern with more alternatives stays a Matcher pattern


def expand_pattern(pattern: Sequence[Mapping[str, Any]]) -> list[list[str]] | None:
    """The lower-case phrases a simple token pattern matches, or None.

    A pattern is simple when each token is `{"LOWER": str}` or
    `{"LOWER": {"IN": [...]}}`, optionally with `"OP": "?"`. Such patterns
    are matched far faster as phrases than by the Matcher.
    """
    phrases: list[list[str]] = [[]]
    for token in pattern:
        if set(token) - {"LOWER", "OP"} or token.get("OP", "!") not in ("!", "?"):
            return None
        value = token.get("LOWER")
        if isinstance(value, str):
            options: list[str | None] = [value]
        elif isinstance(value, Mapping) and set(value) == {"IN"}:
            options = list(value["IN"])
        else:
            return None
        if token.get("OP") == "?":
            options = [*options, None]
        phrases = [p + ([o] if o is not None else []) for p in phrases for o in options]
        if len(phrases) > _MAX_EXPANSIONS:
            return None
    return [p for p in phrases if p]


# words and marks too common to anchor a pattern on, if it has another token
_COMMON_WORDS = frozenset(
    [
        "of",
        "the",
        "a",
        "an",
        "in",
        "on",
        "at",
        "to",
        "with",
        "by",
        "for",
        "from",
        "and",
        "or",
        "is",
        "are",
        "was",
        "were",
        "be",
        "has",
        "have",
        "no",
        "not",
        "this",
        "that",
        "its",
        "their",
        "there",
        ",",
        ".",
        ";",
        ":",
        "(",
        ")",
        "-",
    ]
)
_COMMON_COST = 1000


class AnchoredMatcher:
    """A spaCy Matcher that only looks where a pattern can match.

    Each pattern is anchored on its required word token with the fewest
    alternatives ("foramen", "aorta", "bridging", "prior"); the Matcher runs
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
        # anchor word hash -> the windows to match around it; the bounded
        # patterns of one anchor word share one window (one call per
        # occurrence), each unbounded one ("*", "+") has its own
        self.by_anchor: dict[int, list[_Window]] = {}
        self._bounded: dict[int, _Window] = {}
        self._order: dict[int, int] = {}  # match id -> the order its pattern was added in
        self._anchor_set: frozenset[int] = frozenset()

    def add(self, key: str, pattern: list[dict[str, Any]]) -> None:
        self._n += 1
        # the anchor: the required word token with the fewest alternatives,
        # avoiding the commonest words and punctuation (the rarest), the last of equals
        anchor: tuple[int, list[str], int] | None = None
        for k in range(len(pattern) - 1, -1, -1):
            token = pattern[k]
            # a TEXT word anchors on its lower case too ("PS": the window checks the case)
            value = token.get("LOWER", token.get("TEXT"))
            if token.get("OP", "!") != "!" or set(token) not in ({"LOWER"}, {"TEXT"}):
                continue
            if isinstance(value, str):
                words = [value]
            elif isinstance(value, Mapping) and set(value) == {"IN"}:
                words = list(value["IN"])
            else:
                continue
            cost = len(words) + sum(_COMMON_COST for w in words if w.lower() in _COMMON_WORDS)
            if anchor is None or cost < anchor[2]:
                anchor = (k, words, cost)
        if anchor is None:
            self.free.add(key, [pattern])
            self._n_free += 1
            return
        k, words, _cost = anchor

        def span(tokens: list[dict[str, Any]]) -> int:
            return sum(self._UNBOUNDED if t.get("OP") in ("*", "+") else 1 for t in tokens)

        match_id = self.vocab.strings.add(key)
        self._order[match_id] = self._n
        before, after = span(pattern[:k]), span(pattern[k + 1 :])
        compiled = compile_pattern(pattern)
        if any(t.get("OP") in ("*", "+") for t in pattern):
            entry = _Window(self.vocab, before, after)
            entry.add(match_id, key, pattern, compiled)
            for word in words:
                self.by_anchor.setdefault(self.vocab.strings.add(word.lower()), []).append(entry)
        else:
            for word in words:
                h = self.vocab.strings.add(word.lower())
                shared = self._bounded.get(h)
                if shared is None:
                    shared = self._bounded[h] = _Window(self.vocab, 0, 0)
                    self.by_anchor.setdefault(h, []).append(shared)
                shared.add(match_id, key, pattern, compiled)
                shared.before, shared.after = max(shared.before, before), max(shared.after, after)
        self._anchor_set = frozenset(self.by_anchor)

    def __len__(self) -> int:
        return self._n

    def __call__(
        self, doclike: Doc | Span, lowers: list[int] | None = None
    ) -> list[tuple[int, int, int]]:
        """Matches in `doclike` (`lowers`: its tokens' LOWER hashes, if known)."""
        matches: list[tuple[int, int, int]] = list(self.free(doclike)) if self._n_free else []
        if not self.by_anchor:
            return matches
        doc = doclike.doc if isinstance(doclike, Span) else doclike
        lo = doclike.start if isinstance(doclike, Span) else 0
        hi = doclike.end if isinstance(doclike, Span) else len(doc)
        if lowers is None:
            lowers = doc.to_array([LOWER]).reshape(-1)[lo:hi].tolist()
        anchors = self._anchor_set
        seen = set(matches)
        order = self._order
        strings = self.vocab.strings
        for j in [j for j, h in enumerate(lowers) if h in anchors]:
            here = []
            for window in self.by_anchor[lowers[j]]:
                a = max(0, j - window.before)
                b = min(hi - lo, j + window.after + 1)
                for match_id, start, end in window.matches(
                    doc, lo + a, lo + b, lowers[a:b], strings
                ):
                    m = (match_id, start + a, end + a)
                    if m[1] <= j < m[2] and m not in seen:
                        seen.add(m)
                        here.append(m)
            here.sort(key=lambda m: order[m[0]])  # in the order the patterns were added
            matches.extend(here)
        return matches


class _LazyTexts:
    """Token texts of a window, read from the Doc only when a test asks."""

    __slots__ = ("_cache", "_doc", "_offset")

    def __init__(self, doc: Doc, offset: int) -> None:
        self._doc, self._offset = doc, offset
        self._cache: dict[int, str] = {}

    def __getitem__(self, i: int) -> str:
        text = self._cache.get(i)
        if text is None:
            text = self._cache[i] = self._doc[self._offset + i].text
        return text


class _Window:
    """The patterns anchored on one word, run on a window of `before` tokens
    before and `after` after it: in Python where they allow it, else by a
    spaCy Matcher."""

    __slots__ = ("after", "before", "matcher", "patterns")

    def __init__(self, vocab: Any, before: int, after: int) -> None:
        self.before, self.after = before, after
        self.patterns: list[tuple[int, TokenPattern]] = []
        self.matcher = Matcher(vocab)

    def add(
        self, match_id: int, key: str, pattern: list[dict[str, Any]], compiled: TokenPattern | None
    ) -> None:
        if compiled is None:
            self.matcher.add(key, [pattern])
        else:
            self.patterns.append((match_id, compiled))

    def matches(
        self, doc: Doc, a: int, b: int, lower_hashes: list[int], strings: Any
    ) -> list[tuple[int, int, int]]:
        """(match id, start, end) in doc[a:b] (whose LOWER hashes are
        `lower_hashes`), offsets in the window."""
        out: list[tuple[int, int, int]] = list(self.matcher(doc[a:b])) if len(self.matcher) else []
        if self.patterns:
            lowers = [strings[h] for h in lower_hashes]
            texts = _LazyTexts(doc, a)
            for match_id, pattern in self.patterns:
                for start, end in pattern.spans(lowers, texts if pattern.needs_text else lowers):
                    out.append((match_id, start, end))
        return out


class TargetMatcher:
    """Matches medspaCy TargetRules and stores the spans in a span group.

    Same rules and result as medspaCy's TargetMatcher with
    `result_type="group"` and pruning (longest match wins), but simple
    token patterns are expanded into phrases for a `PhraseIndex`, which
    cuts this component's time several-fold on reports. Each span's label is
    its rule's category and its `id_` the rule's id; `rule_by_id` gives the
    rule (the Doc itself holds no rule objects, so it serialises).
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "spine_targets",
        *,
        rules: str | None = DEFAULTS["rules"],
        thesaurus: str | None = DEFAULTS["thesaurus"],
        types: str | None = DEFAULTS["types"],
        span_group_name: str = DEFAULTS["span_group_name"],
    ) -> None:
        set_extensions()
        self.name = name
        self.span_group_name = span_group_name
        # a rule's category is a cue of finding_types.json or a structural one
        cues = load_finding_types(types).cues
        own_rules = load_target_rules(rules, cues)
        self.rules: list[Any] = []
        self.rule_by_id: dict[str, Any] = {}
        self.phrase_matcher = PhraseIndex(nlp.vocab.strings)
        self.matcher = AnchoredMatcher(nlp.vocab)
        split = phrase_splitter(nlp)  # not kept: the pipe must pickle
        self.rule_of: dict[int, Any] = {}
        # per match id, the LOWER hashes of the words its match may not stand before
        self.not_before: dict[int, frozenset[int]] = {}
        # phrase -> (category, rule id): a thesaurus form a rule already has is
        # left to that rule; one it has under another category is an error
        claimed: dict[tuple[str, ...], tuple[str, str]] = {}
        for rule in own_rules:
            phrases = self._phrases(split, rule)
            for phrase in phrases or ():
                claimed.setdefault(phrase, (rule.category, rule.metadata["id"]))
            self._add(nlp, rule, phrases)
        for rule in load_thesaurus(thesaurus, (*cues, *STRUCTURAL_CATEGORIES)):
            fresh = []
            for phrase in self._phrases(split, rule) or ():
                owner = claimed.get(phrase)
                if owner is None:
                    claimed[phrase] = (rule.category, rule.metadata["id"])
                    fresh.append(phrase)
                elif owner[0] != rule.category:
                    raise LexiconError(
                        f"thesaurus {rule.metadata['id']}: {' '.join(phrase)!r} is already "
                        f"{owner[0]} (rule {owner[1]})"
                    )
            if fresh:
                self._add(nlp, rule, fresh)

    @staticmethod
    def _phrases(split: Callable[[str], list[str]], rule: Any) -> list[tuple[str, ...]] | None:
        """The lower-case token sequences a rule matches (None: a Matcher pattern)."""
        if rule.pattern is None:
            return [tuple(split(rule.literal))]
        phrases = expand_pattern(rule.pattern)
        if phrases is None:
            return None
        # as the tokenizer splits them ("pseudo-arthrosis" may be three tokens)
        return list(dict.fromkeys(tuple(split(" ".join(p))) for p in phrases))

    def _add(self, nlp: Language, rule: Any, phrases: list[tuple[str, ...]] | None) -> None:
        rid = rule.metadata["id"]
        if rid in self.rule_by_id:
            raise LexiconError(f"target rule id {rid!r} is used twice")
        self.rules.append(rule)
        self.rule_by_id[rid] = rule
        key = f"tgt{len(self.rules) - 1}"
        match_id = nlp.vocab.strings.add(key)
        self.rule_of[match_id] = rule
        if rule.metadata.get("not_before"):
            strings = nlp.vocab.strings
            self.not_before[match_id] = frozenset(
                strings.add(w) for w in rule.metadata["not_before"]
            )
        if phrases is None:
            self.matcher.add(key, list(rule.pattern))
        else:
            for phrase in phrases:
                self.phrase_matcher.add(match_id, phrase)

    def __call__(self, doc: Doc) -> Doc:
        lowers = lower_hashes(doc)
        matches = [*self.phrase_matcher(lowers), *self.matcher(doc, lowers)]
        matches.sort(key=lambda m: (-(m[2] - m[1]), m[1]))
        taken = [False] * (len(doc) + 1)
        spans = []
        for match_id, start, end in matches:
            if any(taken[start:end]):
                continue
            rule = self.rule_of[match_id]
            not_before = self.not_before.get(match_id)
            if not_before is not None and end < len(lowers) and lowers[end] in not_before:
                continue  # "fracture of the L1 pedicle" not before "screw": shorter matches win
            taken[start:end] = [True] * (end - start)
            spans.append(Span(doc, start, end, label=rule.category, span_id=rule.metadata["id"]))
        spans.sort(key=lambda s: (s.start, s.end))
        doc.spans[self.span_group_name] = spans
        return doc


def target_spans(doc: Doc, key: str) -> list[Span]:
    """The spans of group `key` (none when the Doc has no such group).

    Not cached: a span group can be changed in place ("group[i] = span")
    with nothing to tell that it was."""
    return list(doc.spans.get(key, ()))


@Language.factory("spine_targets", default_config=DEFAULTS)
def make_target_matcher(
    nlp: Language,
    name: str,
    rules: str | None,
    thesaurus: str | None,
    types: str | None,
    span_group_name: str,
) -> TargetMatcher:
    return TargetMatcher(
        nlp, name, rules=rules, thesaurus=thesaurus, types=types, span_group_name=span_group_name
    )
