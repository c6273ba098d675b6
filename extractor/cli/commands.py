"""`spine-extract` commands other than extract: evaluate, train, render, validate-gold, schema."""

from __future__ import annotations

import argparse
import json
import sys

from ..io import InputError, input_format, open_input
from ..schema import ReportRecord
from .extract import check_model_choice, check_output
from .parser import EXIT_OK, EXIT_REPORT_ERRORS, UsageError


def run(args: argparse.Namespace) -> int:
    commands = {
        "evaluate": run_evaluate,
        "train": run_train,
        "render": run_render,
        "validate-gold": run_validate,
        "schema": run_schema,
        "export": run_export,
    }
    return commands[args.command](args)


def _read_records(path: str, what: str) -> dict[str, ReportRecord]:
    """Records of a JSONL file by id; InputError names the file."""
    records: dict[str, ReportRecord] = {}
    try:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = ReportRecord.from_dict(json.loads(line))
                    records[str(rec.id)] = rec
    except (OSError, ValueError, KeyError) as e:
        raise InputError(f"{path}: cannot read {what} ({e})") from e
    return records


def run_evaluate(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..annotations import export_format, read_export
    from ..api import extract_many, resolve_model
    from ..evaluate import evaluate, format_evaluation, format_split_table
    from ..gold import gold_files, load_gold
    from ..pipeline import shared_nlp

    path = Path(args.gold)
    if not path.exists():
        raise InputError(f"{args.gold}: no such file or folder")
    if export_format(path) is not None:
        # a corrected Label Studio, Prodigy or BRAT export is gold too
        files = [path]
        try:
            gold_by_split = {path.stem: read_export(path)}
        except (ValueError, KeyError, TypeError) as e:
            raise InputError(f"{args.gold}: cannot read the export ({e})") from e
    else:
        files = gold_files(path, args.split)
        if not files:
            raise InputError(f"{args.gold}: no gold files found")
        try:
            gold_by_split = {f.stem: load_gold(f) for f in files}
        except (ValueError, KeyError) as e:
            raise InputError(f"{args.gold}: cannot read gold ({e})") from e
    if not any(gold_by_split.values()):
        raise InputError(f"{args.gold}: no gold reports found")
    if args.pred:
        predictions = _read_records(args.pred, "predictions")
    else:
        nlp = shared_nlp(args.lexicons)
        model = resolve_model(args.model)
        every = [g for gold in gold_by_split.values() for g in gold]
        predictions = {
            str(r.id): r
            for r in extract_many(((g.id, g.text) for g in every), nlp=nlp, model=model)
        }
    results = {split: evaluate(gold, predictions) for split, gold in gold_by_split.items()}
    if args.json:
        out = {split: r.to_dict(with_errors=args.errors) for split, r in results.items()}
        corpus = path.is_dir() and export_format(path) is None  # a folder of splits
        print(json.dumps(out if corpus else out[files[0].stem], indent=2))
        return EXIT_OK
    if len(results) > 1 or args.markdown:
        print(format_split_table(results, markdown=args.markdown))
    if len(results) == 1 or args.errors:
        for split, result in results.items():
            title = f"gold: {files[0] if not path.is_dir() else path} (split: {split})"
            if len(results) > 1:
                print()
            print(format_evaluation(result, show_errors=args.errors, title=title))
    return EXIT_OK


def _labeled_rows(args: argparse.Namespace) -> tuple[list[str], list[int], str, int]:
    """(texts, labels, description, skipped) from a labelled file or gold corpus."""
    from pathlib import Path

    import pandas as pd

    from ..annotations import export_format, read_export
    from ..api import text_problem
    from ..gold import load_gold

    path = Path(args.labeled)
    if not path.exists():
        raise InputError(f"{args.labeled}: no such file or folder")
    if args.label_field is None and export_format(path) is not None:
        try:
            gold = read_export(path)
        except (ValueError, KeyError, TypeError) as e:
            raise InputError(f"{args.labeled}: cannot read the export ({e})") from e
        return (
            [g.text for g in gold],
            [int(g.needs_surgical_review) for g in gold],
            f"annotation export {args.labeled}",
            0,
        )
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

    from ..review.train import model_card, prepare_inputs, train_model

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

    from ..io import AtomicFile
    from ..review_page import render_texts

    check_model_choice(args)
    if args.limit < 1:
        raise UsageError("--limit must be positive")
    if not args.output.lower().endswith((".html", ".htm")):
        raise UsageError("the output must be an .html file")
    model = "rule" if args.flag == "rule" else args.model
    check_output(args.input, args.output, [args.output])
    items = []
    for row in open_input(args.input, id_field=args.id_field, text_field=args.text_field):
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

    from ..gold import load_gold, validate_gold

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


def run_schema(args: argparse.Namespace) -> int:
    from ..record_schema import schema_text

    text = schema_text()
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8") as fh:
                fh.write(text)
        except OSError as e:
            raise UsageError(f"{args.output}: cannot write ({e.strerror or e})") from e
    else:
        sys.stdout.write(text)
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..annotations import write_export
    from ..api import extract_many, resolve_model
    from ..pipeline import shared_nlp

    check_model_choice(args)
    suffix = {"label-studio": ".json", "prodigy": ".jsonl"}.get(args.to)
    if suffix and not args.output.lower().endswith(suffix):
        raise UsageError(f"--to {args.to} writes a {suffix} file")
    if args.to == "brat" and Path(args.output).exists() and not Path(args.output).is_dir():
        raise UsageError(f"{args.output}: --to brat writes a folder")
    check_output(args.input, args.output, [args.output])
    rows = [
        (str(r.id), r.text if r.text is not None else "")
        for r in open_input(args.input, id_field=args.id_field, text_field=args.text_field)
        if r.error is None
    ]
    if args.records:
        given = _read_records(args.records, "records")
        missing = [i for i, _ in rows if i not in given]
        if missing:
            raise InputError(f"{args.records}: no record for report {missing[0]!r}")
        records = [given[i] for i, _ in rows]
    else:
        model = "rule" if args.flag == "rule" else resolve_model(args.model)
        records = list(extract_many(rows, nlp=shared_nlp(args.lexicons), model=model))
    written = write_export(
        args.to, [(i, t, r) for (i, t), r in zip(rows, records, strict=True)], args.output
    )
    print(f"written: {', '.join(written)} ({len(rows)} reports)", file=sys.stderr)
    return EXIT_OK
