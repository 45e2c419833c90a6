"""A bounded cache of rendered representations, keyed by the store's generation.

Lookups of the same IRI in the same representation are answered from memory until the next
write: the store's ``generation`` is part of every key, so a write makes all entries unreachable
(they age out of the LRU). Stores that cannot tell their generation (remote ones) are not cached.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass


@dataclass(frozen=True)
class Representation:
    body: bytes
    alternates: dict[str, str]


class RepresentationCache:
    """A thread-safe LRU of representations, bounded in entries and bytes.

    >>> cache = RepresentationCache(max_entries=1)
    >>> cache.put(("a",), Representation(b"x", {}))
    >>> cache.put(("b",), Representation(b"y", {}))
    >>> cache.get(("a",)) is None, cache.get(("b",)).body
    (True, b'y')
    """

    def __init__(self, *, max_entries: int = 4096, max_bytes: int = 64 * 1024 * 1024) -> None:
        self._entries: OrderedDict[Hashable, Representation] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.max_entries = max_entries
        self.max_bytes = max_bytes

    def get(self, key: Hashable) -> Representation | None:
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def put(self, key: Hashable, value: Representation) -> None:
        if len(value.body) > self.max_bytes // 16:
            return  # a huge page would evict everything else
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
