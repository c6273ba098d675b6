"""The HTML review page: structure, escaping, self-containment, and a real browser."""

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from extractor import extract, render
from extractor.cli import EXIT_OK, main

REPORT = (
    "CT LUMBAR SPINE\nFINDINGS: There is 3 mm of lucency around the left L5 pedicle screw. "
    "No rod fracture. Possible subsidence of the L4-5 cage.\nIMPRESSION: Loosening of the left L5 screw."
)


class Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def parse(page):
    c = Collector()
    c.feed(page)
    return c.tags


def test_page_structure():
    page = render(REPORT, report_id="r1")
    record = extract(REPORT, report_id="r1")
    tags = parse(page)
    marks = [a for t, a in tags if t == "mark" and "data-type" in a]  # not the legend
    assert len(marks) == len(record.findings)
    lucency = next(
        a for a in marks if a["data-type"] == "screw_lucency" and "size 3 mm" in a["title"]
    )
    assert (
        "levels L5" in lucency["title"]
        and "side left" in lucency["title"]
        and "rule tgt-" in lucency["title"]
    )
    classes = {a["class"].split()[0] for a in marks}
    assert {"present", "absent", "possible"} <= classes
    assert sum(1 for t, _ in tags if t == "tr") == len(record.findings) + 1
    circles = [a for t, a in tags if t == "circle"]
    assert circles and any(t == "svg" for t, _ in tags)
    assert "needs surgical review" in page
    for reason in record.review_reasons:
        assert reason in page


def test_report_text_is_escaped_and_the_page_is_self_contained():
    hostile = (
        '<script>alert("x")</script><img src=x onerror=alert(1)> 3 mm lucency about the L5 screw.'
    )
    page = render(hostile)
    assert "<script" not in page.lower() and "<img" not in page.lower()
    assert "&lt;script&gt;" in page
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:|//)", page)
    assert "@import" not in page and "url(" not in page
    assert "@media print" in page


def test_rendering_a_record_needs_its_text():
    record = extract(REPORT)
    assert "<mark" in render(record, text=REPORT)
    with pytest.raises(ValueError, match="text="):
        render(record)


def test_cli_render_batch_and_single(tmp_path, root):
    out = tmp_path / "batch.html"
    assert (
        main(["render", str(root / "examples" / "sample_reports.jsonl"), "-o", str(out)]) == EXIT_OK
    )
    page = out.read_text()
    assert page.count("<article") == 10 and "<nav" in page
    one = tmp_path / "one.txt"
    one.write_text(REPORT)
    single = tmp_path / "one.html"
    assert main(["render", str(one), "-o", str(single)]) == EXIT_OK
    assert single.read_text().count("<article") == 1


def _chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser")


def test_headless_chromium_loads_the_page_without_console_errors(tmp_path, root):
    browser = _chromium()
    if browser is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs it")
        pytest.skip("chromium not installed (apt-get install chromium); CI runs this test")
    page = tmp_path / "page.html"
    assert (
        main(["render", str(root / "examples" / "sample_reports.jsonl"), "-o", str(page)])
        == EXIT_OK
    )
    shot = tmp_path / "shot.png"
    run = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=1200,1500",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert shot.exists() and shot.stat().st_size > 10_000, run.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    console = [
        line for line in run.stderr.splitlines() if ":CONSOLE(" in line or "Uncaught" in line
    ]
    assert console == []


def test_eight_distinct_colour_blind_safe_hues():
    from extractor.review_page import TYPE_COLORS

    okabe_ito = {
        "#E69F00",
        "#56B4E9",
        "#009E73",
        "#F0E442",
        "#0072B2",
        "#D55E00",
        "#CC79A7",
        "#000000",
    }
    assert set(TYPE_COLORS.values()) == okabe_ito and len(TYPE_COLORS) == 8


def test_the_diagram_covers_the_instrumented_stretch_only():
    report = (
        "L4-5 TLIF. The L4 and L5 pedicle screws are intact. Lucency 3 mm around the left L5 screw."
    )
    tags = parse(render(report))
    rects = [a for t, a in tags if t == "rect"]
    assert 3 <= len(rects) <= 5  # L4, L5 and a level either side
    shaded = [a for a in rects if a.get("fill") == "#d9d9d9"]
    assert len(shaded) == 2
    assert "<svg" not in render("Normal alignment. No hardware.")


def test_positive_rows_first_and_every_row_links_to_its_evidence():
    page = render(REPORT)
    tags = parse(page)
    ids = {a["id"] for t, a in tags if t == "mark" and "id" in a}
    links = [a["href"][1:] for t, a in tags if t == "a" and a.get("href", "").startswith("#r")]
    assert links and set(links) <= ids
    body = page.split("<tbody>")[1].split("</tbody>")[0]
    assertions = re.findall(r"<td>(present|possible|absent|historical|hypothetical)</td>", body)
    positive = [a in ("present", "possible") for a in assertions]
    assert positive == sorted(positive, reverse=True) and False in positive
    assert body.count('class="muted"') == positive.count(False)


def test_reasons_are_under_a_heading_without_repeats():
    page = render(REPORT)
    section = page.split('<section class="reasons">')[1].split("</section>")[0]
    assert "<h3>Why it is flagged</h3>" in section
    items = re.findall(r"<li>(.*?)</li>", section)
    assert items and len(items) == len(set(items))
