"""Building the spaCy pipeline: the only place that knows the pipe order."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from .extensions import set_extensions
from .lexicon import (
    CONTEXT_RULES_FILE,
    FINDING_TYPES_FILE,
    LEXICON_FILES,
    SECTION_RULES_FILE,
    TARGET_RULES_FILE,
    THESAURUS_FILE,
    WORDS_FILE,
    LexiconError,
)
from .pipes import context, sections, sentences, targets  # noqa: F401  (registers the factories)
from .pipes.findings import builder  # noqa: F401
from .tokenizer import TOKENIZER

PIPE_NAMES = (
    "spine_sections",
    "spine_sentences",
    "spine_targets",
    "spine_context",
    "spine_findings",
)


def build_nlp(lexicon_dir: str | Path | None = None) -> Language:
    """A blank English pipeline with the report tokenizer and our components.

    `lexicon_dir` replaces the packaged rule files with the ones found in that
    folder (any of the files of `lexicons/`; missing ones fall back to the
    packaged ones).
    """
    if lexicon_dir is not None:
        folder = Path(lexicon_dir)
        if not folder.is_dir():
            raise LexiconError(f"{lexicon_dir}: no such folder of rule files")
        if not any((folder / name).exists() for name in LEXICON_FILES):
            raise LexiconError(
                f"{lexicon_dir}: holds none of the rule files {', '.join(LEXICON_FILES)}"
            )
    set_extensions()
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    # spaCy's 1M-character guard is for parsers; these rules are linear, and
    # callers bound text length themselves (extract's max_chars)
    nlp.max_length = 100_000_000

    def own(name: str) -> str | None:
        if lexicon_dir is None:
            return None
        path = Path(lexicon_dir) / name
        return str(path) if path.exists() else None

    nlp.add_pipe(
        "spine_sections", config={"rules": own(SECTION_RULES_FILE), "words": own(WORDS_FILE)}
    )
    nlp.add_pipe("spine_sentences", config={"words": own(WORDS_FILE)})
    nlp.add_pipe(
        "spine_targets",
        config={
            "rules": own(TARGET_RULES_FILE),
            "thesaurus": own(THESAURUS_FILE),
            "types": own(FINDING_TYPES_FILE),
        },
    )
    nlp.add_pipe("spine_context", config={"rules": own(CONTEXT_RULES_FILE)})
    nlp.add_pipe(
        "spine_findings", config={"types": own(FINDING_TYPES_FILE), "words": own(WORDS_FILE)}
    )
    return nlp


@lru_cache(maxsize=4)
def shared_nlp(lexicon_dir: str | None = None) -> Language:
    """One pipeline per process and lexicon folder, built on first use."""
    return build_nlp(lexicon_dir)
