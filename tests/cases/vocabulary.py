"""The thesaurus (lexicons/thesaurus.json): a sentence for every entry, in
radiology usage, and the boundaries between neighbouring types
(lexicons/README.md, "Type boundaries")."""

CASES = {
    # European usage: rupture (fracture), non-consolidation (nonunion), exceeds a cortex (breach)
    "ths-rupture-of-a-rod": "<f type=hardware_fracture levels=L5,S1 side=left size=3>Complete rupture of the left rod at L5-S1, with a diastasis of 3 mm</f>.",
    "ths-ruptured-screw": "<f type=hardware_fracture levels=S1 side=right>The right S1 screw is ruptured at its neck</f>.",
    # a rod or plate in pieces, however said; not a bone or a disc
    "ths-split-plate": "<f type=hardware_fracture levels=C5 component=plate>The plate has split at C5</f>.",
    "ths-in-two-pieces": "<f type=hardware_fracture levels=L3 side=left>The left rod is in two pieces at L3</f>.",
    "ths-in-two-parts": "<f type=hardware_fracture levels=S1 side=right>The right S1 screw is in two parts</f>.",
    "ths-in-two-fragments": "<f type=hardware_fracture levels=T12 side=right>The right rod lies in two fragments at T12</f>.",
    "ths-solution-of-continuity": "<f type=hardware_fracture levels=L3,L4 side=right>Solution of continuity of the right rod at L3-L4</f>.",
    "ths-interruption-of-a-cortex-is-bone": "Intact L1-L3 fixation. Interruption of the posterior cortex of L2 by a fracture line.",
    "ths-split-disc-is-no-finding": "Intact L4-5 fixation. The disc at L3-4 is split.",
    "ths-unscrewed": "<f type=screw_backout levels=C7 size=3>The C7 screw has unscrewed by 3 mm</f>.",
    # abbreviated notes: PS (capitals) a pedicle screw, HW hardware, pseudo a pseudarthrosis
    "abbr-ps": "<f type=screw_malposition levels=L4 side=right component=pedicle_screw>R L4 PS breaches med ped wall</f>.",
    "abbr-ps-backed-out": "<f type=screw_backout levels=S1 side=left size=3 component=pedicle_screw>L PS at S1 backed out 3mm</f>.",
    "abbr-hw-fx": "<f type=hardware_fracture assertion=absent>No HW fx</f>.",
    "abbr-pseudo": "<f type=pseudarthrosis levels=L4,L5>c/w pseudo at L4-5</f>.",
    "abbr-pseudo-subluxation-is-no-finding": "Physiologic pseudo subluxation of C2 on C3.",
    "abbr-pseudo-with-a-level": "FINDINGS: <f type=pseudarthrosis levels=L5,S1 assertion=possible>fusion indeterminate, ?pseudo L5-S1</f>.",
    "abbr-pseudo-meningocele-is-no-finding": "Intact L4-5 fixation. Small pseudo-meningocele at L4.",
    # a screw or cage against a root, the cord, the sac or a vessel, the level between
    "impinge-abuts-the-exiting-root": "<f type=screw_malposition levels=L5 side=left>The left L5 screw abuts the exiting L5 nerve root</f>.",
    "impinge-contacts-the-artery": "<f type=screw_malposition levels=S1 side=right>The right S1 screw tip contacts the common iliac artery</f>.",
    "impinge-cage-contacts-the-sac": "<f type=cage_subsidence component=interbody_cage>The cage contacts the thecal sac</f>.",
    "impinge-disc-is-no-finding": "Intact L4-S1 fixation. A disc protrusion abuts the left S1 root.",
    # two kinds of hardware named together under one cue: a finding for each kind
    "two-kinds-backout-of-screw-and-plate": "<f type=screw_backout levels=C6 component=screw | type=rod_connector_dislodgement levels=C6 component=plate>Backout of the C6 screw and the plate</f>.",
    "two-kinds-lucency-screws-and-cage": "<f type=screw_lucency levels=L5 component=screw | type=pseudarthrosis levels=L5,S1 component=interbody_cage>Lucency around the L5 screws and the L5-S1 cage</f>.",
    "two-kinds-sound-one-is-no-finding": "<f type=screw_backout levels=C6>Backout of the C6 screw and the plate remains well seated</f>.",
    "two-kinds-cage-with-screws-subsided": "<f type=cage_subsidence levels=L4,L5 component=interbody_cage>The L4-5 cage and the L5 screws have subsided into the L5 endplate</f>.",
    "two-kinds-negated-is-one": "<f type=screw_backout levels=C4,C5 assertion=absent>The C4-5 plate and screws are in unchanged position without backout</f>.",
    # a fusion stated solid is no pseudarthrosis; hedged, a possible one; not yet bridged, one
    "fusion-solid": "L4-5 TLIF. <f type=pseudarthrosis levels=L4,L5 assertion=absent>Solid fusion at L4-5</f>.",
    "fusion-solid-with-levels": "<f type=pseudarthrosis levels=L4,L5,S1 assertion=absent>Solid L4-S1 fusion</f>.",
    "fusion-osseous-bridging": "ACDF C5-6. <f type=pseudarthrosis levels=C5,C6 assertion=absent>Solid osseous bridging across C5-6</f>.",
    "fusion-is-solid": "<f type=pseudarthrosis levels=C3,C4,C5 assertion=absent>Facet fusion is solid at C3-4 and C4-5</f>.",
    "fusion-bony-union": "<f type=pseudarthrosis levels=C1,C2 assertion=absent>Bony union at C1-2</f>.",
    "fusion-well-incorporated": "<f type=pseudarthrosis levels=C5,C6 assertion=absent>The graft is well incorporated at C5-6</f>.",
    "fusion-bridging-equivocal": "ACDF C5-6. <f type=pseudarthrosis levels=C5,C6 assertion=possible>At C5-6 bridging across the facets is equivocal</f>.",
    "fusion-bridging-bone-questionable": "<f type=pseudarthrosis levels=C5,C6 assertion=possible>Bridging bone at C5-6 is questionable</f>.",
    "fusion-not-yet-continuous": "<f type=pseudarthrosis levels=C1 side=right>There is not yet continuous bridging bone at C1 on the right</f>.",
    "fusion-is-not-solid": "<f type=pseudarthrosis levels=L4,L5>The fusion is not solid at L4-5</f>.",
    "fusion-incomplete-levelled-bridging": "<f type=pseudarthrosis levels=L5,S1 assertion=possible>Incomplete L5-S1 bridging bone, may reflect early pseudarthrosis</f>.",
    "fusion-negation-from-a-list-is-no-finding": "<f type=screw_lucency levels=L4,L5 assertion=absent>No lucency about the L4 or L5 screws, and bridging bone across both interspaces</f>.",
    "fusion-the-finding-itself-wins": "<f type=pseudarthrosis levels=C5,C6 assertion=possible>Bridging bone across C5-6 is difficult to confirm; nonunion cannot be excluded</f>.",
    "fusion-graft-is-solid": "<f type=pseudarthrosis levels=C5,C6 assertion=absent>The C5-6 graft is solid</f>.",
    "fusion-bridging-not-yet-seen": "<f type=pseudarthrosis levels=L5,S1>Bridging bone across L5-S1 is not yet seen</f>.",
    "fusion-is-solid-procedure": "<f type=pseudarthrosis levels=L4,L5 assertion=absent>The L4-5 fusion is solid</f>.",
    "fusion-solid-interbody": "<f type=pseudarthrosis levels=C5,C6 assertion=absent>Solid interbody fusion at C5-6</f>.",
    "fusion-incipient-bridging-is-under-way": "L4-5 TLIF. Incipient bone bridging at L4-L5, in evolution.",
    "fusion-both-places-are-no-sides": "L5-S1 TLIF. <f type=pseudarthrosis levels=L5,S1 side=- change=stable>Bridging bone is absent across L5-S1, both in the disc space and posterolaterally, unchanged from 07/2024</f>.",
    "fusion-no-solid-osseous-fusion": "<f type=pseudarthrosis levels=L4,L5>There is no solid osseous fusion across the disc space at L4-5</f>.",
    "fusion-no-evidence-of-bridging-bone": "<f type=pseudarthrosis levels=L4,L5>No evidence of bridging bone across L4-5</f>.",
    "fusion-remains-incomplete": "<f type=pseudarthrosis levels=L4,L5 change=stable>Bridging bone at L4-5 remains incomplete</f>.",
    "fusion-cannot-be-confirmed": "<f type=pseudarthrosis levels=L4,L5 assertion=possible>Solid fusion cannot be confirmed at L4-5</f>.",
    "fusion-list-negation-is-no-finding": "<f type=screw_lucency assertion=absent>No evidence of screw loosening</f>, solid interbody fusion at L4-5, no fracture.",
    "fusion-laminectomy-is-no-fusion-state": "No complication after complete laminectomy and fusion at L4-5.",
    "fusion-dish-is-no-fusion": "Intact L4-5 fixation. Flowing anterior bridging ossification consistent with DISH.",
    "fusion-healed-fracture-is-no-fusion": "Intact L4-5 fixation. The T12 fracture is well healed.",
    "fusion-si-joint-bridging-is-no-fusion": "Intact L4-5 fixation. Bony bridging of the sacroiliac joints.",
    # any run of wall words between "through" and the wall
    "malposition-through-the-medial-pedicle-wall": "<f type=screw_malposition levels=L4 side=left component=pedicle_screw>The left L4 pedicle screw passes through the medial pedicle wall</f>.",
    # a cage impacted into an endplate has subsided; an impacted bone fracture is no finding
    "boundary-impacted-cage": "<f type=cage_subsidence levels=L4,L5 size=2>Impaction of the cage into the superior endplate of L5, of approximately 2 mm</f>.",
    "subsidence-cage-is-impacted": "<f type=cage_subsidence levels=C5,C6>The C5-6 spacer is impacted into the inferior endplate of C5</f>.",
    "subsidence-impacting-cage": "<f type=cage_subsidence levels=L3,L4>The L3-4 cage is impacting the L4 endplate</f>.",
    "boundary-impacted-bone-fracture": "Impacted fracture of T12 below the construct.",
    "malposition-through-the-superior-endplate": "<f type=screw_malposition levels=L5 side=left>The left L5 screw passes through the superior endplate</f>.",
    "fusion-bridging-osteophytes-are-no-fusion": "Intact L4-5 fixation. Bridging osteophytes at L2-3.",
    "abbr-bilat-before-a-comma": "<f type=screw_lucency levels=L4 side=bilateral size=2>Lucency around the L4 and L5 screws bilat, 2 mm at L4</f> and <f type=screw_lucency levels=L5 side=bilateral size=3>3 mm at L5</f>.",
    "abbr-generator-side-letter": "<f type=stimulator component=stimulator_lead>SCS leads</f>. <f type=stimulator component=stimulator_generator side=right>IPG R buttock</f>.",
    "abbr-query-in-findings-is-possible": "FINDINGS: <f type=pseudarthrosis levels=C6,C7 assertion=possible>C6-7: fusion indeterminate, ?pseudo</f>.",
    "stimulator-extension-wire-is-a-lead": "<f type=stimulator levels=T9 component=stimulator_lead>SCS with paddle at T9</f>. <f type=stimulator levels=- component=stimulator_lead>Discontinuity of the extension wire at the lumbar anchor site</f>.",
    "arthroplasty-motion-is-no-pseudarthrosis": "<f type=cage_subsidence levels=C5,C6 assertion=absent>C5-6 disc arthroplasty in satisfactory position with preserved motion on flexion and extension, no subsidence</f>.",
    "impinge-after-a-fragment-and-the-construct-is-the-bone": "T11-L4 fusion. New compression fracture of T10, immediately above the construct, with a 3 mm retropulsed fragment that indents the ventral thecal sac.",
    "impinge-after-bone-retropulsion-is-the-bone": "T4-T8 fusion. Compression fracture of T9 below the construct, with 2 mm of retropulsion of the posterior cortex, which indents the thecal sac.",
    "fracture-line-through-an-endplate-is-the-bone": "D11-L2 osteosynthesis. Compression fracture of D10 above the construct, with a fracture line through the superior endplate.",
    "impinge-by-a-fragment-is-the-bone": "T9-T11 fixation. T10 fracture with a 3 mm retropulsed fragment that indents the ventral thecal sac.",
    # a connection that has come apart
    "ths-detached": "<f type=rod_connector_dislodgement component=cross_link>The cross-connector has become detached</f>.",
    "ths-detachment": "<f type=rod_connector_dislodgement levels=L3 side=left>Detachment of the left rod from the L3 screw</f>.",
    "ths-loss-of-rod-capture": "<f type=rod_connector_dislodgement levels=L4 side=right>Loss of rod capture at the right L4 screw</f>.",
    "ths-no-longer-attached": "<f type=rod_connector_dislodgement levels=S1 side=left>The left rod is no longer attached to the S1 screw</f>.",
    "ths-not-attached-to": "<f type=rod_connector_dislodgement levels=T11 component=hook>The T11 hook is not attached to the rod</f>.",
    "ths-no-longer-connected": "<f type=rod_connector_dislodgement side=right component=connector>The right offset connector is no longer connected</f> to the rod.",
    "ths-not-connected-to": "<f type=rod_connector_dislodgement levels=L5 side=left>The left rod is not connected to the L5 screw</f>.",
    # no fusion, however the absence is said; a cleft through a fusion mass named by its level
    "pseu-lack-of-bony-fusion": "<f type=pseudarthrosis levels=L4,L5>Lack of bony fusion at L4-5</f>.",
    "pseu-absence-of-solid-osseous-fusion": "<f type=pseudarthrosis levels=L5,S1>Absence of solid osseous fusion at L5-S1</f>.",
    "pseu-lucent-line-through-a-levelled-mass": "Persistent lucent <f type=pseudarthrosis levels=L4,L5>line through the L4-5 fusion mass</f>.",
    "ths-rupture-of-a-tendon-is-no-finding": "Old Achilles tendon rupture. Intact L4-S1 fixation.",
    "ths-exceeds-the-cortex": "<f type=screw_malposition levels=L3 side=left size=2>The left L3 screw exceeds the lateral cortex of the vertebral body by 2 mm</f>.",
    "ths-exceeding-a-size-is-no-finding": "Intact L4-5 fixation. The kyphosis exceeds 40 degrees.",
    "ths-non-consolidation": "L3-S1 fusion. <f type=pseudarthrosis levels=L3,L4 assertion=possible>Non-consolidation at L3-L4 is not being excluded</f>.",
    "ths-nonconsolidation": "<f type=pseudarthrosis levels=L4,L5>Nonconsolidation of the L4-5 arthrodesis</f>.",
    "ths-absence-of-consolidation": "<f type=pseudarthrosis levels=L5,S1>Absence of consolidation at L5-S1</f>.",
    "ths-lack-of-consolidation": "<f type=pseudarthrosis levels=C5,C6>Lack of consolidation of the C5-6 graft</f>.",
    "ths-delayed-consolidation": "<f type=pseudarthrosis levels=C6,C7 assertion=possible>Delayed consolidation at C6-C7 is possible</f>.",
    "ths-absence-of-fusion": "<f type=pseudarthrosis levels=L4,L5>Absence of fusion across L4-5</f>.",
    "ths-fusion-mass-is-incomplete": "L4-S1 fusion. <f type=pseudarthrosis levels=L4,L5 side=left>The posterolateral fusion mass is incomplete at L4-5 on the left</f>.",
    "ths-fusion-mass-remains-incomplete": "<f type=pseudarthrosis levels=L5,S1>The L5-S1 fusion mass remains incomplete</f>.",
    "ths-fusion-masses-are-incomplete": "<f type=pseudarthrosis levels=L3,L4,L5>The L3-5 fusion masses are incomplete</f>.",
    "ths-incomplete-fusion-mass": "<f type=pseudarthrosis levels=L4,L5>Incomplete fusion mass at L4-5</f>.",
    "ths-incomplete-fusion-masses": "<f type=pseudarthrosis levels=L4,L5>Incomplete fusion masses at L4-5</f>.",
    "ths-lucent-track": "<f type=screw_lucency levels=L5 side=left>A thin lucent track runs along the left L5 screw</f>.",
    "ths-lucent-tract": "<f type=screw_lucency levels=S1 side=right>Lucent tract around the right S1 screw</f>.",
    "ths-radiolucent-track": "<f type=screw_lucency levels=L4 side=left>Radiolucent track along the left L4 screw</f>.",
    "hedge-not-being-ruled-out": "<f type=screw_lucency levels=L5 side=right assertion=possible>Loosening of the right L5 screw not being ruled out</f>.",
    "boundary-breaks-through-is-a-breach": "The left L3 pedicle screw breaks <f type=screw_malposition levels=L3 side=left size=2>through the lateral wall of the pedicle by about 2 mm</f>.",
    "boundary-fracture-of-a-level-alone": "Acute fracture of T9, immediately below the construct.",
    # graft incorporation is a fusion word; consolidation only with a bone word (alone it is the lung's)
    "fusion-good-incorporation": "<f type=pseudarthrosis levels=L4,L5 assertion=absent>Good incorporation of the graft at L4-5</f>.",
    "fusion-no-incorporation": "<f type=pseudarthrosis levels=L5,S1>The L5-S1 graft shows no incorporation</f>.",
    "fusion-bony-consolidation": "<f type=pseudarthrosis levels=C5,C6 assertion=absent>Bony consolidation across C5-6</f>.",
    "fusion-lung-consolidation-is-no-finding": "Posterior fusion T4-T10 with rods. No consolidation or effusion.",
    # a plate that stands off, angles away from or is no longer flush with the bone has moved
    "plate-stands-off-the-cortex": "Plate: <f type=rod_connector_dislodgement levels=C7 component=plate size=3>the inferior end of the plate now stands 3 mm off the anterior cortex of C7</f>.",
    "plate-angled-away-from-the-body": "<f type=rod_connector_dislodgement levels=C6 component=plate size=2>The plate is slightly angled away from the C6 body inferiorly, by up to 2 mm</f>.",
    "plate-no-longer-flush": "<f type=rod_connector_dislodgement levels=C6 component=plate>The plate is no longer flush with the anterior cortex of C6</f>.",
    "plate-lift-off": "<f type=rod_connector_dislodgement levels=C7 component=plate>Lift-off of the inferior end of the plate from C7</f>.",
    "plate-liftoff": "<f type=rod_connector_dislodgement levels=C5 component=plate>Plate liftoff at C5</f>.",
    "plate-has-stood-off": "<f type=rod_connector_dislodgement levels=C6,C7 component=plate>The C6-7 plate has stood off</f> slightly.",
    "plate-flush-is-no-finding": "The ACDF plate sits flush on the anterior cortex of C5 and C6.",
    # MRI: a rim of high signal about a screw is its halo
    "lucency-mri-rim-of-high-t2-signal": "<f type=screw_lucency levels=L4>There is a rim of high T2 signal about the L4 screws</f>, which may represent loosening.",
    "lucency-lucent-line-around-a-screw": "<f type=screw_lucency levels=S1 side=left>A lucent line surrounds the left S1 screw</f>.",
    # a discontinuous fusion mass has not fused
    "pseudarthrosis-fusion-mass-discontinuous": "<f type=pseudarthrosis levels=L5,S1 side=bilateral>The posterolateral fusion mass is discontinuous on both sides at L5-S1</f>.",
    "pseudarthrosis-discontinuity-of-the-fusion-mass": "<f type=pseudarthrosis levels=L4,L5 side=left>Discontinuity of the left posterolateral fusion mass at L4-5</f>.",
    # a screw said to lie too medial or lateral is misplaced; one that abuts the transverse foramen too
    "malposition-a-little-medial": "<f type=screw_malposition levels=L5 side=right assertion=possible>The right L5 screw may be a little medial</f>.",
    "malposition-lies-slightly-lateral": "<f type=screw_malposition levels=T6 side=left>The left T6 screw lies slightly lateral</f>.",
    "malposition-too-lateral": "<f type=screw_malposition levels=T6 side=left>Left T6 screw too lateral</f>.",
    "malposition-too-medial": "<f type=screw_malposition levels=T7 side=right>Right T7 screw too medial</f>.",
    "malposition-lateral-to-the-rod-is-no-finding": "The left rod is lateral to the screw heads.",
    "malposition-abuts-the-transverse-foramen": "<f type=screw_malposition levels=C6 side=left assertion=possible>The left C6 screw may abut the left transverse foramen</f>.",
    # loss of motion at the fused level is fusion
    "fusion-loss-of-motion": "<f type=pseudarthrosis levels=C5,C6 assertion=absent>Flexion-extension views show loss of motion at the instrumented C5-6 level</f>.",
    "malposition-violates-the-canal": "<f type=screw_malposition levels=S1 side=left>The left S1 screw violates the spinal canal</f>.",
    "pseudarthrosis-fusion-failed-to-heal": "<f type=pseudarthrosis levels=L4,L5>The L4-5 fusion has failed to heal</f>.",
    # a fracture of a level's hardware keeps its hardware; a screw broken across its pedicle broke
    "fracture-of-level-interbody-cage": "<f type=hardware_fracture levels=L4 component=interbody_cage>Fracture of L4 interbody cage</f>.",
    "fracture-of-level-side-rod": "<f type=hardware_fracture levels=T11 side=left component=rod>Fracture of T11 left rod</f>.",
    "fracture-screw-broken-across-the-pedicle": "<f type=hardware_fracture levels=L5 side=left>The left L5 screw shaft is broken across the pedicle</f>.",
    "subsidence-all-caps-top-of": "<f type=cage_subsidence levels=L4,L5 size=3>THE CAGE HAS SUNK 3 MM INTO THE TOP OF L5</f>.",
    "lucency-mri-rim-of-hyperintensity": "<f type=screw_lucency levels=L5 side=left assertion=possible>Around the left L5 screw a thin rim of hyperintensity is questionable</f>.",
    "fusion-graft-incorporation": "<f type=pseudarthrosis levels=L4,L5 assertion=absent>Graft incorporation is complete at L4-5</f>.",
    "lucency-mri-hyperintense-rim": "<f type=screw_lucency levels=S1 side=right>A T2 hyperintense rim surrounds the right S1 screw</f>.",
    # a lucent line across a screw's shaft is a fracture's line, not a loose screw's halo
    "boundary-lucent-line-across-the-shaft": "There is a lucent line crossing the shaft of the left L5 screw near the screw head, <f type=hardware_fracture levels=L5 side=left assertion=possible>which may represent rupture of the screw</f>.",
    "subsidence-sunk-3-mm-into-the-top-of": "<f type=cage_subsidence levels=L4,L5 size=3>The cage has sunk 3 mm into the top of L5</f>.",
    "subsidence-into-the-bottom-of": "<f type=cage_subsidence levels=C5,C6>The C5-6 spacer has subsided into the bottom of C5</f>.",
    "displacement-sits-further-back": "<f type=cage_subsidence levels=L4,L5 size=3>The L4-5 cage sits further back than it did on the post-op CT, by about 3 mm</f>.",
    "pseudarthrosis-fusion-has-not-taken": "<f type=pseudarthrosis levels=T12,L1>At T12-L1 the fusion has not taken</f>.",
    "pseudarthrosis-graft-did-not-take": "<f type=pseudarthrosis levels=L4,L5>The L4-5 graft did not take</f>.",
    # a cap or nut is a screw head's locking part
    "set-screw-cap-has-come-loose": "<f type=rod_connector_dislodgement levels=C7 side=right component=set_screw>On the right at C7 the cap has come loose</f>.",
    # a size between the verb and "into" does not end the statement
    "malposition-protrudes-for-about-2-mm-into": "<f type=screw_malposition levels=C2 side=right size=2>The right C2 screw protrudes for about 2 mm into the right transverse foramen</f>.",
    "boundary-discontinuous-fusion-mass": "<f type=pseudarthrosis levels=L4,L5 side=right>The posterolateral fusion mass is discontinuous on the right at L4-5</f>.",
    "boundary-plate-stands-off": "<f type=rod_connector_dislodgement levels=C5 component=plate size=2>The plate stands 2 mm off the anterior cortex of C5</f>.",
    "boundary-tilted-cage": "<f type=cage_subsidence levels=L4,L5>The L4-5 cage has tilted anteriorly</f>.",
    "ths-cage-tilt": "<f type=cage_subsidence levels=C5,C6>There is new anterior tilt of the C5-6 cage</f>.",
    "ths-cage-tilting": "<f type=cage_subsidence levels=L3,L4 assertion=possible>Possible tilting of the L3-4 spacer</f>.",
    "ths-cage-tilts": "<f type=cage_subsidence levels=L5,S1>The L5-S1 cage tilts into the disc space</f>.",
    "ths-cage-rotated": "<f type=cage_subsidence levels=L4,L5>The L4-5 interbody cage has rotated</f>.",
    "ths-cage-rotation": "<f type=cage_subsidence levels=L2,L3>Rotation of the L2-3 lateral cage</f>.",
    "tilt-of-the-head-is-no-finding": "Head rotated to the left limits evaluation of the C5-6 cage.",
    "tilt-of-a-vertebra-is-no-finding": "The L3-4 cage is intact with tilting of the L3 vertebral body.",
    "tilt-as-placed-is-no-finding": "The L4-5 cage is obliquely oriented, rotated as expected for a TLIF approach.",
    "boundary-tilted-screw": "The L4 screws are mildly tilted, without lucency or breach.",
    # screw_backout
    "ths-backed-partially-out": "<f type=screw_backout levels=C6 side=left assertion=present>The left C6 screw has backed partially out</f>.",
    "ths-worked-out": "<f type=screw_backout levels=L5 assertion=present>The L5 screw has worked slightly out</f>.",
    "ths-come-out": "<f type=screw_backout levels=C5 side=right assertion=present>The right C5 plate screw has come partially out</f>.",
    "ths-migrated-out": "<f type=screw_backout levels=C4 assertion=present>The C4 screw has migrated further out</f> since the prior study.",
    "ths-backed-away": "<f type=screw_backout levels=C7 assertion=present>The C7 screw has backed slightly away</f> from the plate.",
    "ths-withdrew": "<f type=screw_backout levels=L4 side=left assertion=present>The left L4 screw withdraws 3 mm</f> on the current study.",
    "ths-pulled-back": "<f type=screw_backout levels=S1 side=right assertion=present>The right S1 screw has pulled partially back</f>.",
    "ths-screw-extrusion": "<f type=screw_backout levels=C6 assertion=present>Screw extrusion at C6</f>.",
    "ths-screw-withdrawal": "<f type=screw_backout levels=C5 assertion=present>Screw withdrawal at C5</f> by 2 mm.",
    "ths-out-of-its-hole": "<f type=screw_backout levels=C6 side=left assertion=present>The left C6 screw sits 3 mm out of its hole</f>.",
    "ths-out-of-their-holes": "<f type=screw_backout levels=C7 assertion=present>Both C7 screws are out of their holes</f>.",
    "ths-proud-of-the-plate": "<f type=screw_backout levels=C5 side=right assertion=present>The right C5 screw is proud of the plate</f> by 2 mm.",
    # screw_lucency (loosening)
    "ths-come-loose": "<f type=screw_lucency levels=L5 side=left assertion=present>The left L5 screw has come partially loose</f>.",
    "ths-worked-loose": "<f type=screw_lucency levels=S1 assertion=present>The S1 screw has worked slightly loose</f>.",
    "ths-become-loose": "<f type=screw_lucency levels=L4 side=right assertion=present>The right L4 screw has become slightly loose</f>.",
    "ths-come-unscrewed": "<f type=rod_connector_dislodgement levels=L3 side=left assertion=present>The left L3 set screw has come partially unscrewed</f>.",
    "ths-loss-of-screw-fixation": "<f type=screw_lucency levels=S1 assertion=present>Loss of screw fixation at S1</f>.",
    "ths-screw-loosening": "<f type=screw_lucency levels=L5 side=bilateral assertion=present>Bilateral L5 screw loosening</f>.",
    "ths-one-thread-in-bone": "<f type=screw_lucency levels=S1 side=right assertion=present>The right S1 screw keeps only one thread in bone</f>.",
    "ths-few-threads-in-bone": "<f type=screw_lucency levels=L5 side=left assertion=present>The left L5 screw has few threads in bone</f>.",
    "ths-lost-purchase": "<f type=screw_lucency levels=S1 side=left assertion=present>The left S1 screw has lost purchase</f>.",
    "ths-lost-its-purchase": "<f type=screw_lucency levels=L4 assertion=present>The L4 screw has lost its purchase</f>.",
    "ths-without-purchase": "<f type=screw_lucency levels=ILIUM side=right assertion=present>The right iliac screw lies in bone without purchase</f>.",
    # screw_malposition
    "ths-misplaces": "<f type=screw_malposition levels=T8 side=left assertion=present>The trajectory misplaces the left T8 screw</f> into the canal.",
    "ths-misdirecting": "<f type=screw_malposition levels=L2 side=right assertion=present>Misdirecting of the right L2 screw</f> is seen.",
    "ths-pedicle-breach": "<f type=screw_malposition levels=L4 side=left assertion=present>Medial pedicle breach by the left L4 screw</f>.",
    "ths-wall-breach": "<f type=screw_malposition levels=T6 side=right assertion=present>Lateral wall breach by the right T6 screw</f>.",
    "ths-extrapedicular-course": "<f type=screw_malposition levels=T5 side=left assertion=present>Extrapedicular course of the left T5 screw</f>.",
    "ths-outboard-of": "<f type=screw_malposition levels=L4 side=left assertion=present>The left L4 screw lies outboard of the pedicle</f>.",
    "ths-extraosseous": "<f type=screw_malposition levels=T10 side=right assertion=present>The right T10 screw is extraosseous</f>.",
    "ths-extra-osseous": "<f type=screw_malposition levels=T9 side=left assertion=present>Extra-osseous left T9 screw</f>.",
    "ths-not-contained-within-the-pedicle": "<f type=screw_malposition levels=L3 side=right assertion=present>The right L3 screw is not contained within the pedicle</f>.",
    "ths-not-within-the-pedicle": "<f type=screw_malposition levels=T11 side=left assertion=present>The left T11 screw is not within the pedicle</f>.",
    # screw impinging on what it should not touch
    "ths-impinges-on": "<f type=screw_malposition levels=L5 side=left assertion=present>The left L5 screw impinges partially on the exiting L5 root</f>.",
    "ths-impinges-upon": "<f type=screw_malposition levels=S1 side=right assertion=present>The right S1 screw impinges upon the S1 root</f>.",
    "ths-encroaches-on": "<f type=screw_malposition levels=C5 side=left assertion=present>The left C5 lateral mass screw encroaches on the transverse foramen</f>.",
    "ths-encroaches-upon": "<f type=screw_malposition levels=T4 side=right assertion=present>The right T4 screw encroaches slightly upon the canal</f>.",
    "ths-encroaches-into": "<f type=screw_malposition levels=L4 side=left assertion=present>The left L4 screw encroaches into the lateral recess</f>.",
    "ths-abuts-the-root": "<f type=screw_malposition levels=L5 side=right assertion=present>The right L5 screw abuts the root</f>.",
    "ths-contacts-the-root": "<f type=screw_malposition levels=S1 side=left assertion=present>The tip of the left S1 screw contacts the root</f>.",
    "ths-indents-the-thecal-sac": "<f type=screw_malposition levels=T12 side=right assertion=present>The right T12 screw indents the thecal sac</f>.",
    "ths-compressed-by": "<f type=screw_malposition levels=S1 assertion=present>The right S1 nerve root is compressed by the threads of the S1 screw</f>.",
    "ths-compression-by": "<f type=cage_subsidence levels=L4,L5 assertion=present>Thecal sac compression by the L4-5 cage</f>.",
    "ths-impinged-by": "<f type=screw_malposition levels=L4 side=left assertion=present>The exiting root is impinged by the left L4 screw</f>.",
    "ths-impinged-on-by": "<f type=screw_malposition levels=L3 side=right assertion=present>The L3 root is impinged on by the right L3 screw</f>.",
    "ths-in-contact-with-the-root": "<f type=screw_malposition levels=L5 side=left assertion=present>The left L5 screw tip is in contact with the root</f>.",
    "ths-in-contact-with-the-nerve-root": "<f type=screw_malposition levels=S1 side=left assertion=present>The left S1 screw is in contact with the nerve root</f>.",
    "ths-abutting-the-exiting-root": "<f type=screw_malposition levels=L4 side=right assertion=present>Right L4 screw abutting the exiting root</f>.",
    "ths-abutting-the-nerve-root": "<f type=screw_malposition levels=L5 side=left assertion=present>Left L5 screw abutting the nerve root</f>.",
    "impinging-disc-is-not-hardware": "The L4-5 disc impinges on the traversing L5 root.",
    # rod_connector_dislodgement: displaced or disengaged parts
    "ths-pulled-off": "<f type=rod_connector_dislodgement levels=T3 assertion=present>The T3 hook has pulled partially off the lamina</f>.",
    "ths-backed-off": "<f type=rod_connector_dislodgement levels=L2 side=left assertion=present>The left L2 set screw has backed partially off</f>.",
    "ths-unseats": "<f type=rod_connector_dislodgement levels=L4 side=right assertion=present>The right rod unseats from the L4 tulip</f>.",
    "ths-lifted-off": "<f type=rod_connector_dislodgement levels=C5 assertion=present>The anterior plate has lifted slightly off the C5 body</f>.",
    "stim-therapy-is-not-the-device": "Spinal cord stimulation could be considered for the leg pain.",
    "stim-neuromodulation-device": "<f type=stimulator>Neuromodulation device</f> in the left buttock.",
    "stim-neuromodulation-team-is-no-device": "For correlation with the neuromodulation team.",
    "ths-kicked-out-cage": "<f type=cage_subsidence levels=L4,L5 component=interbody_cage>The L4-5 cage has kicked out anteriorly</f>.",
    "ths-tilted-vertebra-is-no-finding": "The C5 vertebral body is tilted.",
    "ths-no-longer-seated": "<f type=rod_connector_dislodgement levels=L4 side=right assertion=present>The rod is no longer seated in the right L4 tulip</f>.",
    "ths-disengages": "<f type=rod_connector_dislodgement levels=L3 side=left assertion=present>The left rod disengages from the L3 screw</f> on flexion.",
    "ths-disconnects": "<f type=rod_connector_dislodgement levels=T10 side=right assertion=present>The right rod disconnects from the T10 screw</f>.",
    "ths-uncouples": "<f type=rod_connector_dislodgement levels=L1 assertion=present>The cross-link uncouples from the rods at L1</f>.",
    "ths-decoupled": "<f type=rod_connector_dislodgement levels=T12 side=left assertion=present>The left rod has decoupled from the T12 screw</f>.",
    "ths-dissociates": "<f type=rod_connector_dislodgement levels=L5 side=right assertion=present>The right rod dissociates from the L5 screw</f>.",
    "ths-slipped-out": "<f type=rod_connector_dislodgement levels=S1 side=right assertion=present>The right rod has slipped partially out of the S1 screw head</f>.",
    "ths-slipped-off": "<f type=rod_connector_dislodgement levels=T11 side=left assertion=present>The left T11 hook has slipped partially off</f>.",
    "ths-popped-out": "<f type=rod_connector_dislodgement levels=L4 side=left assertion=present>The left rod has popped partially out of the L4 tulip</f>.",
    "ths-popped-off": "<f type=rod_connector_dislodgement levels=L3 assertion=present>The L3 set screw has popped partially off</f>.",
    "ths-come-off": "<f type=rod_connector_dislodgement levels=L2 side=right assertion=present>The right L2 locking cap has come partially off</f>.",
    "ths-come-apart": "<f type=rod_connector_dislodgement levels=T12 assertion=present>The domino connector at T12 has come partially apart</f>.",
    "ths-come-undone": "<f type=rod_connector_dislodgement levels=L4 side=left assertion=present>The left L4 nut has come partially undone</f>.",
    "ths-unlocked": "<f type=rod_connector_dislodgement levels=L5 side=right assertion=present>The right L5 set screw has unlocked</f>.",
    "ths-separated-from": "<f type=rod_connector_dislodgement levels=L4 side=left assertion=present>The left rod has separated partially from the L4 screw</f>.",
    "ths-disassembly": "<f type=rod_connector_dislodgement levels=T10 side=right assertion=present>Disassembly of the right rod from the T10 screw</f>.",
    "ths-no-longer-captured": "<f type=rod_connector_dislodgement levels=L2 side=right assertion=present>The right rod is no longer captured by the L2 screw</f>.",
    "ths-not-locked": "<f type=rod_connector_dislodgement levels=L3 side=left assertion=present>The left L3 set screw is not locked</f>.",
    "ths-no-longer-locked": "<f type=rod_connector_dislodgement levels=T9 side=right assertion=present>The right T9 set screw is no longer locked</f>.",
    "ths-loss-of-the-set-screw": "<f type=rod_connector_dislodgement levels=L3 side=left assertion=present>Migration of the left rod at L3 from loss of the set screw</f>.",
    "ths-loss-of-the-set-screws": "<f type=rod_connector_dislodgement levels=L4,L5 side=right assertion=present>Loss of the set screws of the right L4 and L5 screws</f>.",
    "ths-loss-of-the-locking-cap": "<f type=rod_connector_dislodgement levels=S1 side=left assertion=present>Loss of the locking cap of the left S1 screw</f>.",
    "ths-out-of-the-screw-head": "<f type=rod_connector_dislodgement levels=L5 side=left assertion=present>The left rod lies out of the screw head at L5</f>.",
    "ths-out-of-the-screw-heads": "<f type=rod_connector_dislodgement levels=L4,L5 side=right assertion=present>The right rod lies out of the screw heads at L4 and L5</f>.",
    "ths-free-of-the-tulip": "<f type=rod_connector_dislodgement levels=S1 side=left assertion=present>The left rod end lies free of the tulip at S1</f>.",
    # hardware_fracture
    "ths-snaps": "<f type=hardware_fracture levels=L4 side=right assertion=present>The right rod snaps at L4</f> on the flexion view.",
    "ths-shears": "<f type=hardware_fracture levels=S1 side=left assertion=present>The left S1 screw shears at its neck</f> on this study.",
    "ths-fx": "<f type=hardware_fracture levels=T12,L1 side=left assertion=present>lt rod fx T12-L1</f>",
    "fx-of-a-bone": "Acute nondisplaced fx through the T10 spinous process, above the intact construct.",
    "tp-fx-of-a-bone": "Right T11 TP fx adjacent to the construct; hardware intact.",
    # cage_subsidence
    "ths-cage-migration": "<f type=cage_subsidence levels=L4,L5 assertion=present>Posterior cage migration at L4-5</f>.",
    "ths-cage-retropulsion": "<f type=cage_subsidence levels=L5,S1 assertion=present>Cage retropulsion at L5-S1</f> narrows the canal.",
    "ths-graft-extrusion": "<f type=cage_subsidence levels=C5,C6 assertion=present>Anterior graft extrusion at C5-6</f>.",
    "ths-graft-migration": "<f type=cage_subsidence levels=C6,C7 assertion=present>Graft migration at C6-7</f>.",
    "ths-graft-displacement": "<f type=cage_subsidence levels=C4,C5 assertion=present>Graft displacement at C4-5</f> by 3 mm.",
    "ths-graft-dislodgement": "<f type=cage_subsidence levels=C5,C6 assertion=present>Graft dislodgement at C5-6</f>.",
    "ths-spacer-migration": "<f type=cage_subsidence levels=L4,L5 assertion=present>Spacer migration at L4-5</f>.",
    "ths-cut-out-of-the-endplate": "<f type=cage_subsidence levels=L4,L5 assertion=present>The L4-5 cage has cut out of the endplate</f>.",
    "boundary-cage-with-screws-subsided": "<f type=cage_subsidence levels=C6 component=interbody_cage>The stand-alone cage and its screws have subsided into the C6 endplate</f>.",
    "ths-cage-migration-names-the-cage": "L3-4 XLIF <f type=cage_subsidence levels=L3,L4 component=interbody_cage assertion=historical>complicated by cage migration, revised with pedicle screws</f>.",
    "ths-cut-into-the-endplate": "<f type=cage_subsidence levels=L5,S1 assertion=present>The L5-S1 cage has cut into the endplate</f> by 3 mm.",
    "ths-sunk-into-the-endplate": "<f type=cage_subsidence levels=C5,C6 assertion=present>The C5-6 cage has sunk into the endplate</f>.",
    "ths-sintered": "<f type=cage_subsidence levels=L4,L5 size=3 assertion=present>The L4-5 cage has sintered 3 mm</f>.",
    "ths-collapsed": "<f type=cage_subsidence levels=L1 assertion=present>The L1 corpectomy cage has collapsed</f>.",
    "ths-settles": "<f type=cage_subsidence levels=L3,L4 assertion=present>The L3-4 cage settles into the inferior endplate of L3</f>.",
    "vertebral-collapse-is-bone": "Collapse of the L1 vertebral body, with sintering of the T12 vertebra.",
    "collapse-of-the-graft": "<f type=cage_subsidence levels=C5,C6 assertion=present>Collapse of the graft at C5-6</f>.",
    "graft-has-collapsed": "<f type=cage_subsidence levels=C6,C7 assertion=present>The C6-7 graft has collapsed</f>.",
    # pseudarthrosis
    "ths-failure-of-arthrodesis": "<f type=pseudarthrosis levels=L5,S1 assertion=present>Failure of arthrodesis at L5-S1</f>.",
    "ths-segmental-instability": "<f type=pseudarthrosis levels=L5,S1 assertion=present>Segmental instability at L5-S1</f>.",
    "ths-partially-fused": "<f type=pseudarthrosis levels=L4,L5 assertion=present>The L4-5 level is only partially fused</f>.",
    "ths-not-solidly-bridged": "<f type=pseudarthrosis levels=C5,C6 assertion=present>The C5-6 disc space is not solidly bridged</f>.",
    "ths-not-bridged": "<f type=pseudarthrosis levels=L5,S1 assertion=present>The L5-S1 interspace is not bridged</f>.",
    "ths-not-consolidated": "<f type=pseudarthrosis levels=L3,L4 assertion=present>The L3-4 fusion mass is not consolidated</f>.",
    "ths-has-not-consolidated": "<f type=pseudarthrosis levels=L4,L5 assertion=present>The L4-5 fusion has not consolidated</f>.",
    "ths-not-incorporated": "<f type=pseudarthrosis levels=C5,C6 assertion=present>The graft at C5-6 is not incorporated</f>.",
    "ths-not-yet-incorporated": "<f type=pseudarthrosis levels=C6,C7 assertion=present>The C6-7 graft is not yet incorporated</f>.",
    "ths-unincorporated": "<f type=pseudarthrosis levels=L4,L5 assertion=present>Unincorporated bone graft at L4-5</f>.",
    "ths-non-incorporated": "<f type=pseudarthrosis levels=L5,S1 assertion=present>Non-incorporated graft material at L5-S1</f>.",
    "ths-motion-on-flexion-extension": "<f type=pseudarthrosis levels=C5,C6 assertion=present>Motion on flexion-extension at C5-6</f>.",
    "ths-motion-on-flexion-and-extension": "<f type=pseudarthrosis levels=L4,L5 assertion=present>Motion on flexion and extension at L4-5</f>.",
    "ths-motion-on-dynamic-views": "<f type=pseudarthrosis levels=L5,S1 assertion=present>Motion on dynamic views at L5-S1</f>.",
    "ths-movement-on-flexion-extension": "<f type=pseudarthrosis levels=C4,C5 assertion=present>Movement on flexion-extension at C4-5</f>.",
    "ths-instability-on-flexion-extension": "<f type=pseudarthrosis levels=L3,L4 assertion=present>Instability on flexion-extension at the fused L3-4 level</f>.",
    "ths-cleft-in-the-fusion-mass": "<f type=pseudarthrosis levels=L4,L5 assertion=present>A lucent cleft in the fusion mass at L4-5</f>.",
    "pseudo-arthrosis": "<f type=pseudarthrosis levels=L4,L5 assertion=present>Pseudo-arthrosis at L4-5</f>.",
    "motion-at-level-on-flexion": "<f type=pseudarthrosis levels=L4,L5 assertion=present>There is motion at L4-5 on flexion-extension views</f>.",
    "cleft-through-fusion-mass": "<f type=pseudarthrosis levels=L3,L4 assertion=present>A cleft runs through the posterolateral fusion mass at L3-4</f>.",
    "incorporated-in-fusion-mass-is-fused": "The original L4-5 cage is incorporated in the fusion mass.",
    "crosses-the-pedicle-wall": "<f type=screw_malposition levels=L4 side=right assertion=present>The right L4 screw crosses the medial pedicle cortex</f>.",
    # hardware words
    "ths-screw-head": "<f type=hardware_fracture levels=S1 side=left assertion=present>The left S1 screw head is fractured</f>.",
    "ths-head-of-the-screw": "<f type=screw_backout levels=C5 assertion=present>The head of the screw at C5 has backed out</f>.",
    "ths-screw-shank": "<f type=hardware_fracture levels=L5 side=right assertion=present>The right L5 screw shank is broken</f>.",
    "ths-screw-tip": "<f type=screw_malposition levels=S1 side=left assertion=present>The left S1 screw tip breaches the anterior cortex</f>.",
    "ths-tulip-head": "<f type=rod_connector_dislodgement levels=L4 side=right assertion=present>The right L4 tulip head has disengaged from the rod</f>.",
    "ths-polyaxial-head": "<f type=hardware_fracture levels=L5 side=left assertion=present>The left L5 polyaxial head is fractured</f>.",
    "ths-tulip-rod-junction": "<f type=rod_connector_dislodgement levels=S1 side=right assertion=present>Disengagement at the right S1 tulip-rod junction</f>.",
    "ths-rod-screw-junction": "<f type=rod_connector_dislodgement levels=L3 side=left assertion=present>Disconnection at the left L3 rod-screw junction</f>.",
    "ths-screw-rod-junction": "<f type=rod_connector_dislodgement levels=T10 side=right assertion=present>Separation at the right T10 screw-rod junction</f>.",
    "ths-rod-connector": "<f type=rod_connector_dislodgement levels=T12 assertion=present>The T12 rod connector has disengaged</f>.",
    "ths-set-screw-cap": "<f type=rod_connector_dislodgement levels=L4 side=left assertion=present>The left L4 set screw cap has loosened</f>.",
    "ths-set-screw-nut": "<f type=rod_connector_dislodgement levels=L2 assertion=present>The set screw nuts have loosened at L2</f>.",
    "ths-nut": "<f type=rod_connector_dislodgement levels=L5 side=right assertion=present>The right L5 nut has backed out</f>.",
    "ths-blocker": "<f type=rod_connector_dislodgement levels=S1 side=left assertion=present>The left S1 blocker has disengaged</f>.",
    "locking-cap-of-the-screw": "<f type=rod_connector_dislodgement levels=L3 side=left assertion=present>The locking cap of the left L3 screw has loosened</f>.",
    "ths-iliac-bolt": "<f type=screw_lucency levels=ILIUM side=left assertion=present>Lucency around the left iliac bolt</f>.",
    "ths-sublaminar-band": "<f type=hardware_fracture levels=T4 assertion=present>The T4 sublaminar band is broken</f>.",
    "ths-sublaminar-tape": "<f type=hardware_fracture levels=T5 assertion=present>The T5 sublaminar tape is broken</f>.",
    "ths-vertebral-body-replacement": "<f type=cage_subsidence levels=T12 assertion=present>The T12 vertebral body replacement has subsided</f>.",
    "ths-titanium-mesh": "<f type=cage_subsidence levels=L1 assertion=present>The L1 titanium mesh has subsided into the L2 endplate</f>.",
    "ths-structural-allograft": "<f type=hardware_fracture levels=C5,C6 assertion=present>The structural allograft at C5-6 is fractured</f>.",
    "ths-peek-spacer": "<f type=cage_subsidence levels=L4,L5 assertion=present>The L4-5 PEEK spacer has migrated posteriorly</f>.",
    "ths-buttress-plate": "<f type=hardware_fracture levels=L5,S1 assertion=present>The L5-S1 buttress plate has broken</f>.",
    "ths-anterior-cervical-plate": "<f type=hardware_fracture levels=C6 assertion=present>The anterior cervical plate is fractured at C6</f>.",
    "ths-locking-plate": "<f type=rod_connector_dislodgement levels=C4,C5 assertion=present>The C4-5 locking plate has migrated anteriorly</f>.",
    "ths-lumbar-plate": "<f type=hardware_fracture levels=L4 assertion=present>The L4 lumbar plate is cracked</f>.",
    "ths-lateral-plate": "<f type=rod_connector_dislodgement levels=L2 assertion=present>The L2 lateral plate has displaced</f>.",
    "ths-interspinous-device": "<f type=hardware_fracture levels=L4,L5 assertion=present>The L4-5 interspinous device is fractured</f>.",
    "ths-interspinous-spacer": "<f type=hardware_fracture levels=L3,L4 assertion=present>The L3-4 interspinous spacer is broken</f>.",
    "ths-interspinous-implant": "<f type=rod_connector_dislodgement levels=L4,L5 assertion=present>The L4-5 interspinous implant has migrated posteriorly</f>.",
    "ths-interspinous-process-device": "<f type=hardware_fracture levels=L5,S1 assertion=present>The L5-S1 interspinous process device is fractured</f>.",
    "ths-interlaminar-device": "<f type=hardware_fracture levels=L4,L5 assertion=present>The L4-5 interlaminar device is broken</f>.",
    "ths-dynamic-stabilisation-device": "<f type=hardware_fracture levels=L3 assertion=present>The L3 dynamic stabilisation device is fractured</f>.",
    "ths-dynamic-stabilization-device": "<f type=hardware_fracture levels=L4 assertion=present>The L4 dynamic stabilization device is fractured</f>.",
    # radiolucent implant material is not lucency
    "ths-radiolucent-peek": "The radiolucent PEEK cage at L4-5 is in good position.",
    "ths-radiolucent-cage": "A radiolucent cage is at L5-S1.",
    "ths-radiolucent-cages": "Radiolucent cages at L3-4 and L4-5.",
    "ths-radiolucent-spacer": "A radiolucent spacer is in the C5-6 disc space.",
    "ths-radiolucent-spacers": "Radiolucent spacers at C4-5 and C5-6.",
    "ths-radiolucent-interbody": "A radiolucent interbody device at L4-5 with its markers in place.",
    "ths-cage-is-radiolucent": "The L4-5 cage is radiolucent, its markers centred.",
    "ths-cages-are-radiolucent": "The cages are radiolucent, with markers at L3-4 and L4-5.",
    "ths-spacer-is-radiolucent": "The C5-6 spacer is radiolucent.",
    "ths-spacers-are-radiolucent": "The spacers are radiolucent at C4-5 and C5-6.",
    "ths-peek-is-radiolucent": "PEEK is radiolucent; the L4-5 cage markers are in place.",
    "ths-radiolucent-material": "The cage at L5-S1 is of radiolucent material.",
    "ths-radiolucent-implant": "A radiolucent implant at L4-5.",
    "ths-radiolucent-implants": "Radiolucent implants at C5-6 and C6-7.",
    "ths-radiolucent-carbon": "A radiolucent carbon-fibre cage at L4-5.",
    # type boundaries: the wording that gives one type and not its neighbour
    "boundary-protrudes-beyond-cortex": "<f type=screw_malposition levels=S1 side=left size=5 assertion=present>The left S1 screw tip protrudes beyond the anterior sacral cortex by 5 mm</f>.",
    "boundary-protrudes-into-pelvis": "<f type=screw_malposition levels=ILIUM side=right assertion=present>The right iliac screw protrudes into the pelvic cavity</f>.",
    "boundary-protrudes-from-plate": "<f type=screw_backout levels=C6 assertion=present>The C6 screw protrudes from the plate</f>.",
    "boundary-pulled-out-of-pedicle": "<f type=screw_backout levels=T4 side=right size=6 assertion=present>The right T4 screw has pulled out of the pedicle by 6 mm</f>.",
    "boundary-loosened-plate-screw": "<f type=screw_lucency levels=C5 assertion=present>The C5 plate screw has loosened</f>.",
    "boundary-backed-out-plate-screw": "<f type=screw_backout levels=C5 assertion=present>The C5 plate screw has backed out</f>.",
    "boundary-displaced-graft": "<f type=cage_subsidence levels=C5,C6 assertion=present>The C5-6 graft has displaced anteriorly</f>; the plate is intact.",
    "boundary-displaced-plate": "<f type=rod_connector_dislodgement levels=C5,C6 assertion=present>The C5-6 plate has displaced anteriorly</f>.",
    "boundary-screw-head-disconnected": "<f type=rod_connector_dislodgement levels=L4 side=left assertion=present>The left L4 screw head is disconnected from the rod</f>.",
    "boundary-screw-head-backed-out": "<f type=screw_backout levels=C5 side=left size=3 assertion=present>The left C5 screw head backed out by 3 mm</f>.",
    "boundary-lead-migration": "<f type=stimulator levels=T10 assertion=present>The stimulator lead has migrated caudally to T10</f>.",
    "boundary-stated-sound-side": "<f type=hardware_fracture levels=T12,L1 side=left assertion=present>the lt rod is fractured between T12 and L1, 2 mm gap, rt rod intact</f>",
    "boundary-stated-sound-left-right": "<f type=hardware_fracture levels=L4,L5 side=right assertion=present>The right rod is fractured at L4-5, the left rod is intact</f>.",
}
CASES.update(
    {
        "radiolucent-spacers-with-markers": "Interbody spacers at L4-5 and L5-S1, radiolucent apart from their metal markers.",
        "radiolucent-line-about-a-cage": "<f type=pseudarthrosis levels=L4,L5 assertion=present>A radiolucent line about the L4-5 cage</f>.",
        "arthroplasty-loosening-borrows-no-screw": "IMPRESSION:\n1. <f type=screw_lucency levels=ILIUM side=left assertion=present>LOOSENING OF THE LEFT ILIAC SCREW</f>.\n2. LOOSENING OF THE RIGHT THA ACETABULAR COMPONENT; ORTHOPEDIC CORRELATION SUGGESTED.",
    }
)
CASES.update(
    {
        "nuts-in-the-screw-heads": "Posterior instrumentation at L4-L5. <f type=rod_connector_dislodgement levels=L4,L5 assertion=present>The locking nuts in the pedicle screw heads have loosened</f>.",
        "ths-screw-nut": "Fusion L3-L5. <f type=rod_connector_dislodgement levels=L3,L4,L5 assertion=present>Loosened screw nuts</f>.",
        "ths-titanium-cable": "<f type=hardware_fracture levels=C1 assertion=present>The C1 titanium cable has fractured</f>.",
        "ths-interlaminar-cable": "<f type=hardware_fracture levels=C1,C2 assertion=present>The C1-C2 interlaminar cable is broken</f>.",
        "ths-interspinous-cable": "<f type=hardware_fracture levels=L4,L5 assertion=present>The L4-5 interspinous cable is broken</f>.",
        "ths-spinal-cable": "<f type=hardware_fracture levels=T4 assertion=present>The T4 spinal cable is broken</f>.",
        "ths-one-thread-remains-within-bone": "<f type=screw_lucency levels=C7 side=left assertion=present>Of the left C7 screw one thread remains within bone</f>.",
        "ths-only-one-thread-within-bone": "<f type=screw_lucency levels=C7 side=right assertion=present>The right C7 screw has only one thread within bone</f>.",
    }
)
# where a screw lies off its path, said of the pedicle or of the direction
_MALPOSITION_PLACES = (
    "lies lateral of the pedicle",
    "lies medial of the pedicle",
    "is too medial",
    "is too lateral",
    "is directed too medially",
    "is directed too laterally",
    "is placed too far medially",
    "is placed too far laterally",
)
CASES.update(
    {
        f"ths-malposition-{phrase.replace(' ', '-')}": (
            f"<f type=screw_malposition levels=T8 side=left>The left T8 pedicle screw {phrase}</f>."
        )
        for phrase in _MALPOSITION_PLACES
    }
)
CASES.update(
    {
        "ths-malposition-of-the-pedicles": "<f type=screw_malposition levels=T7 side=bilateral>The right and left T7 screws lie lateral of the pedicles</f>.",
        "ths-malposition-medial-of-the-pedicles": "<f type=screw_malposition levels=T7 side=bilateral>Both T7 screws lie medial of the pedicles</f>.",
        "ths-malposition-lateral-to-the-pedicles": "<f type=screw_malposition levels=T7 side=bilateral>Both T7 screws lie lateral to the pedicles</f>.",
        "ths-malposition-medial-to-the-pedicles": "<f type=screw_malposition levels=T7 side=bilateral>Both T7 screws lie medial to the pedicles</f>.",
        "ths-malposition-medially-placed": "<f type=screw_malposition levels=T8>Medially placed T8 pedicle screw</f>.",
        "ths-malposition-medially-positioned": "<f type=screw_malposition levels=T8>Medially positioned T8 pedicle screw</f>.",
        "ths-angled-medially-is-the-normal-path": "The L4 pedicle screws are angled medially, within the pedicles.",
    }
)
# a fusion only partly achieved is a pseudarthrosis
_PARTIAL_FUSION = (
    "partly fused",
    "partly bridged",
    "partially bridged",
    "partly consolidated",
    "partially consolidated",
    "incompletely consolidated",
    "partly incorporated",
    "partially incorporated",
    "incompletely incorporated",
)
CASES.update(
    {
        f"ths-pseudarthrosis-{phrase.replace(' ', '-')}": (
            f"<f type=pseudarthrosis levels=C1,C2>The C1-C2 fusion is {phrase}</f>."
        )
        for phrase in _PARTIAL_FUSION
    }
)
CASES["named-vertebrae-odontoid"] = (
    "<f type=screw_backout levels=C2>The anterior odontoid screw is displaced</f>."
)
CASES["anatomy-lateral-of-the-pedicles-is-no-finding"] = (
    "L4 pedicle screws. The exiting nerve roots lateral of the pedicles are normal."
)
CASES["positioned-medially-within-the-pedicle-is-no-finding"] = (
    "The left L5 screw is positioned medially within the pedicle without cortical breach."
)
CASES["named-vertebrae-atlantoaxial"] = (
    "<f type=pseudarthrosis levels=C1,C2 side=right>Atlantoaxial joints partly bridged by bone, "
    "on the right still with joint gap</f>."
)
# a screw's sound position, said in words, is an absent malposition (ANNOTATION.md)
CASES["sound-contained-within-the-pedicles"] = (
    "<f type=screw_malposition levels=L3,L5 assertion=absent>The L3 and L5 screws are "
    "contained within the pedicles</f>."
)
CASES["sound-within-bone"] = (
    "<f type=screw_malposition levels=S1 side=left assertion=absent>The left S1 screw tip is "
    "within bone</f>."
)
CASES["sound-within-the-lateral-masses"] = (
    "<f type=screw_malposition levels=C3,C4 assertion=absent>The C3 and C4 screws are within "
    "the lateral masses</f>."
)
CASES["sound-intrapedicular"] = (
    "<f type=screw_malposition levels=L4 assertion=absent>The L4 screws are intrapedicular</f>."
)
CASES["partially-contained-is-a-malposition"] = (
    "<f type=screw_malposition levels=S1 side=left>The left S1 screw is only partially "
    "contained within the pedicle</f>."
)
CASES["not-contained-stays-a-malposition"] = (
    "<f type=screw_malposition levels=L5>The L5 screws are not contained within the pedicles</f>."
)
# a level said to be fused is an absent pseudarthrosis; "not (completely) fused" a present one
CASES["fused-solidly-fused"] = (
    "L3-L5 fusion. <f type=pseudarthrosis levels=L3,L4 assertion=absent>L3-4 is solidly fused</f>."
)
CASES["fused-has-now-fused"] = (
    "L3-L5 fusion. <f type=pseudarthrosis levels=L4,L5 assertion=absent>L4-5 has now fused</f>."
)
CASES["fused-facets-fused"] = (
    "C2-C4 fusion. <f type=pseudarthrosis levels=C2,C3,C4 assertion=absent>C2-C3 and C3-C4 "
    "facets fused</f>."
)
CASES["fused-solid-bone-across"] = (
    "L3-L5 fusion. <f type=pseudarthrosis levels=L3,L4 assertion=absent>Solid bone across L3-4</f>."
)
CASES["fused-not-completely-fused-is-present"] = (
    "L3-L5 fusion. <f type=pseudarthrosis levels=L4,L5>L4-5 is not completely fused</f>."
)
# a stimulator lead's anchor is the lead's, not a bone anchor: its fracture is the lead's
CASES["stimulator-lead-anchor-site"] = (
    "<f type=stimulator component=stimulator_lead>Dual SCS leads</f>. "
    "<f type=stimulator component=stimulator_lead>New SCS lead fracture at the lumbar anchor "
    "site</f>."
)
# motion across a fusion, said as "between flexion and extension" or by the interspinous distance
CASES["motion-between-flexion-and-extension"] = (
    "L4-5 fusion. <f type=pseudarthrosis levels=L4,L5 assertion=possible>Possible subtle motion "
    "at L4-5 between flexion and extension</f>."
)
CASES["motion-change-in-interspinous-distance"] = (
    "L4-5 fusion. <f type=pseudarthrosis levels=L4,L5 size=2>Change in interspinous distance of "
    "2 mm at L4-5</f> between flexion and extension."
)
CASES["motion-normal-at-a-mobile-level-is-no-finding"] = (
    "L4-5 fusion. Preserved motion at L2-3 between flexion and extension."
)
# a bone fracture's words: "non-displaced", a fracture line through an endplate
CASES["bone-non-displaced-fracture-line-through-the-endplate"] = (
    "L1-L3 fixation. Non-displaced fracture line through the inferior endplate of L2 near the "
    "tips of the L2 screws."
)
CASES["non-displaced-screw-fracture-stays-a-fracture"] = (
    "L1-L3 fixation. <f type=hardware_fracture levels=L2 side=left>Non-displaced fracture of the "
    "left L2 screw</f>."
)
CASES["fusion-mass-thin-and-discontinuous"] = (
    "<f type=pseudarthrosis side=bilateral>The posterolateral fusion mass is thin and "
    "discontinuous on both sides</f>."
)
CASES["malposition-exits-the-lateral-cortex"] = (
    "T6-T10 fixation. <f type=screw_malposition levels=T8,T9 side=right>The right T8 and T9 "
    "screws take a lateral course and exit the lateral cortex of the pedicles</f>."
)
CASES["left-pedicle-is-a-side-not-an-exit"] = (
    "L4-5 fixation. The left pedicle screw at L4 is intact."
)
# "both" before a compound of a cage ("both cage-endplate interfaces") is no side
CASES["both-cage-endplate-interfaces-is-no-side"] = (
    "L5-S1 TLIF. <f type=pseudarthrosis levels=L5,S1 side=->Lucency along both cage-endplate "
    "interfaces</f>."
)
# review regressions: the sound-position, fused and anchor rules need their own words
CASES["sound-no-intraosseous-gas-is-no-finding"] = "Pedicle screws at L3-L5. No intraosseous gas."
CASES["sound-no-edema-within-the-pedicles-is-no-finding"] = (
    "Pedicle screws at L3-L5. No marrow edema within the pedicles."
)
CASES["sound-no-lucency-within-the-pedicle-is-only-a-lucency"] = (
    "<f type=screw_lucency levels=L5 assertion=absent>There is no lucency within the pedicle "
    "around the L5 screws</f>."
)
CASES["sound-lies-in-the-lateral-recess-stays-a-malposition"] = (
    "<f type=screw_malposition levels=L4 side=right>The right L4 screw tip lies in the lateral "
    "recess, contacting the traversing L5 root</f>."
)
CASES["exit-leaving-the-cortex-intact-is-no-finding"] = (
    "The left L5 screw traverses the pedicle, leaving the medial cortex intact."
)
CASES["fused-joint-outside-the-spine-is-no-finding"] = (
    "L4-5 fusion. The right first MTP joint is fused. The sacroiliac joints are fused."
)
CASES["fused-solid-bone-of-a-screw-is-no-fusion"] = (
    "<f type=screw_backout levels=L5>The L5 screws are not seated in solid bone</f>."
)
CASES["anchor-sites-without-a-stimulator-are-bone-anchors"] = (
    "T10-pelvis construct. <f type=screw_lucency>Lucency at the distal anchor sites in the "
    "sacrum</f>."
)
# hardware named as osteosynthesis material, its loosening as "mobilisation"
CASES["mobilization-of-the-synthesis-means"] = (
    "Posterior L3-L5 fixation. <f type=screw_lucency levels=L3,L4,L5 assertion=hypothetical>"
    "Rule out mobilization of the synthesis means</f>."
)
CASES["mobilisation-of-the-synthesis-material"] = (
    "<f type=screw_lucency levels=L4,L5 assertion=absent>No mobilisation of the L4-L5 synthesis "
    "material</f>."
)
CASES["mobilized-screws"] = (
    "<f type=screw_lucency levels=S1 side=right>The right S1 screw is mobilized</f>."
)
CASES["mobilised-screws"] = (
    "<f type=screw_lucency levels=L2>The L2 screws have mobilised within the pedicles</f>."
)
CASES["osteosynthesis-material-intact"] = (
    "<f type=hardware_fracture levels=L4,L5 assertion=absent>The L4-L5 osteosynthesis material "
    "shows no rupture</f>."
)
CASES["metallosteosynthesis-rupture"] = (
    "<f type=hardware_fracture levels=T11,T12,L1>Rupture of the T11-L1 metallosteosynthesis</f>."
)
CASES["metal-construction-instability"] = (
    "<f type=screw_lucency levels=L4,L5>Loosening of the L4-L5 metal construction</f>."
)
CASES["stabilizing-material-fracture"] = (
    "<f type=hardware_fracture levels=L3,L4 assertion=absent>No fracture of the L3-L4 "
    "stabilizing material</f>."
)
CASES["stabilising-material-loosening"] = (
    "<f type=screw_lucency levels=C5,C6 assertion=possible>Possible loosening of the C5-C6 "
    "stabilising material</f>."
)
CASES["fixation-material-rupture"] = (
    "<f type=hardware_fracture levels=L5,S1>Rupture of the L5-S1 fixation material</f>."
)
CASES["arthrodesis-material-rupture"] = (
    "<f type=hardware_fracture levels=L2,L3,L4 assertion=hypothetical>Rule out rupture of the "
    "L2-L4 arthrodesis material</f>."
)
CASES["osteosynthesis-material-loosening"] = (
    "<f type=screw_lucency levels=L4,L5>Loosening of the L4-L5 osteosynthesis material</f>."
)
CASES["synthesis-material-outside-the-spine"] = (
    "Osteosynthesis material of the left femur is intact. No mobilization of the femoral nail."
)
# the patient mobilised: no hardware moved
CASES["patient-mobilisation-is-no-loosening"] = (
    "L4-5 fixation in place. Early mobilization advised. Early mobilisation planned. "
    "Mobilization of the patient on day one. Mobilisation of the patient with a frame. "
    "Patient mobilization as tolerated. Patient mobilisation started."
)
CASES["mobilised-out-of-bed-is-no-loosening"] = (
    "L4-5 fixation in place. The patient was mobilized out of bed, then mobilised out of bed "
    "again; mobilization out of bed and mobilisation out of bed are encouraged. She was mobilized "
    "with physiotherapy and mobilised with physiotherapy."
)
# a fusion (bone block, consolidation) at a level that is incomplete or not formed
CASES["fusion-at-a-level-is-incomplete"] = (
    "L3-L5 fixation. <f type=pseudarthrosis levels=L4,L5>At L4-L5 the consolidation is "
    "incomplete</f>."
)
CASES["bone-block-at-a-level-is-not-formed"] = (
    "L3-L5 fixation. <f type=pseudarthrosis levels=L3,L4>The bone block at L3-L4 has not yet "
    "formed</f>."
)
CASES["incomplete-bony-union"] = (
    "L5-S1 ALIF. <f type=pseudarthrosis levels=L5,S1 assertion=possible>Possible incomplete bony "
    "union at L5-S1</f>."
)
# a fracture named as the place of something else states no fracture
CASES["fracture-as-a-place-adjacent-to"] = (
    "L2 compression fracture. <f type=screw_malposition levels=L1 assertion=absent>The L1 screws, "
    "adjacent to the fracture, remain within the pedicles</f>."
)
CASES["fracture-as-a-place-above"] = (
    "T12 burst fracture. The rods above the fracture are continuous."
)
CASES["displaced-bone-injury-is-no-dislodgement"] = (
    "An anterior C5-C7 plate was placed for a displaced C6 fracture. The plate is intact."
)
# a generator outside the images is neither seen nor absent
CASES["generator-not-included-is-no-finding"] = (
    "<f type=stimulator levels=T9>Spinal cord stimulator leads with tips at T9</f>. The generator "
    "is not included."
)
CASES["generator-outside-the-field-is-no-finding"] = (
    "<f type=stimulator levels=T8>SCS leads, tips at T8</f>; IPG not in the field of view."
)
CASES["generator-in-its-pocket-is-present"] = (
    "<f type=stimulator levels=T8>SCS leads, tips at T8</f>. <f type=stimulator "
    "component=stimulator_generator side=right>IPG in the right flank</f>."
)
CASES["pain-generator-is-no-stimulator"] = (
    "L4-5 fusion. The L3-4 facets are the likely generator of his axial pain; the SI joints are "
    "another possible pain generator."
)
CASES["subluxation-of-vertebrae-is-no-dislodgement"] = (
    "C1-C4 fusion. Mild subluxation C4-C5 below the construct. Mild C5-C6 subluxation."
)
CASES["fractured-endplate-is-bone"] = (
    "<f type=cage_subsidence levels=L5,S1 size=3>The cage has subsided 3 mm into the S1 superior "
    "endplate</f>, with sclerosis along the fractured endplate margin."
)
CASES["fractured-pedicle-screw-is-hardware"] = (
    "<f type=hardware_fracture levels=L5 side=left>Fractured left L5 pedicle screw</f>."
)
# a loose hook or band is an anchor not secured: dislodgement, not a screw's lucency
CASES["loose-hook-is-dislodgement"] = (
    "<f type=rod_connector_dislodgement levels=T4 side=right>The right T4 hook is loose</f>."
)
CASES["loosened-band-is-dislodgement"] = (
    "<f type=rod_connector_dislodgement levels=T5 side=left>Loosening of the left T5 sublaminar "
    "band</f>."
)
