"""Training the review classifier: deterministic, threshold chosen by
cross-validation, with its model card."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp
import sklearn
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from .features import FINDING_VOCABULARY, ReportInput, finding_matrix, report_input
from .model import CHAR_PARAMS, WORD_PARAMS, ReviewModel, _round
from .modelfile import MODEL_FORMAT, MODEL_FORMAT_VERSION
from .rule import review_by_rule

SEED = 20261122
TARGET_SENSITIVITY = 0.95


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
    y = np.asarray([int(v) for v in labels], dtype=np.int64)
    if len(set(y.tolist())) < 2:
        raise ValueError("training needs both labels (0 and 1)")
    # folds for the outer cross-validation and for the calibration inside it:
    # each inner training part still needs a report of each label per fold
    n_folds = min(N_FOLDS, int(min(np.bincount(y))) // 2)
    if n_folds < 2:
        raise ValueError("training needs at least 4 reports of each label")
    texts = [item.text for item in inputs]
    word = TfidfVectorizer(**WORD_PARAMS).fit(texts)
    char = TfidfVectorizer(**CHAR_PARAMS).fit(texts)
    X = sp.hstack(
        [finding_matrix(inputs), word.transform(texts), char.transform(texts)], format="csr"
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
    from ..extensions import doc_text
    from ..pipeline import shared_nlp
    from ..record import doc_findings

    nlp = nlp or shared_nlp()
    return [
        report_input(doc_text(doc), doc._.report_sections, doc_findings(doc))
        for doc in nlp.pipe(texts, batch_size=64)
    ]


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
