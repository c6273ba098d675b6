"""The fitted review classifier, as numbers: scoring, reasons, saving and
loading (JSON, never pickle; see `modelfile` for what is checked)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..lexicon import load_words
from .features import FINDING_VOCABULARY, ReportInput, finding_row
from .modelfile import (
    MODEL_FORMAT,
    MODEL_FORMAT_VERSION,
    _installed_sklearn,
    canonical,
    check_model_document,
    read_model_document,
)
from .rule import describe_finding, finding_needs_review
from .tfidf import CharTfidf, WordTfidf

DEFAULT_MODEL = "review_model.json"
WORD_NGRAMS = (1, 2)
CHAR_NGRAMS = (3, 5)
WORD_PARAMS: dict[str, Any] = {
    "ngram_range": WORD_NGRAMS,
    "min_df": 2,
    "max_features": 4000,
    "sublinear_tf": True,
}
CHAR_PARAMS: dict[str, Any] = {
    "analyzer": "char_wb",
    "ngram_range": CHAR_NGRAMS,
    "min_df": 3,
    "max_features": 6000,
    "sublinear_tf": True,
}


@dataclass
class ReviewModel:
    """A fitted review classifier, as numbers."""

    word_vocabulary: dict[str, int]
    word_idf: list[float]
    char_vocabulary: dict[str, int]
    char_idf: list[float]
    coef: list[float]
    intercept: float
    calibration_a: float
    calibration_b: float
    threshold: float
    meta: dict[str, Any] = field(default_factory=dict)
    source: str = "memory"
    # the finding features this model was trained with, in its column order
    finding_names: tuple[str, ...] = FINDING_VOCABULARY

    def __post_init__(self) -> None:
        # scoring needs no scikit-learn: the same TF-IDF numbers, computed here
        self._word = WordTfidf(self.word_vocabulary, self.word_idf, WORD_NGRAMS[1])
        self._char = CharTfidf(self.char_vocabulary, self.char_idf, CHAR_NGRAMS)
        self._coef = np.asarray(self.coef, dtype=float)
        self._finding_index = {name: i for i, name in enumerate(self.finding_names)}
        self._names = (
            list(self.finding_names)
            + _by_index(self.word_vocabulary)
            + _by_index(self.char_vocabulary)
        )
        self._n_finding = len(self.finding_names)

    # -- scoring --------------------------------------------------------------
    def rows(self, inputs: Sequence[ReportInput]) -> list[tuple[np.ndarray, np.ndarray]]:
        """Each report's features as (columns, values), columns sorted."""
        word_offset = self._n_finding
        char_offset = word_offset + len(self.word_vocabulary)
        out = []
        for item in inputs:
            fc, fv = finding_row(item, self._finding_index)
            wc, wv = self._word.row(item.text)
            cc, cv = self._char.row(item.text)
            out.append(
                (
                    np.concatenate([fc, wc + word_offset, cc + char_offset]),
                    np.concatenate([fv, wv, cv]),
                )
            )
        return out

    def features(self, inputs: Sequence[ReportInput]) -> Any:
        """The feature matrix (scipy CSR), for training and analysis."""
        import scipy.sparse as sp

        rows = self.rows(inputs)
        indptr = np.cumsum([0, *(len(c) for c, _ in rows)])
        indices = np.concatenate([c for c, _ in rows]) if rows else np.zeros(0, dtype=np.int64)
        data = np.concatenate([v for _, v in rows]) if rows else np.zeros(0)
        return sp.csr_matrix((data, indices, indptr), shape=(len(rows), len(self._coef)))

    def decision(self, X: Any) -> np.ndarray:
        return np.asarray(X @ self._coef + self.intercept).reshape(-1)

    def _decisions(self, rows: Sequence[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
        coef = self._coef
        return np.asarray([float(v @ coef[c]) + self.intercept for c, v in rows])

    def probabilities(self, inputs: Sequence[ReportInput]) -> np.ndarray:
        return _sigmoid(self._decisions(self.rows(inputs)), self.calibration_a, self.calibration_b)

    def review(self, item: ReportInput) -> tuple[bool, float, list[str]]:
        """(needs_surgical_review, probability, reasons) for one report."""
        return self.review_many([item])[0]

    def review_many(self, items: Sequence[ReportInput]) -> list[tuple[bool, float, list[str]]]:
        """`review` for a batch."""
        if not items:
            return []
        rows = self.rows(items)
        probs = _sigmoid(self._decisions(rows), self.calibration_a, self.calibration_b)
        out = []
        for item, (cols, values), p in zip(items, rows, probs.tolist(), strict=True):
            flagged = p >= self.threshold
            reasons = self._reasons(item, cols, values) if flagged else []
            out.append((flagged, round(p, 4), reasons))
        return out

    def reasons(self, item: ReportInput) -> list[str]:
        """The findings and text features that pushed the probability up,
        most important first."""
        cols, values = self.rows([item])[0]
        return self._reasons(item, cols, values)

    def _reasons(self, item: ReportInput, indices: np.ndarray, values: np.ndarray) -> list[str]:
        weights = values * self._coef[indices]
        is_finding = indices < self._n_finding
        contrib = dict(zip(indices[is_finding].tolist(), weights[is_finding].tolist(), strict=True))
        ranked: list[tuple[float, str]] = []
        seen: set[str] = set()
        # the contract rule's verdict is a feature too: its push belongs to the
        # findings that made the rule fire, shared out among them
        # by identity: a long report's findings compared by value would be quadratic
        reviewable = {id(f) for f in item.findings if f.is_positive and finding_needs_review(f)}
        rule_push = contrib.get(self._finding_index.get("rule:flag", -1), 0.0)
        for f in item.findings:
            if not f.is_positive:
                continue
            weight = sum(
                contrib.get(self._finding_index.get(name, -1), 0.0)
                for name in (f"any:{f.type}", f"reviewable:{f.type}", f"n:{f.type}:{f.assertion}")
            )
            if f.type == "screw_lucency" and f.size_mm is not None:
                weight += contrib.get(self._finding_index.get("lucency:max_mm", -1), 0.0)
                weight += contrib.get(self._finding_index.get("lucency:ge_threshold", -1), 0.0)
            if id(f) in reviewable:
                weight += rule_push / len(reviewable)
            text = describe_finding(f)
            if weight > 0 and text not in seen:
                seen.add(text)
                ranked.append((weight, text))
        ranked.sort(key=lambda t: -t[0])
        reasons = [text for _, text in ranked]
        # readable text evidence: word n-grams (not character n-grams) with a
        # real share of the push, and not just function or side words
        n_words = self._n_finding + len(self.word_vocabulary)
        positive = weights[weights > 0]
        strongest = float(positive.max()) if len(positive) else 0.0
        chosen = (indices >= self._n_finding) & (indices < n_words) & (weights >= 0.1 * strongest)
        text_terms = sorted(
            zip(weights[chosen].tolist(), indices[chosen].tolist(), strict=True), reverse=True
        )
        plain = _plain_words()
        shown = [j for _w, j in text_terms if not set(self._names[j].split()) <= plain]
        for j in shown[:3]:
            reasons.append(f'text: "{self._names[j]}"')
        return reasons or ["overall report pattern"]

    # -- persistence ----------------------------------------------------------
    def payload(self) -> dict[str, Any]:
        return {
            "finding_features": list(self.finding_names),
            "word_vectorizer": {
                "params": _jsonable(WORD_PARAMS),
                "vocabulary": self.word_vocabulary,
                "idf": self.word_idf,
            },
            "char_vectorizer": {
                "params": _jsonable(CHAR_PARAMS),
                "vocabulary": self.char_vocabulary,
                "idf": self.char_idf,
            },
            "coef": self.coef,
            "intercept": self.intercept,
            "calibration": {"method": "sigmoid", "a": self.calibration_a, "b": self.calibration_b},
            "threshold": self.threshold,
            "meta": self.meta,
        }

    def save(self, path: str | Path) -> None:
        payload = self.payload()
        body = canonical(payload)
        document = {
            "format": MODEL_FORMAT,
            "format_version": MODEL_FORMAT_VERSION,
            "sklearn_version": _installed_sklearn(),
            "sha256": hashlib.sha256(body.encode("utf-8")).hexdigest(),
            "payload": payload,
        }
        Path(path).write_text(
            json.dumps(document, sort_keys=True, indent=0) + "\n", encoding="utf-8"
        )


def _by_index(vocabulary: dict[str, int]) -> list[str]:
    names = [""] * len(vocabulary)
    for term, i in vocabulary.items():
        names[i] = term
    return names


def _sigmoid(decision: np.ndarray, a: float, b: float) -> np.ndarray:
    # sklearn's sigmoid calibration: p = 1 / (1 + exp(a * f + b))
    z = np.clip(a * decision + b, -500, 500)
    return 1.0 / (1.0 + np.exp(z))


def _jsonable(params: dict[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in params.items()}


def _round(values: Iterable[float]) -> list[float]:
    # fixed precision keeps the file byte-identical across runs
    return [float(f"{v:.10g}") for v in values]


# --------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------


def load_model(path: str | Path) -> ReviewModel:
    """Load a model file, refusing anything it cannot trust or use."""
    return _model_from_document(read_model_document(path), str(path))


@lru_cache(maxsize=1)
def default_model() -> ReviewModel:
    """The model shipped in the wheel, trained on the corpus's train split."""
    ref = resources.files("extractor.models").joinpath(DEFAULT_MODEL)
    name = f"packaged {DEFAULT_MODEL}"
    return _model_from_document(check_model_document(ref.read_text(encoding="utf-8"), name), name)


def _model_from_document(document: dict[str, Any], name: str) -> ReviewModel:
    """The model of a document `check_model_document` has validated completely."""
    payload = document["payload"]
    word, char = payload["word_vectorizer"], payload["char_vectorizer"]
    return ReviewModel(
        word_vocabulary=dict(word["vocabulary"]),
        word_idf=[float(x) for x in word["idf"]],
        char_vocabulary=dict(char["vocabulary"]),
        char_idf=[float(x) for x in char["idf"]],
        coef=[float(x) for x in payload["coef"]],
        intercept=float(payload["intercept"]),
        calibration_a=float(payload["calibration"]["a"]),
        calibration_b=float(payload["calibration"]["b"]),
        threshold=float(payload["threshold"]),
        meta=dict(payload.get("meta") or {}),
        source=name,
        finding_names=tuple(payload["finding_features"]),
    )


# --------------------------------------------------------------------------
# Training
# --------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _plain_words() -> frozenset[str]:
    return load_words()["plain_words"]
