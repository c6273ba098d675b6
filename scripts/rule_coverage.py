"""Which target and context rules no marked-up case and no corpus report
exercises.

    python scripts/rule_coverage.py [--list] [--write-waiting]

Cases are tests/cases/; reports are the corpus's train and dev splits and the
dev parts of the writer-disjoint and real-derived sets (test splits are not
read). `--write-waiting` removes from tests/rules_without_cases.txt the rules that
now have a case (the list only shrinks: new rules come with their case).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractor.gold import load_gold  # noqa: E402
from extractor.lexicon import load_context_rules  # noqa: E402
from extractor.pipeline import build_nlp  # noqa: E402
from tests.cases import ALL_CASES, rule_ids  # noqa: E402
from tests.markup import parse  # noqa: E402

REPORT_SPLITS = ("train", "dev", "disjoint_dev", "real_dev", "chest_dev")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="list the rules nothing exercises")
    parser.add_argument("--write-waiting", action="store_true")
    args = parser.parse_args()
    nlp = build_nlp()
    targets = {rid: r.literal for rid, r in nlp.get_pipe("spine_targets").rule_by_id.items()}
    contexts = {r.id: r.literal for r in load_context_rules()}
    by_cases: set[str] = set()
    for marked in ALL_CASES.values():
        by_cases |= rule_ids(nlp(parse(marked)[0]))
    by_reports: set[str] = set()
    for doc in nlp.pipe(g.text for g in load_gold(ROOT / "annotated_reports", REPORT_SPLITS)):
        by_reports |= rule_ids(doc)
    for name, rules in (("target", targets), ("context", contexts)):
        ids = set(rules)
        print(
            f"{name} rules: {len(ids)}; exercised by cases {len(ids & by_cases)}, "
            f"by reports {len(ids & by_reports)}, by either {len(ids & (by_cases | by_reports))}, "
            f"by neither {len(ids - by_cases - by_reports)}"
        )
        if args.list:
            for rid in sorted(ids - by_cases - by_reports):
                print(f"  {rid}  {rules[rid]!r}")
    if args.write_waiting:
        path = ROOT / "tests" / "rules_without_cases.txt"
        listed = {
            line.split("#")[0].strip() for line in path.read_text(encoding="utf-8").splitlines()
        } - {""}
        # the list only shrinks: a rule leaves it when a case reaches it, and a
        # new rule never joins it (it comes with its case)
        waiting = sorted((listed & (set(targets) | set(contexts))) - by_cases)
        lines = [
            "# rules no marked-up case exercises yet; new rules come with a case (scripts/rule_coverage.py)"
        ]
        lines += [f"{rid}  # {(targets | contexts)[rid]}" for rid in waiting]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"written: {path} ({len(waiting)} rules)")


if __name__ == "__main__":
    main()
