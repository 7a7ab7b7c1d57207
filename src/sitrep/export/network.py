"""The actor-relation network for Gephi and other graph tools: GraphML or GEXF, written by networkx.

Nodes are actors (as merged by reviewers); one edge per (source, target, relation
type), weighted by the number of articles that assert it. `--actor` keeps the
relations that involve an actor; `--since`/`--until` compare the relation's date.
Other incident filters do not apply to relations.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import networkx as nx
from sqlalchemy.orm import Session

from ..store.query import IncidentFilter, list_actors, list_relations

LIST_SEPARATOR = ";"


def relation_graph(session: Session, filters: IncidentFilter) -> nx.MultiDiGraph:
    relations = [r for r in list_relations(session, actor=filters.actor) if _in_period(r["date"], filters)]
    actors = {a["id"]: a for a in list_actors(session)}
    graph = nx.MultiDiGraph()
    for relation in relations:
        for actor_id in (relation["source_id"], relation["target_id"]):
            actor = actors[actor_id]
            graph.add_node(actor_id, label=actor["name"], kind=actor["kind"], country_code=actor["country_code"] or "")
        source, target = relation["source_id"], relation["target_id"]
        if not relation["directed"] and source > target:  # a symmetric relation is one edge whichever way it was said
            source, target = target, source
        key = relation["type"]
        if graph.has_edge(source, target, key):
            edge = graph.edges[source, target, key]
            edge["weight"] += 1
            edge["statuses"] = LIST_SEPARATOR.join(sorted(set(edge["statuses"].split(LIST_SEPARATOR))
                                                          | {relation["status"]}))
            edge["relation_ids"] += LIST_SEPARATOR + relation["id"]
        else:
            graph.add_edge(source, target, key, relation=key, directed=relation["directed"], weight=1,
                           statuses=relation["status"], relation_ids=relation["id"])
    return graph


def _in_period(date: str | None, filters: IncidentFilter) -> bool:
    if filters.since is None and filters.until is None:
        return True
    if date is None:
        return False
    day = dt.date.fromisoformat(date)
    return (filters.since is None or day >= filters.since) and (filters.until is None or day <= filters.until)


def _writer(write: Callable[[nx.Graph, Path], None]) -> Callable[[Session, IncidentFilter, Path], int]:
    def write_graph(session: Session, filters: IncidentFilter, output: Path) -> int:
        graph = relation_graph(session, filters)
        write(graph, output)
        return graph.number_of_edges()
    return write_graph


write_graphml = _writer(nx.write_graphml)
write_gexf = _writer(nx.write_gexf)
