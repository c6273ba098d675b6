"""`spine-extract extract`: reports in, one record per report out."""

from __future__ import annotations

import argparse
import hashlib
import itertools
import os
import sys
import time
from array import array
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import __version__
from ..io import (
    CheckpointWriter,
    InputDigest,
    InputRow,
    encode_line,
    estimate_total,
    file_digest,
    finish_output,
    input_format,
    open_input,
    output_format,
    output_paths,
    partial_paths,
    read_state,
    remove_stale_tables,
    resume,
)
from ..io.checkpoint import STATE_VERSION
from ..schema import FINDING_TYPES
from .parser import EXIT_OK, EXIT_REPORT_ERRORS, UsageError

SMALL_RUN = 2_000  # inputs smaller than this run in one process unless -j is given


def check_model_choice(args: argparse.Namespace) -> None:
    """Refuse a bad model file before any work starts (validated completely,
    without scikit-learn)."""
    from ..review.modelfile import read_model_document

    if args.flag == "rule":
        if args.model:
            raise UsageError("--model goes with --flag model")
        return
    if args.model:
        read_model_document(args.model)


def check_lexicons(args: argparse.Namespace) -> None:
    if args.lexicons is not None:
        from ..lexicon import check_lexicon_dir

        check_lexicon_dir(args.lexicons)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def check_output(
    input_path: str, output: str, written: list[str] | None = None, layout: str = "contract"
) -> None:
    """The output can be written, and writing it (the files `written`, by
    default a run's outputs and its partial files) destroys no input."""
    if output == "-":
        return
    if written is None:
        partial, state_file = partial_paths(output)
        written = [*output_paths(output, layout), str(partial), str(state_file)]
    if input_path != "-" and not Path(input_path).is_dir():
        for path in written:
            if _same_file(input_path, path):
                raise UsageError(f"{output}: the output would overwrite the input {input_path}")
    folder = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(folder):
        raise UsageError(f"{output}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(f"{output}: cannot write in the folder {folder} (no permission)")
    for path in written:
        if os.path.isdir(path):
            raise UsageError(f"{path}: is a folder")


def run_options(args: argparse.Namespace) -> dict[str, Any]:
    """Everything that changes the output, for the resume check: the options,
    the package version, and the content of the rules and model in effect."""
    from ..lexicon import lexicon_digest

    model = None
    if args.flag == "model":
        if args.model:
            model = file_digest(args.model)
        else:
            from importlib import resources

            data = resources.files("extractor.models").joinpath("review_model.json").read_bytes()
            model = hashlib.sha256(data).hexdigest()
    return {
        "input": args.input
        if args.input == "-" or "://" in args.input
        else str(Path(args.input).resolve()),
        "query": args.query,
        "id_field": args.id_field,
        "text_field": args.text_field,
        "max_chars": args.max_chars,
        "format": args.format,
        "flag": args.flag,
        "model_sha256": model,
        "rules_sha256": lexicon_digest(args.lexicons),
        "version": __version__,
    }


class Tally:
    """Counts for the summary, from records as they are written."""

    def __init__(self) -> None:
        self.n = self.errors = self.flagged = 0
        self.by_type: Counter[str] = Counter()
        self._ids = array("Q")  # 64-bit hashes of the ids: 8 bytes a report

    def add(self, report_id: str | None, error: bool, flagged: bool, types: Any) -> None:
        self.n += 1
        self.errors += error
        self.flagged += flagged
        self.by_type.update(types)
        if report_id is not None:
            digest = hashlib.blake2b(
                report_id.encode("utf-8", "backslashreplace"), digest_size=8
            ).digest()
            self._ids.append(int.from_bytes(digest, "little"))

    def duplicate_ids(self) -> int:
        """Records whose id an earlier record already had."""
        ids = sorted(self._ids)
        return sum(1 for a, b in itertools.pairwise(ids) if a == b)


def run_extract(args: argparse.Namespace) -> int:
    from ..batch import BatchOptions, Progress, default_jobs, run_lines
    from ..io.sql import is_database_url

    db_in, db_out = is_database_url(args.input), is_database_url(args.output)
    if not db_in:
        input_format(args.input)
        if args.query:
            raise UsageError("--query is for a database input (a URL such as sqlite:///reports.db)")
    if not db_out:
        if args.format == "omop" and (args.output == "-" or output_format(args.output) == "jsonl"):
            raise UsageError(
                "--format omop writes a table: give -o OUT.csv, -o OUT.parquet or a database URL"
            )
        output_format(args.output)
    if args.max_chars < 1 or args.batch_size < 1 or (args.jobs is not None and args.jobs < 1):
        raise UsageError("--max-chars, --batch-size and --jobs must be positive")
    if args.output == "-" and args.resume:
        raise UsageError("--resume needs an output file (-o)")
    if args.resume and args.input == "-":
        raise UsageError("--resume cannot resume standard input")
    if not db_out:
        check_output(args.input if not db_in else "-", args.output, layout=args.format)
    check_model_choice(args)
    check_lexicons(args)
    rows: Iterator[InputRow]
    if db_in:
        from ..io.sql import sql_rows

        rows = sql_rows(args.input, args.query, id_field=args.id_field, text_field=args.text_field)
        total = None
    else:
        rows = open_input(args.input, id_field=args.id_field, text_field=args.text_field)
        total = estimate_total(args.input) if args.input != "-" else None
    jobs = args.jobs or default_jobs()
    if args.jobs is None and total is not None and total < SMALL_RUN:
        jobs = 1  # starting workers costs seconds; a small input is done sooner without
    options = BatchOptions(
        jobs=jobs,
        batch_size=args.batch_size,
        max_chars=args.max_chars,
        lexicons=args.lexicons,
        model="rule" if args.flag == "rule" else args.model,
    )
    started = time.perf_counter()
    tally = Tally()
    if db_out:
        return _run_to_database(args, rows, options, tally, started)
    if args.output == "-":
        lines = run_lines(rows, options)
        try:
            for line in lines:
                sys.stdout.buffer.write(encode_line(line.json))
                tally.add(line.id, line.error, line.flagged, line.positive_types)
            sys.stdout.flush()
        finally:
            lines.close()
        _report(tally, time.perf_counter() - started, args)
        return EXIT_REPORT_ERRORS if tally.errors else EXIT_OK

    partial, state_file = partial_paths(args.output)
    remove_stale_tables(args.output)
    options_now = run_options(args)
    state = {"version": STATE_VERSION, "options": options_now}
    digest = InputDigest()
    done_before = 0
    if args.resume and partial.exists() and state_file.exists():
        digest, rows, done_before = resume(partial, read_state(state_file), options_now, rows)
        _count_partial(partial, tally)
        if not args.quiet:
            print(f"resuming after {done_before:,} reports already in {partial}", file=sys.stderr)
    else:
        if partial.exists() and not args.quiet:
            print(
                f"starting over: {partial} from an earlier run is replaced (--resume continues it)",
                file=sys.stderr,
            )
        rows = digest.track(rows)
    progress = Progress(total, enabled=not args.quiet, already=done_before)
    writer = CheckpointWriter(
        partial, state_file if args.input != "-" else None, state, digest, append=done_before > 0
    )
    lines = run_lines(rows, options)
    try:
        for line in lines:
            writer.write(line.json)
            progress.update(line.error)
            tally.add(line.id, line.error, line.flagged, line.positive_types)
    finally:
        lines.close()
        writer.close()
        progress.finish()
    finish_output(partial, args.output, args.format)
    state_file.unlink(missing_ok=True)
    _report(tally, time.perf_counter() - started, args)
    return EXIT_REPORT_ERRORS if tally.errors else EXIT_OK


def _run_to_database(
    args: argparse.Namespace,
    rows: Iterator[InputRow],
    options: Any,
    tally: Tally,
    started: float,
) -> int:
    """Stream records into SQL tables, a transaction a batch; --resume goes on
    after the last report written."""
    from ..batch import Progress, run_lines
    from ..io.sql import SqlWriter

    writer = SqlWriter(args.output, prefix=args.table_prefix, layout=args.format)
    last, last_id = writer.prepare(args.resume)
    seq = 0
    if last:
        for row in rows:
            seq += 1
            if seq == last:
                if last_id is not None and row.id != last_id:
                    raise UsageError(
                        f"--resume: input row {seq} has id {row.id!r}, but {last_id!r} was "
                        "written for it; the query's rows or their order changed"
                    )
                break
        if seq < last:
            raise UsageError(f"--resume: the input has {seq} rows, {last} were written")
        if not args.quiet:
            print(f"resuming after {last:,} reports already written", file=sys.stderr)
    progress = Progress(None, enabled=not args.quiet, already=last)
    batch: list[tuple[int, Any]] = []
    lines = run_lines(rows, options)
    try:
        for line in lines:
            seq += 1
            batch.append((seq, line.record()))
            progress.update(line.error)
            tally.add(line.id, line.error, line.flagged, line.positive_types)
            if len(batch) >= DATABASE_BATCH:
                writer.write(batch)
                batch = []
    finally:
        lines.close()
        if batch:
            writer.write(batch)  # whole records only: a resumed run goes on after them
        progress.finish()
        writer.close()
    _report(tally, time.perf_counter() - started, args)
    return EXIT_REPORT_ERRORS if tally.errors else EXIT_OK


DATABASE_BATCH = 256  # records a transaction


def _count_partial(partial: Path, tally: Tally) -> None:
    """Count the records an interrupted run already wrote (resume)."""
    import json

    with open(partial, encoding="utf-8") as fh:
        for text in fh:
            record = json.loads(text)
            tally.add(
                record.get("id"),
                record.get("error") is not None,
                bool(record.get("needs_surgical_review")),
                [
                    f["type"]
                    for f in record.get("findings") or ()
                    if f.get("assertion") in ("present", "possible")
                ],
            )


def _report(tally: Tally, elapsed: float, args: argparse.Namespace) -> None:
    from ..io.sql import is_database_url

    rate = tally.n / elapsed if elapsed > 0 else 0.0
    duplicates = tally.duplicate_ids()
    line = (
        f"reports: {tally.n:,}   flagged for surgical review: {tally.flagged:,}   "
        f"errors: {tally.errors:,}   time: {elapsed:.2f} s ({rate:,.{0 if rate >= 10 else 1}f} reports/s)"
    )
    if duplicates:
        line += f"   duplicate ids: {duplicates:,}"
    lines = [line]
    if tally.n == 0:
        lines.insert(0, f"spine-extract: no reports in {args.input}")
    if not args.quiet:
        lines.append("present/possible findings by type:")
        lines += [f"  {t:28s} {tally.by_type.get(t, 0):6d}" for t in FINDING_TYPES]
        if args.output != "-" and is_database_url(args.output):
            names = ("note_nlp",) if args.format == "omop" else ("findings", "reports", "hardware")
            lines.append("written: tables " + ", ".join(args.table_prefix + n for n in names))
        elif args.output != "-":
            lines.append("written: " + ", ".join(output_paths(args.output, args.format)))
    print("\n".join(lines), file=sys.stderr)
