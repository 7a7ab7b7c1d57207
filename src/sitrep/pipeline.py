"""Chain the stages: ingest → clean → NLP → extract → resolve → Document.

Every entry point (CLI, library, later the store and Spark) goes through
`process`, so there is one copy of the logic. A failing article becomes an
`InputError` with its origin and the batch goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from spacy.tokens import Doc

from .clean import clean_article
from .errors import EmptyArticle, ExtractionFailed, SitrepError, error_from_code
from .extract.actors import build_actors, find_mentions, resolve_speaker_groups
from .extract.context import Context, build_sentences
from .extract.generic import find_generic_mentions
from .extract.incidents import find_incidents
from .extract.learned import find_learned_incidents, reads_lower_cased
from .extract.places import find_places
from .extract.relations import find_relations
from .extract.statements import find_statements
from .ingest import RawArticle, read_inputs
from .model import Article, Document, InputError
from .nlp import load_nlp, parse_text
from .registry import Registry
from .resolve.places import Gazetteer

LOGGER = logging.getLogger(__name__)

BATCH_SIZE = 32
# spaCy's parser needs about 1 GB of memory per 100,000 characters at its default limit.
MAX_CHARS = 1_000_000


def extract_document(article: Article, doc: Doc) -> Document:
    """Everything sitrep reads out of one parsed article."""
    registry, gazetteer = Registry.default(), Gazetteer.default()
    ctx = Context(article=article, doc=doc, sentences=build_sentences(article, doc))
    find_mentions(ctx, registry=registry, gazetteer=gazetteer)
    find_generic_mentions(ctx, registry=registry, gazetteer=gazetteer)
    statements = find_statements(ctx, registry=registry)
    resolve_speaker_groups(ctx, statements)
    relations = find_relations(ctx, registry=registry, statements=statements)
    if reads_lower_cased(article.text):  # the rules read capitals; lower-cased wire text goes to the learned model
        incidents = find_learned_incidents(ctx, registry=registry)
    else:
        incidents = find_incidents(ctx, registry=registry, gazetteer=gazetteer, statements=statements)
    places = find_places(ctx, gazetteer=gazetteer, incidents=incidents)
    used = {r.source_id for r in relations} | {r.target_id for r in relations}
    used |= {p.actor_id for i in incidents for p in i.perpetrators}
    used |= {f.statement.organization_id for f in statements if f.statement.organization_id}
    return Document(
        article=article,
        incidents=incidents,
        actors=build_actors(ctx, registry=registry, used=used),
        relations=relations,
        statements=[f.statement for f in statements],
        places=places,
    )


def process(
    items: Iterable[RawArticle | InputError],
    *,
    batch_size: int = BATCH_SIZE,
    on_result: Callable[[Document | InputError], None] | None = None,
) -> Iterator[Document | InputError]:
    """Clean, parse and extract a stream of raw articles, yielding documents and errors in input order."""
    for result in extract_articles(clean_articles(items), batch_size=batch_size):
        if on_result is not None:
            on_result(result)
        yield result


def clean_articles(items: Iterable[RawArticle | InputError]) -> Iterator[Article | InputError]:
    """Clean a stream of raw articles; an article that cannot be cleaned becomes an InputError."""
    for item in items:
        if isinstance(item, InputError):
            yield item
            continue
        try:
            article = clean_article(item)
            if len(article.text) > MAX_CHARS:
                raise EmptyArticle(f"article has {len(article.text):,} characters; the limit is {MAX_CHARS:,}",
                                   origin=item.origin)
            yield article
        except SitrepError as exc:
            yield InputError(origin=exc.origin or item.origin, code=exc.code, message=exc.message)


def extract_articles(items: Iterable[Article | InputError], *,
                     batch_size: int = BATCH_SIZE) -> Iterator[Document | InputError]:
    """Parse and extract cleaned articles; errors pass through in their place."""
    nlp = load_nlp()
    texts = ((parse_text(item.text) if isinstance(item, Article) else "", item) for item in items)
    for doc, item in nlp.pipe(texts, as_tuples=True, batch_size=batch_size):
        yield item if isinstance(item, InputError) else _extract_safely(item, doc)


def _extract_safely(article: Article, doc: Doc) -> Document | InputError:
    try:
        return extract_document(article, doc)
    except Exception as exc:  # a bug on one article must not stop a corpus run
        LOGGER.debug("extraction failed on %s", article.origin, exc_info=True)
        return InputError(origin=article.origin, code=ExtractionFailed.code,
                          message=f"internal error during extraction: {exc!r}")


def process_paths(paths: Iterable[str | Path], **kwargs) -> Iterator[Document | InputError]:
    return process(read_inputs(paths), **kwargs)


def extract(text_or_path: str | Path) -> Document:
    """Extract one article from a file path or from text.

    Example:

        >>> doc = sitrep.extract("examples/quetta-police-college-2016-10-26.txt")
        >>> doc.incidents[0].fatalities.min
        61
    """
    if isinstance(text_or_path, Path) or (
        isinstance(text_or_path, str) and "\n" not in text_or_path and len(text_or_path) < 4096
        and Path(text_or_path).exists()
    ):
        items: Iterable[RawArticle | InputError] = read_inputs([text_or_path])
    else:
        items = [RawArticle(origin="<text>", content=str(text_or_path), format="text")]
    for result in process(items):
        if isinstance(result, InputError):
            raise error_from_code(result.code, result.message, result.origin)
        return result
    raise EmptyArticle("no article found", origin=str(text_or_path)[:80])
