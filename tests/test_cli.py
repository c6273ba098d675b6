import json
import subprocess
import sys

import pandas as pd
import pytest

from extractor.cli import EXIT_OK, EXIT_REPORT_ERRORS, EXIT_USAGE, main

GOOD = "3 mm lucency about the left L5 pedicle screw."


def _jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _records(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_extract_jsonl_to_jsonl_keeps_order_and_prints_a_summary(tmp_path, capsys):
    src = _jsonl(
        tmp_path / "in.jsonl",
        [{"id": "a", "text": GOOD, "extra": 1}, {"id": "b", "text": "Rods intact."}],
    )
    out = tmp_path / "out.jsonl"
    assert main(["extract", "-j", "1", str(src), "-o", str(out)]) == EXIT_OK
    records = _records(out)
    assert [r["id"] for r in records] == ["a", "b"]
    assert records[0]["findings"][0]["type"] == "screw_lucency"
    err = capsys.readouterr().err
    assert "reports: 2" in err and "flagged for surgical review: 1" in err and "errors: 0" in err


def test_bad_rows_become_error_records_and_the_run_goes_on(tmp_path):
    src = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "ok1", "text": GOOD}),
        "{not json",
        json.dumps({"text": GOOD}),
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "blank", "text": "  "}),
        json.dumps({"id": "huge", "text": "x " * 600_000}),
        json.dumps({"id": "ok2", "text": GOOD}),
    ]
    src.write_bytes(("\n".join(lines) + "\n").encode() + b'{"id": "latin", "text": "caf\xe9"}\n')
    out = tmp_path / "out.jsonl"
    assert main(["extract", "-j", "1", str(src), "-o", str(out), "-q"]) == EXIT_REPORT_ERRORS
    records = _records(out)
    assert len(records) == 8
    assert [r["error"] is None for r in records] == [
        True,
        False,
        False,
        False,
        False,
        False,
        True,
        False,
    ]
    assert "invalid JSON" in records[1]["error"] and "line 2" in records[1]["error"]
    assert "missing id" in records[2]["error"] and "missing text" in records[3]["error"]
    assert (
        "not valid UTF-8" in records[7]["error"] and records[7]["needs_surgical_review"] is not None
    )
    assert all(r["findings"] == [] for r in records if r["error"])


def test_csv_in_gives_finding_and_report_tables(tmp_path):
    src = tmp_path / "in.csv"
    pd.DataFrame({"accession": ["a", "b"], "report": [GOOD, "Rods intact."]}).to_csv(
        src, index=False
    )
    out = tmp_path / "out.csv"
    code = main(
        [
            "extract",
            "-j",
            "1",
            str(src),
            "-o",
            str(out),
            "--id-field",
            "accession",
            "--text-field",
            "report",
            "-q",
        ]
    )
    assert code == EXIT_OK
    findings = pd.read_csv(out)
    reports = pd.read_csv(tmp_path / "out.reports.csv")
    assert list(reports["id"]) == ["a", "b"]
    assert list(findings["report_id"]) == ["a"] and findings.loc[0, "levels"] == "L5"
    hardware = pd.read_csv(tmp_path / "out.hardware.csv")
    assert list(hardware.columns) == ["report_id", "component", "levels", "side", "mentions"]


def test_csv_without_the_text_column_is_a_usage_error_before_any_report(tmp_path, capsys):
    src = tmp_path / "in.csv"
    src.write_text("id,body\n1,x\n2,y\n3,z,extra\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", "-j", "1", str(src), "-o", str(out), "-q"]) == EXIT_USAGE
    err = capsys.readouterr().err.strip()
    assert "no column 'text'" in err and "columns: ['id', 'body']" in err
    assert len(err.splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


def test_ragged_csv_rows_are_error_records(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text(f'id,text\n1,"{GOOD}"\n2\n3,"{GOOD}",surplus\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", "-j", "1", str(src), "-o", str(out), "-q"]) == EXIT_REPORT_ERRORS
    assert [r["error"] is None for r in _records(out)] == [True, False, False]


def test_parquet_in_and_out(tmp_path):
    src = tmp_path / "in.parquet"
    pd.DataFrame({"id": ["a", "b", "c"], "text": [GOOD, None, "Rods intact."]}).to_parquet(src)
    out = tmp_path / "out.parquet"
    assert main(["extract", "-j", "1", str(src), "-o", str(out), "-q"]) == EXIT_REPORT_ERRORS
    reports = pd.read_parquet(tmp_path / "out.reports.parquet")
    findings = pd.read_parquet(out)
    assert list(reports["id"]) == ["a", "b", "c"]
    assert reports["error"].notna().tolist() == [False, True, False]
    assert findings["type"].tolist() == ["screw_lucency"]
    assert findings["levels"].tolist()[0].tolist() == ["L5"]  # a list column in Parquet
    hardware = pd.read_parquet(tmp_path / "out.hardware.parquet")
    assert hardware["report_id"].tolist() == ["a", "c"]


def test_folder_of_text_files(tmp_path):
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    (folder / "one.txt").write_text(GOOD, encoding="utf-8")
    (folder / "sub" / "two.txt").write_text("Rods intact.", encoding="utf-8")
    (folder / "ignored.md").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", "-j", "1", str(folder), "-o", str(out), "-q"]) == EXIT_OK
    assert [r["id"] for r in _records(out)] == ["one.txt", "sub/two.txt"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["extract", "missing.jsonl"], "cannot read"),
        (["extract", "reports.xml"], "unknown input format"),
        (["extract", "-", "-o", "out.xlsx"], "unknown output format"),
        (["extract"], "required"),
        (["frobnicate"], "invalid choice"),
        (["evaluate", "no-such-gold"], "no such file"),
    ],
)
def test_usage_errors_exit_2_with_one_line(tmp_path, monkeypatch, capsys, argv, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reports.xml").write_text("<x/>")
    assert main(argv) == EXIT_USAGE
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1


def test_an_interrupted_run_leaves_only_a_resumable_partial(tmp_path, monkeypatch):
    src = _jsonl(tmp_path / "in.jsonl", [{"id": str(i), "text": GOOD} for i in range(5)])
    out = tmp_path / "out.jsonl"
    from extractor.io import CheckpointWriter

    real_write = CheckpointWriter.write
    calls = {"n": 0}

    def write_then_stop(self, record):
        if calls["n"] == 2:
            raise KeyboardInterrupt
        calls["n"] += 1
        real_write(self, record)

    monkeypatch.setattr(CheckpointWriter, "write", write_then_stop)
    assert main(["extract", "-j", "1", str(src), "-o", str(out), "-q"]) == 130
    assert not out.exists()
    assert len((tmp_path / "out.jsonl.partial.jsonl").read_text().splitlines()) == 2
    monkeypatch.setattr(CheckpointWriter, "write", real_write)
    assert main(["extract", "-j", "1", str(src), "-o", str(out), "-q", "--resume"]) == EXIT_OK
    assert [r["id"] for r in _records(out)] == ["0", "1", "2", "3", "4"]
    assert not list(tmp_path.glob("*.partial*"))


def test_console_script_reads_stdin_and_helps():
    run = subprocess.run(
        [sys.executable, "-m", "extractor", "extract", "-", "-q", "-j", "1"],
        input=json.dumps({"id": "s1", "text": GOOD}) + "\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["id"] == "s1"
    helped = subprocess.run(
        [sys.executable, "-m", "extractor", "extract", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    for option in ("--id-field", "--text-field", "--lexicons", "--max-chars", "Exit status"):
        assert option in helped.stdout


def test_evaluate_and_validate_gold_commands(tmp_path, capsys, root):
    assert main(["validate-gold", str(root / "annotated_reports")]) == EXIT_OK
    assert "gold reports valid" in capsys.readouterr().out
    pred = tmp_path / "pred.jsonl"
    gold = root / "annotated_reports" / "dev.jsonl"
    first = json.loads(gold.read_text(encoding="utf-8").splitlines()[0])
    pred.write_text(
        json.dumps(
            {
                "id": first["id"],
                "findings": first["findings"],
                "needs_surgical_review": first["needs_surgical_review"],
            }
        )
        + "\n"
    )
    one = tmp_path / "one.jsonl"
    one.write_text(json.dumps(first) + "\n")
    assert main(["evaluate", str(one), "--pred", str(pred), "--json"]) == EXIT_OK
    metrics = json.loads(capsys.readouterr().out)
    assert (
        metrics["n_reports"] == 1
        and metrics["positive_atoms"]["fp"] == 0
        and metrics["positive_atoms"]["fn"] == 0
    )


def test_an_empty_input_says_so(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(tmp_path / "empty"), "-o", str(out)]) == EXIT_OK
    assert "no reports in" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == ""
