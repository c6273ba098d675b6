from __future__ import annotations

from pathlib import Path

import pytest

from extractor.pipeline import build_nlp

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def nlp():
    """The packaged pipeline, built once on spacy.blank("en")."""
    return build_nlp()


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT
