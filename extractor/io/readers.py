"""Reading reports from files without losing a row.

`open_input` checks the input as a whole at once (it exists, its format is
known, a table has its id and text columns) and raises `InputError` for what
makes the whole run impossible, before any report is processed. It then
yields one `InputRow` per input row, lazily and in input order, including
rows that cannot be used (bad JSON, a bad id, undecodable bytes, an
unterminated CSV quote, an unreadable Parquet page): those carry `error` and
become error records downstream, so every row gets exactly one record.

Ids (`coerce_id`): a string is taken as given; an integer (or a float with an
integral value, as pandas and Parquet store integer ids with gaps) becomes
its decimal digits; an empty string, null, a boolean, any other number, an
object or a list is refused with an error record.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import json
import math
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

INPUT_FORMATS = ("jsonl", "csv", "parquet", "txt", "folder", "stdin")
_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".txt": "txt"}
_BOM = codecs.BOM_UTF8
_MAX_SAFE_INTEGER = 2**53
_NAME_RE = re.compile(r"[\w.:/()#-]+(?: [\w.:/()#-]+){0,2}")  # a column name, not a sentence


class InputError(Exception):
    """The input as a whole cannot be read (usage error, exit status 2)."""


@dataclass(frozen=True)
class InputRow:
    id: str | None
    text: str | None
    error: str | None = None  # the row cannot be processed: an error record
    warning: str | None = None  # processed, but the record carries this as its error


def input_format(path: str) -> str:
    """The format of an input path; `.gz` is read through gzip."""
    if path == "-":
        return "stdin"
    p = Path(path)
    if p.is_dir():
        return "folder"
    suffixes = [s.lower() for s in p.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
        if suffixes and suffixes[-1] in (".jsonl", ".ndjson", ".csv"):
            return _SUFFIXES[suffixes[-1]]
    elif suffixes and suffixes[-1] in _SUFFIXES:
        return _SUFFIXES[suffixes[-1]]
    elif suffixes and suffixes[-1] in (".parquet", ".pq"):
        return "parquet"
    shown = "".join(p.suffixes[-2:]) or "(none)"
    raise InputError(
        f"{path}: unknown input format {shown!r}; use .jsonl, .csv (either may be .gz), "
        ".parquet, .txt, a folder of .txt files or -"
    )


def coerce_id(value: Any) -> tuple[str | None, str | None]:
    """(id, None) for a usable id, else (None, why not)."""
    if isinstance(value, str):
        return (value, None) if value.strip() else (None, "missing id (empty)")
    if value is None:
        return None, "missing id"
    if isinstance(value, bool):
        return None, "id is a boolean; ids must be strings or integers"
    if isinstance(value, int):
        return str(value), None
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < _MAX_SAFE_INTEGER:
            return str(int(value)), None
        return None, f"id is the number {value!r}; ids must be strings or integers"
    return None, f"id is a {_kind(value)}; ids must be strings or integers"


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "JSON object"
    if isinstance(value, list):
        return "JSON array"
    return type(value).__name__


def open_input(
    path: str, *, id_field: str = "id", text_field: str = "text", max_chars: int | None = None
) -> Iterator[InputRow]:
    """Check the input as a whole now (InputError), then stream its rows."""
    fmt = input_format(path)
    if fmt == "stdin":
        return _jsonl_rows(sys.stdin.buffer, id_field, text_field)
    if fmt == "folder":
        if not os.access(path, os.R_OK | os.X_OK):
            raise InputError(f"{path}: cannot read the folder (no permission)")
        return _folder_rows(Path(path))
    try:
        info = os.stat(path)
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror})") from e
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path}: is a folder")
    if fmt == "parquet":
        return _parquet_rows(path, id_field, text_field)
    if fmt == "txt":
        return _txt_rows(path)
    fh = _open_binary(path)
    if fmt == "jsonl":
        return _closing(fh, _jsonl_rows(fh, id_field, text_field))
    try:
        return _closing(fh, _csv_rows(fh, path, id_field, text_field))
    except BaseException:
        fh.close()
        raise


def _open_binary(path: str) -> IO[bytes]:
    try:
        if path.lower().endswith(".gz"):
            fh: IO[bytes] = gzip.open(path, "rb")  # type: ignore[assignment]  # noqa: SIM115
            fh.peek(1)  # type: ignore[attr-defined]  # a file that is not gzip fails here
            return fh
        return open(path, "rb")
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from e
    except EOFError as e:
        raise InputError(f"{path}: cannot read (truncated gzip file)") from e


def _closing(fh: IO[bytes], rows: Iterator[InputRow]) -> Iterator[InputRow]:
    with fh:
        try:
            yield from rows
        except (OSError, EOFError) as e:
            # a gzip stream that breaks off: what follows cannot be counted
            raise InputError(f"input unreadable after the rows read so far ({e})") from e


# -- JSON lines ---------------------------------------------------------------


def _row_from_mapping(data: Any, id_field: str, text_field: str, where: str) -> InputRow:
    if not isinstance(data, dict):
        return InputRow(None, None, f"{where}: expected a JSON object")
    rid, problem = coerce_id(data.get(id_field))
    if problem is not None:
        if id_field not in data:
            problem = f"missing id field {id_field!r}"
        return InputRow(None, None, f"{where}: {problem}")
    text = data.get(text_field)
    if text_field not in data or text is None:
        return InputRow(rid, None, f"{where}: missing text field {text_field!r}")
    if not isinstance(text, str):
        return InputRow(rid, None, f"{where}: text field {text_field!r} is not a string")
    return InputRow(rid, text)


def _decode(raw: bytes, where: str) -> tuple[str, str | None]:
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        warning = f"{where}: not valid UTF-8; decoded with replacement characters (U+FFFD)"
        return raw.decode("utf-8", errors="replace"), warning


def _jsonl_rows(fh: IO[bytes], id_field: str, text_field: str) -> Iterator[InputRow]:
    for n, raw in enumerate(fh, 1):
        if n == 1 and raw.startswith(_BOM):
            raw = raw[len(_BOM) :]
        if not raw.strip():
            continue
        where = f"line {n}"
        line, warning = _decode(raw, where)
        try:
            data = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputRow(None, None, f"{where}: invalid JSON ({e.msg})")
            continue
        except (ValueError, RecursionError) as e:  # 5,000-digit numbers, deep nesting
            yield InputRow(None, None, f"{where}: unreadable JSON ({type(e).__name__})")
            continue
        row = _row_from_mapping(data, id_field, text_field, where)
        yield row if warning is None or row.error else InputRow(row.id, row.text, None, warning)


# -- CSV ----------------------------------------------------------------------


class _Lines:
    """Decoded physical lines for the csv module, remembering which lines the
    current row took, so a row that swallowed the rest of the file (an
    unterminated quote) can be undone and its lines read again."""

    def __init__(self, fh: IO[bytes]) -> None:
        self._fh = fh
        self._pushed: list[tuple[int, str, bool]] = []
        self.number = 0
        self.taken: list[tuple[int, str, bool]] = []  # (line number, text, bad UTF-8)
        self.exhausted = False

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self._pushed:
            item = self._pushed.pop()
        else:
            raw = self._fh.readline()
            if not raw:
                self.exhausted = True
                raise StopIteration
            self.number += 1
            if self.number == 1 and raw.startswith(_BOM):
                raw = raw[len(_BOM) :]
            try:
                item = (self.number, raw.decode("utf-8"), False)
            except UnicodeDecodeError:
                item = (self.number, raw.decode("utf-8", errors="replace"), True)
        self.taken.append(item)
        return item[1]

    def push_back(self, items: list[tuple[int, str, bool]]) -> None:
        self._pushed.extend(reversed(items))
        self.exhausted = False


def _unterminated(lines: list[str]) -> bool:
    """Whether these lines are not one well-formed row when read strictly."""
    try:
        for _ in csv.reader(lines, strict=True):
            pass
    except csv.Error:
        return True
    return False


def _column_list(header: list[str]) -> str:
    """The header's column names, unless it does not look like a header (a
    headerless file's first row is report text, which must not be printed)."""
    if header and all(len(h) <= 32 and _NAME_RE.fullmatch(h.strip() or "x") for h in header):
        return f"columns: {header}"
    return "its first row does not look like a header"


def _csv_rows(fh: IO[bytes], path: str, id_field: str, text_field: str) -> Iterator[InputRow]:
    csv.field_size_limit(1 << 30)
    lines = _Lines(fh)
    reader: Any = csv.reader(lines)
    try:
        header = next(reader)
    except StopIteration:
        return iter(())
    except csv.Error as e:
        raise InputError(f"{path}: not a readable CSV header ({e})") from e
    missing = [c for c in (id_field, text_field) if c not in header]
    if missing:
        raise InputError(
            f"{path}: CSV has no column {missing[0]!r} ({_column_list(header)}); "
            "name the columns with --id-field and --text-field"
        )
    return _csv_data_rows(lines, reader, header, header.index(id_field), header.index(text_field))


def _csv_data_rows(
    lines: _Lines, reader: Any, header: list[str], id_i: int, text_i: int
) -> Iterator[InputRow]:
    n = 0
    while True:
        lines.taken = []
        error: str | None = None
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            row, error = None, str(e)
        else:
            taken = lines.taken
            if len(taken) > 1 and _unterminated([t for _, t, _ in taken]):
                # a quoted field over several lines that is not well formed
                # read strictly: a quote left open swallowed the rows after it
                error = "a quote is opened and not closed where the row ends"
        if row is not None and not row and error is None:
            continue  # a blank line
        n += 1
        taken = lines.taken
        where = f"row {n} (line {taken[0][0]})" if taken else f"row {n}"
        if error is not None:
            # this row swallowed the lines after it: read them again as rows
            lines.push_back(taken[1:])
            reader = csv.reader(lines)
            yield InputRow(None, None, f"{where}: unreadable CSV row ({error})")
            continue
        assert row is not None
        rid, problem = coerce_id(row[id_i] if id_i < len(row) else None)
        if len(row) != len(header):
            yield InputRow(rid, None, f"{where}: {len(row)} fields, header has {len(header)}")
        elif problem is not None:
            yield InputRow(None, None, f"{where}: {problem}")
        elif any(bad for _, _, bad in taken):
            warning = f"{where}: not valid UTF-8; decoded with replacement characters (U+FFFD)"
            yield InputRow(rid, row[text_i], None, warning)
        else:
            yield InputRow(rid, row[text_i])


# -- Parquet ------------------------------------------------------------------


def _parquet_rows(path: str, id_field: str, text_field: str) -> Iterator[InputRow]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as e:
        raise InputError(f"{path}: not a readable Parquet file ({e})") from e
    names = pf.schema_arrow.names
    missing = [c for c in (id_field, text_field) if c not in names]
    if missing:
        raise InputError(
            f"{path}: Parquet file has no column {missing[0]!r} (columns: {names}); "
            "name the columns with --id-field and --text-field"
        )
    return _parquet_data_rows(pf, id_field, text_field)


def _parquet_data_rows(pf: Any, id_field: str, text_field: str) -> Iterator[InputRow]:
    n = 0
    for group in range(pf.num_row_groups):
        expected = pf.metadata.row_group(group).num_rows
        done = 0
        try:
            for batch in pf.iter_batches(
                row_groups=[group], columns=[id_field, text_field], batch_size=1024
            ):
                data = batch.to_pydict()
                for i in range(batch.num_rows):
                    n += 1
                    done += 1
                    yield _row_from_mapping(
                        {id_field: data[id_field][i], text_field: data[text_field][i]},
                        id_field,
                        text_field,
                        f"row {n}",
                    )
        except Exception as e:  # a corrupt page: its rows get error records
            reason = " ".join(str(e).split())[:200]
            for _ in range(expected - done):
                n += 1
                yield InputRow(None, None, f"row {n}: unreadable Parquet data ({reason})")


# -- text files -----------------------------------------------------------------


def _read_text_file(path: Path, rid: str) -> InputRow:
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return InputRow(rid, None, "not a regular file")
        data = path.read_bytes()
    except OSError as e:
        return InputRow(rid, None, f"cannot read ({e.strerror})")
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    text, warning = _decode(data, "file")
    return InputRow(rid, text, None, warning)


def _txt_rows(path: str) -> Iterator[InputRow]:
    yield _read_text_file(Path(path), Path(path).name)


def _folder_rows(folder: Path) -> Iterator[InputRow]:
    """Every *.txt below `folder` in sorted order; an unreadable subfolder
    gets an error record (its files cannot even be counted)."""
    unreadable: list[OSError] = []
    on_error: Callable[[OSError], None] = unreadable.append
    for top, dirs, files in os.walk(folder, onerror=on_error):
        dirs.sort()
        while unreadable:
            e = unreadable.pop(0)
            rel = Path(e.filename).relative_to(folder).as_posix() + "/"
            yield InputRow(
                rel, None, f"cannot read folder {rel} ({e.strerror}); its files are not read"
            )
        for name in sorted(files):
            if name.endswith(".txt"):
                path = Path(top) / name
                yield _read_text_file(path, path.relative_to(folder).as_posix())
    while unreadable:
        e = unreadable.pop(0)
        rel = Path(e.filename).relative_to(folder).as_posix() + "/"
        yield InputRow(
            rel, None, f"cannot read folder {rel} ({e.strerror}); its files are not read"
        )


def estimate_total(path: str) -> int | None:
    """How many rows an input holds, cheaply, for a progress bar (None: unknown)."""
    try:
        fmt = input_format(path)
        if fmt in ("jsonl", "csv") and not path.lower().endswith(".gz"):
            n = 0
            with open(path, "rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    n += block.count(b"\n")
            return max(n - (1 if fmt == "csv" else 0), 0)
        if fmt == "parquet":
            import pyarrow.parquet as pq

            return int(pq.ParquetFile(path).metadata.num_rows)
        if fmt == "txt":
            return 1
        if fmt == "folder":
            return sum(1 for _ in Path(path).rglob("*.txt"))
    except (OSError, InputError, ValueError):
        return None
    except Exception:  # a corrupt Parquet footer: the reader will say so
        return None
    return None
