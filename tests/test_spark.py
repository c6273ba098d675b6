"""Spark in local mode gives the same records as the CLI for the same input."""

import json
import os
import sys

import pytest
from pyspark.sql import SparkSession

from extractor.cli import main
from extractor.gold import load_gold
from extractor.spark import extract_findings, extract_reports


@pytest.fixture(scope="module")
def spark():
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("spine-extract-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_spark_records_equal_the_cli_records(spark, tmp_path, root):
    gold = load_gold(root / "annotated_reports", ["dev", "train"])[:300]
    rows = [(g.id, g.text) for g in gold] + [("blank", "  "), ("none", None)]
    src = tmp_path / "in.jsonl"
    src.write_text(
        "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in rows), encoding="utf-8"
    )
    out = tmp_path / "out.jsonl"
    main(["extract", str(src), "-o", str(out), "-j", "1", "-q"])
    cli = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]

    df = spark.createDataFrame(rows, "id string, text string").repartition(3)
    reports = {r["id"]: r.asDict() for r in extract_reports(df).collect()}
    findings: dict[str, list[dict]] = {}
    for r in extract_findings(df).collect():
        findings.setdefault(r["report_id"], []).append(r.asDict())

    assert set(reports) == {r["id"] for r in cli}
    for record in cli:
        row = reports[record["id"]]
        assert row["needs_surgical_review"] == record["needs_surgical_review"]
        assert row["review_probability"] == record["review_probability"]
        assert row["review_reasons"] == record["review_reasons"]
        # readers word input errors with a line number; Spark has rows, not lines
        assert (row["error"] is None) == (record["error"] is None)
        assert row["n_findings"] == len(record["findings"])
        got = sorted(
            (
                {k: v for k, v in f.items() if k != "report_id"}
                for f in findings.get(record["id"], [])
            ),
            key=lambda f: (f["start"], f["end"], f["type"]),
        )
        assert got == record["findings"]


def test_missing_column_is_named(spark):
    df = spark.createDataFrame([("a", "x")], "id string, body string")
    with pytest.raises(KeyError, match="'text'"):
        extract_findings(df)
