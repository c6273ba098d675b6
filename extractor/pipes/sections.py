"""`spine_sections`: report sections from line-anchored header rules."""

# no "from __future__ import annotations": spaCy reads factory signatures at runtime

import bisect
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import doc_text, set_extensions
from ..lexicon import load_section_rules, load_words
from ..normalize import on_ticked_line

DEFAULTS: dict[str, Any] = {
    "rules": None,
    "words": None,
    "default_section": "findings",
    "title_section": "technique",
}
# fill-in templates: check boxes, pick lists, a blank for a measurement ("___
# mm"); a bare "___" is how de-identified archives hide names and dates
_BLANK_RE = re.compile(
    r"\[ \]|\[select\b|(?<!_)_{3,}+[ \t]*(?:mm|cm|millimet(?:er|re)s?|degrees?|%)(?![A-Za-z])",
    re.IGNORECASE,
)
# "Pedicle screw loosening: ___", "Rods: ___ (intact / fractured)", "___ x ___ mm"
_FIELD_BLANK_RE = re.compile(
    r"^[ \t]*(?P<label>[A-Za-z][^:\n]{0,60}?)[ \t]*:[ \t]*_{3,}+[ \t]*(?=\(|$)"
    r"|(?<!_)_{3,}+[ \t]*\([^)\n/]{0,40}/[^)\n]{0,40}\)"
    r"|(?<!_)_{3,}+[ \t]*x[ \t]*_{3,}",
    re.MULTILINE,
)
_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t\r]*\n\s*")
# sections that are one paragraph: text after it with no header of its own is
# the body of the report, not more history
PARAGRAPH_SECTIONS = frozenset({"indication", "history", "comparison"})
# sections whose whole body a de-identified archive may hide as "___": the
# same one-paragraph sections
DEIDENTIFIED_SECTIONS = PARAGRAPH_SECTIONS
# sections a comparison line may stand inside of, one line long
BODY_SECTIONS = frozenset({"findings", "impression"})


class Sectionizer:
    """Finds report section headers by line-anchored rules.

    A header counts at the start of a line when followed by a colon or the
    end of the line, and mid-line after a sentence end only with a colon, so
    "History of rod fracture" in a sentence is not a header.
    Sets `doc._.report_sections` to (category, header_start, body_start, end).
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "spine_sections",
        *,
        rules: str | Path | None = DEFAULTS["rules"],
        words: str | Path | None = DEFAULTS["words"],
        default_section: str = DEFAULTS["default_section"],
        title_section: str = DEFAULTS["title_section"],
    ) -> None:
        set_extensions()
        self.name = name
        self.rules = load_section_rules(rules)
        self.identifier_fields = load_words(words)["identifier_fields"]
        self.default_section = default_section
        self.title_section = title_section
        headers = [r for r in self.rules if r.scope == "header"]
        titles = [r for r in self.rules if r.scope == "title"]
        self.category_of = {" ".join(r.literal.lower().split()): r.category for r in headers}
        self.title_re = (
            re.compile(
                r"(?<![A-Za-z])(?:"
                + "|".join(r"\s+".join(map(re.escape, t.literal.split())) for t in titles)
                + r")(?![A-Za-z])",
                re.IGNORECASE,
            )
            if titles
            else None
        )
        literals = sorted(self.category_of, key=len, reverse=True)
        alternation = "|".join(r"\s+".join(map(re.escape, lit.split())) for lit in literals)
        self.header_re = re.compile(
            r"(?P<lead>^[ \t]*(?:[-*•#>=_]+[ \t]*)?|(?<=[.!?])[ \t]+)"
            r"(?P<h>" + alternation + r")(?![A-Za-z0-9])[ \t]*(?P<colon>:|-(?=[ \t]))?",
            re.IGNORECASE | re.MULTILINE,
        )

    def is_report(self, text: str) -> bool:
        """False for texts that are not a report of a patient's images: a
        title naming a template, teaching note, quiz and the like, a title
        that is a question, or fill-in blanks."""
        stripped = text.lstrip()
        first_line = stripped.split("\n", 1)[0].strip()
        if first_line.endswith("?") and ":" not in first_line and stripped.count("\n") >= 2:
            return False  # a question as a title: an article or FAQ
        if self.title_re is not None and self.title_re.search(first_line):
            return False
        if "___" not in text and "[" not in text:
            return True  # every blank pattern holds one of the two (a cheap test first)
        # an empty box beside a ticked one is an option not chosen, no blank
        blanks = sum(
            1
            for m in _BLANK_RE.finditer(text)
            if m.group() != "[ ]" or not on_ticked_line(text, m.start())
        )
        # a bare blank after a field that is no section header ("Rod fracture:
        # ___"); "COMPARISON: ___" is a de-identified date
        header_blanks = 0
        for m in _FIELD_BLANK_RE.finditer(text) if "___" in text else ():
            label = m.group("label")
            key = None if label is None else " ".join(label.lower().split())
            category = None if key is None else self.category_of.get(key)
            if category is None:
                if key not in self.identifier_fields:
                    blanks += 1
            elif category not in DEIDENTIFIED_SECTIONS:
                header_blanks += 1
        # "IMPRESSION: ___" is no de-identified field: beside one other blank
        # it is a template's, but alone it may be a dictation left unfinished
        return blanks + (header_blanks if blanks else 0) < 2

    def find_sections(self, text: str) -> list[tuple[str, int, int, int]]:
        if not self.is_report(text):
            return [("other", 0, 0, len(text))]
        headers: list[tuple[str, int, int]] = []
        for m in self.header_re.finditer(text):
            at_line_start = m.start() == 0 or text[m.start() - 1] == "\n"
            colon = m.group("colon") is not None
            end = m.end()
            rest_of_line_blank = end >= len(text) or text[end] in "\r\n"
            if not (colon or (at_line_start and rest_of_line_blank)):
                continue
            key = " ".join(m.group("h").lower().split())
            headers.append((self.category_of[key], m.start("h"), end))
        if not headers:
            return [(self.default_section, 0, 0, len(text))]
        sections: list[tuple[str, int, int, int]] = []
        preamble = text[: headers[0][1]]
        if preamble.strip():
            lines = [ln for ln in preamble.splitlines() if ln.strip()]
            short_title = len(lines) <= 2 and len(preamble.strip()) <= 160
            category = self.title_section if short_title else self.default_section
            sections.append((category, 0, 0, headers[0][1]))
        for i, (category, h_start, body) in enumerate(headers):
            end = headers[i + 1][1] if i + 1 < len(headers) else len(text)
            if category in PARAGRAPH_SECTIONS:
                # "History: ...\n\nOkay so findings, there is ...": a history
                # is a paragraph; what follows it unheaded is the report's body
                brk = _PARAGRAPH_BREAK_RE.search(text, body, end)
                if brk and text[body : brk.start()].strip() and text[brk.end() : end].strip():
                    sections.append((category, h_start, body, brk.start()))
                    sections.append((self.default_section, brk.end(), brk.end(), end))
                    continue
            if category == "comparison" and i and headers[i - 1][0] in BODY_SECTIONS:
                # "FINDINGS:\nComparison: CT of 2024.\nBilateral screws ...": a
                # comparison line inside the findings; the findings go on after it
                nl = text.find("\n", body, end)
                if nl > 0 and text[body:nl].strip() and text[nl:end].strip():
                    sections.append((category, h_start, body, nl))
                    sections.append((headers[i - 1][0], nl + 1, nl + 1, end))
                    continue
            sections.append((category, h_start, body, end))
        return sections

    def __call__(self, doc: Doc) -> Doc:
        doc._.report_sections = self.find_sections(doc_text(doc))
        return doc


def section_at(doc: Doc, char: int) -> str:
    """The section category of the character at `char`."""
    return section_finder(doc)(char)


def section_finder(doc: Doc) -> Callable[[int], str]:
    """`section_at` for one document, its sections read once (for callers
    that ask many times)."""
    sections = doc._.report_sections
    if not sections:
        return _findings_everywhere
    starts = [s[1] for s in sections]
    categories = [str(s[0]) for s in sections]

    def at(char: int) -> str:
        return categories[max(bisect.bisect_right(starts, char) - 1, 0)]

    return at


def _findings_everywhere(char: int) -> str:
    return "findings"


@Language.factory("spine_sections", default_config=DEFAULTS)
def make_sectionizer(
    nlp: Language,
    name: str,
    rules: str | None,
    words: str | None,
    default_section: str,
    title_section: str,
) -> Sectionizer:
    return Sectionizer(
        nlp,
        name,
        rules=rules,
        words=words,
        default_section=default_section,
        title_section=title_section,
    )
