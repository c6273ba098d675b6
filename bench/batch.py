"""Batch throughput and memory of `spine-extract extract`, one run.

Generates N reports of about 600 characters (corpus reports with fresh ids,
sizes, levels and dates, so the vocabulary keeps growing as in a real
archive), then runs the CLI on them with 1 process and with -j 2, sampling
the resident memory of the whole process tree (/proc) to report its peak.
medspaCy's default pipeline runs on a sample of the same reports.

Usage: python bench/batch.py [--n 100000] [--json] [--keep DIR]
(--n 1000000 is the memory check in the README; it takes several minutes.)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def generate(path: Path, n: int) -> float:
    texts = []
    for file in [ROOT / "annotated_reports" / f"{s}.jsonl" for s in ("train", "dev", "test")]:
        for line in file.read_text(encoding="utf-8").splitlines():
            text = json.loads(line)["text"]
            if 350 <= len(text) <= 900:
                texts.append(text)
    rng = random.Random(11)
    total = 0
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            text = rng.choice(texts)
            text = (
                f"Accession ACC{rng.randrange(10**9):09d}. Exam date {rng.randint(1, 28)}/{rng.randint(1, 12)}/20{rng.randint(10, 26)}.\n"
                + text.replace("3 mm", f"{rng.randint(1, 6)} mm").replace(
                    "L5", rng.choice(["L4", "L5", "S1"])
                )
            )
            total += len(text)
            fh.write(json.dumps({"id": f"r{i}", "text": text}) + "\n")
    return total / n


def tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, in kB."""
    total = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            for line in status.splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            for task in Path(f"/proc/{p}/task").iterdir():
                children = (task / "children").read_text().split()
                stack.extend(int(c) for c in children)
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def run_cli(src: Path, jobs: int) -> tuple[float, float, int]:
    out = Path(tempfile.mkdtemp()) / "out.jsonl"
    started = time.perf_counter()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "extractor",
            "extract",
            str(src),
            "-o",
            str(out),
            "-j",
            str(jobs),
            "-q",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_kb(proc.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    done.set()
    sampler.join()
    elapsed = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        sys.exit(f"extract failed: {err}")
    with open(out, encoding="utf-8") as fh:
        n = sum(1 for _ in fh)
    out.unlink()
    return elapsed, peak / 1024, n


def medspacy_rate(src: Path, n: int) -> float:
    from _medspacy import medspacy_default
    from loguru import logger

    logger.remove()
    texts = []
    with open(src, encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if len(texts) >= n:
                break
    nlp = medspacy_default()
    list(nlp.pipe(texts[:10]))
    started = time.perf_counter()
    list(nlp.pipe(texts))
    return len(texts) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--keep", type=Path, help="write the generated input here and keep it")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    src = folder / "generated.jsonl"
    mean_chars = generate(src, args.n)
    results: dict = {"reports": args.n, "mean_chars": round(mean_chars), "cores": os.cpu_count()}
    # the machine may be shared: what else ran beside each run
    results["load_average_before"] = {}
    for jobs in (1, 2):
        results["load_average_before"][f"j{jobs}"] = round(os.getloadavg()[0], 2)
        elapsed, peak_mb, n_out = run_cli(src, jobs)
        assert n_out == args.n, (n_out, args.n)
        results[f"j{jobs}"] = {
            "seconds": round(elapsed, 1),
            "reports_per_s": round(args.n / elapsed),
            "peak_rss_mb": round(peak_mb),
        }
    results["speedup_j2"] = round(results["j1"]["seconds"] / results["j2"]["seconds"], 2)
    results["medspacy_default_quiet_reports_per_s"] = round(medspacy_rate(src, 300), 1)
    if not args.keep:
        src.unlink()
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(
        f"{args.n:,} generated reports, mean {mean_chars:.0f} characters; wall-clock time of the whole CLI run"
    )
    print("| run | time | reports/s | peak RSS (process tree) |")
    print("| --- | ---: | ---: | ---: |")
    for jobs in (1, 2):
        r = results[f"j{jobs}"]
        print(
            f"| `spine-extract extract -j {jobs}` | {r['seconds']} s | {r['reports_per_s']:,} | {r['peak_rss_mb']} MB |"
        )
    print(
        f"| medspaCy default pipeline (loguru silenced, 300 of the same reports) | | {results['medspacy_default_quiet_reports_per_s']} | |"
    )
    print(f"speed-up with -j 2: {results['speedup_j2']}x")
    loads = results["load_average_before"]
    print(f"load average (1 min) before -j 1: {loads['j1']}, before -j 2: {loads['j2']}")


if __name__ == "__main__":
    main()
