"""Spark front end: the same records, computed on executors.

Install with the `spark` extra. PySpark is imported only when these
functions are called. All three use `mapInPandas`; each executor
process builds the pipeline (and review model) once and reuses it for every
partition, and rows go through the same `extract_many` -> record converter
as the CLI and pandas front ends, so the values are the same.

    from extractor.spark import extract_findings, extract_hardware, extract_reports
    findings = extract_findings(df, id_col="accession", text_col="report_text")

Columns and types are the one spec of `extractor.tables`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from . import tables
from .schema import MAX_CHARS

_STATE: dict[tuple[Any, ...], Any] = {}


def _records(
    pdf_iter: Iterator[Any], id_col: str, text_col: str, settings: tuple[Any, ...]
) -> Iterator[tuple[Any, Any]]:
    """(input batch, its records) per Arrow batch, on an executor."""
    from .api import extract_many, resolve_model
    from .pipeline import build_nlp

    lexicons, model, max_chars = settings
    if settings not in _STATE:  # once per executor process
        _STATE[settings] = (build_nlp(lexicons), resolve_model(model))
    nlp, review = _STATE[settings]
    for pdf in pdf_iter:
        ids = [
            None if v is None else str(v)
            for v in pdf[id_col].astype(object).where(pdf[id_col].notna(), None)
        ]
        texts = list(pdf[text_col].astype(object).where(pdf[text_col].notna(), None))
        records = list(
            extract_many(zip(ids, texts, strict=True), nlp=nlp, max_chars=max_chars, model=review)
        )
        yield pdf, records


def _check_columns(df: Any, id_col: str, text_col: str) -> None:
    for col in (id_col, text_col):
        if col not in df.columns:
            raise KeyError(f"column {col!r} not in the Spark DataFrame (columns: {df.columns})")


def _map(df: Any, id_col: str, text_col: str, settings: tuple[Any, ...], table: str) -> Any:
    import pandas as pd

    _check_columns(df, id_col, text_col)
    columns = tables.column_names(table)

    def run(pdf_iter: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for _pdf, records in _records(pdf_iter, id_col, text_col, settings):
            yield pd.DataFrame(list(tables.rows(table, records)), columns=columns, dtype=object)

    return df.select(id_col, text_col).mapInPandas(run, schema=tables.spark_schema(table))


def extract_findings(
    df: Any,
    id_col: str = "id",
    text_col: str = "text",
    *,
    lexicons: str | None = None,
    model: str | None = None,
    max_chars: int = MAX_CHARS,
) -> Any:
    """A Spark DataFrame of findings, one row per finding, in the contract's
    columns plus `report_id` (levels as an array)."""
    return _map(df, id_col, text_col, (lexicons, model, max_chars), "findings")


def extract_reports(
    df: Any,
    id_col: str = "id",
    text_col: str = "text",
    *,
    lexicons: str | None = None,
    model: str | None = None,
    max_chars: int = MAX_CHARS,
) -> Any:
    """A Spark DataFrame with one row per input row: the report-level fields
    of the contract's record (review flag, probability, reasons, error)."""
    return _map(df, id_col, text_col, (lexicons, model, max_chars), "reports")


def extract_hardware(
    df: Any,
    id_col: str = "id",
    text_col: str = "text",
    *,
    lexicons: str | None = None,
    model: str | None = None,
    max_chars: int = MAX_CHARS,
) -> Any:
    """A Spark DataFrame of the reports' hardware inventories, one row per
    entry (`report_id`, component, levels, side, mentions)."""
    return _map(df, id_col, text_col, (lexicons, model, max_chars), "hardware")
