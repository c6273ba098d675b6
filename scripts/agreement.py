"""Inter-annotator agreement between the gold and a second annotation.

Positive-atom F1 between the two annotators (symmetric), assertion agreement
on shared atoms, and Cohen's kappa on the review label, using the project's
own scoring code. Usage:

    python scripts/agreement.py annotated_reports/ annotated_reports/agreement/second_annotation.jsonl [--list]
    python scripts/agreement.py annotated_reports/disjoint_test.jsonl annotated_reports/agreement/disjoint_second.jsonl

`--list` prints, per report, the positive atoms only one annotator has, the
assertions they give a shared atom differently, and review-label differences.
"""

from __future__ import annotations

import argparse

from extractor.evaluate import evaluate, finding_atoms, positive_atoms
from extractor.gold import load_gold
from extractor.schema import ReportRecord


def cohen_kappa(a: list[int], b: list[int]) -> float:
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    pa, pb = sum(a) / n, sum(b) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def _assertions(findings: list) -> dict:
    out: dict = {}
    for f in findings:
        for atom in finding_atoms(f):
            out.setdefault(atom, set()).add(f.assertion)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold")
    parser.add_argument("second")
    parser.add_argument(
        "--list", action="store_true", help="list the atoms the annotators disagree on"
    )
    args = parser.parse_args()
    second = load_gold(args.second)
    ids = {r.id for r in second}
    first = [r for r in load_gold(args.gold) if r.id in ids]
    by_id = {r.id: r for r in first}
    as_pred = {
        r.id: ReportRecord(
            id=r.id, findings=r.scored_findings, needs_surgical_review=r.needs_surgical_review
        )
        for r in second
    }
    ev = evaluate(first, as_pred)
    kappa = cohen_kappa(
        [int(by_id[r.id].needs_surgical_review) for r in second],
        [int(r.needs_surgical_review) for r in second],
    )
    m = ev.micro
    print(f"reports annotated twice: {len(second)}")
    print(
        f"positive-atom agreement: F1 {m.f1:.3f} (P {m.precision:.3f}, R {m.recall:.3f}; "
        f"shared {m.tp}, only second {m.fp}, only first {m.fn})"
    )
    print(
        f"assertion agreement on shared atoms: {ev.assertion_agreement:.3f} ({ev.assertion_pairs})"
    )
    print(
        f"review label: Cohen's kappa {kappa:.3f}, raw agreement "
        f"{sum(by_id[r.id].needs_surgical_review == r.needs_surgical_review for r in second) / len(second):.3f}"
    )
    if args.list:
        for r in second:
            g = positive_atoms(by_id[r.id].scored_findings)
            s = positive_atoms(r.scored_findings)
            for atom in sorted(g - s, key=str):
                print(f"  only first  {r.id} {atom}")
            for atom in sorted(s - g, key=str):
                print(f"  only second {r.id} {atom}")
            first_assertions = _assertions(by_id[r.id].scored_findings)
            second_assertions = _assertions(r.scored_findings)
            for atom in sorted(set(first_assertions) & set(second_assertions), key=str):
                if first_assertions[atom] != second_assertions[atom]:
                    print(
                        f"  assertion   {r.id} {atom} first={sorted(first_assertions[atom])} "
                        f"second={sorted(second_assertions[atom])}"
                    )
            if by_id[r.id].needs_surgical_review != r.needs_surgical_review:
                print(
                    f"  label       {r.id} first={by_id[r.id].needs_surgical_review} second={r.needs_surgical_review}"
                )


if __name__ == "__main__":
    main()
