"""`spine-extract`: a thin command line over the Python API.

Exit status: 0 all reports processed; 1 the run finished but some reports
got an error record (or, for validate-gold, the gold has problems); 2 usage
error (unreadable input, unknown format, bad option), with a one-line message.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

from . import __version__
from .batch import default_jobs
from .io import InputError, InputRow, input_format, output_format, read_rows
from .modelfile import ModelError
from .schema import FINDING_TYPES, MAX_CHARS, ReportRecord

EXIT_OK = 0
EXIT_REPORT_ERRORS = 1
EXIT_USAGE = 2
SMALL_RUN = 2_000  # inputs smaller than this run in one process unless -j is given


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="spine-extract",
        description="Structured spinal hardware failure findings from spine imaging reports.",
        epilog="Exit status: 0 ok; 1 some reports got an error record (or gold problems); 2 usage error.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    ex = sub.add_parser(
        "extract",
        help="extract findings from reports",
        description=(
            "Extract findings from reports. INPUT is .jsonl (one JSON object a line), .csv, "
            ".parquet, a folder of .txt files (id = path relative to the folder) or - (JSON lines "
            "on stdin). OUTPUT .jsonl gets one contract record per report in input order; .csv and "
            ".parquet get one row per finding, plus a sibling OUTPUT-stem.reports table with one "
            "row per report. Every input row gets exactly one record; rows that cannot be "
            "processed get a record with 'error' set."
        ),
        epilog="Exit status: 0 ok; 1 some reports got an error record; 2 usage error.",
    )
    ex.add_argument("input", metavar="INPUT")
    ex.add_argument(
        "-o",
        "--output",
        default="-",
        metavar="OUTPUT",
        help="output file (.jsonl, .csv, .parquet) or - for JSON lines on stdout (default)",
    )
    _add_field_options(ex)
    ex.add_argument(
        "--lexicons",
        metavar="DIR",
        default=None,
        help="folder with rule files replacing the packaged ones (any of target_rules.json, "
        "context_rules.json, section_rules.json, finding_types.json)",
    )
    ex.add_argument(
        "--max-chars",
        type=int,
        default=MAX_CHARS,
        help=f"longest report accepted, in characters (default: {MAX_CHARS:,})",
    )
    ex.add_argument(
        "--batch-size", type=int, default=64, help="reports per spaCy batch (default: 64)"
    )
    _add_review_options(ex)
    ex.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=None,
        help="worker processes (default: all cores); output order is input order either way",
    )
    ex.add_argument(
        "--resume",
        action="store_true",
        help="continue an interrupted run from OUTPUT.partial.jsonl (same input and options)",
    )
    ex.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar and a one-line summary"
    )

    ev = sub.add_parser(
        "evaluate",
        help="score the extractor (or predictions) against gold",
        description=(
            "Score against gold annotations per the contract: positive-atom precision/recall/F1 "
            "(micro and per type), assertion agreement, size within 0.5 mm, review sensitivity, "
            "specificity and AUROC. GOLD is a gold .jsonl file or the corpus folder."
        ),
    )
    ev.add_argument("gold", metavar="GOLD")
    ev.add_argument(
        "--split",
        action="append",
        choices=["train", "dev", "test"],
        help="with a corpus folder: split(s) to score (default: dev)",
    )
    ev.add_argument(
        "--pred", metavar="PRED.jsonl", help="score these records instead of running the pipeline"
    )
    ev.add_argument(
        "--lexicons",
        metavar="DIR",
        default=None,
        help="rule folder to evaluate instead of the packaged rules",
    )
    ev.add_argument(
        "--errors",
        action="store_true",
        help="list false positives and negatives with their evidence",
    )
    ev.add_argument(
        "--model",
        metavar="MODEL.json",
        default=None,
        help="review model scored next to the contract rule (default: the packaged model)",
    )
    ev.add_argument("--json", action="store_true", help="print the metrics as JSON")

    tr = sub.add_parser(
        "train",
        help="train a surgical-review model on labelled reports",
        description=(
            "Train the review classifier on LABELED: .jsonl, .csv or .parquet with report text and a "
            "0/1 label, or gold corpus files (the folder or a split file; the label is "
            "needs_surgical_review). Prints cross-validated AUROC, sensitivity and specificity at "
            "the chosen threshold next to the contract rule, and writes MODEL.json plus its model "
            "card MODEL.md. Training is deterministic: the same data gives the same file."
        ),
    )
    tr.add_argument("labeled", metavar="LABELED")
    tr.add_argument(
        "-o", "--output", required=True, metavar="MODEL.json", help="the model file to write"
    )
    _add_field_options(tr)
    tr.add_argument(
        "--label-field",
        default=None,
        help="name of the 0/1 label field (default: label, or needs_surgical_review for gold files)",
    )
    tr.add_argument(
        "--split",
        action="append",
        choices=["train", "dev", "test"],
        help="with a corpus folder: split(s) to train on (default: train)",
    )

    rp = sub.add_parser(
        "render",
        help="write an HTML review page for one report or a batch",
        description=(
            "Write a self-contained HTML page: each report's text with its findings highlighted "
            "by type and assertion (tooltips give levels, side, size and rule id), a findings "
            "table, the review flag with probability and reasons, and a spine diagram. INPUT is "
            "a single .txt report, or any input 'extract' reads (one page with a report list)."
        ),
    )
    rp.add_argument("input", metavar="INPUT")
    rp.add_argument(
        "-o", "--output", required=True, metavar="OUT.html", help="the HTML page to write"
    )
    _add_field_options(rp)
    rp.add_argument(
        "--limit", type=int, default=500, help="most reports on one page (default: 500)"
    )
    _add_review_options(rp)

    va = sub.add_parser(
        "validate-gold",
        help="check gold annotations against the contract",
        description="Check a gold .jsonl file or corpus folder: fields, vocabularies, offsets, ids, review labels.",
    )
    va.add_argument("gold", metavar="GOLD")
    return parser


def _add_field_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--id-field", default="id", help="name of the id field or column (default: id)"
    )
    parser.add_argument(
        "--text-field", default="text", help="name of the text field or column (default: text)"
    )


def _add_review_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--flag",
        choices=["model", "rule"],
        default="model",
        help="how needs_surgical_review is decided: the review classifier (default) or the contract's rule",
    )
    parser.add_argument(
        "--model",
        metavar="MODEL.json",
        default=None,
        help="a review model trained with 'spine-extract train' (default: the packaged model)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return EXIT_USAGE
        if args.command == "extract":
            return run_extract(args)
        if args.command == "evaluate":
            return run_evaluate(args)
        if args.command == "train":
            return run_train(args)
        if args.command == "render":
            return run_render(args)
        return run_validate(args)
    except (UsageError, InputError, ModelError) as e:
        print(f"spine-extract: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("spine-extract: interrupted", file=sys.stderr)
        return 130


def _check_model_choice(args: argparse.Namespace) -> None:
    """Refuse a bad model file before any work starts (without loading it)."""
    from .modelfile import read_model_document

    if args.flag == "rule":
        if args.model:
            raise UsageError("--model goes with --flag model")
        return
    if args.model:
        read_model_document(args.model)


def run_extract(args: argparse.Namespace) -> int:
    from .batch import BatchOptions, Progress, run_lines
    from .io import (
        CheckpointWriter,
        complete_lines,
        estimate_total,
        finish_output,
        partial_paths,
        run_state,
    )

    input_format(args.input)
    output_format(args.output)
    _check_model_choice(args)
    if args.max_chars < 1 or args.batch_size < 1 or (args.jobs is not None and args.jobs < 1):
        raise UsageError("--max-chars, --batch-size and --jobs must be positive")
    if args.output == "-" and args.resume:
        raise UsageError("--resume needs an output file (-o)")
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
    rows: Iterator[InputRow] = read_rows(
        args.input, id_field=args.id_field, text_field=args.text_field
    )
    started = time.perf_counter()
    if args.output == "-":
        return _extract_to_stdout(rows, options, args, started)

    partial, state_file = partial_paths(args.output)
    state = None
    if args.input != "-":
        state = run_state(
            args.input,
            {
                "id_field": args.id_field,
                "text_field": args.text_field,
                "lexicons": args.lexicons,
                "flag": args.flag,
                "model": args.model,
                "max_chars": args.max_chars,
            },
        )
    done_before = 0
    if args.resume and partial.exists() and state_file.exists():
        if json.loads(state_file.read_text(encoding="utf-8")) != state:
            raise UsageError(
                f"{partial} was written from another input or with other options; "
                "remove it or run without --resume"
            )
        done_before = complete_lines(partial)
        rows = _skip(rows, done_before)
        if not args.quiet:
            print(f"resuming after {done_before:,} reports already in {partial}", file=sys.stderr)
    elif args.resume and args.input == "-":
        raise UsageError("--resume cannot resume standard input")
    else:
        if partial.exists() and not args.quiet:
            print(
                f"starting over: {partial} from an earlier run is replaced (--resume continues it)",
                file=sys.stderr,
            )
        if state is not None:
            state_file.write_text(json.dumps(state), encoding="utf-8")
    progress = Progress(total, enabled=not args.quiet, already=done_before)
    writer = CheckpointWriter(partial, append=done_before > 0)
    tally = _Tally()
    try:
        for line in run_lines(rows, options):
            writer.write(line.json)
            progress.update(line.error)
            tally.add(line)
    finally:
        writer.close()
        progress.finish()
    finish_output(partial, args.output)
    state_file.unlink(missing_ok=True)
    elapsed = time.perf_counter() - started
    if done_before:
        tally.recount(args.output)
    _report(tally, elapsed, args)
    return EXIT_REPORT_ERRORS if tally.errors else EXIT_OK


def _skip(rows: Iterator[InputRow], n: int) -> Iterator[InputRow]:
    for i, row in enumerate(rows):
        if i >= n:
            yield row


def _extract_to_stdout(
    rows: Iterator[InputRow], options: Any, args: argparse.Namespace, started: float
) -> int:
    from .batch import run_lines

    tally = _Tally()
    for line in run_lines(rows, options):
        sys.stdout.write(line.json + "\n")
        tally.add(line)
    sys.stdout.flush()
    _report(tally, time.perf_counter() - started, args)
    return EXIT_REPORT_ERRORS if tally.errors else EXIT_OK


class _Tally:
    def __init__(self) -> None:
        self.n = self.errors = self.flagged = 0
        self.by_type: Counter[str] = Counter()

    def add(self, line: Any) -> None:
        self.n += 1
        self.errors += line.error
        self.flagged += line.flagged
        self.by_type.update(line.positive_types)

    def recount(self, output: str) -> None:
        """After a resume, count the whole output, not just this run's part."""
        if output_format(output) != "jsonl":
            return
        from .batch import Line

        self.__init__()  # type: ignore[misc]
        with open(output, encoding="utf-8") as fh:
            for text in fh:
                self.add(Line.of(ReportRecord.from_dict(json.loads(text))))


def _report(tally: _Tally, elapsed: float, args: argparse.Namespace) -> None:
    rate = tally.n / elapsed if elapsed > 0 else 0.0
    line = (
        f"reports: {tally.n}   flagged for surgical review: {tally.flagged}   errors: {tally.errors}   "
        f"time: {elapsed:.2f} s ({rate:,.0f} reports/s)"
    )
    if args.quiet:
        print(line, file=sys.stderr)  # the one summary line is always printed
        return
    print(
        _summary(tally.n, tally.by_type, tally.flagged, tally.errors, elapsed, args.output),
        file=sys.stderr,
    )


def _summary(
    n: int, by_type: Counter[str], flagged: int, errors: int, elapsed: float, output: str
) -> str:
    rate = n / elapsed if elapsed > 0 else 0.0
    lines = [
        f"reports: {n}   flagged for surgical review: {flagged}   errors: {errors}   "
        f"time: {elapsed:.2f} s ({rate:,.0f} reports/s)",
        "present/possible findings by type:",
    ]
    for t in FINDING_TYPES:
        lines.append(f"  {t:28s} {by_type.get(t, 0):6d}")
    if output != "-":
        lines.append(f"written: {output}")
    return "\n".join(lines)


def run_evaluate(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .api import extract_many, resolve_model
    from .evaluate import evaluate, format_evaluation
    from .gold import load_gold
    from .pipeline import shared_nlp

    path = Path(args.gold)
    if not path.exists():
        raise InputError(f"{args.gold}: no such file or folder")
    splits = args.split or (["dev"] if path.is_dir() else None)
    try:
        gold = load_gold(path, splits)
    except (ValueError, KeyError) as e:
        raise InputError(f"{args.gold}: cannot read gold ({e})") from e
    if not gold:
        raise InputError(f"{args.gold}: no gold reports found")
    if args.pred:
        predictions = {}
        try:
            with open(args.pred, encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        rec = ReportRecord.from_dict(json.loads(line))
                        predictions[str(rec.id)] = rec
        except (OSError, ValueError, KeyError) as e:
            raise InputError(f"{args.pred}: cannot read predictions ({e})") from e
    else:
        nlp = shared_nlp(args.lexicons)
        model = resolve_model(args.model)
        predictions = {
            r.id: r for r in extract_many(((g.id, g.text) for g in gold), nlp=nlp, model=model)
        }
    result = evaluate(gold, predictions)
    if args.json:
        print(json.dumps(result.to_dict(with_errors=args.errors), indent=2))
    else:
        title = f"gold: {args.gold}" + (f" (split: {', '.join(splits)})" if splits else "")
        print(format_evaluation(result, show_errors=args.errors, title=title))
    return EXIT_OK


def _labeled_rows(args: argparse.Namespace) -> tuple[list[str], list[int], str, int]:
    """(texts, labels, description, skipped) from a labelled file or gold corpus."""
    from pathlib import Path

    import pandas as pd

    from .api import text_problem
    from .gold import load_gold

    path = Path(args.labeled)
    if not path.exists():
        raise InputError(f"{args.labeled}: no such file or folder")
    is_gold = path.is_dir() or (args.label_field is None and _looks_like_gold(path))
    if is_gold:
        splits = args.split or (["train"] if path.is_dir() else None)
        try:
            gold = load_gold(path, splits)
        except (ValueError, KeyError) as e:
            raise InputError(f"{args.labeled}: cannot read gold ({e})") from e
        where = f"{args.labeled}" + (f" split {', '.join(splits)}" if splits else "")
        return (
            [g.text for g in gold],
            [int(g.needs_surgical_review) for g in gold],
            f"gold corpus {where}",
            0,
        )
    label_field = args.label_field or "label"
    fmt = input_format(args.labeled)
    try:
        if fmt == "csv":
            df = pd.read_csv(path)
        elif fmt == "parquet":
            df = pd.read_parquet(path)
        elif fmt == "jsonl":
            df = pd.read_json(path, lines=True)
        else:
            raise InputError(
                f"{args.labeled}: train reads .jsonl, .csv, .parquet or a gold corpus folder"
            )
    except InputError:
        raise
    except Exception as e:
        raise InputError(f"{args.labeled}: cannot read ({type(e).__name__}: {e})") from e
    for col in (args.text_field, label_field):
        if col not in df.columns:
            raise InputError(f"{args.labeled}: no column {col!r} (columns: {list(df.columns)})")
    texts, labels, skipped = [], [], 0
    for text, label in zip(df[args.text_field], df[label_field], strict=True):
        value = _as_label(label)
        if value is None or text_problem(text) is not None:
            skipped += 1
            continue
        texts.append(text)
        labels.append(value)
    return texts, labels, f"{args.labeled} ({len(texts)} labelled reports)", skipped


def _looks_like_gold(path: object) -> bool:
    try:
        with open(path, encoding="utf-8") as fh:  # type: ignore[call-overload]
            first = json.loads(fh.readline())
        return isinstance(first, dict) and "needs_surgical_review" in first and "findings" in first
    except (OSError, ValueError):
        return False


def _as_label(value: object) -> int | None:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float) and value in (0, 1):
        return int(value)
    if isinstance(value, str) and value.strip().lower() in ("0", "1", "true", "false", "yes", "no"):
        return int(value.strip().lower() in ("1", "true", "yes"))
    return None


def run_train(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .classifier import model_card, prepare_inputs, train_model

    out = Path(args.output)
    if out.suffix.lower() != ".json":
        raise UsageError("the model file must end in .json")
    texts, labels, description, skipped = _labeled_rows(args)
    if skipped:
        print(
            f"skipped {skipped} rows with no usable text or a label other than 0/1", file=sys.stderr
        )
    try:
        model, report = train_model(
            prepare_inputs(texts), labels, meta={"training_data": description}
        )
    except ValueError as e:
        raise InputError(f"{args.labeled}: {e}") from e
    model.save(out)
    card = out.with_suffix(".md")
    card.write_text(model_card(model, report, data=description), encoding="utf-8")
    print("\n".join(report.lines()))
    print(f"written: {out} and its model card {card}")
    return EXIT_OK


def run_render(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .io import AtomicFile
    from .review_page import render_texts

    _check_model_choice(args)
    if args.limit < 1:
        raise UsageError("--limit must be positive")
    if not args.output.lower().endswith((".html", ".htm")):
        raise UsageError("the output must be an .html file")
    model = "rule" if args.flag == "rule" else args.model
    path = Path(args.input)
    if path.is_file() and path.suffix.lower() == ".txt":
        try:
            items = [(path.name, path.read_text(encoding="utf-8", errors="replace"))]
        except OSError as e:
            raise InputError(f"{args.input}: cannot read ({e.strerror})") from e
    else:
        items = []
        for row in read_rows(args.input, id_field=args.id_field, text_field=args.text_field):
            items.append((row.id, row.text if row.text is not None else ""))
            if len(items) >= args.limit:
                print(f"rendering the first {args.limit} reports (--limit)", file=sys.stderr)
                break
    page = render_texts(items, model=model)
    out = AtomicFile(args.output)
    Path(out.tmp).write_text(page, encoding="utf-8")
    out.commit()
    print(
        f"written: {args.output} ({len(items)} report{'s' if len(items) != 1 else ''})",
        file=sys.stderr,
    )
    return EXIT_OK


def run_validate(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .gold import load_gold, validate_gold

    if not Path(args.gold).exists():
        raise InputError(f"{args.gold}: no such file or folder")
    problems = validate_gold(args.gold)
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return EXIT_REPORT_ERRORS
    n = len(load_gold(args.gold))
    print(f"ok: {n} gold reports valid")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
