"""Answers of the read API kept in memory while the knowledge base does not change.

A GET under /api (exports aside: files, built on request) is answered from memory when the same path and
query were answered since the knowledge base's version (store/version.py) last changed; one small query per
request reads that version, so a write from any process (an ingest, a review edit) is seen by the next
request. Each server process keeps its own answers, at most `max_bytes` of them, least recently used first
out. Only complete 200 answers without cookies are kept. Each 200 answer carries the version as a weak ETag, and
a request whose If-None-Match holds the current one is answered 304 Not Modified with no body.

Example:

    app.add_middleware(ResponseCache, store=store, max_bytes=64 * 2**20)
"""

from __future__ import annotations

from collections import OrderedDict

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..store.database import Store

DEFAULT_CACHE_MB = 64  # per server process
CACHED_PREFIX = "/api/"
UNCACHED_PREFIXES = ("/api/exports/",)
MAX_ANSWER_BYTES = 2**20  # a bigger answer (a whole map's points, say) is not worth a slot
CACHE_HEADER = b"x-sitrep-cache"


class ResponseCache:
    """Pure ASGI middleware: replays a kept answer, or keeps the answer the app gives."""

    def __init__(self, app: ASGIApp, *, store: Store, max_bytes: int):
        self.app = app
        self.store = store
        self.max_bytes = max_bytes
        self.version: int | None = None
        self.answers: OrderedDict[tuple[str, bytes], tuple[Message, bytes]] = OrderedDict()
        self.size = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if (self.max_bytes <= 0 or scope["type"] != "http" or scope["method"] != "GET"
                or not path.startswith(CACHED_PREFIX) or path.startswith(UNCACHED_PREFIXES)):
            await self.app(scope, receive, send)
            return
        try:
            version = self.store.version()  # read before answering: an answer is never newer than its key says
        except Exception:  # the database is unreachable: the app answers, with its own error if it must
            await self.app(scope, receive, send)
            return
        if version != self.version:
            self.answers.clear()
            self.size, self.version = 0, version
        etag = f'W/"kb-{version}"'.encode()  # an answer depends only on its URL and the knowledge base
        if etag in _if_none_match(scope):  # the client holds this very answer
            await send({"type": "http.response.start", "status": 304,
                        "headers": [(b"etag", etag), (CACHE_HEADER, b"hit")]})
            await send({"type": "http.response.body", "body": b""})
            return
        key = (path, scope.get("query_string", b""))
        kept = self.answers.get(key)
        if kept is not None:
            self.answers.move_to_end(key)
            start, body = kept
            await send({**start, "headers": [*start["headers"], (b"etag", etag), (CACHE_HEADER, b"hit")]})
            await send({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, self._keeping(key, version, etag, send))

    def _keeping(self, key: tuple[str, bytes], version: int, etag: bytes, send: Send) -> Send:
        start: Message | None = None
        chunks: list[bytes] = []

        async def send_and_keep(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                tags = [(b"etag", etag)] if message["status"] == 200 else []
                message = {**message, "headers": [*message.get("headers", []), *tags, (CACHE_HEADER, b"miss")]}
            elif message["type"] == "http.response.body" and start is not None:
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    self._keep(key, version, start, b"".join(chunks))
            await send(message)

        return send_and_keep

    def _keep(self, key: tuple[str, bytes], version: int, start: Message, body: bytes) -> None:
        cookies = any(name.lower() == b"set-cookie" for name, _ in start.get("headers", []))
        if start["status"] != 200 or cookies or len(body) > MAX_ANSWER_BYTES or version != self.version:
            return
        if key in self.answers:  # two requests for it missed together
            self.size -= len(self.answers.pop(key)[1])
        self.answers[key] = (start, body)
        self.size += len(body)
        while self.size > self.max_bytes and self.answers:
            _, (_, dropped) = self.answers.popitem(last=False)
            self.size -= len(dropped)


def _if_none_match(scope: Scope) -> list[bytes]:
    """The entity tags of the request's If-None-Match header."""
    for name, value in scope.get("headers", []):
        if name == b"if-none-match":
            return [tag.strip() for tag in value.split(b",")]
    return []
