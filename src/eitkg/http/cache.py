"""A response cache for reads, keyed by the store's generation.

Dereferenced resources, documents (ontology, catalogue, VoID, context) and named-query results
are the same until the next write, so the whole HTTP answer is kept in memory and served again
without routing, describing or rendering. The store's ``generation`` is part of every key, and it
changes before and after each write, so a write makes every entry unreachable (they age out of
the LRU) and nothing computed during a write is ever served after it. Stores that cannot tell
their generation (remote ones) are not cached. The key holds everything a response varies on:
path and query, ``Accept``, ``Accept-Language``, ``Host`` and whether the reader is a curator.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eitkg.config import Settings
from eitkg.http.auth import authorizes_curator

#: Reads whose answer depends only on the request and the store content.
CACHED_PREFIXES = ("/id/", "/graph/", "/def/", "/resource", "/queries/", "/catalog", "/context")
CACHED_PATHS = ("/.well-known/void",)
_VARY = (b"accept", b"accept-language", b"host")


@dataclass(frozen=True)
class CachedResponse:
    status: int
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes

    @property
    def etag(self) -> bytes | None:
        return next((v for k, v in self.headers if k == b"etag"), None)


class ResponseCache:
    """A thread-safe LRU of responses, bounded in entries and bytes.

    >>> cache = ResponseCache(max_entries=1)
    >>> cache.put(("a",), CachedResponse(200, (), b"x"))
    >>> cache.put(("b",), CachedResponse(200, (), b"y"))
    >>> cache.get(("a",)) is None, cache.get(("b",)).body
    (True, b'y')
    """

    def __init__(self, *, max_entries: int = 4096, max_bytes: int = 64 * 1024 * 1024) -> None:
        self._entries: OrderedDict[Hashable, CachedResponse] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.max_entries = max_entries
        self.max_bytes = max_bytes

    def get(self, key: Hashable) -> CachedResponse | None:
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def put(self, key: Hashable, value: CachedResponse) -> None:
        if len(value.body) > self.max_bytes // 16:
            return  # one huge answer would evict everything else
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= len(old.body)
            self._entries[key] = value
            self._bytes += len(value.body)
            while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
                _, evicted = self._entries.popitem(last=False)
                self._bytes -= len(evicted.body)

    def __len__(self) -> int:
        return len(self._entries)


def cacheable(scope: Scope) -> bool:
    path: str = scope["path"]
    return scope["method"] in ("GET", "HEAD") and (
        path.startswith(CACHED_PREFIXES) or path in CACHED_PATHS
    )


class ResponseCacheMiddleware:
    """Serve repeated reads from :class:`ResponseCache`; pass everything else through."""

    def __init__(self, app: ASGIApp, *, cache: ResponseCache, settings: Settings) -> None:
        self.app = app
        self.cache = cache
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not cacheable(scope):
            await self.app(scope, receive, send)
            return
        generation = scope["app"].state.store.generation
        if generation is None:
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        curator = authorizes_curator(
            headers.get(b"authorization", b"").decode("latin-1"), self.settings
        )
        key = (
            generation,
            scope["path"],
            scope["query_string"],
            curator,
            *(headers.get(name, b"") for name in _VARY),
        )
        hit = self.cache.get(key)
        if hit is not None:
            await self._replay(hit, scope, headers.get(b"if-none-match"), send)
            return
        if scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        await self._record(key, scope, receive, send)

    async def _replay(
        self, hit: CachedResponse, scope: Scope, if_none_match: bytes | None, send: Send
    ) -> None:
        etag = hit.etag
        if etag is not None and if_none_match is not None and _matches(if_none_match, etag):
            kept = tuple(
                (k, v) for k, v in hit.headers if k not in (b"content-length", b"content-type")
            )
            await send({"type": "http.response.start", "status": 304, "headers": kept})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": hit.status, "headers": hit.headers})
        body = b"" if scope["method"] == "HEAD" else hit.body
        await send({"type": "http.response.body", "body": body})

    async def _record(self, key: Hashable, scope: Scope, receive: Receive, send: Send) -> None:
        start: Message | None = None
        chunks: list[bytes] = []
        complete = False

        async def recording_send(message: Message) -> None:
            nonlocal start, complete
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                complete = not message.get("more_body", False)
            await send(message)

        await self.app(scope, receive, recording_send)
        if start is None or not complete or start["status"] != 200:
            return
        headers = tuple((bytes(k), bytes(v)) for k, v in start.get("headers", ()))
        if any(k == b"set-cookie" for k, _ in headers):
            return
        self.cache.put(key, CachedResponse(200, headers, b"".join(chunks)))


def _matches(if_none_match: bytes, etag: bytes) -> bool:
    wanted = {tag.strip().removeprefix(b"W/") for tag in if_none_match.split(b",")}
    return b"*" in wanted or etag.removeprefix(b"W/") in wanted
