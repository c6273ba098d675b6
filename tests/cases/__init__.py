"""Marked-up test cases (see tests/markup.py), one module per theme.

`ALL_CASES` maps a unique case name to its marked-up text. A new rule arrives
with a case here that fails without it.
"""

from __future__ import annotations

from typing import Any

from . import assertion, core, forms, generic, places, scope, vocabulary

_MODULES = (core, scope, places, generic, vocabulary, assertion, forms)


def _collect() -> dict[str, str]:
    cases: dict[str, str] = {}
    for module in _MODULES:
        for name, text in module.CASES.items():
            if name in cases:
                raise ValueError(f"case name {name!r} is used twice")
            cases[name] = text
    return cases


ALL_CASES: dict[str, str] = _collect()


def rule_ids(doc: Any) -> set[str]:
    """Ids of the target and context rules that matched in a processed doc."""
    ids = {span.id_ for span in doc.spans.get("spine_targets", ())}
    ids.update(m[4] for m in doc._.context_modifiers or ())
    return ids
