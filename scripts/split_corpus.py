"""Assign written gold reports to train/dev/test by a hash of their id.

The split of a report depends only on its id, so adding reports never moves
an existing one between splits. Usage:

    python scripts/split_corpus.py BATCH.jsonl [BATCH.jsonl ...] -o annotated_reports/
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

TEST_SHARE = 25  # percent
DEV_SHARE = 20


def split_of(report_id: str) -> str:
    bucket = int(hashlib.sha256(report_id.encode("utf-8")).hexdigest(), 16) % 100
    if bucket < TEST_SHARE:
        return "test"
    if bucket < TEST_SHARE + DEV_SHARE:
        return "dev"
    return "train"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("batches", nargs="+", type=Path)
    parser.add_argument("-o", "--out", type=Path, required=True)
    args = parser.parse_args()
    out: dict[str, list[str]] = {"train": [], "dev": [], "test": []}
    for batch in args.batches:
        for line in batch.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                out[split_of(record["id"])].append(json.dumps(record, ensure_ascii=False))
    for split, lines in out.items():
        lines.sort(key=lambda s: json.loads(s)["id"])
        (args.out / f"{split}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{split}: {len(lines)} reports")


if __name__ == "__main__":
    main()
