"""A self-contained HTML review page for one report or a batch.

Each report shows its text with every finding's evidence highlighted by type
(struck through when absent, dashed when possible, grey when historical or
hypothetical; a tooltip gives type, levels, side, size, assertion and rule
id), a findings table, the review flag with probability and reasons, and a
spine diagram (occiput to S5 and ilium) marking each level with a present or
possible finding, by side. No scripts, fonts or network fetches; every piece
of report text is escaped; it prints on paper.

Colours are Okabe and Ito's colour-blind-safe palette; the diagram shows only
the stretch of spine the report is about, its instrumented levels (from the
hardware inventory) shaded, and each present or possible finding at its
level and side. The table lists present and possible findings first; each
row links to its highlighted evidence.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .schema import FINDING_TYPES, LEVELS, Finding, HardwareItem, ReportRecord

# Okabe and Ito's eight colours, told apart with any colour vision deficiency
TYPE_COLORS = {
    "screw_lucency": "#E69F00",  # orange
    "screw_malposition": "#CC79A7",  # reddish purple
    "screw_backout": "#56B4E9",  # sky blue
    "rod_connector_dislodgement": "#0072B2",  # blue
    "hardware_fracture": "#D55E00",  # vermillion
    "cage_subsidence": "#009E73",  # bluish green
    "pseudarthrosis": "#F0E442",  # yellow
    "stimulator": "#000000",  # black
}
DIAGRAM_LEVELS = [lv for lv in LEVELS if lv != "L6"]
DIAGRAM_MARGIN = 1  # levels shown above and below those with hardware or findings


@dataclass(frozen=True)
class RenderedFinding:
    finding: Finding
    rule_id: str | None = None


@dataclass(frozen=True)
class RenderInput:
    report_id: str | None
    text: str
    record: ReportRecord
    findings: Sequence[RenderedFinding]


class HTMLPage(str):
    """An HTML page; shows itself in a notebook."""

    def _repr_html_(self) -> str:
        return str(self)


def render(
    record_or_text: ReportRecord | str,
    *,
    text: str | None = None,
    report_id: str | None = None,
    model: Any = None,
) -> HTMLPage:
    """An HTML page for one report.

    Pass the report text (it is run through the pipeline; rule ids appear in
    the tooltips), or a record with `text=` the report it came from.
    """
    return render_many([_prepare(record_or_text, text=text, report_id=report_id, model=model)])


def render_texts(items: Iterable[tuple[str | None, str]], *, model: Any = None) -> HTMLPage:
    """One page for many (id, text) pairs, with a list of reports on top."""
    return render_many([_prepare(t, report_id=rid, model=model) for rid, t in items])


def _prepare(
    record_or_text: ReportRecord | str,
    *,
    text: str | None = None,
    report_id: str | None = None,
    model: Any = None,
) -> RenderInput:
    if isinstance(record_or_text, ReportRecord):
        if text is None:
            raise ValueError("rendering a record needs text=, the report it was extracted from")
        rec = record_or_text
        return RenderInput(
            rec.id if report_id is None else report_id,
            text,
            rec,
            [RenderedFinding(f) for f in rec.findings],
        )
    from .api import resolve_model, text_problem
    from .pipeline import shared_nlp
    from .record import doc_to_record

    source = record_or_text
    problem = text_problem(source)
    if problem is not None:
        rec = ReportRecord.failed(report_id, problem)
        return RenderInput(report_id, source if isinstance(source, str) else "", rec, [])
    doc = shared_nlp()(source)
    rec = doc_to_record(doc, report_id, resolve_model(model))
    spans = sorted(doc.spans["findings"], key=lambda s: (s.start_char, s.end_char))
    rule_of = {(s.start_char, s.end_char, s._.finding_type): s._.rule_id for s in spans}
    findings = [RenderedFinding(f, rule_of.get((f.start, f.end, f.type))) for f in rec.findings]
    return RenderInput(report_id, source, rec, findings)


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------

_CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1b1b;margin:24px;max-width:1100px}
h1{font-size:20px;margin:0 0 12px}h2{font-size:17px;margin:0}
nav ol{columns:3;font-size:13px;padding-left:20px}
article{border:1px solid #ccc;border-radius:6px;padding:16px;margin:0 0 24px;page-break-inside:avoid}
header.report{display:flex;justify-content:space-between;align-items:baseline;gap:16px;margin-bottom:8px}
.flag{padding:3px 10px;border-radius:12px;font-weight:600;font-size:13px;white-space:nowrap}
.flag.yes{background:#ffe3e3;color:#a51111;border:1px solid #e03131}
.flag.no{background:#ebfbee;color:#1e6b2f;border:1px solid #2f9e44}
.flag.err{background:#fff3bf;color:#7a5a00;border:1px solid #f59f00}
.grid{display:grid;grid-template-columns:1fr 200px;gap:16px;align-items:start}
pre.text{white-space:pre-wrap;word-wrap:break-word;font:13px/1.5 ui-monospace,Menlo,Consolas,monospace;background:#fafafa;border:1px solid #eee;padding:10px;margin:0}
mark{background:none;color:inherit;border-bottom:3px solid var(--c);padding:0 1px;box-shadow:inset 0 -0.4em 0 color-mix(in srgb,var(--c) 18%,transparent)}
mark.absent{text-decoration:line-through;text-decoration-color:var(--c);border-bottom-style:solid;opacity:.85}
mark.possible{border-bottom-style:dashed}
mark.historical,mark.hypothetical{border-bottom-color:#999;box-shadow:none;color:#666}
table{border-collapse:collapse;width:100%;font-size:12.5px;margin-top:10px}
th,td{border-bottom:1px solid #e5e5e5;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f4f4f4}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;background:var(--c);margin-right:5px}
.reasons{margin:6px 0 0;font-size:13px}.reasons h3{font-size:13px;margin:0}
.reasons ul{margin:2px 0 0;padding-left:18px}
tr.muted td{color:#888}tr.muted .swatch{opacity:.5}
mark:target{outline:2px solid #000;outline-offset:1px}
.diagram{font-size:11px;color:#555}
.legend{font-size:12px;color:#444;margin:6px 0 14px}
.legend span{margin-right:12px;white-space:nowrap}
.error{color:#7a5a00}
svg text{font:10px system-ui,Arial,sans-serif;fill:#333}
@media print{body{margin:0}nav{display:none}article{border:none;border-top:1px solid #999;border-radius:0}
 .grid{grid-template-columns:1fr 170px}mark{box-shadow:none}}
"""


def _esc(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _anchor(i: int, report_id: str | None) -> str:
    return f"report-{i}"


def render_many(items: Sequence[RenderInput]) -> HTMLPage:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Spine hardware findings</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>Spine hardware findings</h1>",
        _legend(),
    ]
    if len(items) > 1:
        parts.append('<nav aria-label="reports"><ol>')
        for i, item in enumerate(items):
            flag = "needs review" if item.record.needs_surgical_review else ""
            parts.append(
                f'<li><a href="#{_anchor(i, item.report_id)}">{_esc(item.report_id or f"report {i + 1}")}</a> {flag}</li>'
            )
        parts.append("</ol></nav>")
    for i, item in enumerate(items):
        parts.append(_report(i, item))
    parts.append("</body></html>")
    return HTMLPage("\n".join(parts))


def _legend() -> str:
    types = "".join(
        f'<span style="--c:{TYPE_COLORS.get(t, "#555")}"><i class="swatch"></i>{t}</span>'
        for t in FINDING_TYPES
    )
    styles = (
        '<span><mark style="--c:#555">present</mark></span>'
        '<span><mark class="possible" style="--c:#555">possible</mark></span>'
        '<span><mark class="absent" style="--c:#555">absent</mark></span>'
        '<span><mark class="historical" style="--c:#555">historical / hypothetical</mark></span>'
    )
    return f'<div class="legend">{types}<br>{styles}</div>'


def _report(i: int, item: RenderInput) -> str:
    rec = item.record
    if rec.error is not None:
        flag = '<span class="flag err">not processed</span>'
    elif rec.needs_surgical_review:
        flag = f'<span class="flag yes">needs surgical review &middot; p = {rec.review_probability:.2f}</span>'
    else:
        p = "" if rec.review_probability is None else f" &middot; p = {rec.review_probability:.2f}"
        flag = f'<span class="flag no">no surgical review flag{p}</span>'
    reasons = ""
    unique = list(dict.fromkeys(rec.review_reasons))
    if unique:
        heading = "Why it is flagged" if rec.needs_surgical_review else "What weighs towards review"
        reasons = (
            f'<section class="reasons"><h3>{heading}</h3><ul>'
            + "".join(f"<li>{_esc(r)}</li>" for r in unique)
            + "</ul></section>"
        )
    error = f'<p class="error">error: {_esc(rec.error)}</p>' if rec.error else ""
    title = _esc(item.report_id or f"report {i + 1}")
    return (
        f'<article id="{_anchor(i, item.report_id)}"><header class="report"><h2>{title}</h2>{flag}</header>'
        f"{reasons}{error}"
        f'<div class="grid"><pre class="text">{_highlight(i, item.text, item.findings)}</pre>'
        f"{_diagram(rec.findings, rec.hardware)}</div>"
        f"{_table(i, item.findings)}</article>"
    )


def _tooltip(rf: RenderedFinding) -> str:
    f = rf.finding
    size = "-" if f.size_mm is None else f"{f.size_mm:g} mm"
    return (
        f"{f.type} | levels {','.join(f.levels) or '-'} | side {f.side or '-'} | size {size} | "
        f"{f.assertion} | change {f.change or '-'} | {f.section} | rule {rf.rule_id or '-'}"
    )


def _mark_id(i: int, n: int) -> str:
    return f"r{i}-f{n}"


def _highlight(i: int, text: str, findings: Sequence[RenderedFinding]) -> str:
    out = []
    pos = 0
    number = {id(rf): n for n, rf in enumerate(findings)}
    for rf in sorted(findings, key=lambda r: (r.finding.start, -r.finding.end)):
        f = rf.finding
        start, end = max(f.start, pos), f.end
        if start >= end or end > len(text):
            continue  # overlapping or out-of-range evidence stays plain text
        out.append(_esc(text[pos:start]))
        out.append(
            f'<mark id="{_mark_id(i, number[id(rf)])}" class="{_esc(f.assertion)} t-{_esc(f.type)}" '
            f'style="--c:{TYPE_COLORS.get(f.type, "#555")}" '
            f'title="{_esc(_tooltip(rf))}" data-type="{_esc(f.type)}">{_esc(text[start:end])}</mark>'
        )
        pos = end
    out.append(_esc(text[pos:]))
    return "".join(out)


def _table(i: int, findings: Sequence[RenderedFinding]) -> str:
    """Present and possible findings first, then the rest greyed; each row
    links to its evidence in the text."""
    if not findings:
        return "<p>No findings.</p>"
    order = sorted(range(len(findings)), key=lambda n: not findings[n].finding.is_positive)
    rows = []
    for n in order:
        rf = findings[n]
        f = rf.finding
        muted = "" if f.is_positive else ' class="muted"'
        rows.append(
            f"<tr{muted}>"
            f'<td><i class="swatch" style="--c:{TYPE_COLORS.get(f.type, "#555")}"></i>'
            f'<a href="#{_mark_id(i, n)}">{_esc(f.type)}</a></td>'
            f"<td>{_esc(f.component or '-')}</td><td>{_esc(', '.join(f.levels) or '-')}</td>"
            f"<td>{_esc(f.side or '-')}</td><td>{'-' if f.size_mm is None else f'{f.size_mm:g}'}</td>"
            f"<td>{_esc(f.assertion)}</td><td>{_esc(f.change or '-')}</td><td>{_esc(f.section)}</td>"
            f"<td>{_esc(rf.rule_id or '-')}</td></tr>"
        )
    head = "".join(
        f"<th>{h}</th>"
        for h in (
            "type",
            "component",
            "levels",
            "side",
            "size (mm)",
            "assertion",
            "change",
            "section",
            "rule",
        )
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _diagram(findings: Sequence[Finding], hardware: Sequence[HardwareItem] = ()) -> str:
    """A small spine over the levels the report is about: instrumented levels
    shaded, each present or possible finding a dot at its level and side."""
    row_h, width = 14, 190
    marks: dict[str, list[tuple[str, str]]] = {}
    for f in findings:
        if not f.is_positive:
            continue
        sides = ["left", "right"] if f.side == "bilateral" else [f.side or "centre"]
        for level in f.levels:
            for side in sides:
                marks.setdefault(level, []).append((side, f.type))
    instrumented = {lv for h in hardware for lv in h.levels}
    shown = [i for i, lv in enumerate(DIAGRAM_LEVELS) if lv in marks or lv in instrumented]
    if not shown:
        return '<p class="diagram">No levels with hardware or findings.</p>'
    lo = max(0, min(shown) - DIAGRAM_MARGIN)
    hi = min(len(DIAGRAM_LEVELS), max(shown) + DIAGRAM_MARGIN + 1)
    levels = DIAGRAM_LEVELS[lo:hi]
    height = row_h * len(levels) + 20
    parts = [
        f'<svg role="img" aria-label="spine diagram: instrumented levels and findings" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
        '<text x="30" y="10">R</text><text x="150" y="10">L</text>',
    ]
    for k, level in enumerate(levels):
        y = 16 + k * row_h
        fill, stroke = ("#d9d9d9", "#595959") if level in instrumented else ("#f5f5f5", "#cccccc")
        parts.append(
            f'<rect x="70" y="{y}" width="50" height="{row_h - 3}" rx="3" fill="{fill}" stroke="{stroke}">'
            f"<title>{_esc(level)}{' instrumented' if level in instrumented else ''}</title></rect>"
            f'<text x="95" y="{y + 9}" text-anchor="middle">{_esc(level)}</text>'
        )
        seen: set[tuple[str, str]] = set()
        offsets = {"right": 55, "left": 135, "centre": 95}
        for side, ftype in marks.get(level, []):
            if (side, ftype) in seen:
                continue
            seen.add((side, ftype))
            n = sum(1 for sd, _ in seen if sd == side) - 1
            x = offsets[side] + (-8 * n if side == "right" else 8 * n)
            if side == "centre":
                x = 124 + 7 * n
            parts.append(
                f'<circle cx="{x}" cy="{y + 5}" r="4" fill="{TYPE_COLORS.get(ftype, "#555")}" '
                f'stroke="#000" stroke-width="0.5"><title>{_esc(level)} {_esc(side)}: {_esc(ftype)}</title></circle>'
            )
    parts.append("</svg>")
    return "".join(parts)
