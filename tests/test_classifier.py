import json

import numpy as np
import pandas as pd
import pytest

from extractor import extract, extract_many
from extractor.cli import EXIT_OK, EXIT_USAGE, main
from extractor.gold import load_gold
from extractor.review.model import default_model, load_model
from extractor.review.modelfile import ModelError
from extractor.review.train import choose_threshold, prepare_inputs, train_model

STIMULATOR_ONLY = (
    "XR THORACIC SPINE: Spinal cord stimulator with lead tip at T8. No fusion hardware."
)


@pytest.fixture(scope="module")
def small_training(root):
    gold = load_gold(root / "annotated_reports", ["train"])[:60]
    return prepare_inputs([g.text for g in gold]), [int(g.needs_surgical_review) for g in gold]


def test_training_is_deterministic(tmp_path, small_training):
    inputs, labels = small_training
    a, _ = train_model(inputs, labels)
    b, _ = train_model(inputs, labels)
    a.save(tmp_path / "a.json")
    b.save(tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_save_and_load_give_identical_probabilities(tmp_path, small_training):
    inputs, labels = small_training
    model, report = train_model(inputs, labels)
    model.save(tmp_path / "m.json")
    loaded = load_model(tmp_path / "m.json")
    np.testing.assert_array_equal(model.probabilities(inputs), loaded.probabilities(inputs))
    assert loaded.threshold == model.threshold and 0 < report.cv_auroc <= 1


def _tamper(path, change):
    document = json.loads(path.read_text())
    change(document)
    path.write_text(json.dumps(document))


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: d["payload"]["coef"].__setitem__(0, 9.0), "checksum mismatch"),
        (lambda d: d.update(format="something-else"), "unknown format"),
        (lambda d: d.update(format_version=99), "format version"),
        (lambda d: d.update(sklearn_version="0.24.2"), "incompatible"),
        (lambda d: d.update(sklearn_version="99.0.0"), "incompatible"),
        (lambda d: d.pop("payload"), "no payload"),
    ],
)
def test_tampered_or_foreign_model_is_refused(tmp_path, small_training, change, reason):
    inputs, labels = small_training
    model, _ = train_model(inputs, labels)
    path = tmp_path / "m.json"
    model.save(path)
    _tamper(path, change)
    with pytest.raises(ModelError) as err:
        load_model(path)
    message = str(err.value)
    assert reason in message and str(path) in message and "\n" not in message


def test_pickle_or_garbage_is_refused(tmp_path):
    import pickle

    path = tmp_path / "model.json"
    path.write_bytes(pickle.dumps({"a": 1}))
    with pytest.raises(ModelError, match="not a JSON model file"):
        load_model(path)
    with pytest.raises(ModelError, match="cannot read"):
        load_model(tmp_path / "missing.json")


def test_cli_refuses_a_bad_model_with_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "Rods intact."}) + "\n")
    assert main(["extract", "-j", "1", str(src), "--model", str(bad)]) == EXIT_USAGE
    err = capsys.readouterr().err.strip()
    assert "bad.json: refused: unknown format" in err and len(err.splitlines()) == 1


def test_every_flagged_report_has_reasons(root):
    gold = load_gold(root / "annotated_reports", ["dev"])
    records = list(extract_many((g.id, g.text) for g in gold))
    flagged = [r for r in records if r.needs_surgical_review]
    assert flagged
    assert all(r.review_reasons for r in flagged)
    assert all(r.review_probability is not None and 0 <= r.review_probability <= 1 for r in records)


def test_reasons_read_like_findings():
    record = extract(
        "FINDINGS: 3 mm lucency around both L5 pedicle screws. The left rod is fractured at L3-4."
    )
    assert record.needs_surgical_review
    assert "screw_lucency L5 bilateral 3.0 mm" in record.review_reasons
    assert any(r.startswith("hardware_fracture L3,L4 left") for r in record.review_reasons)


def test_rule_flag_is_the_fallback():
    record = extract(STIMULATOR_ONLY, model="rule")
    assert record.needs_surgical_review is False and record.review_probability == 0.0


def test_a_site_model_trained_on_a_small_file_is_used(tmp_path, root, capsys):
    # A site that wants every stimulator report reviewed: a label the packaged model never learnt.
    gold = load_gold(root / "annotated_reports", ["train"])
    rows = [
        {"accession": g.id, "report": g.text, "review": int("stimulator" in g.text.lower())}
        for g in gold[:80]
    ]
    labeled = tmp_path / "site.csv"
    pd.DataFrame(rows).to_csv(labeled, index=False)
    model_path = tmp_path / "site_model.json"
    code = main(
        [
            "train",
            str(labeled),
            "-o",
            str(model_path),
            "--text-field",
            "report",
            "--label-field",
            "review",
        ]
    )
    assert code == EXIT_OK
    out = capsys.readouterr().out
    assert "model, cross-validated" in out and "contract rule" in out
    assert (tmp_path / "site_model.md").exists()
    assert extract(STIMULATOR_ONLY).needs_surgical_review is False
    assert extract(STIMULATOR_ONLY, model=model_path).needs_surgical_review is True
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "s", "text": STIMULATOR_ONLY}) + "\n")
    out_file = tmp_path / "out.jsonl"
    assert (
        main(
            ["extract", "-j", "1", str(src), "-o", str(out_file), "--model", str(model_path), "-q"]
        )
        == EXIT_OK
    )
    assert json.loads(out_file.read_text())["needs_surgical_review"] is True


def test_training_needs_both_labels(small_training):
    inputs, labels = small_training
    with pytest.raises(ValueError, match="both labels"):
        train_model(inputs, [1] * len(labels))


def test_threshold_keeps_sensitivity_and_best_specificity():
    y = np.array([1, 1, 1, 1, 0, 0, 0, 0])
    p = np.array([0.9, 0.8, 0.7, 0.3, 0.6, 0.2, 0.1, 0.05])
    t = choose_threshold(y, p, target=0.75)
    assert 0.6 < t <= 0.7  # all but one positive above it, no negative
    assert choose_threshold(y, p, target=1.0) <= 0.3


def test_packaged_model_loads_and_is_documented(root):
    model = default_model()
    assert 0 < model.threshold < 1
    card = (root / "extractor" / "models" / "README.md").read_text()
    assert f"{model.threshold:.4f}" in card and "scikit-learn" in card


def test_a_model_without_some_finding_features_still_loads_and_scores(tmp_path):
    """Features are looked up by name: a model trained before a feature (or a
    finding type) existed ignores it instead of being refused."""
    import hashlib

    from extractor.review.modelfile import canonical

    raw = json.loads(
        __import__("importlib")
        .resources.files("extractor.models")
        .joinpath("review_model.json")
        .read_text()
    )
    payload = raw["payload"]
    names = payload["finding_features"]
    dropped = [i for i, n in enumerate(names) if n.startswith(("n:stimulator", "any:stimulator"))]
    assert dropped
    payload["finding_features"] = [n for i, n in enumerate(names) if i not in dropped]
    payload["coef"] = [c for i, c in enumerate(payload["coef"]) if i not in dropped]
    raw["sha256"] = hashlib.sha256(canonical(payload).encode()).hexdigest()
    path = tmp_path / "older.json"
    path.write_text(json.dumps(raw))
    model = load_model(path)
    record = extract(STIMULATOR_ONLY, model=model)
    assert record.needs_surgical_review is False and record.review_probability is not None
