"""A longer property-based run than the test suite's: the contract on every
record of generated and mutated reports.

    python scripts/fuzz.py [--n 20000] [--seed 1]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractor import extract
from tests.contract_checks import record_problems
from tests.reports_strategy import any_reports


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    count = {"n": 0, "findings": 0}

    @seed(args.seed)
    @settings(
        max_examples=args.n,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(any_reports)
    def check(text: str) -> None:
        record = extract(text).to_dict()
        count["n"] += 1
        count["findings"] += len(record["findings"])
        assert record_problems(record, text) == [], record

    check()
    print(
        f"{count['n']:,} reports, {count['findings']:,} findings: every record follows the contract"
    )


if __name__ == "__main__":
    main()
