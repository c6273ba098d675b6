"""Structured spinal hardware failure findings from spine imaging reports.

>>> import extractor
>>> record = extractor.extract("3 mm lucency about the left L5 pedicle screw.")
>>> [(f.type, f.levels, f.side, f.size_mm) for f in record.findings]
[('screw_lucency', ('L5',), 'left', 3.0)]

The heavy parts (spaCy, scikit-learn) load on first use, so importing the
package, or running the command line's main process, stays light.
"""

from __future__ import annotations

from typing import Any

from .schema import MAX_CHARS, Finding, ReportRecord

__version__ = "0.1.0"

_LAZY = {
    "extract": ("api", "extract"),
    "extract_many": ("api", "extract_many"),
    "extract_frame": ("frames", "extract_frame"),
    "build_nlp": ("pipeline", "build_nlp"),
    "render": ("review_page", "render"),
    "medspacy_rules": ("medspacy_interop", "medspacy_rules"),
    "medspacy_pipeline": ("medspacy_interop", "medspacy_pipeline"),
}

__all__ = [
    "MAX_CHARS",
    "Finding",
    "ReportRecord",
    "__version__",
    "build_nlp",
    "extract",
    "extract_frame",
    "extract_many",
    "medspacy_pipeline",
    "medspacy_rules",
    "render",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        module, attr = _LAZY[name]
        value = getattr(import_module(f".{module}", __name__), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")
