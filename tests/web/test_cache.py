"""The read API's answers kept in memory: the same GET is answered from memory until the knowledge base
changes, whoever changes it; errors, exports and answers with cookies are never kept."""

from __future__ import annotations

import asyncio

from sitrep.store import review
from sitrep.store.database import Store
from sitrep.web.cache import CACHE_HEADER, ResponseCache

from .conftest import client_for
from .test_review import EDITOR, correction, incident_id

HEADER = CACHE_HEADER.decode()


def test_the_same_request_is_answered_from_memory_with_the_same_body(client):
    first = client.get("/api/incidents", params={"country": "PK"})
    second = client.get("/api/incidents", params={"country": "PK"})
    assert (first.headers[HEADER], second.headers[HEADER]) == ("miss", "hit")
    assert second.content == first.content
    assert "content-security-policy" in second.headers  # kept answers still get the security headers
    assert client.get("/api/incidents", params={"country": "AF"}).headers[HEADER] == "miss"


def test_an_edit_through_the_api_is_in_the_next_answer(client):
    kabul = incident_id(client, "Kabul")
    before = client.get(f"/api/incidents/{kabul}")
    assert client.get(f"/api/incidents/{kabul}").headers[HEADER] == "hit"
    assert client.post("/api/review/correct", json=correction(kabul, "17"), auth=EDITOR).status_code == 201
    after = client.get(f"/api/incidents/{kabul}")
    assert after.headers[HEADER] == "miss"
    assert before.json()["fatalities"]["min"] != 17 and after.json()["fatalities"]["min"] == 17


def test_a_change_made_by_another_process_is_in_the_next_answer(client, kb):
    kabul = incident_id(client, "Kabul")
    client.get(f"/api/incidents/{kabul}")
    with Store(kb) as other, other.writer() as session, session.begin():  # as `sitrep review` would, elsewhere
        review.correct_field(session, target_type="incident", target_id=kabul, field="fatalities_min", value="23",
                             author="ana", reason="later toll")
    answer = client.get(f"/api/incidents/{kabul}")
    assert answer.headers[HEADER] == "miss" and answer.json()["fatalities"]["min"] == 23


def test_errors_exports_and_pages_are_not_kept(client):
    assert [client.get("/api/incidents/none").headers[HEADER] for _ in range(2)] == ["miss", "miss"]
    assert HEADER not in client.get("/api/exports/geojson").headers
    assert HEADER not in client.get("/incidents").headers


def test_a_server_without_a_cache_answers_every_request_afresh(kb):
    with client_for(kb, cache_mb=0) as client:
        answers = [client.get("/api/incidents") for _ in range(2)]
    assert all(a.status_code == 200 and HEADER not in a.headers for a in answers)


def test_the_least_recently_used_answers_go_first_when_memory_is_full():
    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"100")]})
        await send({"type": "http.response.body", "body": b"x" * 100})

    class FixedVersion:
        def version(self) -> int:
            return 7

    cache = ResponseCache(app, store=FixedVersion(), max_bytes=250)

    async def get(path: str) -> None:
        async def receive():
            return {"type": "http.request"}

        async def send(message):
            pass

        await cache({"type": "http", "method": "GET", "path": path, "query_string": b""}, receive, send)

    for path in ("/api/a", "/api/b", "/api/a", "/api/c"):  # a is used again: b is the oldest when c comes
        asyncio.run(get(path))
    assert [path for path, _ in cache.answers] == ["/api/a", "/api/c"] and cache.size == 200


def test_without_the_version_the_app_answers_uncached():
    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": 503, "headers": []})
        await send({"type": "http.response.body", "body": b"database unreachable"})

    class Unreachable:
        def version(self) -> int:
            raise OSError("connection refused")

    sent = []

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request"}

    cache = ResponseCache(app, store=Unreachable(), max_bytes=1000)
    asyncio.run(cache({"type": "http", "method": "GET", "path": "/api/incidents", "query_string": b""}, receive, send))
    assert sent[0]["status"] == 503 and not cache.answers


def test_a_client_holding_the_current_answer_gets_304_until_the_knowledge_base_changes(client):
    kabul = incident_id(client, "Kabul")
    first = client.get(f"/api/incidents/{kabul}")
    tag = first.headers["etag"]
    assert tag.startswith('W/"kb-')
    unchanged = client.get(f"/api/incidents/{kabul}", headers={"If-None-Match": tag})
    assert unchanged.status_code == 304 and unchanged.content == b""
    assert client.post("/api/review/correct", json=correction(kabul, "17"), auth=EDITOR).status_code == 201
    changed = client.get(f"/api/incidents/{kabul}", headers={"If-None-Match": tag})
    assert changed.status_code == 200 and changed.headers["etag"] != tag
    assert "etag" not in client.get("/api/incidents/none").headers
