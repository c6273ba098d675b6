"""The site validation round trip: predictions exported as pre-annotations
for Label Studio, Prodigy and BRAT read back as gold that scores F1 1.0
against themselves; a correction made in the export is what gets scored."""

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from extractor import extract_many
from extractor.annotations import (
    AnnotationError,
    export_format,
    label_studio_config,
    read_export,
    write_export,
)
from extractor.cli import EXIT_OK, main
from extractor.evaluate import evaluate
from extractor.gold import load_gold

ROOT = Path(__file__).resolve().parents[1]
OUTPUTS = {"label-studio": "tasks.json", "prodigy": "tasks.jsonl", "brat": "brat"}


@pytest.fixture(scope="module")
def corpus():
    gold = load_gold(ROOT / "annotated_reports", ["dev"])[:40]
    records = list(extract_many(((g.id, g.text) for g in gold), model="rule"))
    assert sum(len(r.findings) for r in records) > 50
    return [(g.id, g.text, r) for g, r in zip(gold, records, strict=True)]


@pytest.mark.parametrize("fmt", list(OUTPUTS))
def test_an_export_read_back_scores_one_against_itself(tmp_path, corpus, fmt):
    out = tmp_path / OUTPUTS[fmt]
    write_export(fmt, corpus, out)
    assert export_format(out) == fmt
    gold = read_export(out)
    assert [g.id for g in gold] == [i for i, _, _ in corpus]
    assert [g.text for g in gold] == [t for _, t, _ in corpus]
    assert [g.needs_surgical_review for g in gold] == [
        r.needs_surgical_review for _, _, r in corpus
    ]
    result = evaluate(gold, {i: r for i, _, r in corpus})
    assert result.micro.f1 == 1.0 and result.assertion_agreement == 1.0
    for g, (_, _, r) in zip(gold, corpus, strict=True):
        assert g.findings == sorted(r.findings, key=lambda f: (f.start, f.end))


def test_the_label_studio_results_fit_its_config(tmp_path, corpus):
    out = tmp_path / "tasks.json"
    written = write_export("label-studio", corpus, out)
    config = ET.fromstring(Path(written[1]).read_text(encoding="utf-8"))
    controls = {el.get("name"): el for el in config if el.get("toName") == "text"}
    labels = {el.get("value") for el in controls["finding"]}
    for task in json.loads(out.read_text(encoding="utf-8")):
        assert set(task["data"]) == {"id", "text"}
        for item in task["predictions"][0]["result"]:
            control = controls[item["from_name"]]
            assert control.tag.lower() == item["type"]
            values = item["value"].get("labels") or item["value"].get("choices") or []
            if control.tag in ("Labels", "Choices"):
                allowed = {el.get("value") for el in control}
                assert set(values) <= allowed
            if item["from_name"] == "finding":
                assert set(values) <= labels
                start, end = item["value"]["start"], item["value"]["end"]
                assert task["data"]["text"][start:end] == item["value"]["text"]
    assert label_studio_config().count("<Label ") == 8


def test_the_brat_files_fit_their_conf(tmp_path, corpus):
    out = tmp_path / "brat"
    write_export("brat", corpus, out)
    conf = (out / "annotation.conf").read_text(encoding="utf-8")
    entities = conf.split("[entities]")[1].split("[")[0].split()
    for ann in out.glob("*.ann"):
        with ann.with_suffix(".txt").open(encoding="utf-8", newline="") as fh:
            text = fh.read()
        for line in ann.read_text(encoding="utf-8").splitlines():
            if line.startswith("T"):
                _tid, spec, shown = line.split("\t")
                label, start, end = spec.split()
                assert label in entities
                assert " ".join(text[int(start) : int(end)].split("\n")) == shown


def test_a_correction_in_label_studio_is_what_gets_scored(tmp_path, corpus):
    out = tmp_path / "tasks.json"
    write_export("label-studio", corpus, out)
    tasks = json.loads(out.read_text(encoding="utf-8"))
    task = next(
        t
        for t in tasks
        if any(i["from_name"] == "assertion" for i in t["predictions"][0]["result"])
    )
    result = [dict(i) for i in task["predictions"][0]["result"]]
    item = next(i for i in result if i["from_name"] == "assertion")
    new = "absent" if item["value"]["choices"] != ["absent"] else "present"
    item["value"] = {**item["value"], "choices": [new]}
    task["annotations"] = [{"result": result, "was_cancelled": False}]
    out.write_text(json.dumps(tasks), encoding="utf-8")
    gold = {g.id: g for g in read_export(out)}
    corrected = gold[task["data"]["id"]]
    assert new in {f.assertion for f in corrected.findings}
    result = evaluate(list(gold.values()), {i: r for i, _, r in corpus})
    assert result.assertion_agreement < 1.0 or result.micro.f1 < 1.0


def test_a_bad_label_is_named(tmp_path):
    out = tmp_path / "tasks.jsonl"
    out.write_text(
        json.dumps({"text": "Loose screw.", "spans": [{"start": 0, "end": 5, "label": "loose"}]})
        + "\n"
    )
    with pytest.raises(AnnotationError, match="label 'loose' is not a finding type"):
        read_export(out)


def test_export_then_evaluate_and_train_from_the_command_line(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    gold = load_gold(ROOT / "annotated_reports", ["train"])[:30]
    src.write_text(
        "".join(json.dumps({"id": g.id, "text": g.text}) + "\n" for g in gold), encoding="utf-8"
    )
    out = tmp_path / "brat"
    assert main(["export", str(src), "--to", "brat", "-o", str(out), "--flag", "rule"]) == EXIT_OK
    capsys.readouterr()
    assert main(["evaluate", str(out), "--json"]) == EXIT_OK
    metrics = json.loads(capsys.readouterr().out)
    assert metrics["positive_atoms"]["f1"] == 1.0
    model = tmp_path / "site.json"
    assert main(["train", str(out), "-o", str(model)]) == EXIT_OK
    assert model.exists()
