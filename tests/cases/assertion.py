"""Assertion: hedges and their scope, negation and what bounds it,
comparisons (a change, never the past), and sections that end at their
paragraph."""

_L5 = "type=screw_lucency levels=L5 side=left"
_POSS = f"<f {_L5} assertion=possible>"
_NEG = f"<f {_L5} assertion=absent>"

CASES = {
    # a complication that has not come back is negated
    "negation-has-not-recurred": "Solid C5-6 fusion; <f type=screw_backout levels=C5,C6 assertion=absent>the previously revised screw backout has not recurred</f>.",
    "negation-have-not-recurred": "<f type=screw_lucency levels=L5 side=bilateral assertion=absent>The lucencies around both L5 screws have not recurred</f>.",
    "negation-not-recurred": "<f type=screw_backout levels=C6 assertion=absent>Backout of the C6 screw, not recurred</f> since the revision.",
    "negation-did-not-recur": "<f type=screw_backout levels=L4 assertion=absent>The L4 screw backout did not recur</f>.",
    # "is seen" is the verb of a negated hardware subject, and the negation reaches past it
    "negation-subject-is-seen": "<f type=screw_malposition assertion=absent>No screw is seen within the spinal canal</f>.",
    "negation-subject-are-seen": "<f type=screw_backout assertion=absent>No screws are seen to be backing out</f>.",
    "negation-subject-verb-ends-at-comma": "No new hardware is seen, <f type=screw_lucency levels=L5>lucency around the L5 screw</f>.",
    "negation-finding-subject-verb-terminates": "<f type=hardware_fracture assertion=absent>No rod fracture is seen</f> <f type=screw_lucency levels=L5>lucency around the L5 screw</f>.",
    # a negation over "that there is" reaches it; a query is not the reader's hedge
    "negation-believe-there-is": "<f type=screw_lucency assertion=absent>I do not believe there is any loosening of the screws</f>.",
    "negation-evidence-that-there-is": "<f type=screw_lucency assertion=absent>No convincing evidence that there is screw loosening</f>.",
    "negation-subject-verb-ends-at-and": "<f type=screw_backout assertion=absent>No screws are seen to have backed out</f> and <f type=hardware_fracture levels=L3>the rods are fractured at L3</f>.",
    "query-unheaded-stays-hypothetical": "<f type=screw_lucency levels=L4,L5 assertion=hypothetical>Back pain after L4-5 fusion, ?loosening</f>. <f type=screw_lucency levels=L4,L5 assertion=absent>The screws are intact without lucency</f>.",
    "query-word-before-the-mark": "FINDINGS: <f type=screw_lucency assertion=hypothetical>Clinical query ?loosening</f>. <f type=screw_lucency assertion=absent>No periscrew lucency</f>.",
    "negation-swallowed-lists-on": "<f type=pseudarthrosis>No bridging bone</f>, <f type=hardware_fracture assertion=absent>hardware fracture</f> or <f type=screw_lucency levels=L4,L5 assertion=absent>loosening at L4-5</f>.",
    # an addendum that corrects the preliminary report supersedes what it restates
    "addendum-disagree-supersedes": "FINDINGS: <f type=hardware_fracture side=right assertion=historical>Questionable fracture of the right rod</f>.\nADDENDUM (attending): I disagree with the preliminary read: <f type=hardware_fracture side=right assertion=absent>there is no fracture of the right rod</f>.",
    "addendum-correction-of-the-level": "<f type=screw_malposition levels=C4 side=right assertion=historical>The right C4 lateral mass screw enters the right C4-5 foramen</f>.\nADDENDUM: Correction to the level: <f type=screw_malposition levels=C5 side=right>the right C5 lateral mass screw enters the right C5-6 foramen</f>.",
    "addendum-agreed-finding-keeps": "<f type=screw_malposition levels=T7 side=right>The right T7 screw is lateral to the vertebral body</f>. <f type=screw_malposition levels=T5 side=left assertion=historical>Medial breach of the left T5 pedicle</f>.\nADDENDUM: I disagree regarding the left T5 screw: <f type=screw_malposition levels=T5 side=left assertion=absent>there is no breach of the left T5 pedicle</f>. I agree that <f type=screw_malposition levels=T7 side=right>the right T7 screw is lateral to the vertebral body</f>.",
    "addendum-that-agrees-keeps-all": "<f type=pseudarthrosis levels=C6,C7 assertion=possible>Possible pseudarthrosis at C6-7</f>.\nADDENDUM: I agree, and would state it more firmly: <f type=pseudarthrosis levels=C6,C7>pseudarthrosis at C6-7</f>.",
    # a ";" ends every cue's scope, also when "there is" follows it
    "term-semicolon-before-there-is": "Susceptibility artifact limits assessment of the bone-screw interface; <f type=screw_lucency levels=L4 assertion=absent>there is no periscrew fluid signal about the L4 screws to suggest loosening</f>.",
    # a denial after a statement of the same finding is a statement of its own
    "merge-denial-after-past-state-stays-apart": "FINDINGS: <f type=screw_lucency levels=T12 assertion=historical>The T12 screws, which were loose on the 2022 study</f>, were upsized at revision; <f type=screw_lucency levels=T12 assertion=absent>no lucency is now seen around them</f>.",
    # a relative "where" clause holds its own hedge: "likely" there is about what it does
    "term-where-without-a-pronoun-keeps-the-negation": "L4-5 fusion. <f type=screw_lucency levels=L4,L5 assertion=absent size=2>There is no level where lucency exceeds 2 mm around the screws</f>.",
    "term-where-without-a-pronoun-keeps-the-query": "<f type=screw_lucency levels=L4 assertion=hypothetical>Evaluate the L4 level, where there may be screw loosening</f>.",
    "term-where-clause-keeps-its-hedge": "<f type=cage_subsidence levels=L4,L5>The L4-5 cage has migrated posteriorly into the left lateral recess</f>, where it is likely to be compressing the traversing L5 nerve root.",
    # ", consistent with" ends a negation: what follows sums up, it is not denied
    "term-comma-consistent-with": "<f type=pseudarthrosis levels=C1,C2>The onlay graft across C1-C2 shows no incorporation and no bony bridging, consistent with nonunion</f>.",
    "term-comma-in-keeping-with": "<f type=pseudarthrosis levels=L4,L5>The L4-5 graft is not incorporated, in keeping with nonunion</f>.",
    "term-no-findings-consistent-with-stays-negated": "<f type=pseudarthrosis assertion=absent>No findings consistent with pseudarthrosis</f>.",
    # a target that holds its own negation is not negated again by one before it
    "neg-own-negation-not-doubled": "<f type=screw_lucency levels=L4 assertion=absent>No lucency about the L4 screws</f> and <f type=pseudarthrosis levels=L4,L5>no bridging bone at L4-5</f>.",
    # "HISTORY AS PROVIDED" heads a history section
    "section-history-as-provided": "HISTORY AS PROVIDED: <f type=hardware_fracture levels=L4,L5 side=bilateral assertion=historical>Fracture of both rods at L4-5</f> in 2022.\nFINDINGS: New rods, intact.",
    # a screw taken out and put back by the surgeon: its backout is the past, and "withdrawn" alone needs hardware
    "hist-withdrawn-and-redirected": "<f type=screw_backout levels=S1 side=left assertion=historical>The left S1 screw was withdrawn and redirected</f> after this image.",
    "hist-backed-out-and-reinserted": "<f type=screw_backout levels=S1 side=left assertion=historical>The left S1 screw was backed out and reinserted</f>.",
    "withdrawn-needle-is-no-finding": "Image 4 (final, needle withdrawn): both trial leads unchanged in position.",
    # "consolidation of the arthrodesis" is a fusion word; lung consolidation is not
    "fusion-consolidation-of-the-arthrodesis": "<f type=pseudarthrosis levels=L4,L5 assertion=absent>Good consolidation of the posterolateral fusion at L4-5</f>.",
    "fusion-not-bony-bridges": "<f type=pseudarthrosis levels=L5,S1>No bony bridges are recognizable through the L5-S1 spacer</f>.",
    # ", and a ..." opens a clause a negation before it does not reach
    "term-comma-and-a-new-clause": "No lucency about the L4 screws, and <f type=screw_lucency levels=S1 side=left>a lucent halo surrounds the left S1 screw</f>.",
    # an addendum corrects only what it restates, and "I do not agree" is no agreement
    "addendum-other-side-untouched": "FINDINGS: <f type=hardware_fracture levels=T10 side=right>The right rod is fractured at T10</f>.\nADDENDUM: Correction: <f type=hardware_fracture side=left assertion=absent>there is no fracture of the left rod</f>.",
    "addendum-do-not-agree-corrects": "FINDINGS: <f type=screw_malposition levels=T7 side=right assertion=historical>The right T7 screw is lateral to the vertebral body</f>.\nADDENDUM: <f type=screw_malposition levels=T7 side=right assertion=absent>I do not agree that the right T7 screw is lateral to the vertebral body</f>.",
    # a negation across a gap stops at "continue(s)"; a double negation is no finding
    "neg-gap-stops-at-continue": "No interval change and <f type=pseudarthrosis levels=L4,L5>the findings continue to suggest pseudarthrosis at L4-5</f>.",
    "neg-no-evidence-that-did-not-take": "<f type=pseudarthrosis levels=L4,L5 assertion=absent>There is no evidence that the L4-5 graft did not take</f>.",
    # hedges before the finding
    "hedge-suspicious": f"{_POSS}Suspicious lucency around the left L5 screw</f>.",
    "hedge-concerning": f"{_POSS}Concerning lucency around the left L5 screw</f>.",
    "hedge-worrisome": f"{_POSS}Worrisome lucency around the left L5 screw</f>.",
    "hedge-differential": f"{_POSS}Differential: loosening of the left L5 screw</f> or postoperative change.",
    "hedge-differential-diagnosis": f"{_POSS}Differential diagnosis loosening of the left L5 screw</f> versus artifact.",
    "hedge-differential-diagnosis-of": f"{_POSS}Differential diagnosis of loosening of the left L5 screw</f>.",
    "hedge-differential-considerations": f"{_POSS}Differential considerations include loosening of the left L5 screw</f>.",
    "hedge-ddx": f"{_POSS}DDx loosening of the left L5 screw</f>, infection.",
    "hedge-favor": f"{_POSS}Favor loosening of the left L5 screw</f> over artifact.",
    "hedge-favour": f"{_POSS}Favour loosening of the left L5 screw</f>.",
    "hedge-favored": f"{_POSS}Favored: loosening of the left L5 screw</f>.",
    "hedge-favoured": f"{_POSS}Favoured: loosening of the left L5 screw</f>.",
    "hedge-favoring": f"Findings are {_POSS}favoring loosening of the left L5 screw</f>.",
    "hedge-favouring": f"Findings are {_POSS}favouring loosening of the left L5 screw</f>.",
    "hedge-thought-to-represent": f"This is {_POSS}thought to represent loosening of the left L5 screw</f>.",
    "hedge-felt-to-represent": f"This is {_POSS}felt to represent loosening of the left L5 screw</f>.",
    "hedge-believed-to-represent": f"This is {_POSS}believed to represent loosening of the left L5 screw</f>.",
    "hedge-thought-to-reflect": f"This is {_POSS}thought to reflect loosening of the left L5 screw</f>.",
    "hedge-presumed-to-represent": f"This is {_POSS}presumed to represent loosening of the left L5 screw</f>.",
    "hedge-presumptive": f"{_POSS}Presumptive loosening of the left L5 screw</f>.",
    "hedge-could-indicate": f"This {_POSS}could indicate loosening of the left L5 screw</f>.",
    "hedge-unable-to-exclude": f"{_POSS}Unable to exclude loosening of the left L5 screw</f>.",
    "hedge-not-possible-to-exclude": f"It is {_POSS}not possible to exclude loosening of the left L5 screw</f>.",
    "hedge-impossible-to-exclude": f"It is {_POSS}impossible to exclude loosening of the left L5 screw</f>.",
    "hedge-cant-rule-out": f"{_POSS}Can't rule out loosening of the left L5 screw</f>.",
    "hedge-rule-in-or-out": f"CT {_POSS}cannot rule in or out loosening of the left L5 screw</f>.",
    "hedge-consider": f"{_POSS}Consider early loosening of the left L5 screw</f>.",
    "hedge-versus-before": f"<f {_L5} assertion=possible>Lucency around the left L5 screw versus artifact</f>.",
    "hedge-vs-before": f"<f {_L5} assertion=possible>Lucency around the left L5 screw vs postoperative change</f>.",
    "hedge-vs-dot-before": f"<f {_L5} assertion=possible>Lucency around the left L5 screw vs. artifact</f>.",
    # hedges after the finding
    # a copula and a hedge word after the finding, in every number and tense of "remain", "appear", "seem"
    "hedge-are-questionable": "<f type=screw_lucency levels=L5 side=bilateral assertion=possible>Lucencies around both L5 screws are questionable</f>.",
    "hedge-remains-indeterminate": f"{_POSS}The lucency around the left L5 screw remains indeterminate</f>.",
    "hedge-appears-likely": "<f type=screw_lucency levels=S1 side=left assertion=possible>Loosening of the left S1 screw appears likely</f>.",
    "hedge-remain-equivocal": "<f type=hardware_fracture levels=L4 side=bilateral assertion=possible>Fractures of both rods at L4 remain equivocal</f>.",
    "hedge-not-ruled-out": f"{_POSS}Loosening of the left L5 screw not ruled out</f>.",
    "hedge-not-be-ruled-out": f"{_POSS}Loosening of the left L5 screw could not be ruled out</f>.",
    "hedge-not-be-excluded": f"{_POSS}Loosening of the left L5 screw could not be excluded</f>.",
    "hedge-is-not-ruled-out": f"{_POSS}Loosening of the left L5 screw is not ruled out</f>.",
    "hedge-completely-excluded": f"{_POSS}Loosening of the left L5 screw cannot be completely excluded</f>.",
    "hedge-definitely-excluded": f"{_POSS}Loosening of the left L5 screw cannot be definitely excluded</f>.",
    "hedge-definitively-excluded": f"{_POSS}Loosening of the left L5 screw cannot be definitively excluded</f>.",
    "hedge-fully-excluded": f"{_POSS}Loosening of the left L5 screw cannot be fully excluded</f>.",
    "hedge-totally-excluded": f"{_POSS}Loosening of the left L5 screw cannot be totally excluded</f>.",
    "hedge-entirely-ruled-out": f"{_POSS}Loosening of the left L5 screw cannot be entirely ruled out</f>.",
    "hedge-entirely-excluded-after": "<f type=hardware_fracture side=right assertion=possible>The right rod appears intact, a nondisplaced fracture cannot be entirely excluded</f>.",
    "hedge-cant-be-ruled-out": f"{_POSS}Loosening of the left L5 screw can't be ruled out</f>.",
    "hedge-not-completely-excluded": f"{_POSS}Loosening of the left L5 screw is not completely excluded</f>.",
    "hedge-is-a-consideration": f"{_POSS}Loosening of the left L5 screw is a consideration</f>.",
    "hedge-are-considerations": "<f type=screw_lucency levels=L5 side=bilateral assertion=possible>Loosening of both L5 screws and infection are considerations</f>.",
    "hedge-is-favored": f"{_POSS}Loosening of the left L5 screw is favored</f>.",
    "hedge-is-favoured": f"{_POSS}Loosening of the left L5 screw is favoured</f>.",
    "hedge-is-concerning": f"{_POSS}Lucency around the left L5 screw is concerning</f> for loosening.",
    "hedge-is-worrisome": f"{_POSS}Lucency around the left L5 screw is worrisome</f>.",
    "hedge-is-suspicious": f"{_POSS}Lucency around the left L5 screw is suspicious</f>.",
    "hedge-remains-possible": f"{_POSS}Loosening of the left L5 screw remains possible</f>.",
    "hedge-is-of-concern": f"{_POSS}Lucency around the left L5 screw is of concern</f>.",
    "hedge-if-any": f"{_POSS}Minimal lucency around the left L5 screw, if any</f>.",
    "hedge-after-no-bridging": "the T11-12 interspace w/ <f type=pseudarthrosis levels=T11,T12 assertion=possible>no bridging bone, suspicious for pseudarthrosis</f>",
    # negation, and the cues a negation governs
    "neg-w/o": f"{_NEG}b/l L5 screws intact w/o lucency</f>".replace("side=left", "side=bilateral"),
    "neg-w/o-evidence-of": f"{_NEG}w/o evidence of lucency about the left L5 screw</f>",
    "neg-rather-than": "<f type=screw_lucency levels=L5 side=left assertion=absent>The rim is artifact rather than loosening of the left L5 screw</f>.",
    "neg-governs-suspicious": f"{_NEG}Not suspicious for loosening of the left L5 screw</f>.",
    "neg-governs-history": "<f type=hardware_fracture assertion=absent>No history of rod fracture</f>.",
    "neg-governs-suggesting": f"{_NEG}No findings suggesting loosening of the left L5 screw</f>.",
    # an evidence verb after negated evidence is governed further back than other hedges
    "neg-governs-suggests-after-its-evidence": "<f type=pseudarthrosis levels=C4,C5 assertion=absent>No fluid signal or endplate edema at C4-5 suggests pseudarthrosis</f>.",
    "neg-governs-suggestive-of-after-its-evidence": "<f type=screw_lucency levels=L5 side=left assertion=absent>No rim of sclerosis about the left L5 screw suggestive of loosening</f>.",
    "neg-evidence-verb-past-a-clause-break-hedges": "No fluid signal at C5-6; <f type=pseudarthrosis levels=C4,C5 assertion=possible>endplate edema at C4-5 suggests pseudarthrosis</f>.",
    "neg-evidence-verb-past-but-hedges": "No lucency about the L4 screws, but <f type=screw_lucency levels=L5 side=left assertion=possible>a rim around the left L5 screw suggests loosening</f>.",
    "neg-does-not-govern-across-a-finding": "<f type=screw_lucency levels=L4 assertion=absent>No lucency about the L4 screws</f>, <f type=screw_malposition levels=L5 side=left assertion=possible>questionable breach by the left L5 screw</f>.",
    "neg-does-not-govern-hypothetical": "<f type=stimulator assertion=hypothetical>No contraindication to stimulator placement</f> in the dorsal epidural space.",
    "neg-ends-at-positive-for": "No lucency at L4; <f type=screw_lucency levels=L5 side=left assertion=present>positive for lucency around the left L5 screw</f>.",
    "neg-ends-at-diagnosis-for": "<f type=stimulator assertion=present>No diagnosis for the pain; spinal cord stimulator</f> in place.",
    "neg-ends-at-explanation-for": "No clear explanation for the pain. <f type=hardware_fracture levels=L4 side=left assertion=present>Left rod fracture at L4</f>.",
    # comparisons give a change, never the past
    "comparison-prior-comma": "Compared with prior, <f type=screw_lucency levels=L5 side=left assertion=present change=worse>lucency around the left L5 screw has increased</f>.",
    "comparison-similar-to-prior": "<f type=screw_lucency levels=OCCIPUT assertion=present>Thin lucent rim around the occipital screws</f>, similar to prior.",
    "comparison-unchanged-from-prior-study": "<f type=screw_backout levels=C6 assertion=present change=stable>Backout of the C6 screw, unchanged from the prior study</f>.",
    "prior-anchor-site-is-past": "Post-surgical change at C2-C3 from the prior lead anchor site. No stimulator leads remain.",
    # lower-case dictation: a statement a line
    "dictation-lines": "FINDINGS:\npedicle screws L4 and L5 in stable position\n<f type=cage_subsidence assertion=absent>cage w/o subsidence</f> endplates intact\nrods intact no fx\nearly bridging bone across the disc space\nmild facet arthropathy",
    # "there is" starts a statement: a negation before it does not reach past it, a question does
    "dictation-there-is-ends-negation": "<f type=hardware_fracture assertion=absent>no rod fracture</f> <f type=screw_lucency levels=L5 side=left>there is lucency around the left l5 screw</f>",
    "dictation-there-has-been-ends-negation": "<f type=hardware_fracture assertion=absent>No hardware fracture</f> and <f type=screw_backout levels=L4 side=right>there has been interval backout of the right L4 screw</f>.",
    "question-reaches-past-there-is": "<f type=screw_lucency levels=L5 assertion=hypothetical>Evaluate whether there is loosening of the L5 screw</f>.",
    "dictated-new-paragraph-ends-negation": "<f type=hardware_fracture assertion=absent>no fracture of the hardware</f> new paragraph <f type=screw_backout levels=S1 side=left size=4>the left s1 screw has backed out 4 mm</f>",
    "dictation-line-ends-negation": "FINDINGS:\nboth rods intact\n<f type=screw_backout assertion=absent>no screw backout</f>\nthe T11-12 interspace shows 3 mm of motion on flexion\nL1 cement unchanged\nmild L4 compression deformity",
    # a history is one paragraph
    "history-is-a-paragraph": "History: fusion of the occiput to C4 last year, now evaluate for rod fracture.\n\nOkay so findings. <f type=hardware_fracture levels=C2,C3 side=right assertion=present>The right rod is fractured at C2-3</f>, new since the postoperative study.",
    # "no/nothing ... to suggest": the negation reaches across what lies between
    "neg-nothing-views-to-suggest": "<f type=pseudarthrosis levels=L4,L5 assertion=absent>There is nothing on the flexion views to suggest pseudarthrosis at L4-5</f>.",
    "neg-no-change-to-suggest": "<f type=pseudarthrosis assertion=absent>No change in alignment on flexion and extension views to suggest pseudarthrosis</f>.",
    "neg-without-motion-to-indicate": "<f type=pseudarthrosis assertion=absent>Without motion between the views to indicate nonunion</f>.",
    "neg-to-suggest-ends-at-but": "No new fracture, but <f type=pseudarthrosis levels=L4,L5>the findings continue to suggest pseudarthrosis at L4-5</f>.",
    # a cue matched across a gap does not swallow the target inside it
    "neg-to-suggest-keeps-target-inside": "<f type=screw_lucency assertion=absent>No lucency is seen about the screws to suggest loosening</f>.",
    "neg-nothing-has": "<f type=screw_backout levels=L5 side=left assertion=absent>The new left L5 screw is well seated. Nothing has backed out</f>.",
    # the reason for a revision, a state before it, and what was since repositioned
    # a past state stated as gone is the past, not a finding now
    "hist-has-disappeared": "<f type=screw_lucency levels=L5 side=left size=2 assertion=historical>The 2 mm halo about the left L5 screw on the prior film has disappeared</f>.",
    "hist-have-disappeared": "<f type=screw_lucency levels=S1 side=bilateral assertion=historical>The lucencies around both S1 screws have disappeared</f>.",
    "hist-has-since-disappeared": "<f type=screw_lucency levels=L4 side=right assertion=historical>Lucency about the right L4 screw has since disappeared</f>.",
    "hist-has-vanished": "<f type=screw_lucency levels=L3 side=left assertion=historical>The lucent rim around the left L3 screw has vanished</f>.",
    "hist-have-vanished-and-a-new-finding": "<f type=screw_lucency levels=S1 side=bilateral assertion=historical>The halos about both S1 screws have vanished</f>; <f type=screw_backout levels=L4 side=left size=3>the left L4 screw has backed out 3 mm</f>.",
    "hist-revised-on-a-date-for": "L4-5 PSF, <f type=screw_backout levels=L5 side=left assertion=historical>revised 3/2025 for backout of the left L5 screw</f>.",
    "pseudo-nothing-has-changed": "Nothing has changed: <f type=screw_backout levels=L5 side=left assertion=present change=stable>backout of the left L5 screw persists</f>.",
    "pseudo-nothing-is-new": "Nothing is new. <f type=screw_lucency levels=S1 assertion=present>Lucency around the S1 screws</f>.",
    "pseudo-nothing-new": "Nothing new; <f type=hardware_fracture levels=L4 side=right assertion=present>the right rod fracture at L4</f>.",
    "hist-exchange-of": "<f type=hardware_fracture levels=L3 side=left assertion=historical>Interval exchange of the fractured left rod at L3</f>.",
    "hist-replacement-of": "Interval revision with <f type=cage_subsidence levels=L4,L5 assertion=historical>replacement of the retropulsed L4-5 cage</f>.",
    "previously-fractured-again-seen-is-present": "<f type=hardware_fracture levels=L3 side=left assertion=present>The previously fractured left rod at L3 is again seen</f>.",
    "repositioned-lead-is-present": "<f type=stimulator levels=T9>Spinal cord stimulator leads have been repositioned and now terminate at T9</f>.",
    "hist-pre-revision-study": "<f type=cage_subsidence assertion=historical size=4>On the pre-revision MRI the original cage had retropulsed 4 mm into the ventral canal</f>.",
    "hist-repositioned": "The right L4 pedicle screw, <f type=screw_malposition levels=L4 side=right assertion=historical size=3>which breached the medial pedicle wall by 3 mm, has been repositioned</f>.",
    "hist-pre-revision-spaced": "<f type=screw_backout levels=L5 assertion=historical>On the pre revision CT the L5 screw had backed out</f>.",
    "hist-have-been-repositioned": "<f type=screw_malposition levels=L4 assertion=historical>The malpositioned L4 screws have been repositioned</f>.",
    # hardware exchanged, upsized or retightened: the state it was in is the past
    "hist-were-exchanged": "<f type=screw_lucency levels=S1 assertion=historical>The previously loose S1 screws were exchanged for larger screws</f>.",
    "hist-were-upsized": "<f type=screw_lucency levels=T12 assertion=historical>The loose T12 screws were upsized at revision</f>.",
    "hist-was-retightened": "<f type=rod_connector_dislodgement levels=L4 component=set_screw assertion=historical>The loose set screw at L4 was retightened</f>.",
    "hist-upsizing-of": "<f type=screw_lucency levels=L5 assertion=historical>Upsizing of the loose L5 screws</f> in 2024.",
    # a past state dated to an earlier study is historical, unless compared with now
    "hist-dated-to-an-earlier-study": "<f type=screw_lucency levels=L5 assertion=historical>The L5 screws were loose on the 2022 study</f>.",
    "hist-dated-there-was": "<f type=screw_lucency levels=S1 assertion=historical>There was lucency around the S1 screw on the 2023 CT</f>.",
    "hist-dated-relative-clause": "<f type=pseudarthrosis levels=T9,T10 assertion=historical>Solid bony fusion across T9-10, where nonunion was present on the prior study</f>.",
    "dated-but-compared-is-present": "<f type=screw_lucency levels=L5 change=stable>The L5 screws were loose on the 2022 study and are unchanged</f>.",
    "hist-removal-in-a-year-for": "HISTORY: <f type=screw_lucency levels=L4,L5 assertion=historical section=history>Prior L4-5 fusion with hardware removal in 2023 for screw loosening</f>.",
    "dated-and-measured-today-is-present": "<f type=screw_lucency size=4>Screw lucency was 2 mm on the prior CT and measures 4 mm today</f>.",
    "dated-as-well-is-present": "<f type=hardware_fracture side=right>The right rod was fractured on the prior study as well</f>.",
    "dated-first-noted-is-present": "<f type=screw_lucency levels=L5>L5 screw loosening was first noted on the 2022 CT</f>.",
    "recommended-retightening-is-not-the-past": "<f type=rod_connector_dislodgement levels=L5 component=set_screw>The L5 set screw is loose and should be retightened</f>.",
    "hist-was-repositioned": "<f type=screw_malposition levels=T10 side=left assertion=historical>The left T10 screw, which breached the lateral wall, was repositioned</f>.",
    "hist-were-repositioned": "<f type=screw_malposition levels=S1 assertion=historical>The S1 screws that breached the anterior cortex were repositioned</f>.",
    "previously-noted-is-not-historical": "<f type=screw_lucency levels=L5 assertion=present change=stable>Previously noted lucency around the L5 screw is unchanged</f>.",
    # a resolved past state is historical, however its absence is worded
    "hist-no-longer-appreciated": "<f type=screw_lucency levels=L5 assertion=historical>The previously seen lucency around the L5 screws is no longer appreciated</f>.",
    "hist-no-longer-visible": "<f type=screw_lucency levels=L5 side=left assertion=historical>Lucency around the left L5 screw is no longer visible</f>.",
    "hist-no-longer-noted": "<f type=screw_backout levels=C6 assertion=historical>Backout of the C6 screw is no longer noted</f>.",
    "hist-no-longer-demonstrable": "<f type=screw_lucency levels=S1 assertion=historical>The S1 screw lucency is no longer demonstrable</f>.",
    "hist-no-longer-detected": "<f type=hardware_fracture levels=L3 side=right assertion=historical>The right rod fracture at L3 is no longer detected</f> after revision.",
    "hist-no-longer-conspicuous": "<f type=screw_lucency levels=T12 assertion=historical>Lucency about the T12 screws is no longer conspicuous</f>.",
    "hist-no-longer-shown": "<f type=screw_lucency levels=L4 assertion=historical>Peri-screw lucency at L4 is no longer shown</f>.",
    "hist-no-longer-discernible": "<f type=screw_lucency levels=L4 assertion=historical>Lucency at the L4 screws is no longer discernible</f>.",
    "hist-no-longer-depicted": "<f type=cage_subsidence levels=L4,L5 assertion=historical>The L4-5 cage subsidence is no longer depicted</f> after revision.",
    "hist-no-longer-recognisable": "<f type=screw_lucency levels=L5 assertion=historical>A halo at the L5 screws is no longer recognisable</f>.",
    "hist-no-longer-recognizable": "<f type=screw_lucency levels=L5 assertion=historical>A halo at the L5 screws is no longer recognizable</f>.",
    "hist-no-longer-observed": "<f type=screw_lucency levels=L5 assertion=historical>Lucency about the L5 screws is no longer observed</f>.",
    # in an indication, what happened at surgery is the past, not a question
    "indication-event-during-surgery": "INDICATION: TLIF for spondylolisthesis. <f type=cage_subsidence component=interbody_cage assertion=historical>The interbody cage dislodged anteriorly during the procedure</f>.\nFINDINGS: Pedicle screws intact.",
    # a device the patient is being considered for is not in place
    "indication-considered-for-a-stimulator": "HISTORY: Neck pain, <f type=stimulator assertion=hypothetical section=history>being considered for a cervical spinal cord stimulator trial</f>.",
    "indication-clinical-data-header": "CLINICAL DATA: <f type=pseudarthrosis levels=L4,L5 assertion=hypothetical section=indication>Suspicion of pseudarthrosis L4-L5</f>.",
    "indication-question-stays-hypothetical": "INDICATION: <f type=cage_subsidence assertion=hypothetical>Evaluate for cage subsidence</f>.\nFINDINGS: Pedicle screws intact.",
}
# a question about the screws' position asks; in a history it is not the past
CASES["question-screw-position"] = (
    "INDICATION: Back pain after L4-S1 fusion. <f type=screw_malposition levels=L4,L5,S1 "
    "assertion=hypothetical>Screw position?</f>\nFINDINGS: Pedicle screws at L4, L5 and S1, intact."
)
CASES["question-mark-before-screw-position"] = (
    "CLINICAL INFORMATION: L3-L5 fusion. <f type=screw_malposition levels=L3,L4,L5 "
    "assertion=hypothetical>? Screw position</f>\nFINDINGS: Pedicle screws at L3, L4 and L5, intact."
)
CASES["question-in-a-history-is-hypothetical"] = (
    "HISTORY: L3-L5 fusion 2024. <f type=screw_malposition levels=L3,L4,L5 "
    "assertion=hypothetical>Position of the screws?</f>\nFINDINGS: Screws L3-L5 intact."
)
CASES["question-mark-after-the-cue-in-a-history"] = (
    "HISTORY: <f type=screw_lucency levels=L4,L5 assertion=hypothetical>L4-5 fusion 2023, "
    "loosening?</f>\nFINDINGS: <f type=screw_lucency levels=L4,L5 assertion=absent>Pedicle "
    "screws at L4 and L5, no lucency</f>."
)
CASES["screw-position-stated-is-no-finding"] = (
    "FINDINGS: Pedicle screws at L4 and L5. Screw position is satisfactory."
)
# "healed" before its noun is no past state of what the sentence said before it
CASES["healed-before-its-noun-reaches-nothing-back"] = (
    "<f type=screw_lucency levels=T5,T6 assertion=absent>The T5-T6 screws show no lucency</f>, "
    "and the healed T5 fracture is stable."
)
CASES["healed-after-a-copula-is-past"] = (
    "<f type=pseudarthrosis levels=L4,L5 assertion=historical>The L4-5 nonunion is now healed</f>."
)
CASES["request-to-evaluate-screw-position"] = (
    "INDICATION: T2-T10 fusion for scoliosis. <f type=screw_malposition levels=T2,T3,T4,T5,T6,T7,"
    "T8,T9,T10 assertion=hypothetical section=indication>Evaluate pedicle screw placement</f>."
)
CASES["request-in-a-history-is-hypothetical"] = (
    "HISTORY: L2-L4 fusion. <f type=screw_malposition levels=L2,L3,L4 assertion=hypothetical "
    "section=history>Assess screw position</f>.\nFINDINGS: Screws intact."
)
# a past adverb before a participle cue: the state was, whatever holds now
CASES["previously-loosened-screw-is-past"] = (
    "<f type=screw_lucency levels=L5 assertion=historical>The previously loosened L5 screw is now "
    "surrounded by dense new bone</f>."
)
CASES["previously-fractured-rod-unchanged-is-present"] = (
    "<f type=hardware_fracture side=left assertion=present change=stable>The previously fractured "
    "left rod is unchanged</f>."
)
# plans about a stimulator, not a stimulator seen
CASES["stimulator-being-considered"] = (
    "INDICATION: L4-S1 fusion. <f type=stimulator assertion=hypothetical section=indication>A "
    "spinal cord stimulator is being considered</f>."
)
CASES["stimulator-under-consideration"] = (
    "<f type=stimulator assertion=hypothetical>A spinal cord stimulator is under consideration</f>."
)
CASES["stimulator-would-not-be-offered"] = (
    "L5-S1 fusion. <f type=stimulator assertion=hypothetical>A stimulator would not be offered "
    "before revision</f>."
)
CASES["stimulator-would-be-offered"] = (
    "<f type=stimulator assertion=hypothetical>A stimulator trial would be offered after "
    "revision</f>."
)
CASES["stimulator-will-be-offered"] = (
    "<f type=stimulator assertion=hypothetical>A stimulator trial will be offered</f>."
)
CASES["will-hold-the-stimulator-trial"] = (
    "I will hold the <f type=stimulator assertion=hypothetical>spinal cord stimulator trial</f>."
)
CASES["would-hold-the-stimulator-trial"] = (
    "We would hold the <f type=stimulator assertion=hypothetical>spinal cord stimulator trial</f>."
)
CASES["stimulator-explant-is-past"] = (
    "Impression: <f type=stimulator assertion=historical>Complete spinal cord stimulator "
    "explant</f>."
)
CASES["former-generator-pocket-is-past"] = (
    "<f type=stimulator assertion=historical>Spinal cord stimulator explanted in 2022</f>. "
    "<f type=stimulator component=stimulator_generator side=right assertion=historical>The former "
    "generator pocket in the right flank is empty</f>."
)
CASES["stimulator-can-be-considered"] = (
    "<f type=stimulator assertion=hypothetical>Stimulator re-implantation can be considered</f>."
)
CASES["stimulator-may-be-considered"] = (
    "<f type=stimulator assertion=hypothetical>A stimulator trial may be considered</f>."
)
CASES["finding-should-be-considered-is-possible"] = (
    "<f type=pseudarthrosis levels=L5,S1 assertion=possible>Likely pseudarthrosis at L5-S1 should be "
    "considered</f>."
)
CASES["stimulator-might-be-considered"] = (
    "<f type=stimulator assertion=hypothetical>A stimulator might be considered</f>."
)
CASES["stimulator-to-be-considered"] = (
    "<f type=stimulator assertion=hypothetical>Stimulator trial to be considered</f>."
)
# hedges of the classic cue lists (pyConText's probable and ambivalent
# existence): a cause hedged through "due to", a doubt over "whether", a
# doubled "cannot be ... ruled out", the differential, presence hedged
CASES["hedge-likely-due-to"] = (
    "The L5 screw halo is <f type=screw_lucency levels=L5 assertion=possible>likely due to "
    "loosening</f>."
)
CASES["hedge-may-be-secondary-to"] = (
    "Rod failure at L3-4 <f type=pseudarthrosis levels=L3,L4 assertion=possible>may be "
    "secondary to pseudarthrosis</f>."
)
CASES["hedge-uncertain-whether"] = (
    "<f type=screw_lucency levels=L4 assertion=possible>It is uncertain whether there is "
    "lucency around the L4 screws</f>."
)
CASES["hedge-not-clear-whether"] = (
    "<f type=cage_subsidence levels=L4,L5 assertion=possible>It is not clear whether the L4-5 "
    "cage has subsided</f>."
)
CASES["hedge-cannot-be-completely-ruled-out"] = (
    "<f type=hardware_fracture levels=L4 side=left assertion=possible>A fracture of the left L4 "
    "screw cannot be completely ruled out</f>."
)
CASES["hedge-in-the-differential"] = (
    "<f type=pseudarthrosis levels=C5,C6 assertion=possible>Pseudarthrosis at C5-6 is in the "
    "differential</f>."
)
CASES["hedge-a-differential-consideration"] = (
    "<f type=pseudarthrosis levels=L5,S1 assertion=possible>Pseudarthrosis at L5-S1 is a "
    "differential consideration</f>."
)
CASES["hedge-considerations-include"] = (
    "<f type=pseudarthrosis levels=L5,S1 assertion=possible>Considerations include "
    "pseudarthrosis at L5-S1</f>."
)
CASES["hedge-could-be-present"] = (
    "<f type=screw_lucency levels=S1 side=right assertion=possible>Minimal lucency around the "
    "right S1 screw could be present</f>."
)
CASES["hedge-probably-present"] = (
    "<f type=screw_lucency levels=S1 side=right assertion=possible>Lucency around the right S1 "
    "screw is probably present</f>."
)
CASES["hedge-is-difficult-to-exclude"] = (
    "<f type=hardware_fracture levels=L3 side=right assertion=possible>A fracture of the right "
    "rod at L3 is difficult to exclude</f>."
)
CASES["hedge-is-presumed"] = (
    "<f type=pseudarthrosis levels=L4,L5 assertion=possible>Pseudarthrosis at L4-5 is presumed</f>."
)
CASES["hedge-perhaps"] = (
    "<f type=screw_backout levels=L4 assertion=possible>Perhaps slight backout of the L4 screw</f>."
)
CASES["hedge-would-be-a-consideration"] = (
    "<f type=pseudarthrosis levels=L4,L5 assertion=possible>Pseudarthrosis at L4-5 would be a "
    "consideration</f>."
)
CASES["hedge-cannot-be-certain-of"] = (
    "<f type=screw_malposition levels=T10 side=left assertion=possible>We cannot be certain of a "
    "breach by the left T10 screw</f>."
)
CASES["hedge-questionably-before"] = (
    "<f type=screw_backout levels=L4 side=right assertion=possible>The right L4 screw has "
    "questionably backed out</f>."
)
CASES["hedge-cannot-distinguish"] = (
    "Streak artifact at L5. <f type=screw_lucency levels=L5 assertion=possible>We cannot "
    "distinguish lucency around the L5 screws</f> from artifact."
)
CASES["hedge-cannot-be-distinguished"] = (
    "<f type=screw_lucency levels=L5 assertion=possible>Lucency around the L5 screws cannot be "
    "distinguished</f> from streak artifact."
)
CASES["hedge-remains-a-concern"] = (
    "<f type=pseudarthrosis levels=L5,S1 assertion=possible>Pseudarthrosis at L5-S1 remains a "
    "concern</f>."
)
CASES["hedge-suggestive-of-after-a-comma"] = (
    "Lucent band along the L4-5 cage, <f type=pseudarthrosis levels=L4,L5 component=interbody_cage "
    "assertion=possible>suggestive of pseudarthrosis</f>."
)
CASES["negation-is-not-likely"] = (
    "<f type=pseudarthrosis levels=L4,L5 assertion=absent>Pseudarthrosis at L4-5 is not likely</f>."
)
CASES["negation-unlikely-to-represent"] = (
    "Thin line at the L5 screw, <f type=screw_lucency levels=L5 assertion=absent>unlikely to "
    "represent loosening</f>."
)
CASES["negation-not-likely-to-represent"] = (
    "Thin line at the L5 screw, <f type=screw_lucency levels=L5 assertion=absent>not likely to "
    "represent loosening</f>."
)
# a hedge leaning towards a solid fusion states no pseudarthrosis; a neutral one leaves it possible
CASES["leaning-hedge-on-bridging-bone"] = (
    "L4-5 fusion. Bridging bone is probably present across L4-5."
)
CASES["leaning-hedge-likely-solid-fusion"] = "L4-5 fusion. Likely solid fusion at L4-5."
# a doubt before a fusion's opposite leaves the pseudarthrosis possible
CASES["doubted-solid-fusion-is-possible"] = (
    "C1-2 fusion. <f type=pseudarthrosis levels=C1,C2 assertion=possible>I cannot be sure the C1-2 "
    "fusion is solid</f>."
)
CASES["unclear-whether-bridging-is-possible"] = (
    "L4-5 fusion. <f type=pseudarthrosis levels=L4,L5 assertion=possible>It is unclear whether there "
    "is bridging bone at L4-5</f>."
)
# a request about the fusion is hypothetical, also when a hedge reaches it
CASES["request-to-assess-fusion"] = (
    "Indication: <f type=pseudarthrosis levels=L4,L5 assertion=hypothetical>assess the L4-5 fusion</f>.\n"
    "Findings: <f type=pseudarthrosis levels=L4,L5 assertion=absent>the L4-5 fusion is solid</f>.\n"
)
CASES["request-fusion-assessment"] = (
    "History: L4-5 XLIF.\nIndication: <f type=pseudarthrosis levels=L4,L5 assertion=hypothetical>12-month fusion assessment</f>.\n"
)
CASES["request-assessment-of-fusion-hedged"] = (
    "Indication examples: <f type=screw_lucency assertion=possible>suspected screw loosening</f> and "
    "<f type=pseudarthrosis assertion=hypothetical>assessment of fusion</f> at 6-12 months.\n"
)
