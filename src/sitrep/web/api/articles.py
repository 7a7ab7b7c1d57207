"""GET /api/articles/{id}: an article's cleaned text with the offsets of every evidence span and statement."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from ...store.detail import article_detail
from ..deps import SessionDep, found_or_404

router = APIRouter(prefix="/articles", tags=["articles"])


@router.get("/{article_id}")
def article(article_id: str, session: SessionDep) -> JSONResponse:
    """The article: metadata, `text` (every offset points into it), `evidence` spans, statements, reports."""
    return JSONResponse(found_or_404(article_detail(session, article_id), "article", article_id))
