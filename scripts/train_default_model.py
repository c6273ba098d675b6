"""Train the packaged review model on the corpus's train split and write its
card with dev and test figures next to the contract rule.

    python scripts/train_default_model.py [annotated_reports/]

Deterministic: rerunning on the same corpus writes the same files.
"""

from __future__ import annotations

import sys
from pathlib import Path

from extractor import extract_many
from extractor.evaluate import evaluate
from extractor.gold import load_gold
from extractor.review.model import DEFAULT_MODEL
from extractor.review.train import model_card, prepare_inputs, train_model

MODELS = Path(__file__).resolve().parents[1] / "extractor" / "models"


def fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def main() -> None:
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else "annotated_reports")
    train = load_gold(corpus, ["train"])
    model, report = train_model(
        prepare_inputs([g.text for g in train]),
        [int(g.needs_surgical_review) for g in train],
        meta={"training_data": "annotated_reports train split"},
    )
    path = MODELS / DEFAULT_MODEL
    model.save(path)
    extra = ["## Held-out splits (model and contract rule on the same extracted findings)", ""]
    extra += [
        "| split | reports | model AUROC | model sensitivity | model specificity | rule AUROC | rule sensitivity | rule specificity |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for split in ("dev", "test"):
        gold = load_gold(corpus, [split])
        preds = {r.id: r for r in extract_many(((g.id, g.text) for g in gold), model=model)}
        ev = evaluate(gold, preds)
        m, r = ev.review, ev.rule_review
        extra.append(
            f"| {split} | {ev.n_reports} | {fmt(m['auroc'])} | {fmt(m['sensitivity'])} | {fmt(m['specificity'])}"
            f" | {fmt(r['auroc'])} | {fmt(r['sensitivity'])} | {fmt(r['specificity'])} |"
        )
    extra.append("")
    card = model_card(
        model,
        report,
        data="the gold corpus's train split (annotated_reports/train.jsonl)",
        extra=extra,
    )
    (MODELS / "README.md").write_text(card, encoding="utf-8")
    print("\n".join(report.lines()))
    print("\n".join(extra))
    print(f"written: {path} and {MODELS / 'README.md'}")


if __name__ == "__main__":
    main()
