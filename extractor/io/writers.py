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
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .. import tables
from ..schema import ReportRecord
from .readers import InputError

OUTPUT_FORMATS = ("jsonl", "csv", "parquet")
LAYOUTS = ("contract", "omop")  # the contract's record and tables, or OMOP NOTE_NLP


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


def sibling_path(path: str, table: str) -> str:
    """The file of `table` beside a findings table: OUT.reports.csv, OUT.hardware.csv."""
    p = Path(path)
    return str(p.with_name(f"{p.stem}.{table}{p.suffix}"))


def reports_table_path(path: str) -> str:
    """The sibling file of a finding table that holds one row per report."""
    return sibling_path(path, "reports")


def output_paths(path: str, layout: str = "contract") -> list[str]:
    """Every file a run writing `path` produces."""
    if path == "-" or output_format(path) == "jsonl" or layout == "omop":
        return [path]
    return [path, sibling_path(path, "reports"), sibling_path(path, "hardware")]


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


class TableWriter:
    """Streams records into a findings table and its sibling reports and
    hardware tables (.csv or .parquet, columns from `extractor.tables`), or
    into one OMOP NOTE_NLP table (`layout="omop"`), written to temporary files
    and renamed into place. (JSON lines output is the checkpoint file itself;
    see `finish_output`.)"""

    def __init__(self, path: str, layout: str = "contract") -> None:
        self.path = path
        self.format = output_format(path)
        if self.format not in ("csv", "parquet"):
            raise InputError(f"{path}: a table is written as .csv or .parquet")
        if layout == "omop":
            from ..omop import NoteNlpRows

            paths = {"note_nlp": path}
            self._rows: dict[str, Any] = {"note_nlp": NoteNlpRows()}
        else:
            paths = {"findings": path, "reports": sibling_path(path, "reports")}
            paths["hardware"] = sibling_path(path, "hardware")
            self._rows = {name: tables.ROWS[name] for name in paths}
        self._names = tuple(paths)
        self._files = {name: AtomicFile(p) for name, p in paths.items()}
        self._buffers: dict[str, list[tuple[Any, ...]]] = {name: [] for name in self._names}
        self._handles: dict[str, Any] = {}
        self._writers: dict[str, Any] = {}
        self._records = 0
        if self.format == "csv":
            for name in self._names:
                fh = open(self._files[name].tmp, "w", encoding="utf-8", newline="")  # noqa: SIM115
                self._handles[name] = fh
                self._writers[name] = csv.writer(fh)
                self._writers[name].writerow(tables.column_names(name))

    def write(self, records: Iterable[ReportRecord]) -> None:
        for record in records:
            for name in self._names:
                for row in self._rows[name](record):
                    if self.format == "csv":
                        self._writers[name].writerow(tables.csv_row(name, row))
                    else:
                        self._buffers[name].append(row)
            self._records += 1
            if self.format == "parquet" and self._records % 4096 == 0:
                self._flush_parquet()

    def _flush_parquet(self) -> None:
        import pyarrow.parquet as pq

        for name in self._names:
            if name not in self._writers:
                self._writers[name] = pq.ParquetWriter(
                    self._files[name].tmp, tables.arrow_schema(name)
                )
            self._writers[name].write_table(tables.arrow_table(name, self._buffers[name]))
            self._buffers[name] = []

    def close(self, *, success: bool = True) -> None:
        if self.format == "parquet":
            if success:
                self._flush_parquet()
            for w in self._writers.values():
                w.close()
        else:
            for fh in self._handles.values():
                fh.close()
        for f in self._files.values():
            if success:
                f.commit()
            else:
                f.discard()
