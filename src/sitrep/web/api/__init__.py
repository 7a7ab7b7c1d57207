"""The HTTP API under /api: one router module per resource; OpenAPI at /api/openapi.json, docs at /api/docs."""

from fastapi import APIRouter

from . import actors, articles, exports, incidents, review

router = APIRouter(prefix="/api")
for module in (incidents, articles, actors, exports, review):
    router.include_router(module.router)
