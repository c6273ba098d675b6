"""Throughput of the default path next to medspaCy's default pipeline and a
bare spaCy tokenizer, in one process, on the same reports, one core.

* default path: `extract_many(texts)`, what the CLI runs: input checks, the
  pipeline, the Doc -> record converter and the packaged review classifier;
* rule-flag path: `extract_many(texts, model="rule")` (`--flag rule`);
* medspaCy default: `medspacy.load()` (PyRuSH sentences, target matcher,
  ConText with its default rules) with our target rules added, loguru
  silenced (as shipped it logs every PyRuSH step at DEBUG);
* bare tokenizer: `spacy.blank("en")` over the same texts.

Each is run three times, in rounds (one run of each path per round, so a
drift in the machine's speed slows all alike); the table gives the minimum
and the median reports/s, and the ratios of the medians. The machine is shared: compare
ratios from one run, not figures across runs. The load average is printed.

Usage: python bench/speed.py [REPORTS.jsonl ...] [--n 2000] [--n-medspacy 300] [--json]
Without files it uses the gold corpus reports of 400-800 characters.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 3


def load_texts(paths: list[str], n: int) -> list[str]:
    files = [Path(p) for p in paths] or [
        ROOT / "annotated_reports" / f"{s}.jsonl" for s in ("train", "dev", "test")
    ]
    texts = []
    for file in files:
        for line in file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    if not paths:
        texts = [t for t in texts if 400 <= len(t) <= 800]
    if not texts:
        sys.exit("no reports to run on")
    return [texts[i % len(texts)] for i in range(n)]


@contextlib.contextmanager
def stderr_to_devnull():
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    try:
        yield
    finally:
        os.dup2(saved, 2)
        os.close(devnull)
        os.close(saved)


def interleaved_rates(
    paths: dict[str, tuple[Callable[[list[str]], object], list[str]]],
) -> dict[str, list[float]]:
    """Reports/s of each path, RUNS rounds of one run each in turn, so that
    a machine whose speed drifts slows every path alike."""
    out: dict[str, list[float]] = {name: [] for name in paths}
    for _ in range(RUNS):
        for name, (fn, texts) in paths.items():
            started = time.perf_counter()
            fn(texts)
            out[name].append(len(texts) / (time.perf_counter() - started))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", help="JSONL files with a 'text' field")
    parser.add_argument("--n", type=int, default=2000, help="reports for our paths (default 2000)")
    parser.add_argument(
        "--n-medspacy", type=int, default=300, help="reports for medspaCy (default 300)"
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    import spacy
    from _medspacy import medspacy_default
    from loguru import logger

    from extractor import extract_many

    texts = load_texts(args.files, args.n)
    load_before = os.getloadavg()

    list(extract_many(texts[:50]))  # warm up: builds the pipeline, loads the model
    list(extract_many(texts[:50], model="rule"))
    blank = spacy.blank("en")
    logger.remove()
    with stderr_to_devnull():
        med = medspacy_default()
    sample = texts[: args.n_medspacy]
    list(med.pipe(sample[:10]))
    measured = interleaved_rates(
        {
            "default": (lambda b: list(extract_many(b)), texts),
            "rule": (lambda b: list(extract_many(b, model="rule")), texts),
            "tokenizer": (lambda b: list(blank.pipe(b)), texts),
            "medspacy": (lambda b: list(med.pipe(b)), sample),
        }
    )
    default, rule = measured["default"], measured["rule"]
    tokenizer, medspacy = measured["tokenizer"], measured["medspacy"]
    load_after = os.getloadavg()

    def row(name: str, values: list[float]) -> dict[str, object]:
        median = statistics.median(values)
        return {
            "path": name,
            "min": round(min(values), 1),
            "median": round(median, 1),
            "x_medspacy": round(median / statistics.median(medspacy), 2),
            "x_tokenizer": round(median / statistics.median(tokenizer), 3),
        }

    rows = [
        row("default path: extract_many with the review classifier (the CLI's)", default),
        row("rule-flag path: extract_many(model='rule') (--flag rule)", rule),
        row("medspaCy default, loguru silenced", medspacy),
        row("bare spacy.blank('en') tokenizer", tokenizer),
    ]
    result = {
        "reports": len(texts),
        "reports_medspacy": len(sample),
        "median_chars": statistics.median(len(t) for t in texts),
        "runs": RUNS,
        "load_average": [round(x, 2) for x in (*load_before, *load_after)],
        "rows": rows,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(
        f"{len(texts)} reports ({len(sample)} for medspaCy), median {result['median_chars']:.0f} "
        f"characters, one process, {RUNS} interleaved runs each; load average before "
        f"{load_before[0]:.2f}, after {load_after[0]:.2f}"
    )
    print("| path | reports/s (min) | reports/s (median) | x medspaCy default | x bare tokenizer |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for r in rows:
        print(
            f"| {r['path']} | {r['min']:,.0f} | {r['median']:,.0f} | {r['x_medspacy']:.1f} | "
            f"{r['x_tokenizer']:.3f} |"
        )


if __name__ == "__main__":
    main()
