"""The pages of the shipped semantics: the ontology document and the vocabulary index."""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import Request, Response
from pyoxigraph import Literal, NamedNode, QuerySolutions, Triple

from eitkg.config import Settings
from eitkg.http.links import ONTOLOGY_IRI
from eitkg.http.representations import HTML, content_type
from eitkg.http.templating import local_links, reader_language, render_page
from eitkg.http.view import Link, ontology_page, pick_literal, readable_name
from eitkg.namespaces import EIT
from eitkg.queries import QueryCatalogue
from eitkg.store import Store

SCHEMES_QUERY = "linked_data/schemes"


def ontology_html(
    request: Request,
    settings: Settings,
    triples: Sequence[Triple],
    *,
    lang: str,
    alternates: dict[str, str],
) -> bytes:
    """The ontology page: metadata, then classes and properties, each under ``#Name``."""
    page = ontology_page(triples, ONTOLOGY_IRI, EIT, lang, local_links(request, settings))
    return render_page(request, settings, "ontology.html", lang, page=page, alternates=alternates)


def vocabularies_html(
    request: Request,
    settings: Settings,
    store: Store,
    catalogue: QueryCatalogue,
    graphs: Sequence[NamedNode],
) -> Response:
    """The list of concept schemes with their titles and sizes."""
    lang = reader_language(request, settings)
    links = local_links(request, settings)
    result = store.query(catalogue[SCHEMES_QUERY].sparql, default_graphs=list(graphs))
    assert isinstance(result, QuerySolutions)
    titles: dict[str, list[Literal]] = {}
    sizes: dict[str, int] = {}
    for row in result:
        scheme = row["scheme"]
        if not isinstance(scheme, NamedNode):
            continue
        title, count = row["title"], row["concepts"]
        titles.setdefault(scheme.value, [])
        if isinstance(title, Literal):
            titles[scheme.value].append(title)
        sizes[scheme.value] = int(count.value) if isinstance(count, Literal) else 0
    schemes = []
    for iri, candidates in sorted(titles.items()):
        best = pick_literal(candidates, lang)
        label = best.value if best is not None else readable_name(iri)
        schemes.append((Link(links.url_for(iri), label, iri), sizes.get(iri, 0)))
    body = render_page(request, settings, "vocabularies.html", lang, schemes=schemes)
    return Response(body, media_type=content_type(HTML), headers={"Vary": "Accept-Language"})
