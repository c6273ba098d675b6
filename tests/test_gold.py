"""The gold corpus, its validator, the scoring code, and accuracy floors."""

import json

import pytest

from extractor import extract_many
from extractor.evaluate import evaluate, finding_atoms
from extractor.gold import load_gold, validate_gold
from extractor.schema import Finding, ReportRecord


def test_corpus_is_valid(root):
    assert validate_gold(root / "annotated_reports") == []
    agreement = root / "annotated_reports" / "agreement"
    for name in ("second_annotation.jsonl", "disjoint_second.jsonl", "real_second.jsonl"):
        assert validate_gold(agreement / name) == []


def test_corpus_size_and_spread(root):
    gold = load_gold(root / "annotated_reports")
    by_split = {s: [g for g in gold if g.split == s] for s in ("train", "dev", "test")}
    assert len(gold) >= 400 and len(by_split["test"]) >= 100
    assert sum(not g.needs_surgical_review for g in gold) / len(gold) >= 0.40
    seen = {(f.type, f.assertion) for g in gold for f in g.findings}
    for t in {f.type for g in gold for f in g.findings}:
        for a in ("present", "absent", "possible", "historical", "hypothetical"):
            assert (t, a) in seen, (t, a)


def _good_record(tmp_path):
    text = "3 mm lucency about the left L5 screw."
    finding = {
        "type": "screw_lucency",
        "component": "screw",
        "levels": ["L5"],
        "side": "left",
        "size_mm": 3.0,
        "assertion": "present",
        "change": None,
        "section": "findings",
        "start": 0,
        "end": 36,
        "text": text[:36],
    }
    return {"id": "g1", "text": text, "findings": [finding], "needs_surgical_review": True}


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda r: r["findings"][0].update(start=1), "text[1:36]"),
        (lambda r: r["findings"][0].update(type="loose_screw"), "type='loose_screw'"),
        (lambda r: r["findings"][0].update(levels=["L5", "L4"]), "spine order"),
        (lambda r: r["findings"][0].update(levels=["L9"]), "levels ['L9']"),
        (lambda r: r.update(needs_surgical_review=False), "rule on its findings gives True"),
        (lambda r: r["findings"][0].pop("side"), "missing keys"),
        (lambda r: r["findings"][0].update(size_mm=-1), "size_mm"),
    ],
)
def test_validator_names_what_is_wrong(tmp_path, mutate, message):
    record = _good_record(tmp_path)
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(record) + "\n")
    assert validate_gold(path) == []
    mutate(record)
    path.write_text(json.dumps(record) + "\n" + json.dumps(record) + "\n")
    problems = validate_gold(path)
    assert any(message in p for p in problems), problems
    assert any("id also in" in p for p in problems)


def _f(type_, levels, side, assertion="present", size=None):
    return Finding(type_, None, tuple(levels), side, size, assertion, None, "findings", 0, 1, "x")


def test_atoms_split_bilateral_and_empty_levels():
    assert finding_atoms(_f("hardware_fracture", ["L3", "L4"], "bilateral")) == [
        ("hardware_fracture", "L3", "left"),
        ("hardware_fracture", "L3", "right"),
        ("hardware_fracture", "L4", "left"),
        ("hardware_fracture", "L4", "right"),
    ]
    assert finding_atoms(_f("stimulator", [], None)) == [("stimulator", None, None)]


def test_scoring_by_hand(tmp_path):
    from extractor.gold import GoldReport

    gold = [
        GoldReport(
            "a",
            "x",
            [
                _f("screw_lucency", ["L5"], "bilateral", size=3.0),
                _f("hardware_fracture", [], None, "absent"),
                _f("stimulator", [], None),
            ],
            [False, False, True],
            True,
        ),
        GoldReport(
            "b", "x", [_f("pseudarthrosis", ["L5", "S1"], None, "possible")], [False], False
        ),
    ]
    preds = {
        "a": ReportRecord(
            "a",
            [
                _f("screw_lucency", ["L5"], "left", size=3.4),
                _f("hardware_fracture", [], None, "present"),
                _f("stimulator", [], None),
            ],
            True,
            0.9,
        ),
        "b": ReportRecord("b", [_f("pseudarthrosis", ["L5"], None, "present")], True, 0.6),
    }
    ev = evaluate(gold, preds)
    # gold positive atoms: L5 left, L5 right, pseudarthrosis L5, S1 -> 4; stimulator is optional
    # predicted: L5 left (tp), fracture (fp), pseudarthrosis L5 (tp)
    assert (ev.micro.tp, ev.micro.fp, ev.micro.fn) == (2, 1, 2)
    assert ev.per_type["screw_lucency"].recall == 0.5
    # assertions: lucency L5 left (agree), fracture absent vs present (disagree), pseudarthrosis L5 possible vs present
    assert (ev.assertion_pairs, ev.assertion_agreement) == (3, pytest.approx(1 / 3))
    assert (ev.size_pairs, ev.size_accuracy) == (1, 1.0)
    assert (
        ev.review["sensitivity"] == 1.0
        and ev.review["specificity"] == 0.0
        and ev.review["auroc"] == 1.0
    )


# Floors set just under the figures measured when they were last changed;
# a regression fails CI. They move up only with measured gains, never down to
# let a change pass. Measured figures are in the README. None: no pairs to
# measure (the real-derived splits hold few lucency sizes).
FLOORS = {
    # a little under the figures measured after the batch-5 round of
    # 2026-12-02 (README, "Accuracy"): a guard against regressions, not a target
    "train": {
        "f1": 0.95,
        "assertion": 0.945,
        "size": 0.985,
        "sensitivity": 0.99,
        "specificity": 0.97,
    },
    "dev": {"f1": 0.94, "assertion": 0.965, "size": 0.99, "sensitivity": 0.99, "specificity": 0.97},
    "test": {
        "f1": 0.98,
        "assertion": 0.955,
        "size": 0.97,
        "sensitivity": 0.99,
        "specificity": 0.99,
    },
    # the writer-disjoint dev split by batch, as for real_dev: batches 1-6
    # keep the floors set on them before batch 7 joined the split
    "disjoint_dev batches 1-6": {
        # with batches 2-6 (600 reports by twenty-five more writers); raised
        # after the batch-6 round of 2026-12-03 (F1 0.952, specificity 0.991)
        "f1": 0.945,
        "assertion": 0.945,
        "size": 0.945,
        "sensitivity": 0.99,
        "specificity": 0.985,
    },
    "disjoint_dev batch 7": {
        # 120 reports by five more writers (wd33-wd37), scored once before any
        # rule change for them on 2026-12-03: F1 0.922, assertion 0.932,
        # specificity 0.935 (README, "Accuracy"); raised after its dev round
        # (F1 0.953, assertion 0.933)
        "f1": 0.945,
        "assertion": 0.925,
        "size": 0.98,
        "sensitivity": 0.99,
        "specificity": 0.93,
    },
    "disjoint_dev batch 8": {
        # 120 reports by five more writers (wd38-wd42), scored once before any
        # rule change for them on 2026-12-04: F1 0.897, assertion 0.954,
        # specificity 0.943 (README, "Accuracy"); raised after its dev round
        # (F1 0.943, assertion 0.978, specificity 1.000)
        "f1": 0.935,
        "assertion": 0.97,
        "size": 0.97,
        "sensitivity": 0.99,
        "specificity": 0.98,
    },
    "disjoint_dev batch 9": {
        # 120 reports by five more writers (wd43-wd47), scored once before any
        # rule change for them on 2026-12-04: F1 0.928, assertion 0.964,
        # specificity 1.000 (README, "Accuracy")
        "f1": 0.935,
        "assertion": 0.96,
        "size": 0.98,
        "sensitivity": 0.99,
        "specificity": 0.98,
    },
    "disjoint_dev batch 10": {
        # 120 reports by five more writers (wd48-wd52), scored once before any
        # rule change for them on 2026-12-04: F1 0.892, assertion 0.938,
        # specificity 0.932 (README, "Accuracy"); after its round F1 0.925
        "f1": 0.915,
        "assertion": 0.935,
        "size": 0.97,
        "sensitivity": 0.99,
        "specificity": 0.95,
    },
    "disjoint_dev batch 11": {
        # 72 reports by three more writers (wd53-wd55), scored once against
        # the final gold before any rule change for them on 2026-12-05: F1
        # 0.723, assertion 0.829, size 0.833, sensitivity 0.900, specificity
        # 0.844 (wd55's structured forms at F1 0.513)
        "f1": 0.71,
        "assertion": 0.82,
        "size": 0.8,
        "sensitivity": 0.88,
        "specificity": 0.8,
    },
    "disjoint_test": {
        "f1": 0.90,
        "assertion": 0.945,
        "size": 0.93,
        "sensitivity": 0.99,
        "specificity": 0.99,
    },
    # the real-derived dev split by batch: batch 1's floors are the ones
    # set before batch 2 joined the split, on the same 63 reports
    "real_dev batch 1": {
        "f1": 0.935,
        "assertion": 0.925,
        "size": None,
        "sensitivity": 0.99,
        "specificity": 0.99,
    },
    "real_dev batch 2": {
        # 75 more reworded public cases, after their dev round of 2026-12-03
        # (F1 0.794 before it, 0.897 after; specificity 0.886 to 1.000)
        "f1": 0.89,
        "assertion": 0.96,
        "size": None,
        "sensitivity": 0.96,
        "specificity": 0.99,
    },
    "real_test": {
        "f1": 0.845,
        "assertion": 0.94,
        "size": None,
        "sensitivity": 0.99,
        "specificity": 0.965,
    },
    # chest imaging: mostly devices outside the spine (few positive atoms, few sizes)
    "chest_dev": {
        "f1": 0.955,
        "assertion": 0.97,
        "size": None,
        "sensitivity": 0.99,
        "specificity": 0.99,
    },
    "chest_test": {
        "f1": 0.85,
        "assertion": 0.92,
        "size": None,
        "sensitivity": 0.99,
        "specificity": 0.95,
    },
}


def _floor_set(root, key):
    """The reports a floor is for: a split, or a batch or run of batches of
    it ("real_dev batch 2", "disjoint_dev batches 1-6"; reports without
    `meta.batch` are batch 1)."""
    split, _, batches = key.replace(" batches ", " batch ").partition(" batch ")
    gold = load_gold(root / "annotated_reports", [split])
    if not batches:
        return gold
    first, _, last = batches.partition("-")
    lo, hi = int(first), int(last or first)
    return [g for g in gold if lo <= g.meta.get("batch", 1) <= hi]


@pytest.fixture(scope="module")
def evaluations(root):
    """Every split scored once, with one run of the packaged pipeline."""
    gold = {s: _floor_set(root, s) for s in FLOORS}
    every = [g for reports in gold.values() for g in reports]
    preds = {r.id: r for r in extract_many((g.id, g.text) for g in every)}
    return {s: evaluate(reports, preds) for s, reports in gold.items()}


@pytest.mark.parametrize("split", list(FLOORS))
def test_accuracy_floors(evaluations, split):
    ev = evaluations[split]
    floor = FLOORS[split]
    assert ev.micro.f1 >= floor["f1"]
    assert ev.assertion_agreement >= floor["assertion"]
    if floor["size"] is not None:
        assert ev.size_accuracy >= floor["size"]
    assert ev.review["sensitivity"] >= floor["sensitivity"]
    assert ev.review["specificity"] >= floor["specificity"]


def test_sets_written_apart_meet_their_counts(root):
    from extractor.gold import CHEST_SPLITS, DISJOINT_SPLITS, REAL_SPLITS

    def reports(splits):
        return load_gold(root / "annotated_reports", splits)

    test = reports(["disjoint_test"])
    assert len(test) >= 150 and len({g.meta["writer"] for g in test}) >= 6
    real = reports(REAL_SPLITS)
    assert len(real) >= 120 and len({g.meta["source"] for g in real}) == len(real)
    for split in (*DISJOINT_SPLITS, *REAL_SPLITS):
        gold = reports([split])
        traps = sum(g.meta.get("kind") in ("negative", "trap") for g in gold)
        assert traps / len(gold) >= 1 / 3, split
    for split in CHEST_SPLITS:
        gold = reports([split])
        assert len(gold) >= 75 and len({g.meta["writer"] for g in gold}) >= 2, split
        # an archive's chest films: most name no spinal finding at all
        traps = sum(g.meta.get("kind") in ("negative", "trap") for g in gold)
        assert traps / len(gold) >= 2 / 3, split
