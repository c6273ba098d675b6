"""Throughput of the full pipeline next to medspaCy's default pipeline.

Both run in this one process, on the same reports, one core:

* ours: `extractor.build_nlp()` and the Doc -> record converter (what
  `extract_many` and the CLI do);
* medspaCy default: `medspacy.load()` (PyRuSH sentences, target matcher,
  ConText with its default rules) with our target rules added, measured
  as shipped (its loguru DEBUG logging on, sent to /dev/null) and with
  loguru silenced.

Usage: python bench/speed.py [REPORTS.jsonl ...] [--n 2000] [--json]
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


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


def rate(fn, texts: list[str]) -> float:
    started = time.perf_counter()
    fn(texts)
    return len(texts) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", help="JSONL files with a 'text' field")
    parser.add_argument(
        "--n", type=int, default=2000, help="reports for our pipeline (default 2000)"
    )
    parser.add_argument(
        "--n-medspacy", type=int, default=300, help="reports for medspaCy (default 300)"
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from _medspacy import medspacy_default
    from loguru import logger

    from extractor.pipeline import build_nlp
    from extractor.record import doc_to_record

    texts = load_texts(args.files, args.n)
    lengths = [len(t) for t in texts]

    ours = build_nlp()
    list(ours.pipe(texts[:50]))  # warm up

    def run_ours(batch: list[str]) -> None:
        for doc in ours.pipe(batch, batch_size=64):
            doc_to_record(doc)

    ours_rate = rate(run_ours, texts)

    from extractor import extract_many

    list(extract_many(texts[:50]))  # loads the packaged review model
    with_model_rate = rate(lambda b: list(extract_many(b)), texts)

    with stderr_to_devnull():
        med = medspacy_default()
        sample = texts[: args.n_medspacy]
        list(med.pipe(sample[:10]))
        shipped_rate = rate(lambda b: list(med.pipe(b)), sample)
    logger.remove()  # medspaCy logs every PyRuSH step at DEBUG by default
    quiet_rate = rate(lambda b: list(med.pipe(b)), sample)

    result = {
        "reports": len(texts),
        "median_chars": statistics.median(lengths),
        "ours_reports_per_s": round(ours_rate, 1),
        "ours_with_review_model_reports_per_s": round(with_model_rate, 1),
        "medspacy_default_reports_per_s": round(shipped_rate, 1),
        "medspacy_default_quiet_reports_per_s": round(quiet_rate, 1),
        "speedup_vs_default": round(ours_rate / shipped_rate, 1),
        "speedup_vs_default_quiet": round(ours_rate / quiet_rate, 1),
        "medspacy_pipes": med.pipe_names,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(
        f"{len(texts)} reports (ours), {len(sample)} (medspaCy); median {result['median_chars']:.0f} characters; one process"
    )
    print("| pipeline | reports/s | ours is |")
    print("| --- | ---: | ---: |")
    print(f"| spine-extract pipeline + record (rule flag) | {ours_rate:,.0f} | |")
    print(f"| spine-extract `extract_many` with the review classifier | {with_model_rate:,.0f} | |")
    print(
        f"| medspaCy default, as shipped (loguru DEBUG on) | {shipped_rate:,.1f} | {ours_rate / shipped_rate:,.1f}x faster |"
    )
    print(
        f"| medspaCy default, loguru silenced | {quiet_rate:,.1f} | {ours_rate / quiet_rate:,.1f}x faster |"
    )


if __name__ == "__main__":
    main()
