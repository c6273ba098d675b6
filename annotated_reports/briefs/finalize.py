#!/usr/bin/env python3
"""Turn draft annotations into contract-valid gold records.

Usage:
    python finalize.py FINDINGS.jsonl --texts DIR_OR_JSONL -o OUT.jsonl

FINDINGS.jsonl: one JSON object a line: {"id": ..., "meta": {...},
"findings": [...]} where each finding has type, component, levels, side,
size_mm, assertion, change, section, text (the exact evidence span) and
optionally "occurrence" (0-based: which occurrence of `text` in the report,
default 0 - or give "after": a short exact string that comes before the span
in the report, to pick the first occurrence after it) and "optional".
Levels may be given in any order and as ranges ("C5-7", "T10-L2"): they are
expanded and sorted.

--texts: a folder of ID.txt files (the report text, exactly as written), or
a JSONL file with id and text.

Prints every problem and exits 1 if there is any; otherwise writes OUT.jsonl
with start/end filled and needs_surgical_review computed by the contract's
rule.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

TYPES = {
    "screw_lucency",
    "screw_malposition",
    "screw_backout",
    "rod_connector_dislodgement",
    "hardware_fracture",
    "cage_subsidence",
    "pseudarthrosis",
    "stimulator",
}
COMPONENTS = {
    "pedicle_screw",
    "lateral_mass_screw",
    "iliac_screw",
    "screw",
    "rod",
    "connector",
    "set_screw",
    "cross_link",
    "plate",
    "interbody_cage",
    "hook",
    "wire",
    "stimulator_lead",
    "stimulator_generator",
    "stimulator",
    None,
}
LEVELS = (
    ["OCCIPUT"]
    + [f"C{i}" for i in range(1, 8)]
    + [f"T{i}" for i in range(1, 13)]
    + [f"L{i}" for i in range(1, 7)]
    + [f"S{i}" for i in range(1, 6)]
    + ["ILIUM"]
)
ORDER = {lv: i for i, lv in enumerate(LEVELS)}
SIDES = {"left", "right", "bilateral", None}
ASSERTIONS = {"present", "absent", "possible", "historical", "hypothetical"}
CHANGES = {"new", "worse", "stable", "improved", None}
SECTIONS = {"findings", "impression", "indication", "history", "technique", "comparison", "other"}
REVIEW_TYPES = TYPES - {"screw_lucency", "stimulator"}
MINOR = re.compile(r"\b(?:minimal|slight|thin|trace|subtle|tiny|small)\b", re.I)
LOOSE = re.compile(r"\bloos(?:en|e\b)", re.I)
RANGE = re.compile(r"^([CTLS])(\d+)\s*-\s*([CTLS]?)(\d+)$")


def expand(level: str) -> list[str]:
    level = level.strip().upper()
    if level in ORDER:
        return [level]
    m = RANGE.match(level)
    if not m:
        raise ValueError(f"unknown level {level!r}")
    a = f"{m.group(1)}{m.group(2)}"
    b = f"{m.group(3) or m.group(1)}{m.group(4)}"
    if a not in ORDER or b not in ORDER or ORDER[a] > ORDER[b]:
        raise ValueError(f"bad level range {level!r}")
    lo, hi = ORDER[a], ORDER[b]
    out = [lv for lv in LEVELS[lo : hi + 1] if lv not in ("OCCIPUT", "ILIUM")]
    # a range never runs through L6 unless it names it
    if "L6" not in (a, b):
        out = [lv for lv in out if lv != "L6"]
    return out


def needs_review(findings: list[dict]) -> bool:
    for f in findings:
        if f.get("optional") or f["assertion"] not in ("present", "possible"):
            continue
        if f["type"] in REVIEW_TYPES:
            return True
        if f["type"] == "screw_lucency":
            if f["size_mm"] is not None:
                if f["size_mm"] >= 2:
                    return True
            elif LOOSE.search(f["text"]) or not MINOR.search(f["text"]):
                return True
    return False


def load_texts(path: Path) -> dict[str, str]:
    if path.is_dir():
        return {p.stem: p.read_text(encoding="utf-8") for p in sorted(path.glob("*.txt"))}
    out = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                out[str(d["id"])] = d["text"]
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("findings")
    ap.add_argument("--texts", required=True)
    ap.add_argument("-o", "--out", required=True)
    args = ap.parse_args()
    texts = load_texts(Path(args.texts))
    problems: list[str] = []
    records = []
    seen = set()
    with open(args.findings, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(f"line {n}: invalid JSON: {e}")
                continue
            rid = str(d.get("id"))
            if rid in seen:
                problems.append(f"line {n}: duplicate id {rid}")
            seen.add(rid)
            if rid not in texts:
                problems.append(f"line {n}: no text for id {rid}")
                continue
            text = texts[rid]
            out_f = []
            for i, f in enumerate(d.get("findings") or []):
                where = f"{rid} finding {i}"
                try:
                    t = f["text"]
                    if f["type"] not in TYPES:
                        raise ValueError(f"type {f['type']!r}")
                    if f.get("component") not in COMPONENTS:
                        raise ValueError(f"component {f.get('component')!r}")
                    if f.get("side") not in SIDES:
                        raise ValueError(f"side {f.get('side')!r}")
                    if f["assertion"] not in ASSERTIONS:
                        raise ValueError(f"assertion {f['assertion']!r}")
                    if f.get("change") not in CHANGES:
                        raise ValueError(f"change {f.get('change')!r}")
                    if f["section"] not in SECTIONS:
                        raise ValueError(f"section {f['section']!r}")
                    levels: list[str] = []
                    for lv in f.get("levels") or []:
                        levels.extend(expand(lv))
                    levels = sorted(set(levels), key=ORDER.__getitem__)
                    size = f.get("size_mm")
                    if size is not None:
                        size = float(size)
                        if size <= 0:
                            raise ValueError("size_mm must be positive")
                    if "after" in f:
                        anchor = text.find(f["after"])
                        if anchor < 0:
                            raise ValueError(f"'after' string {f['after']!r} not in the report")
                        start = text.find(t, anchor)
                    else:
                        start = -1
                        for _ in range(int(f.get("occurrence", 0)) + 1):
                            start = text.find(t, start + 1)
                            if start < 0:
                                break
                    if not t or start < 0:
                        raise ValueError(f"evidence text {t!r} not found in the report")
                except (KeyError, ValueError, TypeError) as e:
                    problems.append(f"{where}: {e}")
                    continue
                out_f.append(
                    {
                        "type": f["type"],
                        "component": f.get("component"),
                        "levels": levels,
                        "side": f.get("side"),
                        "size_mm": size,
                        "assertion": f["assertion"],
                        "change": f.get("change"),
                        "section": f["section"],
                        "start": start,
                        "end": start + len(t),
                        "text": t,
                        "optional": bool(f.get("optional", False)),
                    }
                )
            out_f.sort(key=lambda x: (x["start"], x["end"]))
            rec = {"id": rid, "text": text, "meta": d.get("meta") or {}, "findings": out_f}
            rec["needs_surgical_review"] = needs_review(out_f)
            records.append(rec)
    missing = sorted(set(texts) - seen)
    if missing:
        problems.append(f"texts without annotations: {missing}")
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s); nothing written")
        return 1
    with open(args.out, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"ok: {len(records)} reports, {sum(len(r['findings']) for r in records)} findings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
