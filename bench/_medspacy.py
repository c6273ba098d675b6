"""medspaCy's default pipeline with our target rules: the comparison every
benchmark here makes (one definition, so the scripts compare the same thing)."""

from __future__ import annotations

from typing import Any


def medspacy_default() -> Any:
    """`medspacy.load()` (PyRuSH sentences, target matcher, ConText with its
    default rules) with the project's target rules added (target_rules.json
    and the thesaurus, as medspaCy `TargetRule`s: what our matcher matches)."""
    import medspacy

    from extractor.medspacy_interop import medspacy_rules

    nlp = medspacy.load()
    nlp.get_pipe("medspacy_target_matcher").add(medspacy_rules()[0])
    return nlp
