"""The web UI: server-rendered pages (browse.py) and the sign-in and review forms (review.py)."""

from fastapi import APIRouter

from . import browse, review
from .review import login_url

router = APIRouter(include_in_schema=False)
router.include_router(browse.router)
router.include_router(review.router)

__all__ = ["login_url", "router"]
