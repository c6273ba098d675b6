"""Predictions as pre-annotations for annotation tools, and corrected
annotations back as gold: the site validation round trip.

    spine-extract export reports.jsonl --to label-studio -o tasks.json
    (correct them in the tool, export)
    spine-extract evaluate corrected.json
    spine-extract train corrected.json -o site_model.json

Formats (each finding a span labelled with its type, its other fields as
attributes; the report's review flag as a report-level choice):

- Label Studio: a JSON list of tasks, `{"data": {"id", "text"}, "predictions":
  [{"model_version", "result": [...]}]}`; a finding is a `labels` region with
  per-region `choices` (assertion, side, component, change, section),
  `textarea` (levels) and `number` (size_mm) results sharing its id; the
  labelling config that matches is written beside it (`*.label_config.xml`).
  Read back: a task's latest annotation that was not cancelled, else its
  prediction.
- Prodigy: JSON lines `{"text", "meta": {"id"}, "spans": [{"start", "end",
  "label", "assertion", "levels", ...}], "needs_surgical_review"}`. Read
  back: rows whose `answer` is not "reject" or "ignore".
- BRAT standoff: a folder of `ID.txt` and `ID.ann` with `annotation.conf`;
  `T` lines (type and offsets), `A` lines (Assertion, Side, Component,
  Change, Section), an `AnnotatorNotes` line with `levels=... size_mm=...`,
  and a `ReviewFlag` entity on the report's first word with attribute
  `NeedsReview` yes or no.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .gold import GoldReport
from .normalize import sort_levels
from .schema import (
    ASSERTIONS,
    CHANGES,
    COMPONENTS,
    FINDING_TYPES,
    LEVEL_ORDER,
    SECTIONS,
    SIDES,
    Finding,
    ReportRecord,
)

EXPORT_FORMATS = ("label-studio", "prodigy", "brat")
MODEL_VERSION = f"spine-hardware-extractor {__version__}"
_CHOICE_FIELDS = {
    "assertion": ASSERTIONS,
    "side": SIDES,
    "component": COMPONENTS,
    "change": CHANGES,
    "section": SECTIONS,
}
_BRAT_ATTRIBUTES = {name: name.capitalize() for name in _CHOICE_FIELDS}
_SAFE_ID_RE = re.compile(r"[^A-Za-z0-9._-]+")


class AnnotationError(ValueError):
    """An annotation export that cannot be read back (names the file and item)."""


# -- export ------------------------------------------------------------------------


def label_studio_config() -> str:
    """The Label Studio labelling config the export's results fit."""

    def choices(name: str, values: Sequence[str], per_region: bool = True) -> str:
        opts = "".join(f'<Choice value="{v}"/>' for v in values)
        region = ' perRegion="true"' if per_region else ""
        return f'  <Choices name="{name}" toName="text" choice="single"{region}>{opts}</Choices>\n'

    labels = "".join(f'<Label value="{t}"/>' for t in FINDING_TYPES)
    return (
        "<View>\n"
        '  <Text name="text" value="$text"/>\n'
        f'  <Labels name="finding" toName="text">{labels}</Labels>\n'
        + "".join(choices(name, values) for name, values in _CHOICE_FIELDS.items())
        + '  <TextArea name="levels" toName="text" perRegion="true" maxSubmissions="1"/>\n'
        '  <Number name="size_mm" toName="text" perRegion="true" min="0" step="0.1"/>\n'
        + choices("needs_surgical_review", ("yes", "no"), per_region=False)
        + "</View>\n"
    )


def label_studio_task(report_id: str, text: str, record: ReportRecord) -> dict[str, Any]:
    result: list[dict[str, Any]] = []
    for n, f in enumerate(record.findings, 1):
        rid = f"f{n}"
        span = {"start": f.start, "end": f.end, "text": f.text}
        result.append(_ls_region(rid, "finding", "labels", {**span, "labels": [f.type]}))
        for name in _CHOICE_FIELDS:
            value = getattr(f, name)
            if value is not None:
                result.append(_ls_region(rid, name, "choices", {**span, "choices": [value]}))
        if f.levels:
            result.append(
                _ls_region(rid, "levels", "textarea", {**span, "text": [",".join(f.levels)]})
            )
        if f.size_mm is not None:
            result.append(_ls_region(rid, "size_mm", "number", {**span, "number": f.size_mm}))
    if record.needs_surgical_review is not None:
        flag = "yes" if record.needs_surgical_review else "no"
        result.append(
            {
                "id": "review",
                "from_name": "needs_surgical_review",
                "to_name": "text",
                "type": "choices",
                "value": {"choices": [flag]},
            }
        )
    return {
        "data": {"id": report_id, "text": text},
        "predictions": [{"model_version": MODEL_VERSION, "result": result}],
    }


def _ls_region(rid: str, name: str, kind: str, value: dict[str, Any]) -> dict[str, Any]:
    return {"id": rid, "from_name": name, "to_name": "text", "type": kind, "value": value}


def prodigy_task(report_id: str, text: str, record: ReportRecord) -> dict[str, Any]:
    spans = []
    for f in record.findings:
        d = f.to_dict()
        d.pop("type")
        d.pop("text")
        spans.append({"start": f.start, "end": f.end, "label": f.type, **d})
    return {
        "text": text,
        "meta": {"id": report_id},
        "spans": spans,
        "needs_surgical_review": record.needs_surgical_review,
    }


def brat_conf() -> str:
    lines = ["[entities]", *FINDING_TYPES, "ReviewFlag", "", "[relations]", "", "[events]", ""]
    lines.append("[attributes]")
    for name, values in _CHOICE_FIELDS.items():
        lines.append(f"{_BRAT_ATTRIBUTES[name]}\tArg:<ENTITY>, Value:{'|'.join(values)}")
    lines.append("NeedsReview\tArg:ReviewFlag, Value:yes|no")
    return "\n".join(lines) + "\n"


def brat_ann(text: str, record: ReportRecord) -> str:
    lines: list[str] = []
    attr = 0
    for n, f in enumerate(record.findings, 1):
        tid = f"T{n}"
        lines.append(f"{tid}\t{f.type} {f.start} {f.end}\t{_one_line(f.text)}")
        for name, label in _BRAT_ATTRIBUTES.items():
            value = getattr(f, name)
            if value is not None:
                attr += 1
                lines.append(f"A{attr}\t{label} {tid} {value}")
        note = [f"levels={','.join(f.levels)}"] if f.levels else []
        if f.size_mm is not None:
            note.append(f"size_mm={f.size_mm:g}")
        if note:
            lines.append(f"#{n}\tAnnotatorNotes {tid}\t{' '.join(note)}")
    word = re.search(r"\S+", text)
    if word is not None and record.needs_surgical_review is not None:
        tid = f"T{len(record.findings) + 1}"
        lines.append(f"{tid}\tReviewFlag {word.start()} {word.end()}\t{word.group()}")
        attr += 1
        lines.append(
            f"A{attr}\tNeedsReview {tid} {'yes' if record.needs_surgical_review else 'no'}"
        )
    return "\n".join(lines) + ("\n" if lines else "")


def _one_line(text: str) -> str:
    return " ".join(text.split("\n")).replace("\t", " ")


def brat_name(report_id: str, used: set[str]) -> str:
    """A file name for a report id (unsafe characters replaced, kept unique)."""
    base = _SAFE_ID_RE.sub("_", report_id).strip("._") or "report"
    name, k = base, 1
    while name in used:
        k += 1
        name = f"{base}-{k}"
    used.add(name)
    return name


def write_export(
    fmt: str, reports: Iterable[tuple[str, str, ReportRecord]], output: str | Path
) -> list[str]:
    """Write the pre-annotations of (id, text, record) triples; the files written."""
    out = Path(output)
    if fmt == "label-studio":
        tasks = [label_studio_task(i, t, r) for i, t, r in reports]
        out.write_text(json.dumps(tasks, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        config = out.with_name(out.stem + ".label_config.xml")
        config.write_text(label_studio_config(), encoding="utf-8")
        return [str(out), str(config)]
    if fmt == "prodigy":
        with out.open("w", encoding="utf-8") as fh:
            for i, t, r in reports:
                fh.write(json.dumps(prodigy_task(i, t, r), ensure_ascii=False) + "\n")
        return [str(out)]
    out.mkdir(parents=True, exist_ok=True)
    (out / "annotation.conf").write_text(brat_conf(), encoding="utf-8")
    used: set[str] = set()
    ids: dict[str, str] = {}
    for i, t, r in reports:
        name = brat_name(i, used)
        ids[name] = i
        (out / f"{name}.txt").write_text(t, encoding="utf-8", newline="")
        (out / f"{name}.ann").write_text(brat_ann(t, r), encoding="utf-8")
    # file names lose characters; the ids they stand for
    (out / "ids.json").write_text(
        json.dumps(ids, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return [str(out)]


# -- import ------------------------------------------------------------------------


def export_format(path: str | Path) -> str | None:
    """The annotation format of `path`, or None when it is not an export."""
    p = Path(path)
    if p.is_dir():
        return "brat" if any(p.glob("*.ann")) else None
    if p.suffix.lower() == ".json":
        return "label-studio"
    if p.suffix.lower() == ".jsonl":
        try:
            with p.open(encoding="utf-8") as fh:
                first = json.loads(fh.readline() or "{}")
        except (OSError, ValueError):
            return None
        return "prodigy" if isinstance(first, dict) and "spans" in first else None
    return None


def read_export(path: str | Path) -> list[GoldReport]:
    """Gold reports from a (corrected) Label Studio, Prodigy or BRAT export."""
    fmt = export_format(path)
    if fmt == "label-studio":
        return list(_read_label_studio(Path(path)))
    if fmt == "prodigy":
        return list(_read_prodigy(Path(path)))
    if fmt == "brat":
        return list(_read_brat(Path(path)))
    raise AnnotationError(f"{path}: not a Label Studio, Prodigy or BRAT export")


def _finding(
    where: str, text: str, ftype: Any, start: Any, end: Any, fields: dict[str, Any]
) -> Finding:
    if ftype not in FINDING_TYPES:
        raise AnnotationError(f"{where}: label {ftype!r} is not a finding type")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        raise AnnotationError(f"{where}: bad offsets {start!r}-{end!r}")
    levels = fields.get("levels") or []
    if isinstance(levels, str):
        levels = [lv.strip().upper() for lv in levels.replace(";", ",").split(",") if lv.strip()]
    bad = [lv for lv in levels if lv not in LEVEL_ORDER]
    if bad:
        raise AnnotationError(f"{where}: levels {bad} are not vertebral levels")
    for name, allowed in _CHOICE_FIELDS.items():
        value = fields.get(name)
        if value is not None and value not in allowed:
            raise AnnotationError(f"{where}: {name} {value!r} is not one of {list(allowed)}")
    size = fields.get("size_mm")
    return Finding(
        type=ftype,
        component=fields.get("component"),
        levels=tuple(sort_levels(levels)),
        side=fields.get("side"),
        size_mm=None if size in (None, "") else float(size),
        assertion=fields.get("assertion") or "present",
        change=fields.get("change"),
        section=fields.get("section") or "findings",
        start=start,
        end=end,
        text=text[start:end],
    )


def _gold(report_id: Any, text: Any, findings: list[Finding], flag: Any, where: str) -> GoldReport:
    if not isinstance(text, str):
        raise AnnotationError(f"{where}: no text")
    if flag is None:
        flag = any(f.is_positive and f.type != "stimulator" for f in findings)
    return GoldReport(
        id=str(report_id),
        text=text,
        findings=findings,
        optional=[False] * len(findings),
        needs_surgical_review=bool(flag),
    )


def _read_label_studio(path: Path) -> Iterator[GoldReport]:
    try:
        tasks = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise AnnotationError(f"{path}: not readable JSON ({e})") from e
    if not isinstance(tasks, list):
        raise AnnotationError(f"{path}: a Label Studio export is a JSON list of tasks")
    for n, task in enumerate(tasks, 1):
        where = f"{path} task {n}"
        data = task.get("data") or {}
        done = [a for a in task.get("annotations") or () if not a.get("was_cancelled")]
        chosen = done[-1] if done else (task.get("predictions") or [{}])[-1]
        regions: dict[str, dict[str, Any]] = {}
        flag = None
        for item in chosen.get("result") or ():
            value = item.get("value") or {}
            name = item.get("from_name")
            if name == "needs_surgical_review":
                flag = (value.get("choices") or ["no"])[0] == "yes"
                continue
            region = regions.setdefault(item.get("id"), {"fields": {}})
            if name == "finding":
                region.update(label=(value.get("labels") or [None])[0])
            elif name in _CHOICE_FIELDS:
                region["fields"][name] = (value.get("choices") or [None])[0]
            elif name == "levels":
                region["fields"]["levels"] = ",".join(value.get("text") or [])
            elif name == "size_mm":
                region["fields"]["size_mm"] = value.get("number")
            region.setdefault("start", value.get("start"))
            region.setdefault("end", value.get("end"))
        text = data.get("text")
        findings = [
            _finding(
                f"{where} region {rid}",
                text or "",
                r.get("label"),
                r.get("start"),
                r.get("end"),
                r["fields"],
            )
            for rid, r in regions.items()
        ]
        findings.sort(key=lambda f: (f.start, f.end))
        yield _gold(data.get("id", n), text, findings, flag, where)


def _read_prodigy(path: Path) -> Iterator[GoldReport]:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                row = json.loads(line)
            except ValueError as e:
                raise AnnotationError(f"{where}: invalid JSON ({e})") from e
            if row.get("answer") in ("reject", "ignore"):
                continue
            text = row.get("text")
            findings = [
                _finding(
                    f"{where} span {k}", text or "", s.get("label"), s.get("start"), s.get("end"), s
                )
                for k, s in enumerate(row.get("spans") or (), 1)
            ]
            findings.sort(key=lambda f: (f.start, f.end))
            report_id = (row.get("meta") or {}).get("id", n)
            yield _gold(report_id, text, findings, row.get("needs_surgical_review"), where)


_T_RE = re.compile(r"^(T\d+)\t(\S+) (\d+) (\d+)(?:;\d+ \d+)*\t")
_A_RE = re.compile(r"^A\d+\t(\S+) (T\d+)(?: (\S+))?")
_NOTE_RE = re.compile(r"^#\d+\tAnnotatorNotes (T\d+)\t(.*)$")


def _read_brat(folder: Path) -> Iterator[GoldReport]:
    ids_file = folder / "ids.json"
    ids = json.loads(ids_file.read_text(encoding="utf-8")) if ids_file.exists() else {}
    names = list(ids) or sorted(p.stem for p in folder.glob("*.ann"))
    for name in names:
        ann, txt = folder / f"{name}.ann", folder / f"{name}.txt"
        where = str(ann)
        if not txt.exists():
            raise AnnotationError(f"{where}: no {txt.name} beside it")
        with txt.open(encoding="utf-8", newline="") as fh:
            text = fh.read()  # offsets count "\r\n" as two characters
        spans: dict[str, tuple[str, int, int]] = {}
        fields: dict[str, dict[str, Any]] = {}
        for line in (ann.read_text(encoding="utf-8") if ann.exists() else "").splitlines():
            if m := _T_RE.match(line):
                spans[m.group(1)] = (m.group(2), int(m.group(3)), int(m.group(4)))
            elif m := _A_RE.match(line):
                fields.setdefault(m.group(2), {})[m.group(1)] = m.group(3)
            elif m := _NOTE_RE.match(line):
                for pair in m.group(2).split():
                    key, _, value = pair.partition("=")
                    fields.setdefault(m.group(1), {})[key] = value
        flag = None
        findings = []
        for tid, (label, start, end) in spans.items():
            own = fields.get(tid, {})
            if label == "ReviewFlag":
                flag = own.get("NeedsReview") == "yes"
                continue
            by_name = {name: own.get(attr) for name, attr in _BRAT_ATTRIBUTES.items()}
            by_name.update(levels=own.get("levels"), size_mm=own.get("size_mm"))
            findings.append(_finding(f"{where} {tid}", text, label, start, end, by_name))
        findings.sort(key=lambda f: (f.start, f.end))
        yield _gold(ids.get(name, name), text, findings, flag, where)
