"""Cohort building and plots over the findings table of `extract_frame`.

Pure pandas helpers (and matplotlib plots, imported when called) so that
notebooks and scripts hold no logic of their own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from .normalize import expand_level_range
from .schema import FINDING_TYPES, POSITIVE_ASSERTIONS

SPINE_C1_S1: list[str] = expand_level_range("C1", "S1")


def positive(findings: pd.DataFrame) -> pd.DataFrame:
    """Only present and possible findings."""
    return findings[findings["assertion"].isin(POSITIVE_ASSERTIONS)]


def by_level(findings: pd.DataFrame) -> pd.DataFrame:
    """One row per (finding, level): the `levels` list column exploded to `level`
    (a finding without a level has none)."""
    out = findings.explode("levels").rename(columns={"levels": "level"}).reset_index(drop=True)
    return out[out["level"].notna()]


def level_type_counts(findings: pd.DataFrame, levels: Sequence[str] = SPINE_C1_S1) -> pd.DataFrame:
    """Counts of positive findings per level (rows, in spine order) and type (columns)."""
    rows = by_level(positive(findings))
    table = pd.crosstab(rows["level"], rows["type"]) if len(rows) else pd.DataFrame()
    return (
        table.reindex(index=list(levels), columns=list(FINDING_TYPES), fill_value=0)
        .fillna(0)
        .astype(int)
    )


def select_reports(
    findings: pd.DataFrame,
    *,
    types: Iterable[str],
    levels: Iterable[str] | None = None,
    min_size_mm: float | None = None,
    assertions: Iterable[str] = ("present",),
) -> set[str]:
    """Ids of reports with a finding of one of `types`, in `assertions`, at one
    of `levels` (any level when None), at least `min_size_mm` when given."""
    rows = by_level(findings) if levels is not None else findings
    mask = rows["type"].isin(list(types)) & rows["assertion"].isin(list(assertions))
    if levels is not None:
        mask &= rows["level"].isin(list(levels))
    if min_size_mm is not None:
        mask &= rows["size_mm"].fillna(0) >= min_size_mm
    return set(rows.loc[mask, "report_id"])


def plot_levels(findings: pd.DataFrame, ax: Any = None, levels: Sequence[str] = SPINE_C1_S1) -> Any:
    """Stacked bars of positive findings by vertebral level (C1 to S1) and type."""
    import matplotlib.pyplot as plt

    from .review_page import TYPE_COLORS

    counts = level_type_counts(findings, levels)
    if ax is None:
        _, ax = plt.subplots(figsize=(11, 4))
    bottom = pd.Series(0, index=counts.index)
    for ftype in counts.columns:
        ax.bar(counts.index, counts[ftype], bottom=bottom, label=ftype, color=TYPE_COLORS[ftype])
        bottom = bottom + counts[ftype]
    ax.set_xlabel("vertebral level")
    ax.set_ylabel("present or possible findings")
    ax.set_title("Findings by level and type")
    ax.legend(fontsize=8, ncol=2)
    ax.tick_params(axis="x", labelsize=8, rotation=90)
    return ax


def plot_roc(
    labels: Sequence[int], scores: Sequence[float], ax: Any = None, label: str = "model"
) -> Any:
    import matplotlib.pyplot as plt
    from sklearn.metrics import roc_auc_score, roc_curve

    if ax is None:
        _, ax = plt.subplots(figsize=(4.5, 4.5))
    fpr, tpr, _ = roc_curve(labels, scores)
    ax.plot(fpr, tpr, label=f"{label} (AUROC {roc_auc_score(labels, scores):.3f})")
    ax.plot([0, 1], [0, 1], linestyle=":", color="#999")
    ax.set_xlabel("1 - specificity")
    ax.set_ylabel("sensitivity")
    ax.set_title("ROC")
    ax.legend(loc="lower right")
    return ax


def plot_calibration(
    labels: Sequence[int], probabilities: Sequence[float], ax: Any = None, bins: int = 5
) -> Any:
    import matplotlib.pyplot as plt
    from sklearn.calibration import calibration_curve

    if ax is None:
        _, ax = plt.subplots(figsize=(4.5, 4.5))
    observed, predicted = calibration_curve(labels, probabilities, n_bins=bins, strategy="quantile")
    ax.plot(predicted, observed, marker="o", label="model")
    ax.plot([0, 1], [0, 1], linestyle=":", color="#999", label="perfect")
    ax.set_xlabel("predicted probability")
    ax.set_ylabel("observed share needing review")
    ax.set_title("Calibration")
    ax.legend(loc="upper left")
    return ax
