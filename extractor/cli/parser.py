"""The argument parser of `spine-extract` (no heavy imports)."""

from __future__ import annotations

import argparse
from typing import NoReturn

from .. import __version__
from ..gold import SPLITS
from ..schema import MAX_CHARS

EXIT_OK = 0
EXIT_REPORT_ERRORS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141
EXIT_TERMINATED = 143
EXIT_HELP = (
    "Exit status: 0 every report processed; 1 the run finished but some reports got an "
    "error record (validate-gold: the gold has problems); 2 usage error or the run could not "
    "be done (unreadable input, unwritable output, bad option, bad rule or model file); "
    "3 internal error (a bug: run with --debug and report it); 130 interrupted (Ctrl-C); "
    "141 output pipe closed; 143 terminated (SIGTERM). Interrupted runs continue with --resume."
)


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, exit 2
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="spine-extract",
        description="Structured spinal hardware failure findings from spine imaging reports.",
        epilog=EXIT_HELP,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--debug", action="store_true", help="show the Python traceback when a command fails"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    ex = sub.add_parser(
        "extract",
        help="extract findings from reports",
        description=(
            "Extract findings from reports. INPUT is .jsonl (one JSON object a line), .csv "
            "(either may be gzipped, .gz), .parquet, one .txt report (id = its file name), a folder "
            "of .txt files (id = path relative to the folder) or - (JSON lines on stdin). OUTPUT .jsonl gets one contract record per report in input order; .csv and "
            ".parquet get one row per finding, plus a sibling OUTPUT-stem.reports table with one "
            "row per report. Every input row gets exactly one record; rows that cannot be "
            "processed get a record with 'error' set."
        ),
        epilog=EXIT_HELP,
    )
    ex.add_argument(
        "input",
        metavar="INPUT",
        help="a file or folder of reports, - for JSON lines on stdin, or a database URL "
        "(with --query)",
    )
    ex.add_argument(
        "-o",
        "--output",
        default="-",
        metavar="OUTPUT",
        help="output file (.jsonl, .csv, .parquet), a database URL (tables), "
        "or - for JSON lines on stdout (default)",
    )
    ex.add_argument(
        "--query",
        metavar="SQL",
        help="with a database input: the query giving the reports, one row each, "
        "with the id and text columns (ORDER BY a key, so that --resume finds its place)",
    )
    ex.add_argument(
        "--table-prefix",
        default="spine_",
        metavar="PREFIX",
        help="with a database output: the tables are PREFIXfindings, PREFIXreports, "
        "PREFIXhardware, or PREFIXnote_nlp (default: spine_)",
    )
    ex.add_argument(
        "--format",
        choices=["contract", "omop"],
        default="contract",
        help="contract: the records (.jsonl) or the findings, reports and hardware tables "
        "(.csv, .parquet; default); omop: one OMOP CDM NOTE_NLP table, a row a finding "
        "(.csv or .parquet)",
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
        help=(
            "worker processes (default: all cores for inputs of 2,000 rows or more or of unknown "
            "size, else 1, since starting workers costs more than it saves); output order is "
            "input order either way"
        ),
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
            "specificity and AUROC. GOLD is a gold .jsonl file or the corpus folder; a folder "
            "is scored split by split, one column each."
        ),
    )
    ev.add_argument("gold", metavar="GOLD")
    ev.add_argument(
        "--split",
        action="append",
        choices=list(SPLITS),
        help="with a corpus folder: split(s) to score, each on its own (default: every split)",
    )
    ev.add_argument(
        "--markdown", action="store_true", help="the per-split table as Markdown (README)"
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
        choices=list(SPLITS),
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

    xp = sub.add_parser(
        "export",
        help="write predictions as pre-annotations for Label Studio, Prodigy or BRAT",
        description=(
            "Extract reports and write the findings as pre-annotations to correct in an "
            "annotation tool; 'evaluate' and 'train' read the corrected export back."
        ),
    )
    xp.add_argument("input", metavar="INPUT", help="reports, in any format 'extract' reads")
    xp.add_argument(
        "--to", required=True, choices=["label-studio", "prodigy", "brat"], help="the tool"
    )
    xp.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUTPUT",
        help="label-studio: a .json file (its labelling config is written beside it); "
        "prodigy: a .jsonl file; brat: a folder",
    )
    xp.add_argument(
        "--records",
        metavar="RECORDS.jsonl",
        help="pre-annotate with these records (from 'extract') instead of extracting again",
    )
    _add_field_options(xp)
    xp.add_argument("--lexicons", metavar="DIR", default=None, help="rule folder (as extract)")
    _add_review_options(xp)

    sc = sub.add_parser(
        "schema",
        help="print the JSON Schema of an output record",
        description="Print the JSON Schema (draft 2020-12) of one output record, built from the contract's code.",
    )
    sc.add_argument("-o", "--output", metavar="FILE", help="write it to FILE instead of stdout")
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
