"""RDF representations of a description, by media type, and the HTTP caching helpers."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from pyoxigraph import NamedNode, Quad, Triple

from eitkg.http import jsonld
from eitkg.rdf.formats import rdf_syntax
from eitkg.rdf.io import to_bytes

HTML = "text/html"
TURTLE = "text/turtle"
JSONLD = "application/ld+json"
JSON = "application/json"
NTRIPLES = "application/n-triples"
RDFXML = "application/rdf+xml"

#: What a resource can be served as, in order of preference when the client does not care.
RDF_MEDIA_TYPES: tuple[str, ...] = (TURTLE, JSONLD, NTRIPLES, RDFXML)
RESOURCE_MEDIA_TYPES: tuple[str, ...] = (HTML, *RDF_MEDIA_TYPES, JSON)

#: Extensions and short names accepted by ``?format=`` and the URL extension.
FORMAT_ALIASES: dict[str, str] = {
    "html": HTML,
    "ttl": TURTLE,
    "turtle": TURTLE,
    "jsonld": JSONLD,
    "json-ld": JSONLD,
    "json": JSON,
    "nt": NTRIPLES,
    "ntriples": NTRIPLES,
    "rdf": RDFXML,
    "xml": RDFXML,
    "rdfxml": RDFXML,
}

JSONLD_CONTEXT_REL = "http://www.w3.org/ns/json-ld#context"


def rdf_body(
    triples: Sequence[Triple], media_type: str, *, main: NamedNode, context_url: str
) -> bytes:
    """Serialise ``triples`` as ``media_type``; JSON-LD is compact, about ``main``."""
    if media_type in (JSONLD, JSON):
        return jsonld.dumps(jsonld.compact_document(triples, main, context_url=context_url))
    syntax = rdf_syntax(media_type)
    return to_bytes([Quad(t.subject, t.predicate, t.object) for t in triples], syntax)


def content_type(media_type: str) -> str:
    """The ``Content-Type`` value, with the charset for text types."""
    if media_type.startswith("text/") or media_type in (JSONLD, JSON, NTRIPLES):
        return f"{media_type}; charset=utf-8"
    return media_type


def etag_for(parts: Iterable[bytes]) -> str:
    """A strong entity tag for a representation's bytes.

    >>> etag_for([b"abc"])
    '"ba7816bf8f01cfea414140de5dae2223"'
    """
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part)
    return '"' + digest.hexdigest()[:32] + '"'


def not_modified(if_none_match: str | None, etag: str) -> bool:
    """Whether ``If-None-Match`` names ``etag`` (weak comparison, as RFC 9110 asks for GET).

    >>> not_modified('W/"x", "y"', '"y"'), not_modified("*", '"y"'), not_modified(None, '"y"')
    (True, True, False)
    """
    if not if_none_match:
        return False
    wanted = etag.removeprefix("W/")
    for candidate in if_none_match.split(","):
        candidate = candidate.strip()
        if candidate == "*" or candidate.removeprefix("W/") == wanted:
            return True
    return False
