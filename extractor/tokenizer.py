"""A fast tokenizer for radiology report text.

spaCy's English tokenizer costs ~0.5 ms on a 600-character report here,
most of the pipeline's budget; one regular expression pass plus
`Doc(words, spaces)` costs a tenth of that. It also keeps report tokens
whole where rules want them whole (`L4-5`, `T10-L2`, `S2AI`, `b/l`, `s/p`)
and splits numbers from units (`4mm` -> `4`, `mm`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .extensions import TEXT_KEY

TOKEN_RE = re.compile(
    r"""
    (?i:s/p|b/l|w/o|h/o|r/o|c/w|r/l|l/r|n/v|w/)(?![A-Za-z])   # report shorthand
    | (?<![A-Za-z0-9])(?:[CTLSDctlsd]|[Tt]h)\d{1,2}            # a level or level range
      (?:[-–/](?:[CTLSDctlsd]|[Tt]h)?\d{1,2}(?![0-9]))?(?![A-Za-z0-9])
    | [A-Za-z][A-Za-z0-9]*                                      # words, S2AI, T2
    | \d+(?:[.,]\d+)?                                           # numbers, 0.4
    | [^\sA-Za-z0-9]                                            # any other single character
    """,
    re.VERBOSE,
)


# A token with the one plain space after it, or a run of other whitespace:
# one findall gives spaCy's words and spaces (a plain space after a token
# rides on it; any other whitespace is a token of its own).
_TOKEN_OR_SPACE_RE = re.compile(
    "(" + TOKEN_RE.pattern + "\n)([ ]?)|(\\s+)",  # the newline ends the pattern's last comment
    re.VERBOSE,
)


def token_words(text: str) -> list[str]:
    """The tokens' texts, as `ReportTokenizer` splits `text` (no Doc made)."""
    return [token or gap for token, _, gap in _TOKEN_OR_SPACE_RE.findall(text)]


class ReportTokenizer:
    """Callable tokenizer: `text -> Doc`, with `doc.text == text` always."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        found = _TOKEN_OR_SPACE_RE.findall(text)
        words = [token or gap for token, _, gap in found]
        spaces = [bool(space) for _, space, _ in found]
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data[TEXT_KEY] = text  # saves rebuilding doc.text later
        return doc

    def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
        for text in texts:
            yield self(text)

    # Stateless: serialisation only has to round-trip nothing.
    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> ReportTokenizer:
        return self

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        return None

    def from_disk(self, path: Any, **kwargs: Any) -> ReportTokenizer:
        return self


TOKENIZER = "spine_extractor.tokenizer.v1"


@spacy.registry.tokenizers(TOKENIZER)
def create_report_tokenizer() -> Callable[[Any], ReportTokenizer]:
    def make(nlp: Any) -> ReportTokenizer:
        return ReportTokenizer(nlp.vocab)

    return make
