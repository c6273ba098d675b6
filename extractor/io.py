"""Reading reports from files and writing records, without losing a row.

Readers yield one `InputRow` per input row, in input order, including rows
that cannot be used (bad JSON, missing fields, undecodable bytes): those
carry `error` and become error records downstream, so every input row gets
exactly one output record.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .schema import FINDING_KEYS, ReportRecord

INPUT_FORMATS = ("jsonl", "csv", "parquet", "folder", "stdin")
OUTPUT_FORMATS = ("jsonl", "csv", "parquet")


class InputError(Exception):
    """The input as a whole cannot be read (usage error, exit status 2)."""


@dataclass(frozen=True)
class InputRow:
    id: str | None
    text: str | None
    error: str | None = None  # the row cannot be processed: an error record
    warning: str | None = None  # processed, but the record carries this as its error


def input_format(path: str) -> str:
    if path == "-":
        return "stdin"
    p = Path(path)
    if p.is_dir():
        return "folder"
    suffix = p.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".csv":
        return "csv"
    if suffix in (".parquet", ".pq"):
        return "parquet"
    raise InputError(
        f"{path}: unknown input format {suffix or '(none)'!r}; use .jsonl, .csv, .parquet, a folder of .txt files or -"
    )


def read_rows(path: str, *, id_field: str = "id", text_field: str = "text") -> Iterator[InputRow]:
    """Rows of any supported input, lazily and in order."""
    fmt = input_format(path)
    if fmt != "stdin" and not os.access(path, os.R_OK):
        raise InputError(f"{path}: cannot read (no such file or no permission)")
    if fmt == "stdin":
        return _jsonl_rows(sys.stdin.buffer, id_field, text_field)
    if fmt == "jsonl":
        return _opened(path, lambda fh: _jsonl_rows(fh, id_field, text_field))
    if fmt == "csv":
        return _opened(path, lambda fh: _csv_rows(fh, id_field, text_field))
    if fmt == "parquet":
        return _parquet_rows(path, id_field, text_field)
    return _folder_rows(Path(path))


def _opened(path: str, reader: Any) -> Iterator[InputRow]:
    try:
        fh = open(path, "rb")  # noqa: SIM115  (closed by the generator below)
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror})") from e

    def rows() -> Iterator[InputRow]:
        with fh:
            yield from reader(fh)

    return rows()


def _as_id(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    return str(value)


def _row_from_mapping(data: Any, id_field: str, text_field: str, where: str) -> InputRow:
    if not isinstance(data, dict):
        return InputRow(None, None, f"{where}: expected a JSON object")
    rid = _as_id(data.get(id_field))
    if id_field not in data or rid is None:
        return InputRow(rid, None, f"{where}: missing id field {id_field!r}")
    text = data.get(text_field)
    if text_field not in data or text is None:
        return InputRow(rid, None, f"{where}: missing text field {text_field!r}")
    if not isinstance(text, str):
        return InputRow(rid, None, f"{where}: text field {text_field!r} is not a string")
    return InputRow(rid, text)


def _jsonl_rows(fh: IO[bytes], id_field: str, text_field: str) -> Iterator[InputRow]:
    for n, raw in enumerate(fh, 1):
        if not raw.strip():
            continue
        where = f"line {n}"
        warning = None
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            line = raw.decode("utf-8", errors="replace")
            warning = f"{where}: not valid UTF-8; decoded with replacement characters (U+FFFD)"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputRow(None, None, f"{where}: invalid JSON ({e.msg})")
            continue
        row = _row_from_mapping(data, id_field, text_field, where)
        yield row if warning is None or row.error else InputRow(row.id, row.text, None, warning)


def _csv_rows(fh: IO[bytes], id_field: str, text_field: str) -> Iterator[InputRow]:
    text_fh = io.TextIOWrapper(fh, encoding="utf-8", errors="replace", newline="")
    csv.field_size_limit(1 << 30)
    reader = csv.reader(text_fh)
    try:
        header = next(reader)
    except StopIteration:
        return
    missing = [c for c in (id_field, text_field) if c not in header]
    id_i = header.index(id_field) if id_field in header else None
    text_i = header.index(text_field) if text_field in header else None
    for row in reader:
        where = f"row {reader.line_num}"
        if not row:
            continue
        rid = row[id_i] if id_i is not None and id_i < len(row) else None
        if missing:
            yield InputRow(
                rid or None, None, f"{where}: CSV has no column {missing[0]!r} (columns: {header})"
            )
        elif len(row) != len(header):
            yield InputRow(
                rid or None, None, f"{where}: {len(row)} fields, header has {len(header)}"
            )
        elif not rid:
            yield InputRow(None, None, f"{where}: missing id")
        else:
            assert text_i is not None
            text = row[text_i]
            if "\ufffd" in text:
                yield InputRow(
                    rid,
                    text,
                    None,
                    f"{where}: not valid UTF-8; decoded with replacement characters (U+FFFD)",
                )
            else:
                yield InputRow(rid, text)


def _parquet_rows(path: str, id_field: str, text_field: str) -> Iterator[InputRow]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as e:
        raise InputError(f"{path}: not a readable Parquet file ({e})") from e
    names = pf.schema_arrow.names
    missing = [c for c in (id_field, text_field) if c not in names]
    columns = [c for c in (id_field, text_field) if c in names]
    n = 0
    for batch in pf.iter_batches(columns=columns or None, batch_size=1024):
        data = batch.to_pydict()
        size = batch.num_rows
        for i in range(size):
            n += 1
            where = f"row {n}"
            rid = _as_id(data[id_field][i]) if id_field in data else None
            if missing:
                yield InputRow(
                    rid,
                    None,
                    f"{where}: Parquet file has no column {missing[0]!r} (columns: {names})",
                )
                continue
            yield _row_from_mapping(
                {id_field: data[id_field][i], text_field: data[text_field][i]},
                id_field,
                text_field,
                where,
            )


def _folder_rows(folder: Path) -> Iterator[InputRow]:
    for path in sorted(folder.rglob("*.txt")):
        rid = path.relative_to(folder).as_posix()
        try:
            data = path.read_bytes()
        except OSError as e:
            yield InputRow(rid, None, f"cannot read ({e.strerror})")
            continue
        try:
            yield InputRow(rid, data.decode("utf-8"))
        except UnicodeDecodeError:
            yield InputRow(
                rid,
                data.decode("utf-8", errors="replace"),
                None,
                "not valid UTF-8; decoded with replacement characters (U+FFFD)",
            )


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------


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


def record_json(record: ReportRecord) -> str:
    return json.dumps(record.to_dict(), ensure_ascii=False)


class AtomicFile:
    """Writes to a temporary file beside `path` and renames it into place on
    success, so a failed run never leaves a half-written output behind."""

    def __init__(self, path: str, mode: str = "w") -> None:
        self.path = path
        directory = os.path.dirname(os.path.abspath(path))
        fd, self.tmp = tempfile.mkstemp(prefix=".tmp-", suffix=Path(path).suffix, dir=directory)
        os.close(fd)
        self.mode = mode

    def commit(self) -> None:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self.tmp, 0o666 & ~umask)  # mkstemp makes 0600 files
        os.replace(self.tmp, self.path)

    def discard(self) -> None:
        if os.path.exists(self.tmp):
            os.unlink(self.tmp)


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
        "id": record.id,
        "n_findings": len(record.findings),
        "needs_surgical_review": record.needs_surgical_review,
        "review_probability": record.review_probability,
        "review_reasons": "; ".join(record.review_reasons),
        "error": record.error,
    }


def finding_rows(record: ReportRecord) -> Iterator[dict[str, Any]]:
    for f in record.findings:
        row = f.to_dict()
        row["levels"] = ",".join(f.levels)
        yield {"report_id": record.id, **row}


class TableWriter:
    """Streams records into a finding table plus a sibling report table
    (.csv or .parquet), written to temporary files and renamed into place.
    (JSON lines output is the checkpoint file itself; see `finish_output`.)"""

    def __init__(self, path: str) -> None:
        self.path = path
        self.format = output_format(path)
        if self.format not in ("csv", "parquet"):
            raise InputError(f"{path}: a table is written as .csv or .parquet")
        self._files: list[AtomicFile] = []
        main = AtomicFile(path)
        self._files.append(main)
        if self.format == "csv":
            side = AtomicFile(reports_table_path(path))
            self._files.append(side)
            self._fh = open(main.tmp, "w", encoding="utf-8", newline="")  # noqa: SIM115
            self._side_fh = open(side.tmp, "w", encoding="utf-8", newline="")  # noqa: SIM115
            self._findings_csv = csv.DictWriter(self._fh, FINDING_FIELDS)
            self._reports_csv = csv.DictWriter(self._side_fh, REPORT_FIELDS)
            self._findings_csv.writeheader()
            self._reports_csv.writeheader()
        else:
            side = AtomicFile(reports_table_path(path))
            self._files.append(side)
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
            if self.format == "csv":
                self._side_fh.close()
        for f in self._files:
            if success:
                f.commit()
            else:
                f.discard()


# --------------------------------------------------------------------------
# Resumable output: records stream into OUTPUT.partial.jsonl, which is the
# checkpoint; the finished output replaces it in one rename.
# --------------------------------------------------------------------------


def partial_paths(output: str) -> tuple[Path, Path]:
    """(records so far, run state) of an unfinished run writing `output`."""
    return Path(f"{output}.partial.jsonl"), Path(f"{output}.partial.json")


def run_state(input_path: str, options: dict[str, Any]) -> dict[str, Any]:
    """What a resumed run must share with the interrupted one."""
    p = Path(input_path)
    stat = p.stat()
    return {
        "input": str(p.resolve()),
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "options": options,
    }


def complete_lines(path: Path) -> int:
    """Count the complete records in a partial file and cut off a torn last
    line (an interrupted write), so appending continues cleanly."""
    count = 0
    good_end = 0
    with open(path, "rb+") as fh:
        offset = 0
        for line in fh:
            end = offset + len(line)
            if not line.endswith(b"\n"):
                break
            try:
                json.loads(line)
            except ValueError:
                break
            count += 1
            good_end = end
            offset = end
        fh.truncate(good_end)
    return count


class CheckpointWriter:
    """Appends JSON lines to the partial file, flushing to disk every chunk."""

    def __init__(self, path: Path, *, append: bool, fsync_every: float = 2.0) -> None:
        self.path = path
        self._fh = open(path, "ab" if append else "wb")  # noqa: SIM115
        self._fsync_every = fsync_every
        self._last = time.monotonic()

    def write(self, line: str) -> None:
        """Append one record's JSON line."""
        self._fh.write(line.encode("utf-8") + b"\n")
        now = time.monotonic()
        if now - self._last >= self._fsync_every:
            self.sync()
            self._last = now

    def sync(self) -> None:
        self._fh.flush()
        os.fsync(self._fh.fileno())

    def close(self) -> None:
        self.sync()
        self._fh.close()


def finish_output(partial: Path, output: str) -> None:
    """Turn a complete partial file into the requested output, atomically."""
    if output_format(output) == "jsonl":
        os.replace(partial, output)
        return
    writer = TableWriter(output)
    ok = False
    try:
        with open(partial, encoding="utf-8") as fh:
            writer.write(ReportRecord.from_dict(json.loads(line)) for line in fh)
        ok = True
    finally:
        writer.close(success=ok)
    partial.unlink()


def estimate_total(path: str) -> int | None:
    """How many rows an input holds, cheaply, for a progress ETA (None: unknown)."""
    try:
        fmt = input_format(path)
        if fmt in ("jsonl", "csv"):
            n = 0
            with open(path, "rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    n += block.count(b"\n")
            return max(n - (1 if fmt == "csv" else 0), 0)
        if fmt == "parquet":
            import pyarrow.parquet as pq

            return pq.ParquetFile(path).metadata.num_rows
        if fmt == "folder":
            return sum(1 for _ in Path(path).rglob("*.txt"))
    except (OSError, InputError, ValueError):
        return None
    return None
