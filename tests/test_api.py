import pickle
import re

import pandas as pd
import pytest
import spacy

import extractor
from extractor import build_nlp, extract, extract_frame, extract_many
from extractor.extensions import FINDINGS_KEY
from extractor.pipeline import PIPE_NAMES
from extractor.schema import RECORD_KEYS, ReportRecord
from extractor.tokenizer import TOKENIZER

TEXT = "FINDINGS: 3 mm lucency about the left L5 pedicle screw. No rod fracture."


def test_extract_returns_a_contract_record():
    record = extract(TEXT, report_id="r1")
    data = record.to_dict()
    assert list(data) == list(RECORD_KEYS)
    assert data["id"] == "r1" and data["error"] is None
    (lucency,) = [f for f in record.findings if f.is_positive]
    assert (lucency.type, lucency.levels, lucency.side, lucency.size_mm) == (
        "screw_lucency",
        ("L5",),
        "left",
        3.0,
    )
    assert TEXT[lucency.start : lucency.end] == lucency.text
    assert ReportRecord.from_dict(data).to_dict() == data


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty text"),
        ("   \n\t ", "empty text"),
        (None, "missing text"),
        (b"\x89PNG\r\n", "bytes"),
        (42, "not a string"),
        ("a\x00b\x01c" * 10, "binary"),
        ("lucency " * 200_000, "over the limit"),
    ],
)
def test_bad_text_gives_an_error_record_not_an_exception(text, message):
    record = extract(text, report_id="bad")
    assert record.id == "bad"
    assert record.findings == [] and record.needs_surgical_review is None
    assert message in record.error and "\n" not in record.error


def test_extract_many_keeps_order_and_ids():
    items = [("a", TEXT), ("b", ""), ("c", "Rods intact."), ("d", TEXT)]
    records = list(extract_many(items, batch_size=2))
    assert [r.id for r in records] == ["a", "b", "c", "d"]
    assert records[1].error == "empty text"
    assert records[0].to_dict()["findings"] == records[3].to_dict()["findings"]


def test_extract_many_numbers_plain_texts():
    assert [r.id for r in extract_many(["Rods intact.", TEXT])] == ["0", "1"]


def test_extract_frame_gives_report_finding_and_hardware_tables():
    df = pd.DataFrame(
        {"rid": ["x", "y", "z"], "body": [TEXT, None, "Rods intact."], "other": [1, 2, 3]}
    )
    reports, findings, hardware = extract_frame(df, id_col="rid", text_col="body")
    assert list(reports["id"]) == ["x", "y", "z"]
    assert reports.loc[1, "error"] == "missing text"
    assert set(findings["report_id"]) == {"x"}
    row = findings[findings["type"] == "screw_lucency"].iloc[0]
    assert (row["levels"], row["side"], row["size_mm"]) == (["L5"], "left", 3.0)
    assert ("x", "pedicle_screw", ["L5"], "left") in [
        (r.report_id, r.component, r.levels, r.side) for r in hardware.itertuples()
    ]


def test_table_dtypes_do_not_change_with_the_data():
    empty = extract_frame(pd.DataFrame({"id": ["a"], "text": ["Rods intact."]}))
    full = extract_frame(pd.DataFrame({"id": ["a"], "text": [TEXT]}))
    for a, b in zip(empty, full, strict=True):
        assert a.dtypes.to_dict() == b.dtypes.to_dict()
    assert str(full.reports["error"].dtype) == "string"
    assert str(full.findings["side"].dtype) == "string"


def test_extract_frame_names_a_missing_column():
    with pytest.raises(KeyError, match="'text'"):
        extract_frame(pd.DataFrame({"id": [1]}))


def test_docs_carry_findings_as_spans_with_context_attributes():
    nlp = build_nlp()
    doc = nlp("No lucency about the L4 screws. Possible fracture of the left rod.")
    spans = list(doc.spans[FINDINGS_KEY])
    lucency = next(s for s in spans if s._.finding_type == "screw_lucency")
    fracture = next(s for s in spans if s._.finding_type == "hardware_fracture")
    assert lucency._.is_negated and not lucency._.is_uncertain and lucency._.assertion == "absent"
    assert fracture._.is_uncertain and fracture._.side == "left" and fracture._.component == "rod"
    assert lucency._.rule_id and lucency._.levels == ("L4",)


def test_components_are_registered_entry_points():
    from importlib.metadata import entry_points

    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert {
        "spine_sections",
        "spine_sentences",
        "spine_targets",
        "spine_context",
        "spine_findings",
    } <= names
    # the one supported way by hand: the report tokenizer, then the pipes in order
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    for name in PIPE_NAMES:
        nlp.add_pipe(name)
    doc = nlp("Fracture of the left rod at L3-4.")
    assert [s._.finding_type for s in doc.spans[FINDINGS_KEY]] == ["hardware_fracture"]


def test_the_finding_pipe_names_what_its_pipeline_lacks():
    bare = spacy.blank("en")
    with pytest.raises(ValueError) as err:
        bare.add_pipe("spine_findings")
    message = str(err.value)
    assert "spine_sections" in message and "spine_context" in message
    assert "report tokenizer" in message and "build_nlp" in message


def test_pipeline_survives_pickling_for_worker_processes():
    nlp = build_nlp()
    clone = pickle.loads(pickle.dumps(nlp))
    doc = clone(TEXT)
    assert next(s._.finding_type for s in doc.spans[FINDINGS_KEY]) == "screw_lucency"


def test_readme_python_example_runs(root):
    readme = (root / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```python\n(.*?)```", readme, re.DOTALL)
    assert block is not None, "README has no python example"
    code = block.group(1)
    assert len(code.strip().splitlines()) <= 12
    namespace: dict = {}
    exec(compile(code, "README.md", "exec"), namespace)


def test_version_is_exposed():
    assert re.fullmatch(r"\d+\.\d+\.\d+", extractor.__version__)
