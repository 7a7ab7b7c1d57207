"""GET /api/articles/{id}: an article's cleaned text with the offsets of every evidence span and statement."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from fastapi.responses import JSONResponse

from ...store.detail import article_detail
from ..deps import SessionDep

router = APIRouter(prefix="/articles", tags=["articles"])


@router.get("/{article_id}")
def article(article_id: str, session: SessionDep) -> JSONResponse:
    """The article: metadata, `text` (every offset points into it), `evidence` spans, statements, reports."""
    found = article_detail(session, article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return JSONResponse(found)
