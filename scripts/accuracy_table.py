"""Print the README's accuracy table: every split of the gold corpus, scored
with the contract's metrics by the packaged pipeline.

    python scripts/accuracy_table.py [annotated_reports/]
"""

from __future__ import annotations

import sys
from pathlib import Path

from extractor import extract_many
from extractor.evaluate import evaluate
from extractor.gold import load_gold

SPLITS = ("train", "dev", "test")


def fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def main() -> None:
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else "annotated_reports")
    results = {}
    for split in SPLITS:
        gold = load_gold(corpus, [split])
        preds = {r.id: r for r in extract_many((g.id, g.text) for g in gold)}
        results[split] = evaluate(gold, preds)
    print("| metric | " + " | ".join(SPLITS) + " |")
    print("| --- |" + " ---: |" * len(SPLITS))
    rows = [
        ("reports", lambda e: str(e.n_reports)),
        ("positive-atom precision", lambda e: fmt(e.micro.precision)),
        ("positive-atom recall", lambda e: fmt(e.micro.recall)),
        ("positive-atom F1 (micro)", lambda e: fmt(e.micro.f1)),
        ("assertion agreement", lambda e: fmt(e.assertion_agreement)),
        ("size within 0.5 mm", lambda e: fmt(e.size_accuracy)),
        ("review sensitivity", lambda e: fmt(e.review["sensitivity"])),
        ("review specificity", lambda e: fmt(e.review["specificity"])),
        ("review AUROC", lambda e: fmt(e.review["auroc"])),
    ]
    for label, get in rows:
        print(f"| {label} | " + " | ".join(get(results[s]) for s in SPLITS) + " |")
    print()
    print("Per type, test split:")
    print()
    print("| type | P | R | F1 | tp | fp | fn |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for t, c in results["test"].per_type.items():
        print(
            f"| {t} | {fmt(c.precision)} | {fmt(c.recall)} | {fmt(c.f1)} | {c.tp} | {c.fp} | {c.fn} |"
        )


if __name__ == "__main__":
    main()
