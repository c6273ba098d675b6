"""Reproducers of defects found by fuzzing and fault injection: each test fails
without its fix. Rows in must equal records out, nothing lost or duplicated,
no traceback, every record valid against the contract."""

import gzip
import hashlib
import json
import os
import signal
import subprocess
import sys
import time

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from extractor import extract
from extractor.cli import EXIT_BROKEN_PIPE, EXIT_OK, EXIT_REPORT_ERRORS, EXIT_USAGE, main
from extractor.io import coerce_id, open_input
from extractor.review.modelfile import ModelError, canonical, check_model_document
from extractor.schema import finding_problems

GOOD = "3 mm lucency about the left L5 pedicle screw."


def _jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _records(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _one_line_error(capsys):
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    return err


# -- numbers -------------------------------------------------------------------


@pytest.mark.parametrize("size", ["9" * 400, "0.001", "0.0004"])
def test_sizes_are_finite_and_positive_or_absent(size):
    text = f"Lucency of {size} mm about the left L5 pedicle screw."
    record = extract(text, model="rule")
    assert record.findings
    for f in record.findings:
        assert f.size_mm is None
        assert finding_problems(f.to_dict(), text) == []


def test_records_never_hold_non_json_numbers(tmp_path):
    src = _jsonl(
        tmp_path / "in.jsonl", [{"id": "a", "text": "Lucency " + "9" * 400 + " mm L5 screw."}]
    )
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "-o", str(out), "-j", "1", "-q"]) == EXIT_OK
    raw = out.read_text()
    assert "Infinity" not in raw and "NaN" not in raw
    json.loads(raw, parse_constant=lambda c: pytest.fail(f"non-JSON constant {c}"))


# -- lone surrogates -------------------------------------------------------------


def test_a_lone_surrogate_in_the_text_keeps_the_report_and_its_offsets():
    text = "FINDINGS: 4 mm lucency about the right L5 screw \ud800. The left L4 rod is fractured."
    record = extract(text, model="rule")
    assert record.error is None
    assert {f.type for f in record.findings} == {"screw_lucency", "hardware_fracture"}
    for f in record.findings:
        assert text[f.start : f.end] == f.text


def test_lone_surrogates_in_ids_and_texts_round_trip_through_jsonl(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": "a\\udc80", "text": "Fractured left rod at L4 \\ud800."}\n'
        '{"id": "b", "text": "Rods intact."}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "-o", str(out), "-j", "1", "-q"]) == EXIT_OK
    records = _records(out)
    assert [r["id"] for r in records] == ["a\udc80", "b"]
    finding = records[0]["findings"][0]
    assert finding["type"] == "hardware_fracture"
    text = "Fractured left rod at L4 \ud800."
    assert text[finding["start"] : finding["end"]] == finding["text"]
    table = tmp_path / "out.csv"
    assert main(["extract", str(src), "-o", str(table), "-j", "1", "-q"]) == EXIT_OK
    assert pd.read_csv(table)["report_id"].tolist() == ["a\\udc80"]


# -- one-line errors, no traceback ---------------------------------------------------


def test_an_output_folder_that_does_not_exist_is_a_usage_error(tmp_path, capsys):
    src = _jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": GOOD}])
    assert main(["extract", str(src), "-o", str(tmp_path / "nope" / "out.jsonl")]) == EXIT_USAGE
    assert "does not exist" in _one_line_error(capsys)


def test_an_unwritable_output_folder_is_a_usage_error(tmp_path, capsys, monkeypatch):
    src = _jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": GOOD}])
    real_access = os.access
    folder = str(tmp_path / "ro")
    os.mkdir(folder)
    # root may write anywhere, so the permission check is what is tested
    monkeypatch.setattr(os, "access", lambda p, m: False if str(p) == folder else real_access(p, m))
    assert main(["extract", str(src), "-o", folder + "/out.jsonl"]) == EXIT_USAGE
    assert "no permission" in _one_line_error(capsys)
    assert os.listdir(folder) == []


def test_a_corrupt_parquet_page_costs_only_its_rows(tmp_path):
    n = 3000
    table = pa.table(
        {"id": [f"r{i}" for i in range(n)], "text": [GOOD + f" {i}" * 7 for i in range(n)]}
    )
    path = tmp_path / "in.parquet"
    pq.write_table(table, path, row_group_size=1000)
    data = bytearray(path.read_bytes())
    middle = pq.ParquetFile(path).metadata.row_group(1).column(1).data_page_offset
    for i in range(middle + 10, middle + 200):
        data[i] ^= 0x55
    path.write_bytes(bytes(data))
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(path), "-o", str(out), "-j", "1", "-q"]) == EXIT_REPORT_ERRORS
    records = _records(out)
    assert len(records) == n
    bad = [r for r in records if r["error"]]
    assert 0 < len(bad) <= 1000
    assert all("unreadable Parquet data" in r["error"] for r in bad)
    assert [r["id"] for r in records[:1000]] == [f"r{i}" for i in range(1000)]


def test_a_bad_rule_is_one_usage_error_even_with_workers(tmp_path, capsys, root):
    rules = tmp_path / "rules"
    rules.mkdir()
    data = json.loads((root / "lexicons" / "context_rules.json").read_text())
    data["context_rules"][3]["direction"] = "SIDEWAYS"
    (rules / "context_rules.json").write_text(json.dumps(data))
    src = _jsonl(tmp_path / "in.jsonl", [{"id": str(i), "text": GOOD} for i in range(5)])
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "-o", str(out), "-j", "2", "--lexicons", str(rules)]) == 2
    err = _one_line_error(capsys)
    assert "SIDEWAYS" in err and "context_rules.json" in err
    assert not out.exists() and not (tmp_path / "out.jsonl.partial.jsonl").exists()


def test_a_lexicon_folder_that_does_not_exist_is_refused(tmp_path, capsys):
    src = _jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": GOOD}])
    argv = ["extract", str(src), "--lexicons", str(tmp_path / "nowhere")]
    assert main(argv) == EXIT_USAGE
    assert "no such folder" in _one_line_error(capsys)


def test_a_closed_pipe_ends_the_run_quietly(tmp_path):
    src = _jsonl(tmp_path / "in.jsonl", [{"id": str(i), "text": GOOD} for i in range(3000)])
    cmd = f"{sys.executable} -m extractor extract {src} -j 1 | head -n 1"
    run = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {cmd}"], capture_output=True, text=True, check=False
    )
    assert json.loads(run.stdout)["id"] == "0"
    assert run.stderr == ""
    assert run.returncode == EXIT_BROKEN_PIPE


def test_an_unexpected_failure_is_one_line_unless_debug(tmp_path, capsys, monkeypatch):
    import extractor.cli.extract as command

    def boom(*args, **kwargs):
        raise RuntimeError("something broke")

    monkeypatch.setattr(command, "open_input", boom)
    src = _jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": GOOD}])
    assert main(["extract", str(src)]) == 3
    assert "internal error (RuntimeError: something broke)" in _one_line_error(capsys)
    with pytest.raises(RuntimeError):
        main(["--debug", "extract", str(src)])


# -- the input is never destroyed -------------------------------------------------------


@pytest.mark.parametrize("name", ["same.jsonl", "same.csv"])
def test_output_onto_the_input_is_refused(tmp_path, capsys, name):
    src = tmp_path / name
    if name.endswith(".csv"):
        src.write_text(f'id,text\na,"{GOOD}"\n')
    else:
        _jsonl(src, [{"id": "a", "text": GOOD}])
    before = src.read_bytes()
    assert main(["extract", str(src), "-o", str(src)]) == EXIT_USAGE
    assert "overwrite the input" in _one_line_error(capsys)
    assert src.read_bytes() == before


def test_the_reports_table_of_a_csv_output_may_not_be_the_input(tmp_path, capsys):
    src = tmp_path / "out.reports.csv"
    src.write_text(f'id,text\na,"{GOOD}"\n')
    before = src.read_bytes()
    assert main(["extract", str(src), "-o", str(tmp_path / "out.csv")]) == EXIT_USAGE
    assert src.read_bytes() == before


# -- rows never lost or corrupted ---------------------------------------------------------


def test_a_utf8_bom_is_not_part_of_the_first_column_or_line(tmp_path):
    csv_in = tmp_path / "in.csv"
    csv_in.write_bytes(b"\xef\xbb\xbfid,text\na," + GOOD.encode() + b"\nb,Rods intact.\n")
    jsonl_in = tmp_path / "in.jsonl"
    jsonl_in.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "a", "text": GOOD}).encode() + b"\n")
    for src, n in ((csv_in, 2), (jsonl_in, 1)):
        rows = list(open_input(str(src)))
        assert len(rows) == n and all(r.error is None for r in rows)
        assert rows[0].id == "a"


def test_a_csv_without_a_header_is_refused_without_echoing_report_text(tmp_path, capsys):
    src = tmp_path / "in.csv"
    src.write_text("r1,Severe lucency about the left L5 pedicle screw measuring 4 mm\nr2,ok\n")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "-o", str(out)]) == EXIT_USAGE
    err = _one_line_error(capsys)
    assert "no column 'id'" in err and "Severe lucency" not in err
    assert not out.exists()


def test_an_unterminated_quote_costs_only_its_row(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text(f'id,text\n1,"{GOOD}"\n2,"never closed\n3,"{GOOD}"\n4,Rods intact.\n')
    rows = list(open_input(str(src)))
    assert [r.id for r in rows] == [None if i == 1 else str(i + 1) for i in range(4)]
    assert "not closed" in rows[1].error and "row 2 (line 3)" in rows[1].error
    assert [r.text for r in rows[2:]] == [GOOD, "Rods intact."]


def test_quoted_newlines_in_a_csv_are_one_row(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text('id,text\n1,"FINDINGS:\nRod fracture at L4."\n2,ok\n')
    rows = list(open_input(str(src)))
    assert [(r.id, r.text, r.error) for r in rows] == [
        ("1", "FINDINGS:\nRod fracture at L4.", None),
        ("2", "ok", None),
    ]


def test_an_unreadable_subfolder_gets_a_record(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(GOOD)
    (tmp_path / "z.txt").write_text("Rods intact.")
    real_scandir = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)  # root reads every folder
    rows = list(open_input(str(tmp_path)))
    assert [r.id for r in rows] == ["a.txt", "z.txt", "locked/"] or [r.id for r in rows] == [
        "a.txt",
        "locked/",
        "z.txt",
    ]
    locked = next(r for r in rows if r.id == "locked/")
    assert "cannot read folder" in locked.error


def test_a_fifo_in_a_folder_does_not_hang_the_run(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    os.mkfifo(tmp_path / "pipe.txt")
    rows = list(open_input(str(tmp_path)))
    assert [(r.id, r.error) for r in rows] == [("a.txt", None), ("pipe.txt", "not a regular file")]


def test_gzip_and_single_text_inputs_are_read(tmp_path):
    gz = tmp_path / "in.jsonl.gz"
    with gzip.open(gz, "wt") as fh:
        fh.write(json.dumps({"id": "g", "text": GOOD}) + "\n")
    txt = tmp_path / "one.txt"
    txt.write_text(GOOD)
    assert [r.id for r in open_input(str(gz))] == ["g"]
    assert [(r.id, r.text) for r in open_input(str(txt))] == [("one.txt", GOOD)]


# -- model files ------------------------------------------------------------------------


def _model_document():
    from importlib import resources

    raw = resources.files("extractor.models").joinpath("review_model.json").read_text()
    return json.loads(raw)


def _resealed(document, mutate):
    """The document with its payload changed and the checksum recomputed, as
    anyone who can write the file can do."""
    mutate(document["payload"])
    document["sha256"] = hashlib.sha256(canonical(document["payload"]).encode()).hexdigest()
    return json.dumps(document)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda p: p.update(intercept=int("9" * 401)), "intercept"),
        (lambda p: p["word_vectorizer"].update(vocabulary=["a", "b"]), "vocabulary"),
        (lambda p: p["calibration"].update(a=float("nan")), "calibration"),
        (lambda p: p.update(threshold=-1), "threshold"),
        (lambda p: p.update(threshold=5), "threshold"),
        (lambda p: p.update(coef=p["coef"][:-1]), "coef"),
        (
            lambda p: p["char_vectorizer"].update(idf=[0.0] * len(p["char_vectorizer"]["idf"])),
            "idf",
        ),
    ],
)
def test_a_model_file_is_validated_completely(mutate, message):
    raw = _resealed(_model_document(), mutate)
    with pytest.raises(ModelError, match=message):
        check_model_document(raw, "m.json")


def test_deeply_nested_model_json_is_refused():
    with pytest.raises(ModelError, match="not a usable JSON"):
        check_model_document("[" * 100_000 + "]" * 100_000, "m.json")


def test_a_bad_model_is_one_usage_error_before_workers_start(tmp_path, capsys):
    model = tmp_path / "m.json"
    model.write_text(_resealed(_model_document(), lambda p: p.update(threshold=5)))
    src = _jsonl(tmp_path / "in.jsonl", [{"id": str(i), "text": GOOD} for i in range(5)])
    assert (
        main(
            ["extract", str(src), "-o", str(tmp_path / "o.jsonl"), "-j", "2", "--model", str(model)]
        )
        == 2
    )
    assert "threshold" in _one_line_error(capsys)


# -- process hygiene ------------------------------------------------------------------------


def _children(pid):
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True)
    return [int(p) for p in out.stdout.split()]


def _cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline") as fh:
            return fh.read()
    except OSError:
        return ""


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as fh:
        return fh.read().split()[2] != "Z"


def _big_input(tmp_path, n=40_000):
    return _jsonl(tmp_path / "big.jsonl", [{"id": str(i), "text": GOOD} for i in range(n)])


def test_workers_die_with_a_killed_main_process(tmp_path):
    src = _big_input(tmp_path)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "extractor",
            "extract",
            str(src),
            "-o",
            str(tmp_path / "o.jsonl"),
            "-j",
            "2",
            "-q",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    partial = tmp_path / "o.jsonl.partial.jsonl"
    deadline = time.monotonic() + 120
    workers = []
    while time.monotonic() < deadline and not (
        len(workers) == 2 and partial.exists() and partial.stat().st_size > 0
    ):
        workers = [p for p in _children(proc.pid) if "spawn_main" in _cmdline(p)]
        time.sleep(0.2)
    assert proc.poll() is None, "the run ended before it could be killed"
    assert len(workers) == 2, workers
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.2)
    assert not any(_alive(w) for w in workers)


def test_sigterm_stops_the_run_with_a_message_and_a_resumable_partial(tmp_path):
    src = _big_input(tmp_path)
    out = tmp_path / "o.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "extractor", "extract", str(src), "-o", str(out), "-j", "1", "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    partial = tmp_path / "o.jsonl.partial.jsonl"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and not (partial.exists() and partial.stat().st_size > 1000):
        time.sleep(0.1)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143
    assert err.strip().splitlines()[-1] == "spine-extract: terminated"
    assert (tmp_path / "o.jsonl.partial.json").exists()


# -- resume ---------------------------------------------------------------------------------


def test_a_resumed_table_run_counts_the_whole_output(tmp_path, monkeypatch, capsys):
    from extractor.io import CheckpointWriter

    rows = [{"id": str(i), "text": GOOD if i % 2 else "Rods intact."} for i in range(6)]
    rows.append({"id": "bad", "text": ""})
    src = _jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.csv"
    real_write = CheckpointWriter.write
    calls = {"n": 0}

    def write_then_stop(self, line):
        if calls["n"] == 4:
            raise KeyboardInterrupt
        calls["n"] += 1
        real_write(self, line)

    monkeypatch.setattr(CheckpointWriter, "write", write_then_stop)
    assert main(["extract", str(src), "-o", str(out), "-j", "1", "-q"]) == 130
    monkeypatch.setattr(CheckpointWriter, "write", real_write)
    stale = tmp_path / ".out.csv.partial-table.csv"
    stale.write_text("evidence text a killed run left behind")
    capsys.readouterr()
    assert main(["extract", str(src), "-o", str(out), "-j", "1", "-q", "--resume"]) == 1
    err = capsys.readouterr().err
    assert "reports: 7 " in err and "flagged for surgical review: 3 " in err and "errors: 1 " in err
    assert not stale.exists()
    assert len(pd.read_csv(tmp_path / "out.reports.csv")) == 7


def test_a_parquet_usage_error_leaves_no_partial_files(tmp_path):
    src = tmp_path / "in.parquet"
    pd.DataFrame({"id": ["a"], "body": [GOOD]}).to_parquet(src)
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "-o", str(out)]) == EXIT_USAGE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.parquet"]


# -- ids -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("a1", "a1"),
        (" a1 ", " a1 "),
        (12, "12"),
        (12.0, "12"),
        (-3, "-3"),
        ("", None),
        (None, None),
        (True, None),
        (1.5, None),
        (1e300, None),
        (float("nan"), None),
        ({"a": 1}, None),
        ([1], None),
    ],
)
def test_ids_follow_one_documented_rule(value, expected):
    rid, problem = coerce_id(value)
    assert rid == expected
    assert (problem is None) == (expected is not None)


def test_empty_ids_are_missing_in_jsonl_and_csv_alike(tmp_path):
    jsonl_in = _jsonl(tmp_path / "in.jsonl", [{"id": "", "text": GOOD}])
    csv_in = tmp_path / "in.csv"
    csv_in.write_text(f'id,text\n,"{GOOD}"\n')
    for src in (jsonl_in, csv_in):
        (row,) = open_input(str(src))
        assert row.id is None and "missing id" in row.error


def test_duplicate_ids_are_reported_in_the_summary(tmp_path, capsys):
    src = _jsonl(
        tmp_path / "in.jsonl",
        [{"id": "a", "text": GOOD}, {"id": "b", "text": GOOD}, {"id": "a", "text": GOOD}],
    )
    assert main(["extract", str(src), "-o", str(tmp_path / "o.jsonl"), "-j", "1"]) == EXIT_OK
    assert "duplicate ids: 1" in capsys.readouterr().err
    assert [r["id"] for r in _records(tmp_path / "o.jsonl")] == ["a", "b", "a"]
