"""Where each IRI is served on this server: instance, ontology, vocabulary, anything else.

Instance IRIs are minted under the deployment base and served at the same path here;
ontology and vocabulary IRIs are stable w3id IRIs, served under ``/def/``; any other IRI the
store describes is served by ``/resource?iri=``.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from eitkg.namespaces import EIT, EITV, PREFIXES

#: The IRI of the ontology document (the terms are ``ONTOLOGY_IRI#Name``).
ONTOLOGY_IRI = EIT.rstrip("#")

#: RDF representations by URL extension; ``html`` is the page.
EXTENSIONS: dict[str, str] = {
    "html": "text/html",
    "ttl": "text/turtle",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
    "rdf": "application/rdf+xml",
}


@dataclass(frozen=True)
class LocalLinks:
    """Maps IRIs to the URLs (root-relative paths) that serve them on this server.

    >>> links = LocalLinks("http://localhost:8000/")
    >>> links.url_for("http://localhost:8000/id/actor/552081317")
    '/id/actor/552081317'
    >>> links.url_for("https://w3id.org/eitkg/vocab/ewc/010304")
    '/def/vocab/ewc/010304'
    >>> links.url_for("https://w3id.org/eitkg/ontology#Need")
    '/def/ontology#Need'
    >>> links.url_for("http://qudt.org/vocab/unit/TONNE")
    '/resource?iri=http%3A%2F%2Fqudt.org%2Fvocab%2Funit%2FTONNE'
    """

    base_iri: str
    root: str = ""

    def url_for(self, iri: str) -> str:
        """The page of ``iri`` on this server."""
        if iri.startswith(self.base_iri):
            return self.root + "/" + iri[len(self.base_iri) :]
        if iri == ONTOLOGY_IRI:
            return self.root + "/def/ontology"
        if iri.startswith(EIT):
            return self.root + "/def/ontology#" + iri[len(EIT) :]
        if iri.startswith(EITV) and "#" not in iri and "?" not in iri:
            return self.root + "/def/vocab/" + iri[len(EITV) :]
        return self.resource_url(iri)

    def resource_url(self, iri: str, *, extension: str | None = None) -> str:
        """``/resource?iri=…``: the generic page of any IRI (with ``format`` for one format)."""
        params = {"iri": iri}
        if extension:
            params["format"] = extension
        return self.root + "/resource?" + urlencode(params, quote_via=quote)

    def alternates(self, iri: str, canonical: str | None = None) -> dict[str, str]:
        """The URL of each representation of ``iri``, by media type.

        ``canonical`` is the path that served it (``/id/…``, ``/def/…``); without it the generic
        ``/resource`` URL is used.
        """
        if canonical is None or canonical.startswith(self.root + "/resource"):
            return {
                media: self.resource_url(iri, extension=ext) for ext, media in EXTENSIONS.items()
            }
        return {media: f"{canonical}.{ext}" for ext, media in EXTENSIONS.items()}


def split_extension(path: str) -> tuple[str, str | None]:
    """Strip a known representation extension from the last path segment.

    Instance IRIs are slugs (no dot), so ``actor/1.ttl`` can only mean the Turtle of ``actor/1``.

    >>> split_extension("actor/552081317.ttl")
    ('actor/552081317', 'ttl')
    >>> split_extension("ewc/010304")
    ('ewc/010304', None)
    """
    head, dot, ext = path.rpartition(".")
    if dot and "/" not in ext and ext.lower() in EXTENSIONS:
        return head, ext.lower()
    return path, None


def compact_iri(iri: str) -> str:
    """``prefix:local`` for an IRI in a known namespace, else the IRI itself.

    >>> compact_iri("http://www.w3.org/2004/02/skos/core#prefLabel")
    'skos:prefLabel'
    >>> compact_iri("http://example.org/x")
    'http://example.org/x'
    """
    best = ""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(namespace) > len(PREFIXES.get(best, "")):
            best = prefix
    if best:
        local = iri[len(PREFIXES[best]) :]
        if local and all(c.isalnum() or c in "-_." for c in local):
            return f"{best}:{local}"
    return iri
