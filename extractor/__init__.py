"""Structured spinal hardware failure findings from spine imaging reports.

>>> import extractor
>>> record = extractor.extract("3 mm lucency about the left L5 pedicle screw.")
>>> [(f.type, f.levels, f.side, f.size_mm) for f in record.findings]
[('screw_lucency', ('L5',), 'left', 3.0)]
"""

from __future__ import annotations

__version__ = "0.1.0"

from .api import MAX_CHARS, extract, extract_many
from .frames import extract_frame
from .pipeline import build_nlp
from .schema import Finding, ReportRecord

__all__ = [
    "MAX_CHARS",
    "Finding",
    "ReportRecord",
    "__version__",
    "build_nlp",
    "extract",
    "extract_frame",
    "extract_many",
]
