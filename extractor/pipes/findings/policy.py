"""From a segment to a finding: the type its cue and hardware give
(`lexicons/finding_types.json`), the vetoes that stop it, and the section's
say on its assertion."""

from __future__ import annotations

import re

from ...lexicon import FindingTypeTable, WordLists
from ...normalize import combine_sides
from .attach import primary_span
from .clauses import trim
from .document import Draft, Segment, Target, Tokens, looks_like_level

# the contract: indication and history statements are not asserted findings
SECTION_ASSERTION = {
    "indication": {"present": "hypothetical", "possible": "hypothetical"},
    "history": {"present": "historical", "possible": "hypothetical"},
    "other": {"present": "hypothetical", "possible": "hypothetical"},
    # what a prior study showed is not asserted on these images
    "comparison": {"present": "historical", "possible": "historical"},
}


SUMMING_REACH = 3  # words before a cue searched for a summing-up word
FRACTURE_PATH_REACH = 8  # tokens after a fracture cue searched for the bone it runs through

_STATEMENT_ENDS = frozenset({",", ";", ":", ".", "and", "but", "with"})
_SIZE_WORDS = frozenset({"for", "by", "about", "approximately", "approx", "up", "to", "mm", "cm"})


def _is_size_word(lower: str) -> bool:
    """A word of a size phrase ("for about 2 mm", "by up to 3 mm")."""
    return lower in _SIZE_WORDS or lower.replace(".", "", 1).isdigit()


# vetoes that name injured bone: what moves, passes or presses beside them is the bone
_BONE_REASONS = frozenset({"bone fracture", "fragment"})


class Policy:
    """Type resolution, vetoes and section assertion, with their word lists."""

    def __init__(self, types: FindingTypeTable, words: WordLists) -> None:
        self.types = types
        self.words = words
        # an indication that reports what the patient has rather than asking
        # "generator not included": right after the generator word, over a copula
        self.not_imaged_re = re.compile(
            r"[\s,]*(?:(?:is|are|was|were)\s+)?(?:"
            + words.alternation("not_imaged_phrases")
            + r")\b",
            re.I,
        )
        self.existing_re = re.compile(r"\b(?:" + words.alternation("existing_words") + r")\b", re.I)
        self.statement_end_re = re.compile(r"[^.;\n]*")
        self.still_now_re = re.compile(
            r"\b(?:" + words.alternation("still_now_words") + r")\b", re.I
        )
        # after an opposite, in its clause: what it says of the fusion
        self.opposite_after_re = re.compile(
            r"[^.;,]{0,40}?\b(?:(?P<incomplete>incomplete|partial|partially|not\s+(?:yet\s+)?complete"
            r"|immature)|(?:cannot|can\s*not|could\s+not|not)\s+be\s+(?:confirmed|established"
            r"|assured|verified)|difficult\s+to\s+(?:confirm|establish|assess))\b",
            re.I,
        )
        # before an opposite, in its clause: a doubt that it holds ("I cannot be
        # sure the C1-2 fusion is solid", "unclear whether bridging bone is present")
        self.opposite_doubt_re = re.compile(
            r"\b(?:(?:cannot|can\s*not|could\s+not|can't|not|unable\s+to)\s+(?:be\s+)?"
            r"(?:sure|certain|confident|confirm|establish|verify)|uncertain|unclear|unsure)\b"
            r"(?:\s+(?:that|whether|if))?[^.;,:]{0,50}$",
            re.I,
        )
        # a query word right before a "?" ("clinical query ?loosening"): still a question
        self.query_re = re.compile(
            r"\b(?:query|question|q|r/o|rule\s+out|assess|evaluate)\W*$", re.I
        )
        # right after a past state: the earlier study it was seen on ("on the 2022 study")
        self.earlier_study_re = re.compile(
            r"[^.;:]{0,30}?\b(?:on|in|at)\s+(?:the\s+)?(?:"
            + words.alternation("earlier_study_words")
            + r"|\d{4}|\d{1,2}/\d{2,4}(?:/\d{2,4})?)\s+(?:"
            + words.alternation("study_words")
            + r")\b",
            re.I,
        )

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
        primary = None
        if label in ("STIMULATOR", "HARDWARE"):
            component = meta.get("component")
            has_hw = True
            label = "STIMULATOR"
        else:
            primary = primary_span(seg, label, groups, toks, self.words)
            component = meta.get("implies_component") or (
                None if primary is None else primary.component
            )
            has_hw = bool(seg.hardware) or component is not None
            if meta.get("needs_hardware") and not has_hw:
                return None
        if label == "TILT" and not _tilt_of_cage(toks, seg, primary, self.words):
            return None  # "head rotated to the left", "rotation of L3", "rotated as expected"
        if label == "MALPOSITION" and any(
            v.end == cue.start and v.meta.get("reason") in _BONE_REASONS for v in seg.vetoes
        ):
            return None  # "a fracture line through the superior endplate": the bone's path
        if label == "FRACTURE" and self._breaks_through(toks, seg):
            label = "MALPOSITION"  # "the screw breaks through the medial cortex": a breach
        if seg.anatomy_subject and not seg.hardware:
            return None  # "the exiting root, which is displaced": the anatomy moved
        ftype = self.types.resolve(label, component, has_hw)
        if ftype is None:
            return None
        if (
            label == "LUCENCY"
            and component == "interbody_cage"
            and toks.lower[cue.start] == "radiolucent"
            and (
                cue.end >= len(toks.lower) or toks.lower[cue.end] not in self.words["lucency_nouns"]
            )
        ):
            return None  # "spacers at L4-5, radiolucent apart from their markers": their material
        if ftype == "screw_backout" and label == "DISPLACEMENT" and self._into_place(toks, seg):
            ftype = "screw_malposition"  # "protrudes into the pelvic cavity" is misplaced
        reasons = {v.meta.get("reason") for v in seg.vetoes}
        if (
            label in ("LUCENCY", "LOOSENING")
            and "screw tract" in sentence_vetoes
            and not (previous_cue is not None and previous_cue.label_ == "BACKOUT")
        ):
            # the tract of a removed screw is not a loose screw (but "backed
            # out, with lucency along their tracks" is)
            return None
        if label in ("LUCENCY", "FRACTURE") and seg.vetoes and component is None:
            return None
        if label == "FRACTURE" and component is not None and _bone_fracture(toks, cue, seg):
            return None  # "skipping the fractured T6", "a new T10 fracture": bone
        if component == "stimulator_generator" and self.not_imaged_re.match(
            toks.doc_text, toks.char_range(cue.start, cue.end)[1]
        ):
            return None  # "generator not included": outside the images, neither seen nor absent
        if (
            label in ("DISPLACEMENT", "DISENGAGEMENT")
            and component is None
            and _bone_fracture(toks, cue, seg)
        ):
            return None  # "mild subluxation C4-C5 below the construct": the vertebrae moved
        if label == "DISPLACEMENT" and _displaced_bone(toks, cue, self.words):
            return None  # "for a displaced C5/6 fracture-dislocation": the bone moved
        if label == "FRACTURE" and self._fractured_bone(toks, cue, seg):
            return None  # "sclerosis along the fractured endplate margin": bone
        if label == "FRACTURE" and _fracture_as_place(toks, cue, self.words):
            return None  # "the L3 screws, adjacent to the fracture": where they are
        if label == "FRACTURE" and self._through_bone(toks, cue, seg):
            return None  # "fracture lines through both sacral alae": bone
        if label in ("DISPLACEMENT", "DISENGAGEMENT", "BACKOUT") and (
            "fragment" in reasons
            or ("bone fracture" in reasons and component is None)
            or (previous_cue is not None and previous_cue.label_ == "FRACTURE" and seg.borrowed)
        ):
            return None  # displaced fracture fragments belong to the fracture
        if (
            label == "PSEUDARTHROSIS"
            and _HEALING_RE.search(_cue_text(toks, cue))
            and any(
                v.meta.get("reason") == "bone fracture"
                and (v.start < cue.start or "of" in toks.lower[cue.end : min(v.start, cue.end + 3)])
                for v in seg.vetoes
            )
        ):
            # "insufficiency fracture ..., partially consolidated", "nonunion of
            # the L1 fracture": the bone heals or not, no fusion
            return None
        if label == "IMPINGEMENT" and seg.borrowed and _BONE_REASONS & (reasons | sentence_vetoes):
            # "a retropulsed fragment that indents the thecal sac": the bone's,
            # though the clause before names the fragment and the construct
            return None
        if ftype == "pseudarthrosis":
            component = component if component == "interbody_cage" else None
        elif ftype == "stimulator":
            component = (
                component if component and component.startswith("stimulator") else "stimulator"
            )
        size = self.size_of(toks, seg, ftype)
        side = combine_sides(seg.sides)
        section = toks.section_at(cue.start_char)
        assertion = cue.assertion or "present"
        if assertion == "present" and cue.change is None and self._dated_past(toks, cue):
            assertion = "historical"  # "the L5 screws were loose on the 2022 study"
        if assertion == "present" and self._past_participle(toks, cue, seg):
            assertion = "historical"  # "the previously loosened S1 screw is now ..."
        if meta.get("inverse"):
            opposite = self._opposite_assertion(toks, cue, assertion, reasons)
            if opposite is None:
                return None
            assertion = opposite
        if (
            section in ("indication", "history")
            and assertion == "present"
            and (ftype == "stimulator" or self.existing_re.search(_segment_text(toks, seg)))
        ):
            # a device or finding the patient is known to have: its past, not a question
            assertion = "historical"
        if assertion in ("present", "possible") and cue.meta.get("request"):
            # "Evaluate screw position": asked for, not seen (a hedge does not make it seen)
            assertion = "hypothetical"
        if section == "history" and assertion == "present" and _asked(toks, cue):
            # "HISTORY: L3-L5 fusion. Position of the screws?": a question, not the past
            assertion = "hypothetical"
        assertion = SECTION_ASSERTION.get(section, {}).get(assertion, assertion)
        if (
            assertion == "hypothetical"
            and toks.headed_section_at(cue.start_char) in READ_SECTIONS
            and toks.doc_text[max(0, cue.start_char - 3) : cue.start_char].rstrip().endswith("?")
            and not self.query_re.search(toks.doc_text, max(0, cue.start_char - 24), cue.start_char)
        ):
            assertion = "possible"  # "C6-7: fusion indeterminate, ?pseudo": a query of the reader's
        levels = list(seg.levels)
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
            hardware=primary,
            construct=next((h for h in seg.hardware if h.component is None), None),
            events=tuple(c.label_ for c in seg.extra_cues),
            sums_up=any(
                toks.lower[j] in self.words["summing_up_words"]
                for j in range(max(0, cue.start - SUMMING_REACH), cue.start)
            ),
            endplate_only=seg.endplate_only,
        )

    def _fractured_bone(self, toks: Tokens, cue: Target, seg: Segment) -> bool:
        """Whether a fracture participle names bone right after it, over a
        level only: "the fractured endplate", "a broken L2 pedicle" (but not
        "the fractured pedicle screw")."""
        lower, text = toks.lower, toks.text
        if lower[cue.end - 1] not in ("fractured", "broken"):
            return False
        hardware_starts = {h.start for h in seg.hardware}
        j = cue.end
        while j < len(lower) and (text[j].isspace() or looks_like_level(text[j])):
            j += 1
        return (
            j < len(lower)
            and j not in hardware_starts
            and lower[j] in self.words["fracture_bone_words"]
            and j + 1 not in hardware_starts
        )

    def _through_bone(self, toks: Tokens, cue: Target, seg: Segment) -> bool:
        """Whether a fracture cue runs through or across bone before any
        hardware ("fracture lines through both sacral alae lateral to the S1
        screws"), not through hardware ("fracture through the pedicle screw")."""
        lower = toks.lower
        subject_links, parts = self.words["subject_links"], self.words["hardware_part_words"]
        for h in seg.hardware:
            if h.end <= cue.start and all(
                lower[j] in subject_links or lower[j] in parts or toks.text[j].isspace()
                for j in range(h.end, cue.start)
            ):
                return False  # "the screw shaft is broken across the pedicle": the screw broke
        hardware_starts = {h.start for h in seg.hardware}
        bone, links = self.words["fracture_bone_words"], self.words["fracture_path_words"]
        j = cue.end
        if j >= seg.end or lower[j] not in links:
            return False
        while j < min(seg.end, cue.end + FRACTURE_PATH_REACH):
            if j in hardware_starts:
                return False
            if lower[j] in bone:
                return j + 1 not in hardware_starts
            if (
                lower[j] not in links
                and not toks.text[j].isspace()
                and not looks_like_level(toks.text[j])
            ):
                return False  # "traverses the right L5 pedicle": a level is on the path
            j += 1
        return False

    def _into_place(self, toks: Tokens, seg: Segment) -> bool:
        """Whether a displacement cue goes into or through a place a screw does
        not belong ("projects beyond the anterior sacral cortex")."""
        into, places = self.words["destination_words"], self.words["malposition_places"]
        # past the segment's end too: "protrudes for about 2 mm | into the
        # foramen" is one statement, whose second half is a cue of its own
        end = len(toks.lower)
        j, steps = seg.cue.end, 0
        while j < end and steps < DESTINATION_REACH:
            if toks.lower[j] in _STATEMENT_ENDS:
                return False
            if not _is_size_word(toks.lower[j]):
                steps += 1  # a size ("for about 2 mm") takes no reach
            if toks.lower[j] not in into:
                j += 1
                continue
            return any(
                toks.lower[k] in places
                for k in range(j + 1, min(end, j + 1 + DESTINATION_REACH + 1))
            )
        return False

    def _breaks_through(self, toks: Tokens, seg: Segment) -> bool:
        """Whether a fracture word is the verb of a breach: "breaks through"
        bone, not "a break through the left rod"."""
        cue = seg.cue
        j = cue.end
        if toks.lower[cue.end - 1] not in self.words["breakthrough_verbs"]:
            return False
        if j >= len(toks.lower) or toks.lower[j] not in ("through", "thru"):
            return False
        j += 1
        while j < len(toks.lower) and toks.lower[j] in ("the", "a", "an", "its", "left", "right"):
            j += 1
        return not (
            _hardware_at(seg, j)
            or (j < len(toks.lower) and toks.lower[j] in self.words["hardware_part_words"])
        )

    def _opposite_assertion(
        self, toks: Tokens, cue: Target, assertion: str, reasons: set[str | None]
    ) -> str | None:
        """The assertion of the finding whose opposite the cue states ("solid
        fusion", "bridging bone"): seen, the finding is absent; hedged
        ("bridging is equivocal"), possible; said incomplete after it, present;
        negated right at it ("not yet continuous bridging bone", "... is not
        seen"), present. None: no finding, for a fusion under way ("incipient
        bone bridging"), a bone fracture's healing, or a negation that reaches
        it from a list ("no motion ..., and bridging bone")."""
        if cue.meta.get("field_state"):
            return _INVERSE.get(assertion, assertion)  # a form's state word says it all
        progress = self.words["fusion_progress_words"]
        if "bone fracture" in reasons or any(
            w in progress for w in toks.lower[max(0, cue.start - 2) : cue.start]
        ):
            return None
        if self._opposite_doubted(toks, cue):
            return "possible"
        if assertion == "absent":
            after = any(0 <= n - cue.end <= INVERSE_AFTER_REACH for n in toks.negations_after)
            return "present" if after or self._negated_before(toks, cue) else None
        qualified = self._opposite_qualified(toks, cue)
        if qualified is not None:
            return qualified
        if assertion == "possible" and self._leaning_hedge(toks, cue):
            return None  # "bridging bone is probably present": likely fused, no finding
        return _INVERSE.get(assertion, assertion)

    def _leaning_hedge(self, toks: Tokens, cue: Target) -> bool:
        """Whether a hedge that leans towards the opposite stands in its
        phrase, a few words either side ("likely solid fusion", "bridging bone
        is probably present"), not across a comma or "and"."""
        leaning = self.words["leaning_hedge_words"]
        for step, j in ((-1, cue.start - 1), (1, cue.end)):
            seen = 0
            while 0 <= j < len(toks.lower) and seen < INVERSE_NEGATION_REACH:
                word = toks.lower[j]
                if word in leaning:
                    return True
                if word in _PHRASE_BREAKS:
                    break
                seen += not word.isspace()
                j += step
        return any(w in leaning for w in toks.lower[cue.start : cue.end])

    def _opposite_doubted(self, toks: Tokens, cue: Target) -> bool:
        """Whether the clause before an opposite doubts it: "cannot be sure
        the fusion is solid" leaves a pseudarthrosis possible."""
        a = toks.idx[cue.start]
        return self.opposite_doubt_re.search(toks.doc_text, max(0, a - 90), a) is not None

    def _negated_before(self, toks: Tokens, cue: Target) -> bool:
        """A negation in the words just before an opposite's cue, within its
        phrase ("no solid posterolateral bony fusion", "no evidence of
        bridging bone"), not across a comma or "and" ("no lucency, solid fusion")."""
        negators, seen = self.words["inverse_negators"], 0
        j = cue.start - 1
        while j >= 0 and seen < INVERSE_NEGATION_REACH:
            word = toks.lower[j]
            if word.isspace():
                j -= 1
                continue
            if word in negators:
                return True
            if word in _PHRASE_BREAKS:
                return False
            seen += 1
            j -= 1
        return False

    def _opposite_qualified(self, toks: Tokens, cue: Target) -> str | None:
        """The finding an opposite's own clause says after it: "bridging bone
        at L4-5 remains incomplete" (present), "solid fusion cannot be
        confirmed" (possible); None when it says neither."""
        a = toks.idx[cue.end] if cue.end < len(toks.idx) else len(toks.doc_text)
        m = self.opposite_after_re.match(toks.doc_text, a)
        if m is None:
            return None
        return "present" if m.group("incomplete") else "possible"

    def _past_participle(self, toks: Tokens, cue: Target, seg: Segment) -> bool:
        """Whether a past adverb stands right before a cue that is a past
        participle, and nothing after says the state still holds: "the
        previously loosened S1 screw is now ..." (but "the previously
        fractured rod is again seen" is present)."""
        i = cue.start
        if cue.change == "stable" or i == 0 or toks.lower[i - 1] not in self.words["past_adverbs"]:
            return False
        if not _is_participle(toks.lower[cue.end - 1]):
            return False
        persistence = self.words["persistence_words"]
        return not any(w in persistence for w in toks.lower[cue.end : seg.end])

    def _dated_past(self, toks: Tokens, cue: Target) -> bool:
        """Whether the cue is a past state dated to an earlier study: a past
        copula just before it and the study just after ("were loose on the
        2022 study", "nonunion was present on the prior CT"); a comparison
        ("... and is unchanged") makes it present, and is the cue's change."""
        before = toks.lower[max(0, cue.start - PAST_REACH) : cue.start]
        after = toks.lower[cue.end : cue.end + PAST_REACH]
        copulas = self.words["past_copulas"]
        if not any(w in copulas for w in (*before, *after[:2])):
            return False
        a = toks.idx[cue.end] if cue.end < len(toks.idx) else len(toks.doc_text)
        m = self.earlier_study_re.match(toks.doc_text, a)
        if m is None:
            return False
        # "... on the prior CT and measures 4 mm today", "... as well", "first noted on"
        rest = self.statement_end_re.match(toks.doc_text, m.end())
        tail = rest.group() if rest else ""
        return not (
            self.still_now_re.search(tail)
            or self.still_now_re.search(m.group())
            or self.still_now_re.search(
                toks.doc_text, max(0, toks.idx[cue.start] - 30), toks.idx[cue.start]
            )
        )

    def size_of(self, toks: Tokens, seg: Segment, ftype: str) -> float | None:
        """The size stated for the finding: the largest of its segment for a
        lucency; for the other types the one after the cue ("backed out 4
        mm", "subsided 3 mm"), else the nearest before it, never a size of the
        hardware itself ("5.5 mm rods", "a 12 mm cage")."""
        mentions = [m for m in seg.size_mentions if not self._hardware_dimension(toks, seg, m)]
        if not mentions:
            return None
        # "[x] <2 mm ... minimal, 1 mm": a bound beside a measured size is the form's, not the size
        text = toks.doc_text
        measured = [
            m for m in mentions if not _BOUND_BEFORE_RE.search(text, max(0, m[0] - 12), m[0])
        ]
        mentions = measured or mentions
        if ftype == "screw_lucency":
            return max(m[2] for m in mentions)
        cue_char = toks.idx[seg.cue.start]
        after = [m for m in mentions if m[0] >= cue_char]
        return after[0][2] if after else mentions[-1][2]

    def _hardware_dimension(self, toks: Tokens, seg: Segment, m: tuple[int, int, float]) -> bool:
        end = m[1]
        follows = toks.doc_text[end : end + 24].lower()
        if DIMENSION_RE.match(follows):
            return True
        return any(0 <= toks.idx[h.start] - end <= 2 for h in seg.hardware)


_INVERSE = {"present": "absent"}
# a bound before a size: "<2 mm", "less than 1 mm", ">=2 mm"
_BOUND_BEFORE_RE = re.compile(
    r"(?:[<>≤≥]=?|\b(?:less|more)\s+than|\bunder|\bbelow|\bover|\bat\s+least)\s*$", re.IGNORECASE
)


def _is_participle(word: str) -> bool:
    return word.endswith("ed") or word in ("broken", "out", "off")


def _asked(toks: Tokens, cue: Target) -> bool:
    """Whether a "?" ends, follows or opens the cue ("Screw position?",
    "loosening?", "? non-union")."""
    lower = toks.lower
    after = next((w for w in lower[cue.end : cue.end + 2] if not w.isspace()), "")
    before = next(
        (w for w in reversed(lower[max(0, cue.start - 2) : cue.start]) if not w.isspace()), ""
    )
    return "?" in (lower[cue.end - 1], after, before)


# what a bone fracture does too: consolidate, unite, heal ("partially consolidated")
_HEALING_RE = re.compile(r"consolidat|union|heal", re.I)


def _cue_text(toks: Tokens, cue: Target) -> str:
    a, b = toks.char_range(cue.start, cue.end)
    return toks.doc_text[a:b]


READ_SECTIONS = frozenset({"findings", "impression"})  # where the reader speaks of these images
PAST_REACH = 3  # words between a past copula and its cue ("were already loose")
INVERSE_NEGATION_REACH = 6  # words before an opposite's cue searched for its negation
_PHRASE_BREAKS = frozenset({",", ";", ":", ".", "and", "with", "but", "while"})
INVERSE_AFTER_REACH = 6  # tokens to a negation after it ("bridging bone across L5-S1 is not seen")
DIMENSION_RE = re.compile(r"\s*(?:x\s*\d|diameter|long\b|length|wide\b|width|thick|in\s+diameter)")


DESTINATION_REACH = 4  # words from the cue to "into", and from "into" to the place


_TILT_OF_REACH = 5  # words from "of" to the cage: "rotation of the L2-3 lateral cage"


def _tilt_of_cage(toks: Tokens, seg: Segment, primary: Target | None, words: WordLists) -> bool:
    """Whether a tilt or rotation cue is said of the cage: the cage is its
    subject ("the L4-5 cage has tilted") or its "of" object ("tilt of the
    cage"), and the tilt is not the expected placement."""
    cue = seg.cue
    if primary is None or primary.component != "interbody_cage":
        return False
    follows = toks.doc_text[toks.idx[cue.start] : toks.idx[cue.start] + 60].lower()
    if any(phrase in follows for phrase in words["expected_placement_phrases"]):
        return False
    if primary.end <= cue.start:
        between = [
            toks.lower[j] for j in range(primary.end, cue.start) if not toks.text[j].isspace()
        ]
        return all(w in words["subject_links"] for w in between)
    after = [j for j in range(cue.end, primary.start) if not toks.text[j].isspace()]
    return (
        0 < len(after) <= _TILT_OF_REACH
        and toks.lower[after[0]] == "of"
        and all(
            (toks.lower[j].isalpha() and toks.lower[j] not in words["of_object_breaks"])
            or looks_like_level(toks.text[j])
            for j in after[1:]
        )
    )


def _hardware_at(seg: Segment, j: int) -> bool:
    return any(h.start == j for h in seg.hardware)


def _displaced_bone(toks: Tokens, cue: Target, words: WordLists) -> bool:
    """A displacement adjective before a bone injury, over its levels only:
    "a displaced C5/6 fracture-dislocation", "displaced T12 fracture"."""
    lower, text = toks.lower, toks.text
    if not lower[cue.end - 1].endswith("displaced"):
        return False
    j = cue.end
    while j < len(lower) and (
        looks_like_level(text[j]) or lower[j] in ("/", "-") or text[j].isspace()
    ):
        j += 1
    return j < len(lower) and lower[j] in words["bone_injury_words"]


def _fracture_as_place(toks: Tokens, cue: Target, words: WordLists) -> bool:
    """A fracture cue ("fracture") after "the" and a word of place: what the
    sentence places by it, not a fracture it states."""
    lower = toks.lower
    i = cue.start
    if cue.end - cue.start != 1 or lower[i] not in ("fracture", "fractures") or i < 2:
        return False
    if lower[i - 1] != "the":
        return False
    if lower[i - 2] in words["fracture_place_words"]:
        return True
    return i >= 3 and lower[i - 2] == "to" and lower[i - 3] in words["fracture_place_words_to"]


def _bone_fracture(toks: Tokens, cue: Target, seg: Segment) -> bool:
    """A fracture cue right before or after a bare level, with no hardware word
    beside the level, is a vertebra's fracture."""
    lower, text = toks.lower, toks.text
    hardware_at = {j for h in seg.hardware for j in range(h.start, h.end)}
    if cue.start - 1 in hardware_at:
        return False  # "lt rod fx T12-L1": the rod's fracture, at T12-L1
    j = cue.end
    if j < len(text) and (lower[j] == "the" or (lower[j] == "at" and seg.borrowed)):
        # "..., joined by a horizontal fracture at S2": with no hardware of its own
        j += 1
    if j < len(text) and looks_like_level(text[j]) and j + 1 not in hardware_at:
        return True  # "skipping the fractured T6"
    i = cue.start - 1
    return (
        i >= 0 and looks_like_level(text[i]) and i - 1 not in hardware_at and (i + 1 == cue.start)
    )  # "a new T10 fracture"


def _segment_text(toks: Tokens, seg: Segment) -> str:
    a, b = toks.char_range(seg.start, seg.end)
    return toks.doc_text[a:b]
