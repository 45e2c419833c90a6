"""Streamed dumps: N-Quads of the chosen graphs, gzip-compressed on the fly."""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Sequence

from pyoxigraph import NamedNode, Quad

from eitkg.rdf.formats import rdf_syntax
from eitkg.rdf.io import to_bytes
from eitkg.store import Store

_NQUADS = rdf_syntax("nquads")
#: Quads serialised per chunk: small enough to stream, large enough to compress well.
BATCH = 5000


def gzip_nquads(store: Store, graphs: Sequence[NamedNode]) -> Iterator[bytes]:
    """The quads of ``graphs`` (and only those) as a gzip stream of N-Quads, chunk by chunk.

    >>> import gzip
    >>> from eitkg.store import OxigraphStore
    >>> from eitkg.rdf.io import RdfSource
    >>> store = OxigraphStore()
    >>> _ = store.load([RdfSource.from_bytes(b'<http://a> <http://b> "1" .', name="a.nt")],
    ...                graph=NamedNode("http://g"))
    >>> gzip.decompress(b"".join(gzip_nquads(store, [NamedNode("http://g")]))).decode().strip()
    '<http://a> <http://b> "1" <http://g> .'
    """
    compressor = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)  # gzip container
    batch: list[Quad] = []
    for graph in graphs:
        for quad in store.quads(graph):
            batch.append(quad)
            if len(batch) >= BATCH:
                chunk = compressor.compress(to_bytes(batch, _NQUADS))
                batch.clear()
                if chunk:
                    yield chunk
    if batch:
        chunk = compressor.compress(to_bytes(batch, _NQUADS))
        if chunk:
            yield chunk
    yield compressor.flush()
