"""pandas front end over the same record converter and row shapes as the CLI."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from spacy.language import Language

from .api import MAX_CHARS, ModelChoice, extract_many
from .io import FINDING_FIELDS, REPORT_FIELDS, finding_rows, report_row
from .schema import ReportRecord


def records_to_frames(records: Iterable[ReportRecord]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(reports, findings) tables: one row a report, one row a finding.

    Levels are joined with commas in the findings table ("L4,L5").
    """
    reports_rows = []
    findings_rows = []
    for rec in records:
        reports_rows.append(report_row(rec))
        findings_rows.extend(finding_rows(rec))
    reports = pd.DataFrame(reports_rows, columns=REPORT_FIELDS)
    findings = pd.DataFrame(findings_rows, columns=FINDING_FIELDS)
    reports["needs_surgical_review"] = reports["needs_surgical_review"].astype("boolean")
    reports["n_findings"] = reports["n_findings"].astype("int64")
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
    model: ModelChoice = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Run the extractor over a DataFrame; returns (reports, findings).

    `model` as in `extract`."""
    for col in (id_col, text_col):
        if col not in df.columns:
            raise KeyError(f"column {col!r} not in the DataFrame (columns: {list(df.columns)})")
    texts = df[text_col].astype(object).where(df[text_col].notna(), None)
    pairs = zip(df[id_col].astype(str), texts, strict=True)
    return records_to_frames(extract_many(pairs, nlp=nlp, max_chars=max_chars, model=model))
