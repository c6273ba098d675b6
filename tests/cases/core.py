"""The first cases: every finding type in every assertion, and the mechanisms
(sizes, sides, levels, clauses) they rest on."""

CASES = {
    # screw_lucency
    "lucency-present": "<f type=screw_lucency levels=L5 side=left size=3 assertion=present>There is 3 mm of lucency around the left L5 pedicle screw</f>.",
    # a lucency is about the screw it lies beside, whatever side of it
    "lucency-lateral-to-screw": "<f type=screw_lucency levels=L4 side=left>There is lucency lateral to the left L4 screw</f>.",
    "lucency-medial-to-screw": "<f type=screw_lucency levels=S1 side=right>Lucency medial to the right S1 screw</f>.",
    "lucency-absent": "<f type=screw_lucency levels=L4,L5 assertion=absent>No lucency about the L4 or L5 screws</f>.",
    "lucency-possible": "<f type=screw_lucency levels=S1 side=right assertion=possible>Questionable lucency around the right S1 screw</f>.",
    "lucency-historical": "<f type=screw_lucency levels=L5 side=left assertion=historical>Previously seen lucency about the left L5 screw has resolved</f>.",
    "lucency-hypothetical": "INDICATION: back pain, <f type=screw_lucency assertion=hypothetical section=indication>evaluate for loosening</f>.",
    "lucency-cm-range": "<f type=screw_lucency levels=L4 side=bilateral size=4 assertion=present>Lucency measuring 0.3-0.4 cm surrounds both L4 screws</f>.",
    "loosening-no-size": "<f type=screw_lucency levels=S1 size=- assertion=present>Loosening of the S1 screws</f>.",
    "halo": "<f type=screw_lucency levels=S1 side=left assertion=present change=new>New halo around the left S1 screw</f>.",
    # screw_malposition
    "malposition-present": "<f type=screw_malposition levels=L4 side=left assertion=present>The left L4 pedicle screw breaches the medial pedicle wall</f>.",
    "malposition-absent": "<f type=screw_malposition assertion=absent>No screw malposition</f>.",
    "malposition-possible": "<f type=screw_malposition levels=T8 side=right assertion=possible>Possible lateral breach by the right T8 screw</f>.",
    "malposition-historical": "<f type=screw_malposition levels=L5 side=right assertion=historical>The malpositioned right L5 screw has been revised</f>.",
    "malposition-hypothetical": "Reason for exam: <f type=screw_malposition assertion=hypothetical section=indication>? screw malposition</f>.",
    "malposition-foramen-level": "<f type=screw_malposition levels=L4 side=left assertion=present>The left L4 screw enters the L4-5 neural foramen</f>.",
    # screw_backout
    "backout-present": "<f type=screw_backout levels=C7 assertion=present>The C7 screws have backed out by 4 mm</f>.",
    "backout-absent": "<f type=screw_backout assertion=absent>No screw backout</f>.",
    "backout-possible": "<f type=screw_backout levels=L2 side=left assertion=possible>Equivocal backout of the left L2 screw</f>.",
    "backout-historical": "<f type=screw_backout levels=C6 assertion=historical>History of C6 screw backout</f>, since revised.",
    "backout-hypothetical": "<f type=screw_backout assertion=hypothetical>If the patient develops dysphagia, screw backout should be considered</f>.",
    # rod_connector_dislodgement
    "dislodgement-present": "<f type=rod_connector_dislodgement levels=L2 side=right assertion=present>The right L2 set screw has disengaged from the tulip</f>.",
    "dislodgement-absent": "<f type=rod_connector_dislodgement assertion=absent>No connector disengagement</f>.",
    "dislodgement-possible": "<f type=rod_connector_dislodgement side=left assertion=possible>Possible disengagement of the left offset connector</f>.",
    "dislodgement-historical": "<f type=rod_connector_dislodgement levels=T3 assertion=historical>The T3 hook that had pulled off the lamina was removed</f>.",
    "dislodgement-hypothetical": "CLINICAL QUESTION: <f type=rod_connector_dislodgement assertion=hypothetical section=indication>rod or connector dislodgement?</f>",
    "plate-migration": "<f type=rod_connector_dislodgement component=plate assertion=present>The anterior plate has migrated anteriorly</f>.",
    # hardware_fracture
    "fracture-present": "<f type=hardware_fracture levels=T11,T12 side=bilateral assertion=present>Both rods are fractured at the T11-12 level</f>.",
    "fracture-broke": "<f type=hardware_fracture levels=L4 side=left>The left rod broke at L4</f>.",
    # a screw that breaks through a cortex has breached it
    "breaks-through-is-a-breach": "The right L5 pedicle screw breaks <f type=screw_malposition levels=L5 side=right size=1>through the medial wall of the pedicle by about 1 mm</f>.",
    "breaks-through-its-shaft-is-a-fracture": "<f type=hardware_fracture levels=L2 side=right>The right L2 screw is broken through the shaft</f>.",
    "break-through-a-rod-is-a-fracture": "<f type=hardware_fracture levels=L2,L3 side=left>There is a break through the left rod at L2-3</f>.",
    "fracture-absent": "<f type=hardware_fracture assertion=absent>No hardware fracture</f>.",
    "fracture-possible": "<f type=hardware_fracture levels=L3,L4 side=left assertion=possible>Cannot exclude a nondisplaced fracture of the left rod at L3-4</f>.",
    "fracture-historical": "<f type=hardware_fracture levels=L4,L5 assertion=historical>Prior rod fracture at L4-5 has been revised</f>.",
    "fracture-hypothetical": "Indication: <f type=hardware_fracture assertion=hypothetical section=indication>assess for rod fracture</f>.",
    "bone-fracture-is-not-hardware": "Acute L1 compression fracture above the construct.",
    # cage_subsidence
    "subsidence-present": "<f type=cage_subsidence levels=L4,L5 assertion=present>The L4-5 cage has subsided 3 mm into the L5 endplate</f>.",
    "subsidence-absent": "<f type=cage_subsidence assertion=absent>The cage is well seated without subsidence</f>.",
    "subsidence-possible": "<f type=cage_subsidence levels=C5,C6 assertion=possible>Possible early subsidence of the C5-6 spacer</f>.",
    "subsidence-historical": "<f type=cage_subsidence levels=L3,L4 assertion=historical>Status post revision for L3-4 cage subsidence</f>.",
    "subsidence-hypothetical": "<f type=cage_subsidence assertion=hypothetical>Recommend CT to evaluate for cage subsidence</f>.",
    "cage-retropulsion": "<f type=cage_subsidence levels=L5,S1 assertion=present>The L5-S1 cage has migrated posteriorly into the canal</f>.",
    # pseudarthrosis
    "pseudarthrosis-present": "<f type=pseudarthrosis levels=L5,S1 assertion=present>Lucency across the L5-S1 interbody graft compatible with pseudarthrosis</f>.",
    "pseudarthrosis-no-bridging": "<f type=pseudarthrosis levels=L4,L5 assertion=present>No bridging bone across L4-5</f>.",
    "pseudarthrosis-absent": "<f type=pseudarthrosis assertion=absent>No evidence of pseudarthrosis</f>.",
    "pseudarthrosis-possible": "<f type=pseudarthrosis levels=L5,S1 assertion=possible>Possible nonunion at L5-S1</f>.",
    "pseudarthrosis-historical": "<f type=pseudarthrosis levels=C5,C6 assertion=historical>The prior C5-6 nonunion has healed</f>.",
    "pseudarthrosis-hypothetical": "<f type=pseudarthrosis assertion=hypothetical>If symptoms persist, CT could assess for pseudarthrosis</f>.",
    # stimulator
    "stimulator-present": "<f type=stimulator levels=T8 side=- assertion=present>Spinal cord stimulator with two leads, tips at T8</f>.",
    "stimulator-absent": "<f type=stimulator assertion=absent>No spinal cord stimulator</f>.",
    "stimulator-possible": "<f type=stimulator assertion=possible>Possible retained stimulator lead fragment</f>.",
    "stimulator-historical": "<f type=stimulator assertion=historical>Status post removal of the spinal cord stimulator</f>.",
    "stimulator-hypothetical": "<f type=stimulator assertion=hypothetical>Canal suitable for stimulator lead placement</f>.",
    "pump-is-not-stimulator": "Intrathecal pump catheter tip at T10. Bone growth stimulator in the flank.",
    # change and pseudo-negation
    "no-change-in": "<f type=screw_lucency levels=L5 assertion=present change=stable>No change in the 2 mm lucency about the L5 screws</f>.",
    "increased": "<f type=screw_lucency levels=S1 side=right size=3 change=worse>Lucency about the right S1 screw has increased to 3 mm</f>.",
    "improved": "<f type=screw_lucency levels=L4 change=improved>Decreased lucency about the L4 screws</f>.",
    "new-fracture": "<f type=hardware_fracture side=left change=new>New fracture of the left rod</f>.",
    # one clause each
    "two-sizes-two-findings": "There is <f type=screw_lucency levels=T2 side=right size=4>4 mm of lucency adjacent to the right pedicle screw at T2</f> and <f type=screw_lucency levels=T2 side=left size=3>3 mm of lucency adjacent to the left pedicle screw at T2</f>.",
    "two-types-one-sentence": "<f type=hardware_fracture side=left levels=L3,L4>The left rod is fractured at L3-4</f>; <f type=screw_lucency levels=L5 side=bilateral>there is lucency about both L5 screws</f>.",
    "shared-subject": "<f type=screw_lucency levels=L5 side=right>The right L5 screw shows surrounding lucency</f> <f type=screw_backout levels=L5 side=right>and has backed out 3 mm</f>.",
    "sizes-by-side": "<f type=screw_lucency levels=L4 side=left size=3>Periscrew lucency around the L4 screws, measuring 0.3 cm on the left</f> and <f type=screw_lucency levels=L4 side=right size=1>0.1 cm on the right</f>.",
    "levels-by-side": "<f type=screw_malposition levels=T6,T7 side=right>Malpositioned right T6-T7</f> and <f type=screw_malposition levels=T9 side=left>left T9 screws</f>.",
    "hedged-nonunion": "<f type=pseudarthrosis levels=C6,C7 assertion=possible>No bridging bone across C6-7, which may indicate nonunion</f>.",
    "hedged-loosening-reading": "<f type=screw_lucency levels=S1 side=left assertion=present>Lucency around the left S1 screw, concerning for loosening</f>.",
    "query-mark": "HISTORY: <f type=screw_lucency assertion=hypothetical section=history>? loosening</f>",
    "relative-clause": "<f type=rod_connector_dislodgement levels=S1 side=left assertion=possible>The rod lies posterior to the left S1 screw head, which may indicate disengagement of the rod</f>.",
    "level-label": "- L3: <f type=screw_malposition levels=L3 side=left>left pedicle screw breaches the lateral pedicle wall, with tip extending into the left L3-4 foramen</f>.",
    "screw-of-a-plate": "<f type=screw_backout levels=C7 side=left>New backout of the left C7 screw of the C5-C7 anterior plate</f>.",
    "screw-tract-is-not-lucency": "Hardware removed. Lucent screw tracts in the L4 and L5 pedicles.",
    # a fracture of a screw's tract is a fracture of bone, not of the screw
    "pedicle-screw-tract-fracture-is-bone": "Posterior fusion L3-L5. There is a fracture of the L4 pedicle screw tract on the left.",
    "screw-fracture-beside-a-tract-word": "Posterior fusion L3-L5. <f type=hardware_fracture levels=L4 side=left>The left L4 pedicle screw is fractured</f>; its tract is unremarkable.",
}
