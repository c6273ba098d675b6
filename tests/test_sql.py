"""Reports from a SQL query and records into SQL tables, on SQLite and on a
real PostgreSQL server: one record per row in order, error records, usage
errors before any report runs, and --resume after the last id written."""

import json
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest
import sqlalchemy as sa

from extractor import extract_many
from extractor.cli import EXIT_OK, EXIT_REPORT_ERRORS, EXIT_USAGE, main

REPORTS = [
    ("r1", "3 mm lucency about the left L5 pedicle screw."),
    ("r2", "No hardware complication."),
    ("r3", None),  # a NULL text: an error record
    ("r4", "Both rods are fractured at T11-12; the L4-5 cage has subsided 2 mm."),
    ("r5", "Spinal cord stimulator leads at T8."),
    ("r6", "The right S1 screw has backed out by 4 mm."),
]
QUERY = "SELECT accession, body FROM reports ORDER BY accession"
FIELDS = ["--id-field", "accession", "--text-field", "body"]


def _load(url, rows=REPORTS):
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP TABLE IF EXISTS reports"))
        conn.execute(sa.text("CREATE TABLE reports (accession VARCHAR(20) PRIMARY KEY, body TEXT)"))
        conn.execute(
            sa.text("INSERT INTO reports VALUES (:a, :b)"), [{"a": a, "b": b} for a, b in rows]
        )
        for table in ("findings", "reports", "hardware", "note_nlp"):
            conn.execute(sa.text(f"DROP TABLE IF EXISTS spine_{table}"))
    engine.dispose()


def _read(url, table):
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        rows = [
            dict(r._mapping)
            for r in conn.execute(sa.text(f"SELECT * FROM spine_{table} ORDER BY seq"))
        ]
    engine.dispose()
    return rows


def _decode(value):
    return json.loads(value) if isinstance(value, str) else value


def _check_tables(url):
    reports = _read(url, "reports")
    assert [r["id"] for r in reports] == [a for a, _ in REPORTS]
    assert [r["seq"] for r in reports] == list(range(1, len(REPORTS) + 1))
    assert reports[2]["error"] and reports[2]["needs_surgical_review"] is None
    expected = list(extract_many([(a, b) for a, b in REPORTS if b is not None]))
    findings = _read(url, "findings")
    got = [
        (f["report_id"], f["type"], _decode(f["levels"]), f["start"], f["end"]) for f in findings
    ]
    want = [(r.id, f.type, list(f.levels), f.start, f.end) for r in expected for f in r.findings]
    assert got == want
    assert _read(url, "hardware")


@pytest.fixture
def sqlite_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'site.db'}"
    _load(url)
    return url


def test_sqlite_query_to_sqlite_tables(sqlite_url):
    argv = ["extract", "-q", sqlite_url, "--query", QUERY, *FIELDS, "-o", sqlite_url]
    assert main(argv) == EXIT_REPORT_ERRORS  # the NULL text
    _check_tables(sqlite_url)


def test_a_query_without_the_text_column_is_a_usage_error(sqlite_url, capsys):
    argv = ["extract", sqlite_url, "--query", "SELECT accession FROM reports", *FIELDS, "-o", "-"]
    assert main(argv) == EXIT_USAGE
    assert "no column 'body'" in capsys.readouterr().err
    bad = ["extract", sqlite_url, "--query", "SELECT * FROM nowhere", *FIELDS]
    assert main(bad) == EXIT_USAGE
    assert main(["extract", sqlite_url, *FIELDS]) == EXIT_USAGE  # no --query


def test_filled_tables_need_resume(sqlite_url, capsys):
    argv = ["extract", "-q", sqlite_url, "--query", QUERY, *FIELDS, "-o", sqlite_url]
    main(argv)
    capsys.readouterr()
    assert main(argv) == EXIT_USAGE
    assert "--resume" in capsys.readouterr().err


def test_resume_goes_on_after_the_last_report_written(sqlite_url, tmp_path):
    out = f"sqlite:///{tmp_path / 'out.db'}"
    first = ["extract", "-q", sqlite_url, "--query", QUERY + " LIMIT 3", *FIELDS, "-o", out]
    main(first)
    assert len(_read(out, "reports")) == 3
    rest = ["extract", "-q", sqlite_url, "--query", QUERY, *FIELDS, "-o", out, "--resume"]
    assert main(rest) == EXIT_OK  # the error row was written before
    reports = _read(out, "reports")
    assert [r["id"] for r in reports] == [a for a, _ in REPORTS]
    reordered = QUERY.replace("ORDER BY accession", "ORDER BY accession DESC")
    again = ["extract", "-q", sqlite_url, "--query", reordered, *FIELDS, "-o", out, "--resume"]
    assert main(again) == EXIT_USAGE  # the input's row at the last place has another id


def test_a_file_into_tables_and_a_query_into_a_file(sqlite_url, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"accession": a, "body": b}) + "\n" for a, b in REPORTS))
    out = f"sqlite:///{tmp_path / 'out.db'}"
    main(["extract", "-q", str(src), *FIELDS, "-o", out])
    _check_tables(out)
    jsonl = tmp_path / "out.jsonl"
    main(["extract", "-q", sqlite_url, "--query", QUERY, *FIELDS, "-o", str(jsonl)])
    records = [json.loads(line) for line in jsonl.read_text().splitlines()]
    assert [r["id"] for r in records] == [a for a, _ in REPORTS]


def test_omop_rows_into_a_database(sqlite_url):
    argv = [
        "extract",
        "-q",
        sqlite_url,
        "--query",
        QUERY,
        *FIELDS,
        "-o",
        sqlite_url,
        "--format",
        "omop",
    ]
    main(argv)
    rows = _read(sqlite_url, "note_nlp")
    assert rows and [r["note_nlp_id"] for r in rows] == list(range(1, len(rows) + 1))


# -- a real PostgreSQL server -------------------------------------------------------


def _postgres_bin():
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return versions[-1].parent if versions else None


@pytest.fixture(scope="module")
def postgres_url():
    if os.environ.get("SPINE_TEST_POSTGRES_URL"):
        yield os.environ["SPINE_TEST_POSTGRES_URL"]
        return
    bindir = _postgres_bin()
    if bindir is None:
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql); CI runs this test")
    root = Path(tempfile.mkdtemp(prefix="spine-pg-"))
    data, sock = root / "data", root / "sock"
    sock.mkdir()
    as_user: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        shutil.chown(root, "postgres")
        shutil.chown(sock, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    run = lambda *cmd: subprocess.run([*as_user, *cmd], check=True, capture_output=True)  # noqa: E731
    run(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres")
    options = f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off"
    run(
        str(bindir / "pg_ctl"),
        "-D",
        str(data),
        "-o",
        options,
        "-w",
        "-l",
        str(root / "log"),
        "start",
    )
    try:
        yield f"postgresql+psycopg2://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)


def test_postgresql_query_to_postgresql_tables(postgres_url):
    _load(postgres_url)
    argv = ["extract", "-q", postgres_url, "--query", QUERY, *FIELDS, "-o", postgres_url]
    assert main(argv) == EXIT_REPORT_ERRORS
    _check_tables(postgres_url)
    engine = sa.create_engine(postgres_url)
    with engine.connect() as conn:
        kind = conn.execute(
            sa.text(
                "SELECT data_type FROM information_schema.columns WHERE table_name = 'spine_findings' AND column_name = 'levels'"
            )
        ).scalar()
    engine.dispose()
    assert kind == "json"
