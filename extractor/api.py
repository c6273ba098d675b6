"""The Python API: text in, contract records out."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.language import Language

from .pipeline import shared_nlp
from .record import build_records
from .review.rule import RULE_REVIEWER, Reviewer
from .schema import MAX_CHARS, ReportRecord

if TYPE_CHECKING:
    from .review.model import ReviewModel

ModelChoice = None | str | Path | Reviewer

_CONTROL_RE = re.compile("[\\x00-\\x08\\x0e-\\x1f]")
# Lone surrogates (from JSON escapes such as "\\ud800") are not Unicode text:
# spaCy cannot store them, so the pipeline sees U+FFFD in their place (same
# offsets) and the evidence is sliced from the text as given.
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def resolve_model(model: ModelChoice) -> Reviewer:
    """None -> the packaged classifier; "rule" -> the contract's rule; a path
    -> that model file; a reviewer (a ReviewModel) -> itself. scikit-learn is
    imported only when a classifier is chosen."""
    if model is None:
        from .review.model import default_model

        return default_model()
    if not isinstance(model, str | Path):
        return model
    if str(model) == "rule":
        return RULE_REVIEWER
    return _load_cached(str(Path(model).resolve()))


@lru_cache(maxsize=8)
def _load_cached(path: str) -> ReviewModel:
    from .review.model import load_model

    return load_model(path)


def text_problem(text: Any, *, max_chars: int = MAX_CHARS) -> str | None:
    """Why `text` cannot be processed, or None when it can."""
    if text is None:
        return "missing text"
    if isinstance(text, bytes | bytearray):
        return "text is bytes, not a string; decode it first"
    if not isinstance(text, str):
        return f"text is {type(text).__name__}, not a string"
    if not text.strip():
        return "empty text"
    if len(text) > max_chars:
        return f"text is {len(text):,} characters, over the limit of {max_chars:,}"
    if "\x00" in text or len(_CONTROL_RE.findall(text, 0, 4096)) > 8:
        return "text holds binary control characters, not report text"
    return None


def _for_pipeline(text: str) -> str:
    return _SURROGATE_RE.sub("\ufffd", text) if _SURROGATE_RE.search(text) else text


def _with_original_evidence(record: ReportRecord, text: str, processed: str) -> ReportRecord:
    if processed is not text:
        record.findings = [replace(f, text=text[f.start : f.end]) for f in record.findings]
    return record


def extract(
    text: Any,
    *,
    report_id: str | None = None,
    nlp: Language | None = None,
    max_chars: int = MAX_CHARS,
    model: ModelChoice = None,
) -> ReportRecord:
    """Findings of one report, as the contract's record.

    `model` sets the review flag: None (default) the packaged classifier,
    "rule" the contract's rule, a path a site model file, or a ReviewModel.
    Never raises for bad input: the record then carries `error` and no
    findings. A model file that cannot be trusted raises `ModelError`.
    """
    return next(extract_many([(report_id, text)], nlp=nlp, max_chars=max_chars, model=model))


def _pairs(items: Iterable[Any]) -> Iterator[tuple[str | None, Any]]:
    for n, item in enumerate(items):
        if isinstance(item, tuple | list) and len(item) == 2:
            yield (None if item[0] is None else str(item[0])), item[1]
        else:
            yield str(n), item


def extract_many(
    items: Iterable[Any],
    *,
    nlp: Language | None = None,
    batch_size: int = 64,
    max_chars: int = MAX_CHARS,
    model: ModelChoice = None,
) -> Iterator[ReportRecord]:
    """Stream records for texts or (id, text) pairs, in input order.

    Plain texts get their position ("0", "1", ...) as id. `model` as in
    `extract`.
    """
    nlp = nlp or shared_nlp()
    reviewer = resolve_model(model)
    batch: list[tuple[str | None, Any]] = []
    for pair in _pairs(items):
        batch.append(pair)
        if len(batch) >= batch_size:
            yield from _run_batch(nlp, batch, max_chars, reviewer)
            batch = []
    if batch:
        yield from _run_batch(nlp, batch, max_chars, reviewer)


def _run_batch(
    nlp: Language, batch: list[tuple[str | None, Any]], max_chars: int, reviewer: Reviewer
) -> Iterator[ReportRecord]:
    problems = [text_problem(text, max_chars=max_chars) for _, text in batch]
    good = [i for i, p in enumerate(problems) if p is None]
    processed = {i: _for_pipeline(batch[i][1]) for i in good}
    try:
        docs = list(nlp.pipe(processed[i] for i in good))
    except Exception:
        # one at a time, so only the report that breaks the pipeline fails
        docs = [_doc_or_error(nlp, processed[i]) for i in good]
    ok = [(i, doc) for i, doc in zip(good, docs, strict=True) if not isinstance(doc, str)]
    records = dict(
        zip(
            (i for i, _ in ok),
            build_records([(batch[i][0], doc) for i, doc in ok], reviewer),
            strict=True,
        )
    )
    failed = {i: doc for i, doc in zip(good, docs, strict=True) if isinstance(doc, str)}
    for i, (report_id, text) in enumerate(batch):
        if problems[i] is not None:
            yield ReportRecord.failed(report_id, str(problems[i]))
        elif i in failed:
            yield ReportRecord.failed(report_id, str(failed[i]))
        else:
            yield _with_original_evidence(records[i], text, processed[i])


def _doc_or_error(nlp: Language, text: str) -> Any:
    try:
        return nlp(text)
    except Exception as e:
        return f"pipeline failed: {type(e).__name__}: {e}"
