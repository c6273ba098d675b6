"""Assign written gold reports to their splits by a hash.

The split of a report depends only on its id (or, for real-derived reports,
its source URL), so adding reports never moves an existing one between
splits. Usage:

    python scripts/split_corpus.py BATCH.jsonl [...] -o annotated_reports/               # train/dev/test
    python scripts/split_corpus.py BATCH.jsonl [...] -o annotated_reports/ --kind disjoint
    python scripts/split_corpus.py BATCH.jsonl [...] -o annotated_reports/ --kind real
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path
from typing import Any

# kind -> ordered (split, percent of the hash buckets)
SHARES: dict[str, tuple[tuple[str, int], ...]] = {
    "corpus": (("test", 25), ("dev", 20), ("train", 55)),
    "disjoint": (("disjoint_test", 67), ("disjoint_dev", 33)),
    "real": (("real_test", 55), ("real_dev", 45)),
}


def split_key(record: dict[str, Any], kind: str) -> str:
    """What decides a report's split: its source for real-derived reports
    (so one source never lands in two splits), else its id."""
    if kind == "real":
        return str(record["meta"]["source"]).split("#", 1)[0].rstrip("/").lower()
    return str(record["id"])


def split_of(key: str, kind: str = "corpus") -> str:
    bucket = int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16) % 100
    for split, share in SHARES[kind]:
        if bucket < share:
            return split
        bucket -= share
    raise AssertionError("shares sum to 100")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("batches", nargs="+", type=Path)
    parser.add_argument("-o", "--out", type=Path, required=True)
    parser.add_argument("--kind", choices=sorted(SHARES), default="corpus")
    args = parser.parse_args()
    out: dict[str, list[str]] = {split: [] for split, _ in SHARES[args.kind]}
    for batch in args.batches:
        for line in batch.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                split = split_of(split_key(record, args.kind), args.kind)
                out[split].append(json.dumps(record, ensure_ascii=False))
    for split, lines in out.items():
        lines.sort(key=lambda s: json.loads(s)["id"])
        (args.out / f"{split}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{split}: {len(lines)} reports")


if __name__ == "__main__":
    main()
