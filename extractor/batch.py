"""Batch runs: streaming, parallel, in input order, surviving dead workers.

`run_records` turns a stream of input rows into a stream of records, in the
input's order, with memory bounded by a small window of chunks in flight:

* `jobs=1` runs in this process; `jobs>1` runs chunks in worker processes,
  each building the pipeline (and review model) once;
* a worker process that dies (a crash in native code, the OOM killer, a
  stray kill) does not end the run: the chunks in flight are retried, the
  failed one report by report in fresh workers, and only a report that kills
  a worker twice gets an error record;
* workers die with the main process (even after `kill -9` of it), and ignore
  Ctrl-C, which the main process handles;
* the pipeline is rebuilt every `recycle_after` reports so that spaCy's
  string store, which grows with every new word, stays bounded.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, TextIO

from .io import InputRow, record_json
from .schema import ReportRecord

# Test hook: a worker exits abruptly on a report containing this text, to
# exercise worker-death handling. Unset in normal use.
CRASH_ENV = "SPINE_EXTRACTOR_CRASH_ON"


# (id, text, error, warning) of an input row, as sent to a worker
_Row = tuple[str | None, str | None, str | None, str | None]


@dataclass(frozen=True)
class Line:
    """A record as it travels back from a worker: its JSON line and what the
    main process needs for its counts (so it never decodes the JSON)."""

    json: str
    id: str | None
    error: bool
    flagged: bool
    positive_types: tuple[str, ...]

    @classmethod
    def of(cls, record: ReportRecord) -> Line:
        return cls(
            record_json(record),
            record.id,
            record.error is not None,
            bool(record.needs_surgical_review),
            tuple(f.type for f in record.findings if f.is_positive),
        )

    def record(self) -> ReportRecord:
        import json

        return ReportRecord.from_dict(json.loads(self.json))


@dataclass(frozen=True)
class BatchOptions:
    jobs: int = 1
    chunk_size: int = 128
    batch_size: int = 64
    max_chars: int = 200_000
    lexicons: str | None = None
    model: str | None = None  # None: packaged model; "rule"; or a model file path
    recycle_after: int = 50_000


def default_jobs() -> int:
    return max(
        1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    )


# --------------------------------------------------------------------------
# The work itself (in this process or a worker)
# --------------------------------------------------------------------------


class _Extractor:
    """Pipeline and review model for one process, rebuilt now and then."""

    def __init__(self, options: BatchOptions) -> None:
        self.options = options
        self.crash_on = os.environ.get(CRASH_ENV) or None
        self._nlp: Any = None
        self._model: Any = None
        self._done = 0

    def _ensure(self) -> None:
        if self._nlp is None or self._done >= self.options.recycle_after:
            from .api import resolve_model
            from .pipeline import build_nlp

            self._nlp = build_nlp(self.options.lexicons)
            self._model = resolve_model(self.options.model)
            self._done = 0

    def records(self, rows: list[_Row]) -> list[ReportRecord]:
        from .api import extract_many

        self._ensure()
        if self.crash_on and any(text and self.crash_on in text for _, text, _, _ in rows):
            os._exit(70)
        good = [(rid, text) for rid, text, error, _ in rows if error is None]
        done = iter(
            extract_many(
                good,
                nlp=self._nlp,
                batch_size=self.options.batch_size,
                max_chars=self.options.max_chars,
                model=self._model if self._model is not None else "rule",
            )
        )
        self._done += len(rows)
        out = []
        for rid, _text, error, warning in rows:
            if error is not None:
                out.append(ReportRecord.failed(rid, error))
                continue
            record = next(done)
            if warning is not None and record.error is None:
                record.error = warning  # processed, and flagged
            out.append(record)
        return out


_WORKER: _Extractor | None = None


def _die_with_parent() -> None:
    """End this worker when the main process ends, however it ends."""
    import signal
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass

    def watch() -> None:  # elsewhere, and in case the parent died before prctl
        while True:
            if os.getppid() != parent:
                os._exit(1)
            time.sleep(1.0)

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()


def _init_worker(options: BatchOptions) -> None:
    global _WORKER
    _die_with_parent()
    _WORKER = _Extractor(options)
    _WORKER._ensure()  # build once, before the first chunk arrives


def _work(rows: list[_Row]) -> list[Line]:
    assert _WORKER is not None
    return [Line.of(r) for r in _WORKER.records(rows)]


# --------------------------------------------------------------------------
# Running
# --------------------------------------------------------------------------


def _chunks(rows: Iterable[InputRow], size: int) -> Iterator[list[_Row]]:
    chunk: list[_Row] = []
    for row in rows:
        chunk.append((row.id, row.text, row.error, row.warning))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_lines(rows: Iterable[InputRow], options: BatchOptions) -> Generator[Line, None, None]:
    """Records for `rows` as JSON lines, one per row, in input order."""
    if options.jobs <= 1:
        local = _Extractor(options)
        for chunk in _chunks(rows, options.chunk_size):
            for record in local.records(chunk):
                yield Line.of(record)
        return
    pool = _Pool(options)
    finished = False
    try:
        yield from pool.run(_chunks(rows, options.chunk_size))
        finished = True
    finally:
        pool.close(abort=not finished)


def run_records(rows: Iterable[InputRow], options: BatchOptions) -> Iterator[ReportRecord]:
    """Records for `rows`, one per row, in input order."""
    for line in run_lines(rows, options):
        yield line.record()


class _Pool:
    """A process pool that keeps going when a worker dies."""

    def __init__(self, options: BatchOptions) -> None:
        self.options = options
        self.window = 2 * options.jobs
        self.executor = self._new_executor()

    def _new_executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.options.jobs,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(self.options,),
        )

    def close(self, *, abort: bool = False) -> None:
        if abort:  # interrupted: stop the workers now, not after their chunks
            for process in list(getattr(self.executor, "_processes", {}).values()):
                process.kill()
        self.executor.shutdown(wait=True, cancel_futures=True)

    def _restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._new_executor()

    def run(self, chunks: Iterator[list[Any]]) -> Iterator[Line]:
        pending: deque[tuple[list[Any], Future[list[Line]]]] = deque()
        for chunk in chunks:
            pending.append((chunk, self.executor.submit(_work, chunk)))
            while len(pending) >= self.window:
                yield from self._collect(pending)
        while pending:
            yield from self._collect(pending)

    def _collect(self, pending: deque[tuple[list[Any], Future[list[Line]]]]) -> Iterator[Line]:
        chunk, future = pending.popleft()
        try:
            records = future.result()
        except BrokenProcessPool:
            # every chunk still in flight was lost with the pool: find the
            # report that kills a worker, then resubmit the others
            self._restart()
            records = self._one_by_one(chunk)
            for i, (other, _f) in enumerate(list(pending)):
                pending[i] = (other, self.executor.submit(_work, other))
        yield from records

    def _one_by_one(self, chunk: list[Any]) -> list[Line]:
        """The chunk report by report; a report whose worker dies is tried once
        more in a fresh one, so a stray kill costs nothing and only a report
        that kills its worker twice gets an error record."""
        out = []
        for row in chunk:
            for attempt in (1, 2):
                try:
                    out.extend(self.executor.submit(_work, [row]).result())
                    break
                except BrokenProcessPool:
                    self._restart()
                    if attempt == 2:
                        message = "a worker process died twice while processing this report"
                        out.append(Line.of(ReportRecord.failed(row[0], message)))
        return out


# --------------------------------------------------------------------------
# Progress on a terminal
# --------------------------------------------------------------------------


class Progress:
    """A tqdm progress bar on a terminal: reports done, rate, time left, errors.

    Off when `enabled` is false or the stream is not a terminal; the stream is
    looked up when the bar starts, not when this module is imported.
    """

    def __init__(
        self,
        total: int | None,
        *,
        stream: TextIO | None = None,
        enabled: bool = True,
        already: int = 0,
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled and getattr(self.stream, "isatty", lambda: False)()
        self.errors = 0
        self.done = 0
        self._bar: Any = None
        if self.enabled:
            from tqdm import tqdm

            self._bar = tqdm(
                total=total,
                initial=already,
                unit=" reports",
                file=self.stream,
                dynamic_ncols=True,
                smoothing=0.05,
                mininterval=0.25,
                postfix={"errors": 0},
            )

    def update(self, error: bool) -> None:
        self.done += 1
        if error:
            self.errors += 1
            if self._bar is not None:
                self._bar.set_postfix(errors=self.errors, refresh=False)
        if self._bar is not None:
            self._bar.update(1)

    def finish(self) -> None:
        if self._bar is not None:
            self._bar.close()
