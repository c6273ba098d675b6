"""pandas front end over the same record converter and column spec as the CLI."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

import pandas as pd
from spacy.language import Language

from . import tables
from .api import MAX_CHARS, ModelChoice, extract_many
from .schema import ReportRecord


class Frames(NamedTuple):
    """The three tables of a batch (columns: `extractor.tables`)."""

    reports: pd.DataFrame
    findings: pd.DataFrame
    hardware: pd.DataFrame


def records_to_frames(records: Iterable[ReportRecord]) -> Frames:
    """(reports, findings, hardware): one row a report, a finding, an
    inventory entry; `levels` and `review_reasons` as lists, nullable dtypes."""
    kept = list(records)
    return Frames(
        *(tables.pandas_frame(name, list(tables.rows(name, kept))) for name in Frames._fields)
    )


def extract_frame(
    df: pd.DataFrame,
    *,
    id_col: str = "id",
    text_col: str = "text",
    nlp: Language | None = None,
    max_chars: int = MAX_CHARS,
    model: ModelChoice = None,
) -> Frames:
    """Run the extractor over a DataFrame; returns (reports, findings, hardware).

    `model` as in `extract`."""
    for col in (id_col, text_col):
        if col not in df.columns:
            raise KeyError(f"column {col!r} not in the DataFrame (columns: {list(df.columns)})")
    texts = df[text_col].astype(object).where(df[text_col].notna(), None)
    pairs = zip(df[id_col].astype(str), texts, strict=True)
    return records_to_frames(extract_many(pairs, nlp=nlp, max_chars=max_chars, model=model))
