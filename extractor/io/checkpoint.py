"""Resumable output.

Records stream into `OUTPUT.partial.jsonl`, the checkpoint. Every sync
(about every two seconds) flushes it to disk and then rewrites the run
state `OUTPUT.partial.json` in one rename: the options that change output
(with the content hashes of the model and rule files), how many records are
safely on disk, and a running SHA-256 of the input rows those records came
from. `--resume` keeps exactly that many records, reads the same number of
rows again and checks their hash, so a resumed run continues only the same
input read the same way; the finished output replaces the partial file in
one rename.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..schema import ReportRecord
from .readers import InputRow
from .writers import TableWriter, encode_line, output_format, output_paths, temporary_path

STATE_VERSION = 2


def partial_paths(output: str) -> tuple[Path, Path]:
    """(records so far, run state) of an unfinished run writing `output`."""
    return Path(f"{output}.partial.jsonl"), Path(f"{output}.partial.json")


def remove_stale_tables(output: str) -> None:
    """Temporary table files a killed run left behind (they hold evidence text)."""
    for path in output_paths(output):
        if path != "-":
            Path(temporary_path(path)).unlink(missing_ok=True)


def file_digest(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _row_bytes(row: InputRow) -> bytes:
    return json.dumps([row.id, row.text, row.error, row.warning], ensure_ascii=False).encode(
        "utf-8", "backslashreplace"
    )


class InputDigest:
    """A running hash of the input rows whose records have been written.

    Records come back in input order, so the k-th record written belongs to
    the k-th row read; rows read but not yet written wait in a queue.
    """

    def __init__(self) -> None:
        self._hash = hashlib.sha256()
        self._pending: deque[bytes] = deque()
        self.count = 0

    def track(self, rows: Iterable[InputRow]) -> Iterator[InputRow]:
        for row in rows:
            self._pending.append(hashlib.sha256(_row_bytes(row)).digest())
            yield row

    def written(self) -> None:
        self._hash.update(self._pending.popleft())
        self.count += 1

    def hexdigest(self) -> str:
        return self._hash.hexdigest()


class ResumeError(Exception):
    """The partial output cannot be continued (a usage error)."""


def read_state(state_file: Path) -> dict[str, Any]:
    try:
        state = json.loads(state_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ResumeError(f"{state_file}: unreadable run state ({e})") from e
    if not isinstance(state, dict) or state.get("version") != STATE_VERSION:
        raise ResumeError(f"{state_file}: run state from another version")
    return state


def resume(
    partial: Path, state: dict[str, Any], options: dict[str, Any], rows: Iterator[InputRow]
) -> tuple[InputDigest, Iterator[InputRow], int]:
    """Check that `rows` start with what the interrupted run read, keep its
    records, and return (digest, the remaining rows, records kept)."""
    if state.get("options") != options:
        raise ResumeError(
            f"{partial} was written with other options, rules or model; "
            "remove it or run without --resume"
        )
    done = int(state.get("rows", 0))
    kept = keep_lines(partial, done)
    if kept < done:
        raise ResumeError(f"{partial} holds fewer records than its run state says")
    digest = InputDigest()
    tracked = digest.track(rows)
    for _ in range(done):
        if next(tracked, None) is None:
            raise ResumeError(f"the input is shorter than when {partial} was written")
        digest.written()
    if digest.hexdigest() != state.get("rows_sha256"):
        raise ResumeError(
            f"the input changed since {partial} was written; remove it or run without --resume"
        )
    return digest, tracked, done


def keep_lines(path: Path, n: int) -> int:
    """Keep the first `n` complete records of a partial file (fewer if it has
    fewer) and cut the rest, so appending continues cleanly."""
    count = 0
    good_end = 0
    with open(path, "rb+") as fh:
        offset = 0
        for line in fh:
            if count >= n or not line.endswith(b"\n"):
                break
            try:
                json.loads(line)
            except ValueError:
                break
            count += 1
            offset += len(line)
            good_end = offset
        fh.truncate(good_end)
    return count


class CheckpointWriter:
    """Appends JSON lines to the partial file; every `sync_every` seconds
    flushes them to disk and then records the run state."""

    def __init__(
        self,
        path: Path,
        state_file: Path | None,
        state: dict[str, Any],
        digest: InputDigest,
        *,
        append: bool,
        sync_every: float = 2.0,
    ) -> None:
        self.path = path
        self.state_file = state_file
        self.state = state
        self.digest = digest
        self._fh = open(path, "ab" if append else "wb")  # noqa: SIM115
        self._sync_every = sync_every
        self._last = time.monotonic()

    def write(self, line: str) -> None:
        """Append one record's JSON line."""
        self._fh.write(encode_line(line))
        self.digest.written()
        now = time.monotonic()
        if now - self._last >= self._sync_every:
            self.sync()
            self._last = now

    def sync(self) -> None:
        self._fh.flush()
        os.fsync(self._fh.fileno())
        if self.state_file is not None:
            state = {
                **self.state,
                "rows": self.digest.count,
                "rows_sha256": self.digest.hexdigest(),
            }
            tmp = self.state_file.with_name(self.state_file.name + ".tmp")
            tmp.write_text(json.dumps(state), encoding="utf-8")
            os.replace(tmp, self.state_file)

    def close(self) -> None:
        self.sync()
        self._fh.close()


def finish_output(partial: Path, output: str, layout: str = "contract") -> None:
    """Turn a complete partial file into the requested output, atomically."""
    if output_format(output) == "jsonl":
        os.replace(partial, output)
        return
    writer = TableWriter(output, layout)
    ok = False
    try:
        with open(partial, encoding="utf-8") as fh:
            writer.write(ReportRecord.from_dict(json.loads(line)) for line in fh)
        ok = True
    finally:
        writer.close(success=ok)
    partial.unlink()
