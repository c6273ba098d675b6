"""Batch runs: order with workers, dead workers, kill -9 and resume."""

import io
import json
import os
import re
import signal
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import extract
from extractor.batch import CRASH_ENV, Progress
from extractor.cli import EXIT_OK, EXIT_REPORT_ERRORS, main
from extractor.gold import load_gold
from extractor.schema import finding_problems


@pytest.fixture(scope="module")
def corpus_jsonl(tmp_path_factory, root):
    """All corpus reports, plus malformed rows, as one JSONL input."""
    gold = load_gold(root / "annotated_reports", ["train", "dev", "test"])
    path = tmp_path_factory.mktemp("batch") / "reports.jsonl"
    lines = [json.dumps({"id": g.id, "text": g.text}) for g in gold]
    lines.insert(7, "{broken json")
    lines.insert(50, json.dumps({"id": "no-text", "text": None}))
    lines.insert(90, json.dumps({"id": "blank", "text": "   "}))
    path.write_bytes(
        ("\n".join(lines) + "\n").encode() + b'{"id": "latin-1", "text": "lucency at L5 \xe9"}\n'
    )
    return path, len(lines) + 1


def _run(*args, env=None, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "extractor", "extract", *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
        **kwargs,
    )


def test_two_workers_give_the_same_output_in_the_same_order(tmp_path, corpus_jsonl):
    src, n = corpus_jsonl
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["extract", str(src), "-o", str(one), "-j", "1", "-q"]) == EXIT_REPORT_ERRORS
    assert main(["extract", str(src), "-o", str(two), "-j", "2", "-q"]) == EXIT_REPORT_ERRORS
    assert one.read_bytes() == two.read_bytes()
    assert len(one.read_text().splitlines()) == n


def test_a_dead_worker_costs_one_error_record(tmp_path, corpus_jsonl):
    src, n = corpus_jsonl
    rows = src.read_bytes().splitlines()
    rows.insert(120, json.dumps({"id": "poison", "text": "CRASH-THIS-WORKER lucency"}).encode())
    poisoned = tmp_path / "poisoned.jsonl"
    poisoned.write_bytes(b"\n".join(rows) + b"\n")
    out = tmp_path / "out.jsonl"
    run = _run(poisoned, "-o", out, "-j", "2", "-q", env={CRASH_ENV: "CRASH-THIS-WORKER"})
    assert run.returncode == EXIT_REPORT_ERRORS, run.stderr
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == n + 1
    poison = records[120]
    assert poison["id"] == "poison" and "worker process died" in poison["error"]
    clean = tmp_path / "clean.jsonl"
    assert main(["extract", str(src), "-o", str(clean), "-j", "1", "-q"]) == EXIT_REPORT_ERRORS

    # the same records, but for row numbers in messages (the poisoned file has one more line)
    def same(rs):
        return [
            {**r, "error": r["error"] and re.sub(r"line \d+", "line N", r["error"])} for r in rs
        ]

    expected = same(json.loads(line) for line in clean.read_text().splitlines())
    assert expected == same(records[:120] + records[121:])


def test_kill_9_then_resume_gives_the_uninterrupted_output(tmp_path, corpus_jsonl):
    src, _ = corpus_jsonl
    big = tmp_path / "big.jsonl"
    lines = src.read_bytes().splitlines()
    big.write_bytes(b"\n".join(lines * 6) + b"\n")  # ~2,700 reports
    expected = tmp_path / "expected.jsonl"
    assert main(["extract", str(big), "-o", str(expected), "-j", "1", "-q"]) == EXIT_REPORT_ERRORS
    out = tmp_path / "out.jsonl"
    partial = tmp_path / "out.jsonl.partial.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "extractor", "extract", str(big), "-o", str(out), "-j", "2", "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if partial.exists() and partial.stat().st_size > 200_000:
            break
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not out.exists(), "the run finished before it could be killed; use a bigger input"
    assert partial.exists()
    run = _run(big, "-o", out, "-j", "2", "-q", "--resume")
    assert run.returncode == EXIT_REPORT_ERRORS, run.stderr
    assert out.read_bytes() == expected.read_bytes()
    assert not partial.exists()


def _interrupted_run(src, out, monkeypatch, after):
    """Run until `after` records are written, then Ctrl-C."""
    from extractor.io import CheckpointWriter

    real_write = CheckpointWriter.write
    calls = {"n": 0}

    def write_then_stop(self, line):
        if calls["n"] == after:
            raise KeyboardInterrupt
        calls["n"] += 1
        real_write(self, line)

    monkeypatch.setattr(CheckpointWriter, "write", write_then_stop)
    assert main(["extract", str(src), "-o", str(out), "-j", "1", "-q"]) == 130
    monkeypatch.setattr(CheckpointWriter, "write", real_write)


def _rows(n):
    return "".join(
        json.dumps({"id": str(i), "text": f"The L{i % 5 + 1} rod is fractured."}) + "\n"
        for i in range(n)
    )


def test_resume_refuses_an_input_edited_in_place(tmp_path, monkeypatch, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(_rows(6))
    out = tmp_path / "out.jsonl"
    _interrupted_run(src, out, monkeypatch, after=3)
    lines = src.read_text().splitlines(keepends=True)
    lines[0], lines[1] = lines[1], lines[0]  # same size, same rows, other order
    src.write_text("".join(lines))
    capsys.readouterr()
    assert main(["extract", str(src), "-o", str(out), "-j", "1", "-q", "--resume"]) == 2
    assert "the input changed" in capsys.readouterr().err


def test_resume_refuses_other_options(tmp_path, monkeypatch, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(_rows(6))
    out = tmp_path / "out.jsonl"
    _interrupted_run(src, out, monkeypatch, after=3)
    capsys.readouterr()
    argv = ["extract", str(src), "-o", str(out), "-j", "1", "-q", "--resume", "--flag", "rule"]
    assert main(argv) == 2
    assert "other options" in capsys.readouterr().err


def test_a_torn_last_line_is_cut_before_resuming(tmp_path, monkeypatch):
    src = tmp_path / "in.jsonl"
    src.write_text(_rows(6))
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "-o", str(out), "-j", "1", "-q"]) == EXIT_OK
    expected = out.read_bytes()
    out.unlink()
    _interrupted_run(src, out, monkeypatch, after=3)
    partial = tmp_path / "out.jsonl.partial.jsonl"
    # records written after the last sync, and half of one more, are redone
    partial.write_bytes(partial.read_bytes() + expected.splitlines(keepends=True)[3][:17])
    assert main(["extract", str(src), "-o", str(out), "-j", "1", "-q", "--resume"]) == EXIT_OK
    assert out.read_bytes() == expected


def test_progress_bar_on_a_terminal_shows_rate_time_left_and_errors():
    class Tty(io.StringIO):
        def isatty(self):
            return True

    stream = Tty()
    progress = Progress(total=10, stream=stream)
    progress.update(False)
    progress.update(True)
    progress.finish()
    shown = stream.getvalue()
    assert "2/10" in shown and "reports/s" in shown and "errors=1" in shown
    assert "<" in shown  # tqdm's "elapsed<remaining"
    assert Progress(total=None, stream=io.StringIO()).enabled is False


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_unicode_gives_a_valid_record(text):
    record = extract(text, model="rule")
    data = record.to_dict()
    if record.error:
        assert data["findings"] == []
    for finding in data["findings"]:
        assert finding_problems(finding, text) == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                "No",
                "lucency",
                "about",
                "the",
                "left",
                "L5",
                "screw",
                "3 mm",
                ".",
                "\n",
                "fracture",
                "rod",
                "T10-L2",
                "possible",
                "IMPRESSION:",
                "?",
                "both",
                "cage",
                "subsided",
                "stimulator",
                "lead",
                "tip",
                "at",
                ";",
                "-",
            ]
        ),
        max_size=60,
    )
)
def test_report_like_word_salad_gives_valid_offsets(words):
    text = " ".join(words)
    for finding in extract(text, model="rule").to_dict()["findings"]:
        assert finding_problems(finding, text) == []
