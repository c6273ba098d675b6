"""Start-up of a one-report `spine-extract extract`: wall time of the whole
CLI process (interpreter, imports, pipeline, classifier, one report, output),
N runs, min and median, with the load average before and after.

Usage: python bench/startup.py [--runs 5] [--flag model|rule] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPORT = {"id": "one", "text": "FINDINGS: Lucency of 3 mm around the left L5 pedicle screw."}


def cli() -> list[str]:
    exe = Path(sys.executable).with_name("spine-extract")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "extractor"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--flag", choices=["model", "rule"], default="model")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "one.jsonl", Path(tmp) / "out.jsonl"
        src.write_text(json.dumps(REPORT) + "\n", encoding="utf-8")
        command = [*cli(), "extract", str(src), "-o", str(out), "-q", "--flag", args.flag]
        load_before = os.getloadavg()[0]
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            times.append(time.perf_counter() - t0)
        load_after = os.getloadavg()[0]
        if not out.read_text(encoding="utf-8").strip():
            sys.exit("the CLI wrote no record")
    result = {
        "runs": args.runs,
        "flag": args.flag,
        "min_s": round(min(times), 3),
        "median_s": round(statistics.median(times), 3),
        "load_before": load_before,
        "load_after": load_after,
    }
    if args.json:
        print(json.dumps(result))
        return
    print(
        f"one-report spine-extract extract (--flag {args.flag}), {args.runs} runs: "
        f"min {result['min_s']:.2f} s, median {result['median_s']:.2f} s wall; "
        f"load average {load_before:.2f} before, {load_after:.2f} after"
    )


if __name__ == "__main__":
    main()
