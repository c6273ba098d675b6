"""`--format omop`: one OMOP NOTE_NLP row a finding, field by field."""

import json

import pandas as pd
import pyarrow.parquet as pq
import pytest

from extractor import extract
from extractor.cli import EXIT_OK, EXIT_USAGE, main
from extractor.tables import column_names

TEXT = (
    "INDICATION: evaluate for loosening.\n"
    "FINDINGS: 3 mm lucency about the left L5 pedicle screw. No rod fracture. "
    "Previously seen backout of the C6 screw has resolved."
)


@pytest.fixture
def source(tmp_path):
    src = tmp_path / "in.jsonl"
    rows = [{"id": "101", "text": TEXT}, {"id": "102", "text": "Unremarkable."}]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return src


def test_one_row_a_finding_with_its_fields(tmp_path, source):
    out = tmp_path / "note_nlp.csv"
    assert main(["extract", "-q", "--format", "omop", str(source), "-o", str(out)]) == EXIT_OK
    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(table.columns) == column_names("note_nlp")
    findings = extract(TEXT, report_id="101").findings
    assert len(table) == len(findings)
    assert list(table["note_nlp_id"]) == [str(i) for i in range(1, len(findings) + 1)]
    assert set(table["note_id"]) == {"101"}
    for (_, row), f in zip(table.iterrows(), findings, strict=True):
        assert row["offset"] == str(f.start)
        assert row["lexical_variant"] == f.text == row["snippet"]
        assert f"type={f.type}" in row["term_modifiers"]
        assert f"assertion={f.assertion}" in row["term_modifiers"]
        want = "N" if f.assertion in ("absent", "hypothetical") else "Y"
        assert row["term_exists"] == want
        assert row["term_temporal"] == ("past" if f.assertion == "historical" else "present")
        assert row["nlp_system"].startswith("spine-hardware-extractor ")
    assert {"absent", "hypothetical", "present"} <= {f.assertion for f in findings}


def test_parquet_types_do_not_depend_on_the_data(tmp_path, source):
    out = tmp_path / "note_nlp.parquet"
    assert main(["extract", "-q", "--format", "omop", str(source), "-o", str(out)]) == EXIT_OK
    schema = pq.read_schema(out)
    assert str(schema.field("note_nlp_id").type) == "int64"
    assert str(schema.field("term_exists").type) == "string"


def test_omop_needs_a_table_file(source, capsys):
    assert main(["extract", "--format", "omop", str(source)]) == EXIT_USAGE
    assert "writes a table" in capsys.readouterr().err
