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


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """One line: how many rules the marked-up cases reached in this run."""
    from tests.test_rules import EXERCISED

    if not EXERCISED:
        return
    from extractor.lexicon import load_context_rules, load_target_rules
    from extractor.thesaurus import load_thesaurus

    targets = {r.metadata["id"] for r in [*load_target_rules(), *load_thesaurus()]}
    contexts = {r.id for r in load_context_rules()}
    terminalreporter.write_line(
        f"rule coverage: marked-up cases exercise {len(targets & EXERCISED)} of {len(targets)} "
        f"target rules and {len(contexts & EXERCISED)} of {len(contexts)} context rules "
        "(python scripts/rule_coverage.py --list)"
    )
