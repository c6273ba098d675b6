"""TF-IDF rows for scoring, without scikit-learn: the same numbers as a
fitted `TfidfVectorizer(lowercase=True, sublinear_tf=True, norm="l2")` with
the model's vocabulary and idf (`tests/test_review.py` checks it against
scikit-learn), in a fraction of the time and without importing it.

Character n-grams ("char_wb", 3-5) are counted per word through a bounded
cache: a word's n-gram columns are worked out once, and a report's row is
the sum over its words.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence

import numpy as np

_TOKEN_RE = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token_pattern
# the same tokens in ASCII text, found in half the time (a run of two or more
# word characters is bounded by non-word characters on both sides)
_ASCII_TOKEN_RE = re.compile(r"\w\w+", re.ASCII)
WORD_CACHE = 200_000  # words whose character n-gram columns are kept


class WordTfidf:
    """Word 1-2-grams."""

    def __init__(
        self, vocabulary: Mapping[str, int], idf: Sequence[float], ngram_max: int = 2
    ) -> None:
        self.vocabulary = dict(vocabulary)
        self.idf = np.asarray(idf, dtype=float)
        self.ngram_max = ngram_max

    def row(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        lowered = text.lower()
        tokens = (_ASCII_TOKEN_RE if lowered.isascii() else _TOKEN_RE).findall(lowered)
        grams = list(tokens)
        for n in range(2, self.ngram_max + 1):
            grams += map(" ".join, zip(*(tokens[k:] for k in range(n)), strict=False))
        get = self.vocabulary.get
        found = [col for g in grams if (col := get(g)) is not None]
        if not found:
            return _EMPTY
        # one column per n-gram occurrence: unique gives them sorted, with counts
        cols, counts = np.unique(np.asarray(found, dtype=np.int64), return_counts=True)
        return _scaled(cols, counts, self.idf)


class CharTfidf:
    """Character n-grams inside word boundaries (scikit-learn's "char_wb")."""

    def __init__(
        self,
        vocabulary: Mapping[str, int],
        idf: Sequence[float],
        ngram_range: tuple[int, int] = (3, 5),
    ) -> None:
        self.vocabulary = dict(vocabulary)
        self.idf = np.asarray(idf, dtype=float)
        self.min_n, self.max_n = ngram_range
        self._cache: dict[str, np.ndarray] = {}

    def _word_columns(self, word: str) -> np.ndarray:
        cols = self._cache.get(word)
        if cols is not None:
            return cols
        w = f" {word} "
        vocab = self.vocabulary
        found = []
        for n in range(self.min_n, self.max_n + 1):
            # as scikit-learn: a word shorter than n gives its one n-gram once
            last = max(len(w) - n, 0)
            for offset in range(last + 1):
                col = vocab.get(w[offset : offset + n])
                if col is not None:
                    found.append(col)
            if last == 0:
                break
        cols = np.asarray(found, dtype=np.int64)
        if len(self._cache) >= WORD_CACHE:
            self._cache.clear()  # bounded: an archive's long tail of words cannot grow it
        self._cache[word] = cols
        return cols

    def row(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        parts = [self._word_columns(word) for word in text.lower().split()]
        if not parts:
            return _EMPTY
        counts = np.bincount(np.concatenate(parts), minlength=len(self.idf))
        cols = np.flatnonzero(counts)
        return _scaled(cols, counts[cols], self.idf)


_EMPTY = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=float))


def _scaled(cols: np.ndarray, counts: np.ndarray, idf: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sublinear tf times idf, L2-normalised; columns sorted."""
    if len(cols) == 0:
        return _EMPTY
    values = (1.0 + np.log(counts.astype(float))) * idf[cols]
    norm = math.sqrt(float(values @ values))
    return cols, values / norm if norm > 0 else values
