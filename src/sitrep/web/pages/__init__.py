"""The web UI: server-rendered pages (browse.py) and the sign-in and review forms (review.py)."""

from fastapi import APIRouter, Depends

from . import browse, review
from ..auth import who
from .review import login_url

# Who is asking is looked up before the page's own session queries (see auth.who).
router = APIRouter(include_in_schema=False, dependencies=[Depends(who)])
router.include_router(browse.router)
router.include_router(review.router)

__all__ = ["login_url", "router"]
