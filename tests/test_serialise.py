"""A processed Doc is a good spaCy citizen: it serialises, and the pipeline
runs in several processes with the same findings."""

import spacy
from spacy.tokens import Doc, DocBin

from extractor.extensions import FINDINGS_KEY
from extractor.record import doc_findings

TEXTS = [
    "FINDINGS: 4 mm lucency about the right L5 pedicle screw. The left rod is fractured at L3-4.",
    "IMPRESSION: Spinal cord stimulator, lead tips at T8. No hardware complication.",
    "Questionable subsidence of the L4-5 cage. No loosening.",
    "Rods intact.",
]


def _findings(docs):
    return [[f.to_dict() for f in doc_findings(doc)] for doc in docs]


def test_a_processed_doc_round_trips_through_bytes(nlp):
    doc = nlp(TEXTS[0])
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert _findings([again]) == _findings([doc]) != [[]]
    assert [s.label_ for s in again.spans[FINDINGS_KEY]] == [
        s.label_ for s in doc.spans[FINDINGS_KEY]
    ]
    assert again.spans[FINDINGS_KEY][0]._.finding == doc.spans[FINDINGS_KEY][0]._.finding


def test_processed_docs_round_trip_through_a_docbin(nlp):
    docs = list(nlp.pipe(TEXTS))
    data = DocBin(docs=docs, store_user_data=True).to_bytes()
    loaded = list(DocBin(store_user_data=True).from_bytes(data).get_docs(nlp.vocab))
    assert _findings(loaded) == _findings(docs)
    assert loaded[0].spans[FINDINGS_KEY][0]._.levels == ("L5",)
    assert [tuple(s) for s in loaded[0]._.report_sections] == docs[0]._.report_sections


def test_two_processes_give_the_same_findings(nlp):
    texts = TEXTS * 8
    one = _findings(nlp.pipe(texts))
    two = _findings(nlp.pipe(texts, n_process=2, batch_size=4))
    assert one == two


def test_the_pipeline_survives_a_spacy_config_round_trip(nlp):
    again = spacy.util.load_model_from_config(nlp.config, auto_fill=True)
    assert again.pipe_names == nlp.pipe_names
    assert _findings([again(TEXTS[0])]) == _findings([nlp(TEXTS[0])])
