"""Worker processes give what one process gives, in input order, errors in their place."""

from __future__ import annotations

from sitrep.model import Article, InputError
from sitrep.parallel import CHUNK, extract_in_processes
from sitrep.pipeline import clean_articles, extract_articles
from sitrep.ingest import RawArticle


def test_chunks_over_two_workers_keep_the_order_and_the_errors_in_their_place():
    texts = [f"Gunmen killed {n + 2} villagers in Zamfara on Monday, police said." for n in range(CHUNK + 3)]
    raws = [RawArticle(origin=f"corpus.jsonl:{n + 1}", content=text, format="text", published="2020-11-18")
            for n, text in enumerate(texts)]
    items: list[Article | InputError] = list(clean_articles(raws))
    items.insert(3, InputError(origin="corpus.jsonl:99", code="E105", message="not valid JSON"))
    alone = [r.model_dump() for r in extract_articles(items)]
    spread = [r.model_dump() for r in extract_in_processes(items, workers=2)]
    assert spread == alone
    assert [r.get("code") for r in spread].index("E105") == 3
