"""The pipeline's spaCy components, one module each: a plain class with
keyword-only settings behind a thin registered factory.

Order (see `extractor.pipeline.build_nlp`): sections -> sentences -> targets
-> context -> findings.
"""
