"""Each named query of ``queries/`` as a REST operation (grlc style), listed and documented."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, FastAPI, Request, Response

from eitkg.http.conneg import negotiate, vary_and_links
from eitkg.http.deps import CatalogueDep, IsCuratorDep, SettingsDep, StoreDep
from eitkg.http.dereference import absolute, context_url, not_acceptable
from eitkg.http.describe import reader_graphs
from eitkg.http.named import (
    FORMAT_ALIASES,
    Table,
    default_media_type,
    media_types_for,
    openapi_operation,
    query_values,
    results_body,
    run,
)
from eitkg.http.representations import HTML, JSON, content_type, etag_for, not_modified
from eitkg.http.routing import get_and_head
from eitkg.http.templating import local_links, reader_language, render_page
from eitkg.queries import NamedQuery, QueryCatalogue


@asynccontextmanager
async def _document_named_queries(app: FastAPI) -> AsyncIterator[None]:
    install_openapi(app)
    yield


router = APIRouter(tags=["named queries"], lifespan=_document_named_queries)
LIST_TYPES = (JSON, HTML)


@get_and_head(router, "/queries", summary="List the named queries")
def list_queries(request: Request, settings: SettingsDep, catalogue: CatalogueDep) -> Response:
    """Every named query with its parameters and SPARQL (JSON by default, HTML for browsers)."""
    media_type = negotiate(
        request.headers.get("accept"),
        LIST_TYPES,
        default=JSON,
        requested=request.query_params.get("format"),
        aliases={"json": JSON, "html": HTML},
    )
    if media_type is None:
        raise not_acceptable(LIST_TYPES)
    root = local_links(request, settings).root
    items = [describe_query(q, root) for q in (catalogue[k] for k in catalogue)]
    if media_type == HTML:
        lang = reader_language(request, settings)
        body = render_page(request, settings, "queries.html", lang, queries=items)
    else:
        body = _json({"queries": items})
    alternates = {
        JSON: absolute(request, root + "/queries?format=json"),
        HTML: absolute(request, root + "/queries?format=html"),
    }
    return _respond(request, body, media_type, alternates)


@get_and_head(router, "/queries/{query_id:path}", include_in_schema=False)
def run_query(
    query_id: str,
    request: Request,
    settings: SettingsDep,
    store: StoreDep,
    catalogue: CatalogueDep,
    curator: IsCuratorDep,
) -> Response:
    """Run one named query with typed parameters from the query string."""
    query = catalogue[query_id]
    supported = media_types_for(query)
    media_type = negotiate(
        request.headers.get("accept"),
        supported,
        default=default_media_type(query),
        requested=request.query_params.get("format") or request.query_params.get("_mediatype"),
        aliases=FORMAT_ALIASES,
    )
    if media_type is None:
        raise not_acceptable(supported)
    values = query_values(request.query_params)
    result = run(store, query, values, reader_graphs(store, curator=curator))
    body = results_body(result, media_type, context_url=context_url(request))
    root = local_links(request, settings).root
    if isinstance(body, Table):
        lang = reader_language(request, settings)
        html = render_page(
            request,
            settings,
            "named_query.html",
            lang,
            query=describe_query(query, root),
            values=values,
            table=body,
        )
        body = html
    alternates = _alternates(request, root, query, values)
    return _respond(request, body, media_type, alternates, private=curator)


def describe_query(query: NamedQuery, root: str) -> dict[str, Any]:
    """A named query as listed by ``/queries`` (and shown on the pages)."""
    return {
        "id": query.id,
        "url": f"{root}/queries/{query.id}",
        "summary": query.summary,
        "description": query.description,
        "tags": list(query.tags),
        "form": query.form,
        "formats": list(media_types_for(query)),
        "params": [
            {
                "name": p.name,
                "type": p.type,
                "required": p.required,
                "default": p.default,
                "description": p.description,
                "enum": list(p.enum),
            }
            for p in query.params
        ],
        "sparql": query.sparql,
    }


def install_openapi(app: FastAPI) -> None:
    """Describe each named query as its own operation in ``/openapi.json``."""
    build: Callable[[], dict[str, Any]] = app.openapi
    catalogue: QueryCatalogue = app.state.catalogue

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = build()
        paths = schema.setdefault("paths", {})
        for query_id in catalogue:
            paths[f"/queries/{query_id}"] = openapi_operation(catalogue[query_id])
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def _alternates(
    request: Request, root: str, query: NamedQuery, values: dict[str, str]
) -> dict[str, str]:
    alternates = {}
    by_type: dict[str, str] = {}
    for key, media in FORMAT_ALIASES.items():
        by_type.setdefault(media, key)
    for media_type in media_types_for(query):
        params = urlencode({**values, "format": by_type[media_type]})
        alternates[media_type] = absolute(request, f"{root}/queries/{query.id}?{params}")
    return alternates


def _respond(
    request: Request,
    body: bytes,
    media_type: str,
    alternates: dict[str, str],
    *,
    private: bool = False,
) -> Response:
    headers = vary_and_links(alternates, media_type, vary=("Accept", "Accept-Language"))
    etag = etag_for([body, media_type.encode()])
    headers["ETag"] = etag
    headers["Cache-Control"] = "private, no-cache" if private else "public, no-cache"
    if not_modified(request.headers.get("if-none-match"), etag):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=content_type(media_type), headers=headers)


def _json(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
