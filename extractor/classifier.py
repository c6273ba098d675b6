"""The surgical-review classifier: calibrated, explainable, retrainable.

A scikit-learn logistic regression over two kinds of features, calibrated
with `CalibratedClassifierCV` (sigmoid), with a decision threshold chosen on
the training data by cross-validation for sensitivity >= 0.95:

* the extracted findings: per type and assertion counts, present/possible
  flags, the largest lucency size, levels and sides involved, change,
  section, and the contract rule's own verdict;
* the report text of its findings and impression sections: word 1-2-grams
  and character 3-5-grams (TF-IDF).

A model is saved as plain JSON (vocabularies, idf weights, coefficients,
calibration, threshold), never as a pickle, and is loaded by rebuilding the
vectorizers from those numbers. The file carries a SHA-256 of its content and
the scikit-learn version it was trained with; a modified file, an unknown
format or an incompatible scikit-learn version is refused with a one-line
`ModelError` naming the file and the reason.
"""

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
import scipy.sparse as sp
import sklearn
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from .modelfile import (
    MODEL_FORMAT,
    MODEL_FORMAT_VERSION,
    canonical,
    check_model_document,
    read_model_document,
)
from .review import LUCENCY_REVIEW_MM, describe_finding, finding_needs_review, review_by_rule
from .schema import FINDING_TYPES, Finding

DEFAULT_MODEL = "review_model.json"
SEED = 20261122
TARGET_SENSITIVITY = 0.95
TEXT_SECTIONS = ("findings", "impression")
_WORD_PARAMS = {"ngram_range": (1, 2), "min_df": 2, "max_features": 4000, "sublinear_tf": True}
_CHAR_PARAMS = {
    "analyzer": "char_wb",
    "ngram_range": (3, 5),
    "min_df": 3,
    "max_features": 6000,
    "sublinear_tf": True,
}


_PLAIN_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "at",
        "to",
        "in",
        "on",
        "and",
        "or",
        "with",
        "without",
        "is",
        "are",
        "was",
        "were",
        "there",
        "this",
        "that",
        "its",
        "it",
        "left",
        "right",
        "both",
        "bilateral",
        "bilaterally",
        "from",
        "by",
        "for",
        "as",
        "be",
        "has",
        "have",
        "been",
        "no",
        "not",
    ]
)


# --------------------------------------------------------------------------
# Features
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportInput:
    """What the classifier sees of one report."""

    text: str  # the findings and impression text (the whole text when unheaded)
    findings: Sequence[Finding]


def report_input(
    doc_text: str, sections: Sequence[tuple[str, int, int, int]] | None, findings: Sequence[Finding]
) -> ReportInput:
    """The classifier's view of a processed report."""
    parts = [doc_text[body:end] for cat, _h, body, end in sections or () if cat in TEXT_SECTIONS]
    return ReportInput(" \n".join(parts) if parts else doc_text, list(findings))


def finding_features(findings: Sequence[Finding]) -> dict[str, float]:
    """Numeric features of the extracted findings (names are stable strings)."""
    feats: dict[str, float] = {}

    def add(name: str, value: float = 1.0) -> None:
        feats[name] = feats.get(name, 0.0) + value

    positive = [f for f in findings if f.is_positive]
    for f in findings:
        add(f"n:{f.type}:{f.assertion}")
    levels: set[str] = set()
    for f in positive:
        feats[f"any:{f.type}"] = 1.0
        levels.update(f.levels)
        if f.side == "bilateral":
            add("side:bilateral")
        if f.change:
            add(f"change:{f.change}:{f.type}")
        add(f"section:{f.section}")
        if finding_needs_review(f):
            add(f"reviewable:{f.type}")
    sizes = [f.size_mm for f in positive if f.type == "screw_lucency" and f.size_mm is not None]
    if sizes:
        feats["lucency:max_mm"] = min(max(sizes), 10.0) / 10.0
        feats["lucency:ge_threshold"] = float(max(sizes) >= LUCENCY_REVIEW_MM)
    feats["levels:n"] = min(len(levels), 10) / 10.0
    feats["rule:flag"] = float(review_by_rule(findings)[0])
    return feats


def _finding_vocabulary() -> list[str]:
    from .schema import ASSERTIONS, CHANGES, SECTIONS

    names = [f"n:{t}:{a}" for t in FINDING_TYPES for a in ASSERTIONS]
    names += [f"any:{t}" for t in FINDING_TYPES]
    names += [f"reviewable:{t}" for t in FINDING_TYPES]
    names += [f"change:{c}:{t}" for c in CHANGES for t in FINDING_TYPES]
    names += [f"section:{s}" for s in SECTIONS]
    names += ["side:bilateral", "lucency:max_mm", "lucency:ge_threshold", "levels:n", "rule:flag"]
    return names


FINDING_VOCABULARY: tuple[str, ...] = tuple(_finding_vocabulary())
_FINDING_INDEX = {name: i for i, name in enumerate(FINDING_VOCABULARY)}
_COUNT_CAP = 5.0  # counts are capped and scaled to [0, 1]


def _finding_matrix(
    inputs: Sequence[ReportInput], index: dict[str, int] = _FINDING_INDEX
) -> sp.csr_matrix:
    """Finding features by name into a model's columns; a feature the model
    does not know (a finding type added after it was trained) is left out."""
    rows, cols, vals = [], [], []
    for r, item in enumerate(inputs):
        for name, value in finding_features(item.findings).items():
            col = index.get(name)
            if col is None:
                continue
            if name.startswith(("n:", "side:", "section:", "reviewable:", "change:")):
                value = min(value, _COUNT_CAP) / _COUNT_CAP
            rows.append(r)
            cols.append(col)
            vals.append(value)
    return sp.csr_matrix((vals, (rows, cols)), shape=(len(inputs), len(index)))


# --------------------------------------------------------------------------
# The model
# --------------------------------------------------------------------------


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
        self._word = _vectorizer(_WORD_PARAMS, self.word_vocabulary, self.word_idf)
        self._char = _vectorizer(_CHAR_PARAMS, self.char_vocabulary, self.char_idf)
        self._coef = np.asarray(self.coef, dtype=float)
        self._finding_index = {name: i for i, name in enumerate(self.finding_names)}
        self._names = (
            list(self.finding_names)
            + _by_index(self.word_vocabulary)
            + _by_index(self.char_vocabulary)
        )
        self._n_finding = len(self.finding_names)

    # -- scoring --------------------------------------------------------------
    def features(self, inputs: Sequence[ReportInput]) -> sp.csr_matrix:
        texts = [item.text for item in inputs]
        return sp.hstack(
            [
                _finding_matrix(inputs, self._finding_index),
                self._word.transform(texts),
                self._char.transform(texts),
            ],
            format="csr",
        )

    def decision(self, X: sp.csr_matrix) -> np.ndarray:
        return np.asarray(X @ self._coef + self.intercept).reshape(-1)

    def probabilities(self, inputs: Sequence[ReportInput]) -> np.ndarray:
        return _sigmoid(
            self.decision(self.features(inputs)), self.calibration_a, self.calibration_b
        )

    def review(self, item: ReportInput) -> tuple[bool, float, list[str]]:
        """(needs_surgical_review, probability, reasons) for one report."""
        return self.review_many([item])[0]

    def review_many(self, items: Sequence[ReportInput]) -> list[tuple[bool, float, list[str]]]:
        """`review` for a batch; the text features are built once for all."""
        if not items:
            return []
        X = self.features(items)
        probs = _sigmoid(self.decision(X), self.calibration_a, self.calibration_b)
        out = []
        for i, (item, p) in enumerate(zip(items, probs.tolist(), strict=True)):
            flagged = p >= self.threshold
            reasons = []
            if flagged:
                lo, hi = X.indptr[i], X.indptr[i + 1]
                reasons = self._reasons(item, X.indices[lo:hi], X.data[lo:hi])
            out.append((flagged, round(p, 4), reasons))
        return out

    def reasons(self, item: ReportInput, X: sp.csr_matrix | None = None) -> list[str]:
        """The findings and text features that pushed the probability up,
        most important first."""
        if X is None:
            X = self.features([item])
        lo, hi = X.indptr[0], X.indptr[1]
        return self._reasons(item, X.indices[lo:hi], X.data[lo:hi])

    def _reasons(self, item: ReportInput, indices: np.ndarray, values: np.ndarray) -> list[str]:
        weights = values * self._coef[indices]
        contrib = dict(zip(indices.tolist(), weights.tolist(), strict=True))
        ranked: list[tuple[float, str]] = []
        seen: set[str] = set()
        for f in item.findings:
            if not f.is_positive:
                continue
            weight = sum(
                contrib.get(self._finding_index.get(name, -1), 0.0)
                for name in (f"any:{f.type}", f"reviewable:{f.type}", f"n:{f.type}:{f.assertion}")
            )
            if f.type == "screw_lucency" and f.size_mm is not None:
                weight += contrib.get(self._finding_index.get("lucency:max_mm", -1), 0.0)
            text = describe_finding(f)
            if weight > 0 and text not in seen:
                seen.add(text)
                ranked.append((weight, text))
        ranked.sort(key=lambda t: -t[0])
        reasons = [text for _, text in ranked]
        # readable text evidence: word n-grams (not character n-grams) with a
        # real share of the push, and not just function or side words
        n_words = self._n_finding + len(self.word_vocabulary)
        strongest = max([w for w in contrib.values() if w > 0], default=0.0)
        text_terms = sorted(
            (
                (w, j)
                for j, w in contrib.items()
                if self._n_finding <= j < n_words
                and w >= 0.1 * strongest
                and not set(self._names[j].split()) <= _PLAIN_WORDS
            ),
            reverse=True,
        )
        for _w, j in text_terms[:3]:
            reasons.append(f'text: "{self._names[j]}"')
        return reasons or ["overall report pattern"]

    # -- persistence ----------------------------------------------------------
    def payload(self) -> dict[str, Any]:
        return {
            "finding_features": list(self.finding_names),
            "word_vectorizer": {
                "params": _jsonable(_WORD_PARAMS),
                "vocabulary": self.word_vocabulary,
                "idf": self.word_idf,
            },
            "char_vectorizer": {
                "params": _jsonable(_CHAR_PARAMS),
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
            "sklearn_version": sklearn.__version__,
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


def _vectorizer(
    params: dict[str, Any], vocabulary: dict[str, int], idf: list[float]
) -> TfidfVectorizer:
    kwargs = {k: v for k, v in params.items() if k not in ("min_df", "max_features")}
    vec = TfidfVectorizer(vocabulary=vocabulary, **kwargs)
    vec.idf_ = np.asarray(idf, dtype=float)
    return vec


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


@dataclass
class TrainingReport:
    n: int
    positives: int
    threshold: float
    cv_auroc: float
    cv_sensitivity: float
    cv_specificity: float
    rule_auroc: float
    rule_sensitivity: float
    rule_specificity: float

    def lines(self) -> list[str]:
        return [
            f"reports: {self.n} ({self.positives} need review)",
            f"threshold (by {N_FOLDS}-fold CV: best specificity at sensitivity >= {TARGET_SENSITIVITY}): {self.threshold:.4f}",
            "| | AUROC | sensitivity | specificity |",
            "| --- | ---: | ---: | ---: |",
            f"| model, cross-validated | {self.cv_auroc:.3f} | {self.cv_sensitivity:.3f} | {self.cv_specificity:.3f} |",
            f"| contract rule | {self.rule_auroc:.3f} | {self.rule_sensitivity:.3f} | {self.rule_specificity:.3f} |",
        ]


N_FOLDS = 5


def _estimator() -> LogisticRegression:
    return LogisticRegression(
        C=2.0, class_weight="balanced", solver="liblinear", max_iter=5000, random_state=SEED
    )


def _rates(y: np.ndarray, flags: np.ndarray) -> tuple[float, float]:
    pos, neg = y == 1, y == 0
    sens = float(flags[pos].mean()) if pos.any() else float("nan")
    spec = float((~flags[neg]).mean()) if neg.any() else float("nan")
    return sens, spec


def choose_threshold(y: np.ndarray, p: np.ndarray, target: float = TARGET_SENSITIVITY) -> float:
    """The decision threshold from out-of-fold probabilities.

    Among thresholds whose sensitivity is >= `target`, those with the best
    specificity, and of these the most sensitive; the threshold is placed in
    the middle of that band of equally good thresholds, away from both the
    nearest negative and the nearest positive it has to separate.
    """
    values = sorted(set(np.round(p, 6).tolist()))
    best: tuple[float, float] | None = None
    band: list[int] = []
    for i, t in enumerate(values):
        flags = p >= t
        sens, spec = _rates(y, flags)
        if sens < target:
            continue
        key = (spec, sens)
        if best is None or key > best:
            best, band = key, [i]
        elif key == best:
            band.append(i)
    if best is None:
        return 0.0
    hi = values[band[-1]]
    below = values[band[0] - 1] if band[0] > 0 else 0.0
    return float((below + hi) / 2)


def train_model(
    inputs: Sequence[ReportInput], labels: Sequence[int], meta: dict[str, Any] | None = None
) -> tuple[ReviewModel, TrainingReport]:
    """Fit the review classifier; deterministic for the same data."""
    y = np.asarray([int(v) for v in labels])
    if len(set(y.tolist())) < 2:
        raise ValueError("training needs both labels (0 and 1)")
    # folds for the outer cross-validation and for the calibration inside it:
    # each inner training part still needs a report of each label per fold
    n_folds = min(N_FOLDS, int(min(np.bincount(y))) // 2)
    if n_folds < 2:
        raise ValueError("training needs at least 4 reports of each label")
    texts = [item.text for item in inputs]
    word = TfidfVectorizer(**_WORD_PARAMS).fit(texts)
    char = TfidfVectorizer(**_CHAR_PARAMS).fit(texts)
    X = sp.hstack(
        [_finding_matrix(inputs), word.transform(texts), char.transform(texts)], format="csr"
    )
    folds = StratifiedKFold(n_splits=n_folds, shuffle=True, random_state=SEED)
    calibrated = CalibratedClassifierCV(_estimator(), method="sigmoid", cv=folds, ensemble=False)
    # out-of-fold probabilities choose the threshold and give honest figures
    p_cv = cross_val_predict(calibrated, X, y, cv=folds, method="predict_proba")[:, 1]
    threshold = choose_threshold(y, p_cv)
    calibrated.fit(X, y)
    inner = calibrated.calibrated_classifiers_[0]
    lr = inner.estimator
    sigmoid = inner.calibrators[0]
    rule = np.asarray([review_by_rule(item.findings)[0] for item in inputs])
    cv_sens, cv_spec = _rates(y, p_cv >= threshold)
    rule_sens, rule_spec = _rates(y, rule)
    report = TrainingReport(
        n=len(y),
        positives=int(y.sum()),
        threshold=threshold,
        cv_auroc=float(roc_auc_score(y, p_cv)),
        cv_sensitivity=cv_sens,
        cv_specificity=cv_spec,
        rule_auroc=float(roc_auc_score(y, rule.astype(float))),
        rule_sensitivity=rule_sens,
        rule_specificity=rule_spec,
    )
    meta = dict(meta or {})
    meta.update(
        {
            "training_reports": report.n,
            "training_positives": report.positives,
            "cv_folds": n_folds,
            "cv_auroc": round(report.cv_auroc, 4),
            "cv_sensitivity": round(cv_sens, 4),
            "cv_specificity": round(cv_spec, 4),
            "rule_sensitivity": round(rule_sens, 4),
            "rule_specificity": round(rule_spec, 4),
            "seed": SEED,
        }
    )
    model = ReviewModel(
        word_vocabulary={k: int(v) for k, v in sorted(word.vocabulary_.items())},
        word_idf=_round(word.idf_),
        char_vocabulary={k: int(v) for k, v in sorted(char.vocabulary_.items())},
        char_idf=_round(char.idf_),
        coef=_round(lr.coef_.reshape(-1)),
        intercept=_round([float(lr.intercept_[0])])[0],
        calibration_a=_round([float(sigmoid.a_)])[0],
        calibration_b=_round([float(sigmoid.b_)])[0],
        threshold=_round([threshold])[0],
        meta=meta,
    )
    return model, report


# --------------------------------------------------------------------------
# Inputs from raw texts, and the model card
# --------------------------------------------------------------------------


def prepare_inputs(texts: Iterable[str], nlp: Any = None) -> list[ReportInput]:
    """Run the pipeline over texts and keep what the classifier needs."""
    from .extensions import doc_text
    from .pipeline import shared_nlp
    from .record import doc_to_record

    nlp = nlp or shared_nlp()
    inputs = []
    for doc in nlp.pipe(texts, batch_size=64):
        record = doc_to_record(doc)
        inputs.append(report_input(doc_text(doc), doc._.report_sections, record.findings))
    return inputs


def model_card(
    model: ReviewModel, report: TrainingReport, *, data: str, extra: Sequence[str] = ()
) -> str:
    """A model card in Markdown for a trained model."""
    lines = [
        "# Surgical-review classifier: model card",
        "",
        f"- Training data: {data}",
        f"- Reports: {report.n}, of which {report.positives} need surgical review",
        f"- scikit-learn: {sklearn.__version__}; seed {SEED}; format {MODEL_FORMAT} v{MODEL_FORMAT_VERSION}",
        "- Model: logistic regression (liblinear, balanced classes), sigmoid-calibrated with"
        " `CalibratedClassifierCV`; saved as JSON numbers, loaded without pickle.",
        f"- Features: {len(FINDING_VOCABULARY)} from the extracted findings (per type and assertion"
        " counts, present/possible flags, largest lucency size, levels involved, bilateral, change,"
        " section, the contract rule's verdict), "
        f"{len(model.word_vocabulary)} word 1-2-grams and {len(model.char_vocabulary)} character"
        " 3-5-grams (TF-IDF) of the findings and impression text.",
        f"- Threshold: {model.threshold:.4f}: among thresholds with cross-validated sensitivity"
        f" >= {TARGET_SENSITIVITY} on the training data, the best specificity, then the best"
        " sensitivity, placed mid-way in the band of equally good thresholds.",
        "",
        "## Cross-validated on the training data",
        "",
        *report.lines()[2:],
        "",
        *extra,
        "## Limits",
        "",
        "- Trained on synthetic reports written by the project team; recalibrate or retrain on a"
        " site's own labelled reports (`spine-extract train`) before relying on its probabilities.",
        "- The flag marks reports a spine surgeon should look at. It is not a diagnosis and not a"
        " substitute for reading the report.",
        "- Its features include the extracted findings, so extraction errors propagate.",
        "",
    ]
    return "\n".join(lines)
