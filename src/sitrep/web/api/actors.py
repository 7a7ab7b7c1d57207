"""Actors (search, detail with aliases and factions), relations (a list, or a graph for network views) and
statements."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from ...export.network import relation_graph
from ...store.detail import actor_detail
from ...store.query import IncidentFilter, count_statements, list_actors, list_relations, list_statements
from ..deps import PagingDep, SessionDep, found_or_404

router = APIRouter(tags=["actors"])
ActorQuery = Annotated[str | None, Query(description="Actor id, or part of a name or alias.")]


@router.get("/actors")
def actors(session: SessionDep, paging: PagingDep, q: ActorQuery = None,
           country: Annotated[str | None, Query(description="ISO 3166-1 alpha-2 code.")] = None,
           kind: Annotated[str | None, Query(description="e.g. armed_group, state_force.")] = None) -> JSONResponse:
    """Actors by name, with how many incidents, relations and articles involve them."""
    found = list_actors(session, name=q, country=country, kind=kind)
    return JSONResponse({"total": len(found), "page": paging.page, "per_page": paging.per_page,
                         "items": found[paging.offset:paging.offset + paging.per_page]})


@router.get("/actors/{actor_id}")
def actor(actor_id: str, session: SessionDep) -> JSONResponse:
    """One actor: aliases, parent, factions, newest incidents and statements, relations."""
    return JSONResponse(found_or_404(actor_detail(session, actor_id), "actor", actor_id))


@router.get("/relations")
def relations(session: SessionDep, actor: ActorQuery = None,
              type: Annotated[str | None, Query(description="Relation type, e.g. alliance.")] = None) -> JSONResponse:
    """Relations between organisations, one per asserting article."""
    return JSONResponse(list_relations(session, actor=actor, type=type))


@router.get("/relations/graph")
def graph(session: SessionDep, actor: ActorQuery = None) -> JSONResponse:
    """The relation network as nodes and edges (one edge per pair and type, weighted by asserting articles),
    as `sitrep export --format graphml` builds it."""
    network = relation_graph(session, IncidentFilter(actor=actor))
    return JSONResponse({
        "nodes": [{"id": node, **data} for node, data in sorted(network.nodes(data=True))],
        "edges": [{"id": f"{source}|{key}|{target}", "source": source, "target": target, **data}
                  for source, target, key, data in network.edges(keys=True, data=True)],
    })


@router.get("/statements")
def statements(session: SessionDep, paging: PagingDep, actor: ActorQuery = None,
               article: Annotated[str | None, Query(description="Article id.")] = None) -> JSONResponse:
    """Quotations and reported speech, with speaker and organisation; by article, then position."""
    return {"total": count_statements(session, actor=actor, article_id=article), "page": paging.page,
            "per_page": paging.per_page,
            "items": list_statements(session, actor=actor, article_id=article, limit=paging.per_page,
                                     offset=paging.offset)}
