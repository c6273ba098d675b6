"""pandas front end over the same record converter."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd
from spacy.language import Language

from .api import MAX_CHARS, extract_many
from .schema import FINDING_KEYS, ReportRecord

REPORT_COLUMNS = [
    "id",
    "n_findings",
    "needs_surgical_review",
    "review_probability",
    "review_reasons",
    "error",
]
FINDING_COLUMNS = ["report_id", *FINDING_KEYS]


def records_to_frames(records: Iterable[ReportRecord]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(reports, findings) tables: one row a report, one row a finding."""
    report_rows: list[dict[str, Any]] = []
    finding_rows: list[dict[str, Any]] = []
    for rec in records:
        report_rows.append(
            {
                "id": rec.id,
                "n_findings": len(rec.findings),
                "needs_surgical_review": rec.needs_surgical_review,
                "review_probability": rec.review_probability,
                "review_reasons": "; ".join(rec.review_reasons),
                "error": rec.error,
            }
        )
        for f in rec.findings:
            row = f.to_dict()
            row["levels"] = ",".join(f.levels)
            finding_rows.append({"report_id": rec.id, **row})
    reports = pd.DataFrame(report_rows, columns=REPORT_COLUMNS)
    findings = pd.DataFrame(finding_rows, columns=FINDING_COLUMNS)
    reports["needs_surgical_review"] = reports["needs_surgical_review"].astype("boolean")
    findings["size_mm"] = findings["size_mm"].astype("Float64")
    findings["start"] = findings["start"].astype("Int64")
    findings["end"] = findings["end"].astype("Int64")
    return reports, findings


def extract_frame(
    df: pd.DataFrame,
    *,
    id_col: str = "id",
    text_col: str = "text",
    nlp: Language | None = None,
    max_chars: int = MAX_CHARS,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Run the extractor over a DataFrame; returns (reports, findings).

    Levels are joined with commas in the findings table ("L4,L5").
    """
    for col in (id_col, text_col):
        if col not in df.columns:
            raise KeyError(f"column {col!r} not in the DataFrame (columns: {list(df.columns)})")
    pairs = zip(df[id_col].astype(str), df[text_col].where(df[text_col].notna(), None), strict=True)
    return records_to_frames(extract_many(pairs, nlp=nlp, max_chars=max_chars))
