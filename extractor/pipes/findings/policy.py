"""From a segment to a finding: the type its cue and hardware give
(`lexicons/finding_types.json`), the vetoes that stop it, and the section's
say on its assertion."""

from __future__ import annotations

import re

from ...lexicon import FindingTypeTable, WordLists
from ...normalize import combine_sides
from ..sections import section_at
from .attach import primary_span
from .clauses import trim
from .document import Draft, Segment, Target, Tokens

# the contract: indication and history statements are not asserted findings
SECTION_ASSERTION = {
    "indication": {"present": "hypothetical", "possible": "hypothetical"},
    "history": {"present": "historical", "possible": "hypothetical"},
    "other": {"present": "hypothetical", "possible": "hypothetical"},
    # what a prior study showed is not asserted on these images
    "comparison": {"present": "historical", "possible": "historical"},
}


class Policy:
    """Type resolution, vetoes and section assertion, with their word lists."""

    def __init__(self, types: FindingTypeTable, words: WordLists) -> None:
        self.types = types
        self.words = words
        # an indication that reports what the patient has rather than asking
        self.existing_re = re.compile(r"\b(?:" + words.alternation("existing_words") + r")\b", re.I)

    def draft(
        self,
        doc: object,
        toks: Tokens,
        seg: Segment,
        sentence_vetoes: set[str | None],
        previous_cue: Target | None,
    ) -> Draft | None:
        cue = seg.cue
        label = cue.label_
        meta = cue.meta
        groups = self.types.component_groups
        if label in ("STIMULATOR", "HARDWARE"):
            component = meta.get("component")
            has_hw = True
            label = "STIMULATOR"
        else:
            primary = primary_span(seg, label, groups)
            component = meta.get("implies_component") or (
                None if primary is None else primary.component
            )
            has_hw = bool(seg.hardware) or component is not None
            if meta.get("needs_hardware") and not has_hw:
                return None
        ftype = self.types.resolve(label, component, has_hw)
        if ftype is None:
            return None
        reasons = {v.meta.get("reason") for v in seg.vetoes}
        if label in ("LUCENCY", "LOOSENING") and "screw tract" in sentence_vetoes:
            return None  # the tract of a removed screw is not a loose screw
        if label in ("LUCENCY", "FRACTURE") and seg.vetoes and component is None:
            return None
        if label in ("DISPLACEMENT", "BACKOUT") and (
            "fragment" in reasons
            or (previous_cue is not None and previous_cue.label_ == "FRACTURE" and seg.borrowed)
        ):
            return None  # displaced fracture fragments belong to the fracture
        if ftype == "pseudarthrosis":
            component = component if component == "interbody_cage" else None
        elif ftype == "stimulator":
            component = (
                component if component and component.startswith("stimulator") else "stimulator"
            )
        size = max(seg.sizes) if (ftype == "screw_lucency" and seg.sizes) else None
        side = None if ftype == "stimulator" else combine_sides(seg.sides)
        section = section_at(doc, cue.start_char)  # type: ignore[arg-type]
        assertion = cue.assertion or "present"
        if (
            section in ("indication", "history")
            and assertion == "present"
            and (ftype == "stimulator" or self.existing_re.search(_segment_text(toks, seg)))
        ):
            # a device or finding the patient is known to have: its past, not a question
            assertion = "historical"
        assertion = SECTION_ASSERTION.get(section, {}).get(assertion, assertion)
        levels = list(seg.levels)
        if (
            assertion == "hypothetical"
            and section in ("indication", "history")
            and not seg.levels_attached
        ):
            # "s/p L4-5 fusion, r/o loosening": the construct's levels are not the question's
            levels = []
        start, end = trim(toks, seg.start, seg.end, cue, self.words)
        return Draft(
            type=ftype,
            component=component,
            levels=levels,
            side=side,
            size_mm=size,
            assertion=assertion,
            change=cue.change,
            section=section,
            start=start,
            end=end,
            cue=cue,
            own_component=bool(seg.hardware) and not seg.borrowed,
            own_side=bool(seg.sides),
        )


def _segment_text(toks: Tokens, seg: Segment) -> str:
    a, b = toks.char_range(seg.start, seg.end)
    return toks.doc_text[a:b]
