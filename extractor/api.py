"""The Python API: text in, contract records out."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language

from .classifier import ReviewModel, default_model, load_model, report_input
from .extensions import doc_text
from .pipeline import shared_nlp
from .record import doc_to_record
from .schema import MAX_CHARS, ReportRecord

ModelChoice = None | str | Path | ReviewModel

_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f]")
# Lone surrogates (from JSON escapes such as "\\ud800") are not Unicode text:
# spaCy cannot store them, so the pipeline sees U+FFFD in their place (same
# offsets) and the evidence is sliced from the text as given.
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def resolve_model(model: ModelChoice) -> ReviewModel | None:
    """None -> the packaged classifier; "rule" -> the contract rule (None);
    a path -> that model file; a ReviewModel -> itself."""
    if model is None:
        return default_model()
    if isinstance(model, ReviewModel):
        return model
    if str(model) == "rule":
        return None
    return _load_cached(str(Path(model).resolve()))


@lru_cache(maxsize=8)
def _load_cached(path: str) -> ReviewModel:
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
    review = resolve_model(model)
    problem = text_problem(text, max_chars=max_chars)
    if problem is not None:
        return ReportRecord.failed(report_id, problem)
    nlp = nlp or shared_nlp()
    try:
        processed = _for_pipeline(text)
        record = doc_to_record(nlp(processed), report_id, review)
        return _with_original_evidence(record, text, processed)
    except Exception as e:  # one bad report must not end a batch
        return ReportRecord.failed(report_id, f"pipeline failed: {type(e).__name__}: {e}")


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
    review = resolve_model(model)
    batch: list[tuple[str | None, Any]] = []
    for pair in _pairs(items):
        batch.append(pair)
        if len(batch) >= batch_size:
            yield from _run_batch(nlp, batch, max_chars, review)
            batch = []
    if batch:
        yield from _run_batch(nlp, batch, max_chars, review)


def _run_batch(
    nlp: Language,
    batch: list[tuple[str | None, Any]],
    max_chars: int,
    review: ReviewModel | None,
) -> Iterator[ReportRecord]:
    good = [
        (i, _for_pipeline(text))
        for i, (_, text) in enumerate(batch)
        if text_problem(text, max_chars=max_chars) is None
    ]
    try:
        docs = dict(zip((i for i, _ in good), nlp.pipe(t for _, t in good), strict=True))
    except Exception:
        docs = {}  # fall back to one at a time so only the bad report fails
    processed = dict(good)
    records = {
        i: _with_original_evidence(doc_to_record(doc, batch[i][0]), batch[i][1], processed[i])
        for i, doc in docs.items()
    }
    if review is not None and docs:
        # the classifier runs once per batch: its text features are vectorised together
        order = sorted(docs)
        items = [
            report_input(doc_text(docs[i]), docs[i]._.report_sections, records[i].findings)
            for i in order
        ]
        for i, (flag, probability, reasons) in zip(order, review.review_many(items), strict=True):
            records[i].needs_surgical_review = flag
            records[i].review_probability = probability
            records[i].review_reasons = reasons
    for i, (report_id, text) in enumerate(batch):
        if i in records:
            yield records[i]
        else:
            yield extract(
                text, report_id=report_id, nlp=nlp, max_chars=max_chars, model=review or "rule"
            )
