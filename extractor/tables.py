"""The one column spec of the tables a batch of records makes, and its
renderings for every writer: CSV, Parquet (pyarrow), pandas and Spark.

- `findings`: one row a finding (`report_id` and the contract's fields);
- `reports`: one row a report (the record's report-level fields);
- `hardware`: one row an inventory entry (`report_id` and its fields);
- `note_nlp`: one row a finding, in OMOP's NOTE_NLP layout (`--format omop`).

Types never change with the data: strings are nullable strings, `levels`
and `review_reasons` are lists (CSV joins them: "L4,L5" and "a; b"),
`mentions` a list of [start, end] pairs (CSV: "312-349;351-380").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .schema import ReportRecord

_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def cell(value: Any) -> Any:
    """Strings made valid UTF-8 (a lone surrogate as its escape)."""
    if isinstance(value, str) and _SURROGATE_RE.search(value):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    return value


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # string, int, float, bool, strings (a list), spans (a list of [start, end])


TABLES: dict[str, tuple[Column, ...]] = {
    "findings": (
        Column("report_id", "string"),
        Column("type", "string"),
        Column("component", "string"),
        Column("levels", "strings"),
        Column("side", "string"),
        Column("size_mm", "float"),
        Column("assertion", "string"),
        Column("change", "string"),
        Column("section", "string"),
        Column("start", "int"),
        Column("end", "int"),
        Column("text", "string"),
    ),
    "reports": (
        Column("id", "string"),
        Column("n_findings", "int"),
        Column("needs_surgical_review", "bool"),
        Column("review_probability", "float"),
        Column("review_reasons", "strings"),
        Column("n_hardware", "int"),
        Column("error", "string"),
    ),
    "hardware": (
        Column("report_id", "string"),
        Column("component", "string"),
        Column("levels", "strings"),
        Column("side", "string"),
        Column("mentions", "spans"),
    ),
    # OMOP CDM v5.4 NOTE_NLP (`--format omop`; see extractor/omop.py)
    "note_nlp": (
        Column("note_nlp_id", "int"),
        Column("note_id", "string"),
        Column("section_concept_id", "int"),
        Column("snippet", "string"),
        Column("offset", "string"),
        Column("lexical_variant", "string"),
        Column("note_nlp_concept_id", "int"),
        Column("note_nlp_source_concept_id", "int"),
        Column("nlp_system", "string"),
        Column("nlp_date", "string"),
        Column("nlp_datetime", "string"),
        Column("term_exists", "string"),
        Column("term_temporal", "string"),
        Column("term_modifiers", "string"),
    ),
}
TABLE_NAMES = ("findings", "reports", "hardware")  # what a run writes in the contract's layout


def _finding_rows(record: ReportRecord) -> Iterator[tuple[Any, ...]]:
    rid = cell(record.id)
    for f in record.findings:
        yield (
            rid,
            f.type,
            f.component,
            list(f.levels),
            f.side,
            f.size_mm,
            f.assertion,
            f.change,
            f.section,
            f.start,
            f.end,
            cell(f.text),
        )


def _report_rows(record: ReportRecord) -> Iterator[tuple[Any, ...]]:
    yield (
        cell(record.id),
        len(record.findings),
        record.needs_surgical_review,
        record.review_probability,
        list(record.review_reasons),
        len(record.hardware),
        cell(record.error),
    )


def _hardware_rows(record: ReportRecord) -> Iterator[tuple[Any, ...]]:
    rid = cell(record.id)
    for h in record.hardware:
        yield (rid, h.component, list(h.levels), h.side, [list(m) for m in h.mentions])


ROWS: dict[str, Callable[[ReportRecord], Iterator[tuple[Any, ...]]]] = {
    "findings": _finding_rows,
    "reports": _report_rows,
    "hardware": _hardware_rows,
}


def rows(table: str, records: Iterable[ReportRecord]) -> Iterator[tuple[Any, ...]]:
    """The rows of `table` for `records`, in column order."""
    to_rows = ROWS[table]
    for record in records:
        yield from to_rows(record)


def column_names(table: str) -> list[str]:
    return [c.name for c in TABLES[table]]


# -- CSV -----------------------------------------------------------------------


def csv_row(table: str, row: tuple[Any, ...]) -> list[Any]:
    out = []
    for column, value in zip(TABLES[table], row, strict=True):
        if column.kind == "strings":
            value = ("," if column.name == "levels" else "; ").join(value)
        elif column.kind == "spans":
            value = ";".join(f"{a}-{b}" for a, b in value)
        out.append("" if value is None else value)
    return out


# -- Arrow / Parquet -------------------------------------------------------------


def arrow_schema(table: str) -> Any:
    import pyarrow as pa

    kinds = {
        "string": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "strings": pa.list_(pa.string()),
        "spans": pa.list_(pa.list_(pa.int64())),
    }
    return pa.schema([(c.name, kinds[c.kind]) for c in TABLES[table]])


def arrow_table(table: str, table_rows: list[tuple[Any, ...]]) -> Any:
    import pyarrow as pa

    schema = arrow_schema(table)
    columns = list(zip(*table_rows, strict=True)) if table_rows else [()] * len(schema)
    return pa.Table.from_arrays(
        [pa.array(list(col), type=field.type) for col, field in zip(columns, schema, strict=True)],
        schema=schema,
    )


# -- pandas --------------------------------------------------------------------------


def pandas_frame(table: str, table_rows: list[tuple[Any, ...]]) -> Any:
    """A DataFrame whose dtypes do not depend on the data: nullable string,
    Int64, Float64 and boolean columns, lists as Python lists."""
    import pandas as pd

    dtypes = {"string": "string", "int": "Int64", "float": "Float64", "bool": "boolean"}
    frame = pd.DataFrame(table_rows, columns=column_names(table), dtype=object)
    for column in TABLES[table]:
        if column.kind in dtypes:
            frame[column.name] = frame[column.name].astype(dtypes[column.kind])
    return frame


# -- Spark -----------------------------------------------------------------------------


def spark_schema(table: str) -> str:
    kinds = {
        "string": "string",
        "int": "long",
        "float": "double",
        "bool": "boolean",
        "strings": "array<string>",
        "spans": "array<array<long>>",
    }
    return ", ".join(f"`{c.name}` {kinds[c.kind]}" for c in TABLES[table])
