"""Phrase matching on lower-case token sequences, as spaCy's
`PhraseMatcher(attr="LOWER")` does, over a trie of word hashes.

Adding a phrase costs no Doc (spaCy's matcher wants one per phrase, which
was most of the pipeline's build time), and matching walks the trie from
each token, which on reports is as fast as spaCy's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc

from ..tokenizer import ReportTokenizer, token_words

_END = -1  # a trie node's key for the match ids of phrases that end there


class PhraseIndex:
    def __init__(self, strings: Any) -> None:
        self.strings = strings
        self.root: dict[int, Any] = {}
        self._n = 0

    def add(self, match_id: int, phrase: Sequence[str]) -> None:
        """Add a phrase (its tokens' lower-case texts) under `match_id`."""
        if not phrase:
            return
        node = self.root
        for word in phrase:
            node = node.setdefault(self.strings.add(word.lower()), {})
        node.setdefault(_END, []).append(match_id)
        self._n += 1

    def __len__(self) -> int:
        return self._n

    def __call__(self, lowers: Sequence[int]) -> list[tuple[int, int, int]]:
        """(match id, start, end) of every phrase in the token hashes `lowers`."""
        root = self.root
        n = len(lowers)
        out: list[tuple[int, int, int]] = []
        for i in [i for i, h in enumerate(lowers) if h in root]:
            node = root[lowers[i]]
            j = i + 1
            while True:
                ends = node.get(_END)
                if ends is not None:
                    out.extend([(match_id, i, j) for match_id in ends])
                if j >= n:
                    break
                node = node.get(lowers[j])
                if node is None:
                    break
                j += 1
        return out


def lower_hashes(doc: Doc) -> list[int]:
    """The LOWER attribute of each token, as the PhraseIndex takes it."""
    return doc.to_array(LOWER).tolist()  # type: ignore[no-any-return]


def phrase_splitter(nlp: Language) -> Callable[[str], list[str]]:
    """How the pipeline's tokenizer splits a rule's literal, as lower-case
    texts (without building Docs when it is the report tokenizer)."""
    if isinstance(nlp.tokenizer, ReportTokenizer):
        return lambda text: [w.lower() for w in token_words(text)]
    return lambda text: [t.lower_ for t in nlp.make_doc(text)]
