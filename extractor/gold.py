"""The gold corpus: reading it and checking it against the contract."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .review import review_by_rule
from .schema import Finding, finding_problems

# The corpus the rules were developed on (five writers, hash-split), then
# three sets written apart from it: new writers' reports, reports reworded
# from public cases, and chest imaging reports (an archive's other reports,
# full of devices that are not spinal). Each has a dev part (rules may be
# checked on it) and a frozen test part (never tuned on; checksums in the
# README).
CORPUS_SPLITS = ("train", "dev", "test")
DISJOINT_SPLITS = ("disjoint_dev", "disjoint_test")
REAL_SPLITS = ("real_dev", "real_test")
CHEST_SPLITS = ("chest_dev", "chest_test")
TEST_SPLITS = ("disjoint_test", "real_test", "chest_test", "test")  # the headline first
# every split, in the order tables show them: held-out test splits first
SPLITS = (*TEST_SPLITS, "disjoint_dev", "real_dev", "chest_dev", "dev", "train")
# splits whose writers wrote no corpus report
WRITER_DISJOINT_SPLITS = (*DISJOINT_SPLITS, *CHEST_SPLITS)


@dataclass
class GoldReport:
    id: str
    text: str
    findings: list[Finding]
    optional: list[bool]
    needs_surgical_review: bool
    meta: dict[str, Any] = field(default_factory=dict)
    split: str | None = None

    @property
    def scored_findings(self) -> list[Finding]:
        return [f for f, opt in zip(self.findings, self.optional, strict=True) if not opt]


def gold_files(path: str | Path, splits: Iterable[str] | None = None) -> list[Path]:
    """The JSONL files behind `path`: itself, or a folder's split files."""
    path = Path(path)
    if path.is_dir():
        names = list(splits) if splits else list(SPLITS)
        files = [path / f"{name}.jsonl" for name in names]
        return [f for f in files if f.exists()]
    return [path]


def read_gold_lines(path: Path) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield n, json.loads(line), None
            except json.JSONDecodeError as e:
                yield n, None, f"invalid JSON ({e.msg})"


def load_gold(path: str | Path, splits: Iterable[str] | None = None) -> list[GoldReport]:
    """Gold reports from a JSONL file or a corpus folder (train, dev, test)."""
    reports = []
    for file in gold_files(path, splits):
        split = file.stem if file.stem in SPLITS else None
        for n, data, error in read_gold_lines(file):
            if error or data is None:
                raise ValueError(f"{file}:{n}: {error}")
            raw = data.get("findings") or []
            reports.append(
                GoldReport(
                    id=str(data["id"]),
                    text=data["text"],
                    findings=[Finding.from_dict(f) for f in raw],
                    optional=[bool(f.get("optional", False)) for f in raw],
                    needs_surgical_review=bool(data["needs_surgical_review"]),
                    meta=data.get("meta") or {},
                    split=split,
                )
            )
    return reports


def validate_gold(path: str | Path, splits: Iterable[str] | None = None) -> list[str]:
    """Every way the gold at `path` breaks the contract or the guidelines.

    Checks fields and closed vocabularies, offsets (`text[start:end]`), id
    uniqueness across files, that each review label is the contract's rule
    applied to the report's (non-optional) findings, and what each kind of
    split promises: real-derived reports name their public source (one report
    per source), writer-disjoint reports name a writer the corpus does not have.
    """
    problems: list[str] = []
    seen: dict[str, str] = {}
    sources: dict[str, str] = {}
    writers: dict[str, set[str]] = {}  # split -> writers
    files = gold_files(path, splits)
    if not files:
        return [f"{path}: no gold files found"]
    for file in files:
        for n, data, error in read_gold_lines(file):
            where = f"{file.name}:{n}"
            if error or data is None:
                problems.append(f"{where}: {error}")
                continue
            rid = data.get("id")
            text = data.get("text")
            if not isinstance(rid, str) or not rid:
                problems.append(f"{where}: missing id")
                continue
            where = f"{file.name}:{n} ({rid})"
            if rid in seen:
                problems.append(f"{where}: id also in {seen[rid]}")
            seen[rid] = where
            if not isinstance(text, str) or not text.strip():
                problems.append(f"{where}: missing text")
                continue
            meta = data.get("meta", {})
            if not isinstance(meta, dict):
                problems.append(f"{where}: meta must be an object")
                continue
            problems.extend(_split_problems(file.stem, meta, where, sources, writers))
            if not isinstance(data.get("needs_surgical_review"), bool):
                problems.append(f"{where}: needs_surgical_review must be true or false")
                continue
            raw = data.get("findings")
            if not isinstance(raw, list):
                problems.append(f"{where}: findings must be a list")
                continue
            ok = True
            for i, f in enumerate(raw):
                if not isinstance(f, dict):
                    problems.append(f"{where} finding {i}: not an object")
                    ok = False
                    continue
                for p in finding_problems(f, text):
                    problems.append(f"{where} finding {i}: {p}")
                    ok = False
                if not isinstance(f.get("optional", False), bool):
                    problems.append(f"{where} finding {i}: optional must be true or false")
            if not ok:
                continue
            scored = [Finding.from_dict(f) for f in raw if not f.get("optional", False)]
            rule, _ = review_by_rule(scored)
            if rule != data["needs_surgical_review"]:
                problems.append(
                    f"{where}: needs_surgical_review is {data['needs_surgical_review']}, "
                    f"the contract's rule on its findings gives {rule}"
                )
    corpus_writers = set().union(*(writers.get(s, set()) for s in CORPUS_SPLITS))
    for split in WRITER_DISJOINT_SPLITS:
        shared = writers.get(split, set()) & corpus_writers
        if shared:
            problems.append(f"{split}: writers {sorted(shared)} also wrote corpus reports")
    return problems


def _split_problems(
    split: str,
    meta: dict[str, Any],
    where: str,
    sources: dict[str, str],
    writers: dict[str, set[str]],
) -> list[str]:
    """What a report's meta must say for the kind of split it is in."""
    problems = []
    writer = meta.get("writer")
    if writer is not None or split in WRITER_DISJOINT_SPLITS or split in REAL_SPLITS:
        if not isinstance(writer, str) or not writer:
            problems.append(f"{where}: meta.writer must name who wrote the report")
        else:
            writers.setdefault(split, set()).add(writer)
    if split in REAL_SPLITS:
        source = meta.get("source")
        if not isinstance(source, str) or not source.startswith(("http://", "https://")):
            problems.append(f"{where}: meta.source must be the URL of the public case")
        else:
            key = source.split("#", 1)[0].rstrip("/").lower()
            if key in sources:
                problems.append(f"{where}: source also used by {sources[key]}")
            sources[key] = where
    return problems
