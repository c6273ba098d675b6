"""Negation benchmark on the NegEx/ConText test set: our ConText rules vs medspaCy's.

The set (Chapman et al., released with NegEx and ConText) has one row per
physician-annotated condition: the condition (the target phrase), the sentence
holding it and a label, Negated or Affirmed. It is an external check of our
*general* negation rules; it is not used to train or tune on row by row.

Usage:

    python bench/negex_benchmark.py BENCHMARK_DIR
    python bench/negex_benchmark.py rsAnnotations-1-120-random.txt [Annotations-1-120.txt]
        [--lexicons DIR] [--json [PATH]] [--all-types] [--errors SYSTEM]

Files are recognised by their header row, not their name: the rsAnnotations
file (header "line number, Condition, sentence, ...") holds the rows scored;
the optional Annotations file (header "Report No., Concept, Sentence,
Negation") carries report numbers, which give each row its report type
(report number mod 6: 1 DS, 2 ECHO, 3 ER, 4 GI, 5 RAD, 0 SP, as inferred in
the set's README). Rows are joined on (condition, sentence, label), compared
case- and whitespace-insensitively; without that file only "all" is scored.

Per row, for both systems:

- Ours splits the row with the pipeline's sentence rules, as the pipeline does
  (a few rows hold two sentences, or a run of form headers): modifiers of the
  target's sentence may reach it, up to terminators and scope limits, and
  punctuation bounds the cues a negation governs. medspaCy sees the whole row
  as one sentence, as it does with its default rules and no sentence splitter.
- The target phrase is located case-insensitively (whitespace-tolerant, whole
  words preferred; among several matches the one written in upper case, the
  set's marker of the annotated condition, else the first). A row whose target
  cannot be found is skipped for both systems and counted as skipped.
- Ours: the sentence is tokenised with the pipeline's report tokenizer
  (`build_nlp(...).make_doc`), then `ConTextAnnotator.find_modifiers` and
  `ConTextAnnotator.resolve` run on it, the target labelled "CONDITION".
- medspaCy: `spacy.blank("en")` + `medspacy_context` with its default rules;
  the target span is the doc's only entity; the prediction is `ent._.is_negated`.

Mapping of our result to the set's labels (Negated vs Affirmed). The set
scores negation alone (temporality is a separate column: 30 of its Negated rows
are Historical, e.g. "no history of CAD"), so the main row, "ours", reads our
engine's negation flag, the same flag medspaCy's `is_negated` is:

- "ours": Negated when a NEGATED_EXISTENCE modifier reaches the target, i.e.
  the engine would set `is_negated` on it, whatever else reaches it
  (HISTORICAL, HYPOTHETICAL, POSSIBLE_EXISTENCE are separate flags).
- Also Negated when the engine's assertion is "historical" because a
  *resolution-type* HISTORICAL modifier reaches the target: a rule whose literal
  says the condition is gone ("resolved", "resolution of", "no longer ...",
  "healed"; see RESOLUTION_RE). The set labels "resolved" Negated; our contract
  files it as historical (a past state not asserted now), so only these rules
  count, and only when no HYPOTHETICAL modifier reaches the target ("once the
  infection has resolved" stays Affirmed). "history of", "status post",
  "prior", "removed" ... stay Affirmed.
- Everything else is Affirmed: POSSIBLE_EXISTENCE, HYPOTHETICAL (the set labels
  "rule out"/"evaluate for" Affirmed), other HISTORICAL, FAMILY, none.
- "ours-asr" (for reference) uses the engine's final assertion instead, as the
  findings do: Negated only when it is "absent" (the engine's precedence is
  hypothetical > historical > nearest of negated/possible), plus the same
  resolution-type rule.

Scores: accuracy over the scored rows, and precision, recall and F1 of the
Negated class, on all rows and on the RAD rows (radiology reports).
"""

from __future__ import annotations

import argparse
import bisect
import csv
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.pipeline import build_nlp
from extractor.pipes.sentences import sentence_starts

NEGATED, AFFIRMED = "Negated", "Affirmed"
REPORT_TYPES = {1: "DS", 2: "ECHO", 3: "ER", 4: "GI", 5: "RAD", 0: "SP"}
TARGET_LABEL = "CONDITION"
# HISTORICAL rules that say the condition is gone now (see the docstring)
RESOLUTION_RE = re.compile(r"\bresol(?:ved|ving|ution)\b|\bno longer\b|\bhealed\b", re.I)


@dataclass
class Row:
    id: str
    target: str
    sentence: str
    gold: str
    report_type: str | None = None
    span: tuple[int, int] | None = None  # character offsets of the target
    pred: dict[str, str] = field(default_factory=dict)


# --------------------------------------------------------------------------
# Reading the set
# --------------------------------------------------------------------------


def _read_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        first = fh.readline()
        fh.seek(0)
        # the rsAnnotations file is unquoted; the Annotations file uses CSV quoting
        quoting = csv.QUOTE_NONE if first.lower().startswith("line number") else csv.QUOTE_MINIMAL
        return list(csv.reader(fh, delimiter="\t", quoting=quoting))


def resolve_inputs(paths: Sequence[str]) -> tuple[Path, Path | None]:
    """The rows file and the optional report-number file among `paths`."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(q for q in p.iterdir() if q.suffix == ".txt"))
        elif p.is_file():
            files.append(p)
        else:
            raise SystemExit(f"not found: {p}")
    rows_file = reports_file = None
    for f in files:
        with f.open(encoding="utf-8", errors="replace") as fh:
            header = fh.readline().lower()
        if header.startswith("line number") and rows_file is None:
            rows_file = f
        elif header.startswith("report no") and reports_file is None:
            reports_file = f
    if rows_file is None:
        raise SystemExit("no rsAnnotations file (header 'line number ...') among the inputs")
    return rows_file, reports_file


def _key(target: str, sentence: str, label: str) -> tuple[str, str, str]:
    return (" ".join(target.lower().split()), " ".join(sentence.lower().split()), label)


def load_rows(rows_file: Path, reports_file: Path | None) -> tuple[list[Row], int]:
    """The rows, with report types when `reports_file` is given; and the
    number of rows the join could not place."""
    data = _read_tsv(rows_file)[1:]
    rows = [Row(r[0], r[1], r[2], r[3].strip().capitalize()) for r in data if len(r) >= 4]
    unjoined = 0
    if reports_file is not None:
        pool: dict[tuple[str, str, str], list[str]] = {}
        for r in _read_tsv(reports_file)[1:]:
            if len(r) >= 4 and r[0].strip().isdigit():
                kind = REPORT_TYPES[int(r[0]) % 6]
                pool.setdefault(_key(r[1], r[2], r[3].strip().capitalize()), []).append(kind)
        for row in rows:
            kinds = pool.get(_key(row.target, row.sentence, row.gold))
            if kinds:
                # equal keys give equal predictions, so any matching is fair
                row.report_type = kinds.pop()
            else:
                unjoined += 1
    return rows, unjoined


def locate(target: str, sentence: str) -> tuple[int, int] | None:
    """Character span of `target` in `sentence` (see the module docstring)."""
    words = target.split()
    if not words:
        return None
    body = r"\s+".join(map(re.escape, words))
    for pattern in (rf"(?<!\w){body}(?!\w)", body):
        matches = list(re.finditer(pattern, sentence, re.IGNORECASE))
        if matches:
            upper = [m for m in matches if not any(c.islower() for c in m.group())]
            m = (upper or matches)[0]
            return m.start(), m.end()
    return None


# --------------------------------------------------------------------------
# The two systems
# --------------------------------------------------------------------------


def _token_span(doc: Any, start: int, end: int) -> tuple[int, int] | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return None if span is None or len(span) == 0 else (span.start, span.end)


def _sentence_of(doc: Any, char_starts: Sequence[int], token: int) -> tuple[int, int]:
    """Token bounds of the sentence (by the pipeline's rules) holding `token`."""
    idx = [t.idx for t in doc]
    starts = sorted({bisect.bisect_left(idx, c) for c in char_starts} | {0})
    lo = max(s for s in starts if s <= token)
    later = [s for s in starts if s > token]
    return lo, later[0] if later else len(doc)


def make_ours(lexicon_dir: str | None, mapping: str = "flag") -> Callable[[Row], str]:
    """Our engine's prediction; `mapping` is "flag" or "assertion" (see the docstring)."""
    nlp = build_nlp(lexicon_dir)
    context = nlp.get_pipe("spine_context")
    words = nlp.get_pipe("spine_sentences").words

    def predict(row: Row) -> str:
        assert row.span is not None
        doc = nlp.make_doc(row.sentence)
        tokens = _token_span(doc, *row.span)
        if tokens is None:
            return AFFIRMED
        lo, hi = _sentence_of(doc, sentence_starts(row.sentence, words), tokens[0])
        found = context.find_modifiers(doc, [tokens])
        modifiers = [m for m in found if lo <= m.start and m.end <= hi]
        punctuation = [t.i for t in doc if t.is_punct]
        result = context.resolve(modifiers, tokens[0], tokens[1], TARGET_LABEL, punctuation)
        if mapping == "flag":
            if any(m.category == "NEGATED_EXISTENCE" for m in result.modifiers):
                return NEGATED
        elif result.assertion == "absent":
            return NEGATED
        if result.assertion == "historical" and any(
            m.category == "HISTORICAL" and RESOLUTION_RE.search(m.rule.literal)
            for m in result.modifiers
        ):
            return NEGATED
        return AFFIRMED

    return predict


def make_medspacy() -> Callable[[Row], str]:
    try:
        from loguru import logger

        for name in ("medspacy", "PyRuSH"):
            logger.disable(name)  # medspaCy's dependencies log at DEBUG
    except ImportError:
        pass
    import medspacy  # noqa: F401  (registers medspacy_context)
    import spacy
    from spacy.tokens import Span

    nlp = spacy.blank("en")
    context = nlp.add_pipe("medspacy_context", config={"rules": "default"})

    def predict(row: Row) -> str:
        assert row.span is not None
        doc = nlp.make_doc(row.sentence)
        tokens = _token_span(doc, *row.span)
        if tokens is None:
            return AFFIRMED
        for token in doc:
            token.is_sent_start = token.i == 0  # the row is one sentence
        doc.ents = [Span(doc, tokens[0], tokens[1], label=TARGET_LABEL)]
        doc = context(doc)
        return NEGATED if doc.ents[0]._.is_negated else AFFIRMED

    return predict


# --------------------------------------------------------------------------
# Scores
# --------------------------------------------------------------------------


def score(pairs: Iterable[tuple[str, str]]) -> dict[str, Any]:
    c: Counter[str] = Counter()
    for gold, pred in pairs:
        c[("t" if gold == pred else "f") + ("p" if pred == NEGATED else "n")] += 1
    n = sum(c.values())
    tp, fp, fn = c["tp"], c["fp"], c["fn"]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "rows": n,
        "gold_negated": tp + fn,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": c["tn"],
        "accuracy": (tp + c["tn"]) / n if n else 0.0,
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    started = time.perf_counter()
    rows_file, reports_file = resolve_inputs(args.paths)
    rows, unjoined = load_rows(rows_file, reports_file)
    scored: list[Row] = []
    skipped: list[str] = []
    for row in rows:
        row.span = locate(row.target, row.sentence)
        if row.span is None:
            skipped.append(row.id)
        else:
            scored.append(row)
    systems = {
        "ours": make_ours(args.lexicons, "flag"),
        "ours-asr": make_ours(args.lexicons, "assertion"),
        "medspacy": make_medspacy(),
    }
    seconds: dict[str, float] = {}
    for name, predict in systems.items():
        t0 = time.perf_counter()
        for row in scored:
            row.pred[name] = predict(row)
        seconds[name] = time.perf_counter() - t0
    groups = ["all"]
    if reports_file is not None:
        groups.append("RAD")
        if args.all_types:
            groups += [t for t in REPORT_TYPES.values() if t != "RAD"]
    results: dict[str, Any] = {}
    for name in systems:
        results[name] = {
            g: score((r.gold, r.pred[name]) for r in scored if g == "all" or r.report_type == g)
            for g in groups
        }
    return {
        "rows_file": str(rows_file),
        "reports_file": str(reports_file) if reports_file else None,
        "rows": len(rows),
        "scored": len(scored),
        "skipped": len(skipped),
        "skipped_ids": skipped,
        "unjoined": unjoined if reports_file else None,
        "mapping": {
            "ours": "Negated = a NEGATED_EXISTENCE modifier reaches the target (is_negated), "
            "or assertion 'historical' through a resolution-type HISTORICAL rule",
            "ours-asr": "Negated = assertion 'absent', "
            "or assertion 'historical' through a resolution-type HISTORICAL rule",
            "medspacy": "Negated = ent._.is_negated (default rules)",
        },
        "seconds": {k: round(v, 3) for k, v in seconds.items()},
        "total_seconds": round(time.perf_counter() - started, 3),
        "results": results,
        "_rows": scored,
    }


def print_table(out: dict[str, Any], file: Any = sys.stdout) -> None:
    print(f"NegEx/ConText test set: {out['rows_file']}", file=file)
    joined = "" if out["unjoined"] is None else f", {out['unjoined']} without a report type"
    print(
        f"rows {out['rows']}: scored {out['scored']}, skipped {out['skipped']} "
        f"(target not found in its sentence){joined}",
        file=file,
    )
    cols = ("system", "subset", "rows", "neg", "fp", "fn", "acc", "P(neg)", "R(neg)", "F1(neg)")
    head = "{:<9} {:<6} {:>5} {:>4} {:>4} {:>4} {:>7} {:>7} {:>7} {:>7}".format(*cols)
    print(head, file=file)
    print("-" * len(head), file=file)
    for name, by_group in out["results"].items():
        for g, s in by_group.items():
            print(
                f"{name:<9} {g:<6} {s['rows']:>5} {s['gold_negated']:>4} {s['fp']:>4} {s['fn']:>4}"
                f" {s['accuracy']:>7.4f} {s['precision']:>7.4f} {s['recall']:>7.4f}"
                f" {s['f1']:>7.4f}",
                file=file,
            )
    print(
        "rows: scored rows; neg: gold Negated; fp/fn: Negated class; ours = negation flag, "
        "ours-asr = final assertion (see the docstring)",
        file=file,
    )
    secs = ", ".join(f"{k} {v:.2f} s" for k, v in out["seconds"].items())
    print(
        f"time: {secs} ({out['scored']} rows each); whole run {out['total_seconds']:.2f} s",
        file=file,
    )


def print_errors(out: dict[str, Any], system: str, file: Any = sys.stdout) -> None:
    for row in out["_rows"]:
        if row.pred[system] != row.gold:
            kind = "FN" if row.gold == NEGATED else "FP"
            assert row.span is not None
            a, b = row.span
            text = row.sentence[:a] + "[[" + row.sentence[a:b] + "]]" + row.sentence[b:]
            print(
                f"{kind} {row.id:>5} {row.report_type or '-':<4} {' '.join(text.split())}",
                file=file,
            )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "paths",
        nargs="+",
        help="the benchmark folder, or rsAnnotations-1-120-random.txt and optionally "
        "Annotations-1-120.txt (for report types)",
    )
    parser.add_argument("--lexicons", metavar="DIR", help="folder with our rule files to use")
    parser.add_argument(
        "--json",
        nargs="?",
        const="-",
        metavar="PATH",
        help="write the results as JSON to PATH; without PATH print JSON instead of the table",
    )
    parser.add_argument("--all-types", action="store_true", help="score every report type")
    parser.add_argument(
        "--errors",
        choices=["ours", "ours-asr", "medspacy"],
        help="also list the rows this system gets wrong",
    )
    args = parser.parse_args(argv)
    out = run(args)
    public = {k: v for k, v in out.items() if not k.startswith("_")}
    if args.json == "-":
        json.dump(public, sys.stdout, indent=1)
        print()
    else:
        print_table(out)
        if args.json:
            Path(args.json).write_text(json.dumps(public, indent=1) + "\n", encoding="utf-8")
    if args.errors:
        print_errors(out, args.errors, file=sys.stdout if args.json != "-" else sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
