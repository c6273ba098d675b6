"""Writing records: JSON lines exactly, tables atomically.

JSON lines hold every string exactly, even invalid Unicode (a lone surrogate
from a JSON escape in the input is written back as the same `\\udXXX`
escape). CSV and Parquet cells must be valid UTF-8, so there a lone
surrogate is written as the six characters of its escape.
"""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..schema import FINDING_KEYS, ReportRecord
from .readers import InputError

OUTPUT_FORMATS = ("jsonl", "csv", "parquet")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def output_format(path: str) -> str:
    if path == "-":
        return "jsonl"
    suffix = Path(path).suffix.lower()
    for fmt in OUTPUT_FORMATS:
        if suffix == f".{fmt}":
            return fmt
    if suffix == ".ndjson":
        return "jsonl"
    raise InputError(
        f"{path}: unknown output format {suffix or '(none)'!r}; use .jsonl, .csv or .parquet"
    )


def reports_table_path(path: str) -> str:
    """The sibling file of a finding table that holds one row per report."""
    p = Path(path)
    return str(p.with_name(f"{p.stem}.reports{p.suffix}"))


def output_paths(path: str) -> list[str]:
    """Every file a run writing `path` produces."""
    if path == "-" or output_format(path) == "jsonl":
        return [path]
    return [path, reports_table_path(path)]


def record_json(record: ReportRecord) -> str:
    """The record as one JSON line; never NaN or Infinity (not JSON)."""
    try:
        return json.dumps(record.to_dict(), ensure_ascii=False, allow_nan=False)
    except ValueError:
        failed = ReportRecord.failed(record.id, "the record held a number that is not finite")
        return json.dumps(failed.to_dict(), ensure_ascii=False)


def encode_line(line: str) -> bytes:
    """UTF-8 bytes of a JSON line; a lone surrogate becomes its JSON escape."""
    return line.encode("utf-8", "backslashreplace") + b"\n"


def cell(value: Any) -> Any:
    """A table cell: strings made valid UTF-8."""
    if isinstance(value, str) and _SURROGATE_RE.search(value):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    return value


class AtomicFile:
    """Writes to `tmp` beside `path` and renames it into place on success, so
    a failed run never leaves a half-written output behind. The temporary
    name is fixed (`PATH.partial-table`), so a later run removes what a
    killed one left."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.tmp = temporary_path(path)
        Path(self.tmp).unlink(missing_ok=True)

    def commit(self) -> None:
        os.replace(self.tmp, self.path)

    def discard(self) -> None:
        Path(self.tmp).unlink(missing_ok=True)


def temporary_path(path: str) -> str:
    p = Path(path)
    return str(p.with_name(f".{p.name}.partial-table{p.suffix}"))


REPORT_FIELDS = [
    "id",
    "n_findings",
    "needs_surgical_review",
    "review_probability",
    "review_reasons",
    "error",
]
FINDING_FIELDS = ["report_id", *FINDING_KEYS]


def report_row(record: ReportRecord) -> dict[str, Any]:
    return {
        "id": cell(record.id),
        "n_findings": len(record.findings),
        "needs_surgical_review": record.needs_surgical_review,
        "review_probability": record.review_probability,
        "review_reasons": "; ".join(record.review_reasons),
        "error": cell(record.error),
    }


def finding_rows(record: ReportRecord) -> Iterator[dict[str, Any]]:
    for f in record.findings:
        row = f.to_dict()
        row["levels"] = ",".join(f.levels)
        row["text"] = cell(row["text"])
        yield {"report_id": cell(record.id), **row}


class TableWriter:
    """Streams records into a finding table plus a sibling report table
    (.csv or .parquet), written to temporary files and renamed into place.
    (JSON lines output is the checkpoint file itself; see `finish_output`.)"""

    def __init__(self, path: str) -> None:
        self.path = path
        self.format = output_format(path)
        if self.format not in ("csv", "parquet"):
            raise InputError(f"{path}: a table is written as .csv or .parquet")
        self._files = [AtomicFile(path), AtomicFile(reports_table_path(path))]
        if self.format == "csv":
            self._fh = open(self._files[0].tmp, "w", encoding="utf-8", newline="")  # noqa: SIM115
            self._side_fh = open(self._files[1].tmp, "w", encoding="utf-8", newline="")  # noqa: SIM115
            self._findings_csv = csv.DictWriter(self._fh, FINDING_FIELDS)
            self._reports_csv = csv.DictWriter(self._side_fh, REPORT_FIELDS)
            self._findings_csv.writeheader()
            self._reports_csv.writeheader()
        else:
            self._finding_buffer: list[dict[str, Any]] = []
            self._report_buffer: list[dict[str, Any]] = []
            self._pq_writers: dict[str, Any] = {}

    def write(self, records: Iterable[ReportRecord]) -> None:
        for record in records:
            if self.format == "csv":
                self._reports_csv.writerow(report_row(record))
                self._findings_csv.writerows(finding_rows(record))
            else:
                self._report_buffer.append(report_row(record))
                self._finding_buffer.extend(finding_rows(record))
                if len(self._report_buffer) >= 4096:
                    self._flush_parquet()

    def _flush_parquet(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schemas = {
            "findings": pa.schema(
                [
                    ("report_id", pa.string()),
                    ("type", pa.string()),
                    ("component", pa.string()),
                    ("levels", pa.string()),
                    ("side", pa.string()),
                    ("size_mm", pa.float64()),
                    ("assertion", pa.string()),
                    ("change", pa.string()),
                    ("section", pa.string()),
                    ("start", pa.int64()),
                    ("end", pa.int64()),
                    ("text", pa.string()),
                ]
            ),
            "reports": pa.schema(
                [
                    ("id", pa.string()),
                    ("n_findings", pa.int64()),
                    ("needs_surgical_review", pa.bool_()),
                    ("review_probability", pa.float64()),
                    ("review_reasons", pa.string()),
                    ("error", pa.string()),
                ]
            ),
        }
        targets = {
            "findings": (self._files[0].tmp, self._finding_buffer),
            "reports": (self._files[1].tmp, self._report_buffer),
        }
        for name, (tmp, rows) in targets.items():
            schema = schemas[name]
            if name not in self._pq_writers:
                self._pq_writers[name] = pq.ParquetWriter(tmp, schema)
            table = pa.Table.from_pylist(rows, schema=schema)
            self._pq_writers[name].write_table(table)
        self._finding_buffer = []
        self._report_buffer = []

    def close(self, *, success: bool = True) -> None:
        if self.format == "parquet":
            if success:
                self._flush_parquet()
            for w in self._pq_writers.values():
                w.close()
        else:
            self._fh.close()
            self._side_fh.close()
        for f in self._files:
            if success:
                f.commit()
            else:
                f.discard()
