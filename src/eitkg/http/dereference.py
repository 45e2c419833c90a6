"""Serve one IRI: pick the representation, read what the reader may see, answer with caching.

The order matters: an unknown IRI is 404 whatever the ``Accept``; 406 only when the resource
exists and none of its representations is acceptable.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from fastapi import Request, Response
from pyoxigraph import NamedNode, Triple

from eitkg.config import Settings
from eitkg.errors import NotFoundError
from eitkg.http.conneg import negotiate, vary_and_links
from eitkg.http.describe import describe, map_points, page_labels, reader_graphs
from eitkg.http.i18n import message
from eitkg.http.problems import HttpProblem
from eitkg.http.representations import (
    FORMAT_ALIASES,
    HTML,
    JSON,
    JSONLD_CONTEXT_REL,
    RESOURCE_MEDIA_TYPES,
    content_type,
    etag_for,
    not_modified,
    rdf_body,
)
from eitkg.http.templating import local_links, reader_language, render_page
from eitkg.http.view import resource_page
from eitkg.queries import QueryCatalogue
from eitkg.store import Store


def choose_media_type(
    request: Request,
    extension: str | None,
    supported: Sequence[str] = RESOURCE_MEDIA_TYPES,
    *,
    default: str = HTML,
) -> str | None:
    """The representation asked for: ``?format``/``?_mediatype``, extension, then ``Accept``."""
    requested = (
        request.query_params.get("_mediatype") or request.query_params.get("format") or extension
    )
    return negotiate(
        request.headers.get("accept"),
        supported,
        default=default,
        requested=requested,
        aliases=FORMAT_ALIASES,
    )


def absolute(request: Request, path: str) -> str:
    """An absolute URL on this server for a root-relative path."""
    return f"{request.url.scheme}://{request.url.netloc}{path}"


def context_url(request: Request) -> str:
    """Where this server publishes its JSON-LD context."""
    return absolute(request, local_links_root(request) + "/context.jsonld")


def local_links_root(request: Request) -> str:
    return str(request.scope.get("root_path", "")).rstrip("/")


def not_acceptable(supported: Sequence[str]) -> HttpProblem:
    return HttpProblem(
        406,
        "Not Acceptable",
        "None of the representations matches the Accept header; available: " + ", ".join(supported),
        code="not-acceptable",
        extra={"available": list(supported)},
    )


def serve_description(
    request: Request,
    settings: Settings,
    store: Store,
    catalogue: QueryCatalogue,
    *,
    iri: str,
    curator: bool,
    extension: str | None,
    canonical: str | None,
) -> Response:
    """The whole dereference of ``iri``: negotiation, description, page or RDF, caching."""
    media_type = choose_media_type(request, extension)
    lang = reader_language(request, settings)
    try:
        description = describe(store, catalogue, iri, curator=curator)
    except NotFoundError:
        if media_type == HTML:
            return html_not_found(request, settings, iri, lang)
        raise
    if media_type is None:
        raise not_acceptable(RESOURCE_MEDIA_TYPES)
    links = local_links(request, settings)
    alternates = {m: absolute(request, u) for m, u in links.alternates(iri, canonical).items()}
    if media_type == HTML:
        graphs = reader_graphs(store, curator=curator)
        labels = page_labels(store, catalogue, description.iri, graphs)
        points = map_points(store, catalogue, description.iri, graphs)
        page = resource_page(description, labels, lang, links, points)
        points_json = [
            {"lat": p.lat, "long": p.long, "label": p.label, "url": p.url, "own": p.own}
            for p in page.points
        ]
        body = render_page(
            request,
            settings,
            "resource.html",
            lang,
            page=page,
            alternates=alternates,
            points_json=points_json,
        )
    else:
        body = rdf_body(
            description.triples, media_type, main=description.iri, context_url=context_url(request)
        )
    return negotiated_response(request, body, media_type, alternates, curator=curator, lang=lang)


def serve_triples(
    request: Request,
    settings: Settings,
    *,
    iri: str,
    triples: Sequence[Triple],
    curator: bool,
    extension: str | None,
    canonical: str,
    html: Callable[[str, dict[str, str]], bytes],
    default: str = HTML,
) -> Response:
    """Serve a whole document (ontology, catalogue, VoID): RDF, or ``html(lang, alternates)``."""
    media_type = choose_media_type(request, extension, default=default)
    lang = reader_language(request, settings)
    if not triples:
        if media_type == HTML:
            return html_not_found(request, settings, iri, lang)
        raise NotFoundError(f"nothing is known about <{iri}>")
    if media_type is None:
        raise not_acceptable(RESOURCE_MEDIA_TYPES)
    links = local_links(request, settings)
    alternates = {m: absolute(request, u) for m, u in links.alternates(iri, canonical).items()}
    if media_type == HTML:
        body = html(lang, alternates)
    else:
        body = rdf_body(triples, media_type, main=NamedNode(iri), context_url=context_url(request))
    return negotiated_response(request, body, media_type, alternates, curator=curator, lang=lang)


def negotiated_response(
    request: Request,
    body: bytes,
    media_type: str,
    alternates: dict[str, str],
    *,
    curator: bool,
    lang: str,
) -> Response:
    """The answer with ``Vary``, ``Link``, ``ETag``; 304 when ``If-None-Match`` matches."""
    headers = vary_and_links(alternates, media_type, vary=("Accept", "Accept-Language"))
    if media_type == JSON:
        headers["Link"] += (
            f', <{context_url(request)}>; rel="{JSONLD_CONTEXT_REL}"; type="application/ld+json"'
        )
    etag = etag_for([body, media_type.encode(), lang.encode()])
    headers["ETag"] = etag
    headers["Cache-Control"] = "private, no-cache" if curator else "public, no-cache"
    if media_type == HTML:
        headers["Content-Language"] = lang
    if not_modified(request.headers.get("if-none-match"), etag):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=content_type(media_type), headers=headers)


def html_not_found(request: Request, settings: Settings, iri: str, lang: str) -> Response:
    """A 404 page for people (RDF clients get problem+json)."""
    body = render_page(
        request,
        settings,
        "error.html",
        lang,
        title=message("not_found", lang),
        detail=message("not_found_detail", lang),
        iri=iri,
    )
    return Response(
        body, status_code=404, media_type=content_type(HTML), headers={"Vary": "Accept"}
    )
