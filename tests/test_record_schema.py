"""The record's JSON Schema: built from the contract's code, shipped in the
wheel, printed by `spine-extract schema`, and every record the CLI writes
validates against it with a real validator."""

import json
from importlib import resources

import pytest
from jsonschema import Draft202012Validator

from extractor.cli import EXIT_OK, EXIT_REPORT_ERRORS, main
from extractor.record_schema import record_schema

REPORTS = [
    {
        "id": "a",
        "text": "3 mm lucency about the left L5 pedicle screw. Both rods are fractured at T11-12.",
    },
    {"id": "b", "text": "No hardware complication. Spinal cord stimulator leads at T8."},
    {"id": "c", "text": ""},
    {
        "id": "d",
        "text": "INDICATION: evaluate for loosening.\nFINDINGS: L4-5 TLIF, the cage has subsided 2 mm.",
    },
]


@pytest.fixture(scope="module")
def validator():
    schema = record_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def test_the_packaged_file_is_the_schema_the_code_builds():
    shipped = (
        resources.files("extractor").joinpath("record.schema.json").read_text(encoding="utf-8")
    )
    assert json.loads(shipped) == record_schema(), (
        "run: spine-extract schema -o extractor/record.schema.json"
    )


def test_the_schema_command_prints_it(capsys):
    assert main(["schema"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out) == record_schema()


def test_every_record_the_cli_writes_is_valid(tmp_path, validator):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in REPORTS) + "{not json\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", "-j", "1", str(src), "-o", str(out)]) == EXIT_REPORT_ERRORS
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(REPORTS) + 1
    assert any(r["findings"] for r in records) and any(r["error"] for r in records)
    for record in records:
        assert list(validator.iter_errors(record)) == [], record["id"]


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda r: r["findings"][0].update(type="loose_screw"), "type"),
        (lambda r: r["findings"][0].update(levels=["L9"]), "levels"),
        (lambda r: r["findings"][0].update(size_mm=-1), "size_mm"),
        (lambda r: r.pop("hardware"), "hardware"),
        (lambda r: r.update(surprise=1), "surprise"),
    ],
)
def test_a_record_off_the_contract_is_refused(validator, change, path):
    record = {
        "id": "x",
        "findings": [
            {
                "type": "screw_lucency", "component": "screw", "levels": ["L5"], "side": "left",
                "size_mm": 3.0, "assertion": "present", "change": None, "section": "findings",
                "start": 0, "end": 7, "text": "lucency",
            }
        ],
        "needs_surgical_review": True, "review_probability": 0.9, "review_reasons": [],
        "hardware": [], "error": None,
    }  # fmt: skip
    assert list(validator.iter_errors(record)) == []
    change(record)
    errors = list(validator.iter_errors(record))
    assert errors and any(path in str([*e.absolute_path, e.message]) for e in errors)
