"""The landing page, the SPARQL editor (YASGUI) and the bundled static files."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi import APIRouter, Request, Response
from fastapi.responses import FileResponse
from pyoxigraph import Literal, NamedNode, QuerySolutions

from eitkg.http.conneg import negotiate, vary_and_links
from eitkg.http.dcat import class_counts, graph_sizes
from eitkg.http.deps import CatalogueDep, SettingsDep, StoreDep
from eitkg.http.dereference import absolute, not_acceptable
from eitkg.http.describe import ONTOLOGY_GRAPH, graph_triples, reader_graphs
from eitkg.http.problems import HttpProblem
from eitkg.http.representations import HTML, JSON, content_type, etag_for, not_modified
from eitkg.http.routes.queries import describe_query
from eitkg.http.routing import get_and_head
from eitkg.http.templating import STATIC_DIR, local_links, reader_language, render_page
from eitkg.http.view import Labeller, pick_literal, readable_name

router = APIRouter(tags=["pages"])
PARKS_QUERY = "linked_data/parks"
BUNDLES = ("yasgui/yasgui.min.js", "leaflet/leaflet.js")
#: Queries with this tag serve the pages themselves: listed as examples, not opened as tabs.
INTERNAL_TAG = "linked-data"


@get_and_head(router, "/", summary="Landing page: what the graph holds")
def landing(
    request: Request, settings: SettingsDep, store: StoreDep, catalogue: CatalogueDep
) -> Response:
    """Public counts per class and per graph, the parks, and links (HTML, or JSON)."""
    media_type = negotiate(
        request.headers.get("accept"),
        (HTML, JSON),
        default=HTML,
        requested=request.query_params.get("format"),
        aliases={"html": HTML, "json": JSON},
    )
    if media_type is None:
        raise not_acceptable((HTML, JSON))
    public = reader_graphs(store, curator=False)
    counts = class_counts(store, catalogue, public)
    sizes = graph_sizes(store, catalogue, public)
    if media_type == JSON:
        body = _json({"classes": dict(counts), "graphs": sizes})
    else:
        lang = reader_language(request, settings)
        links = local_links(request, settings)
        labeller = Labeller(graph_triples(store, ONTOLOGY_GRAPH), lang, links)
        parks = store.query(catalogue[PARKS_QUERY].sparql, default_graphs=public)
        assert isinstance(parks, QuerySolutions)
        body = render_page(
            request,
            settings,
            "landing.html",
            lang,
            counts=[(labeller.link(NamedNode(c)), n) for c, n in counts],
            graphs=sorted(sizes.items()),
            parks=_parks(parks, lang, labeller),
        )
    root = local_links(request, settings).root
    alternates = {
        HTML: absolute(request, root + "/?format=html"),
        JSON: absolute(request, root + "/?format=json"),
    }
    headers = vary_and_links(alternates, media_type, vary=("Accept", "Accept-Language"))
    headers["ETag"] = etag_for([body, media_type.encode()])
    if not_modified(request.headers.get("if-none-match"), headers["ETag"]):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=content_type(media_type), headers=headers)


@get_and_head(router, "/query", summary="SPARQL editor (YASGUI)")
def query_editor(request: Request, settings: SettingsDep, catalogue: CatalogueDep) -> Response:
    """YASGUI on ``/sparql``, one tab per named query; bundled, no CDN."""
    lang = reader_language(request, settings)
    root = local_links(request, settings).root
    tabs = [describe_query(catalogue[k], root) for k in catalogue]
    config = {
        "endpoint": absolute(request, root + "/sparql"),
        "tabs": [
            {"name": t["id"], "summary": t["summary"], "query": _tab_text(t)}
            for t in tabs
            if INTERNAL_TAG not in t["tags"]
        ],
    }
    body = render_page(
        request, settings, "query.html", lang, config=config, tabs=tabs, bundled=_bundled()
    )
    return Response(body, media_type=content_type(HTML), headers={"Vary": "Accept-Language"})


@get_and_head(router, "/static/{path:path}", include_in_schema=False)
def static(path: str) -> FileResponse:
    """Files shipped with the package: stylesheet, scripts, YASGUI and Leaflet bundles."""
    root = STATIC_DIR.resolve()
    target = (root / path).resolve()
    if root not in target.parents or not target.is_file():
        raise HttpProblem(404, "Not Found", f"no static file {path!r}", code="not-found")
    return FileResponse(target, headers={"Cache-Control": "public, max-age=86400"})


def _tab_text(query: dict[str, object]) -> str:
    header = f"# {query['summary']}\n# REST: {query['url']}\n"
    return header + str(query["sparql"])


def _bundled() -> bool:
    return all((STATIC_DIR / Path(p)).is_file() for p in BUNDLES)


def _parks(rows: QuerySolutions, lang: str, labeller: Labeller) -> list[tuple[str, str, int]]:
    labels: dict[str, list[Literal]] = {}
    members: dict[str, int] = {}
    for row in rows:
        park = row["park"]
        if not isinstance(park, NamedNode):
            continue
        labels.setdefault(park.value, [])
        if isinstance(row["label"], Literal):
            labels[park.value].append(row["label"])
        count = row["members"]
        members[park.value] = int(count.value) if isinstance(count, Literal) else 0
    parks = []
    for iri, candidates in labels.items():
        best = pick_literal(candidates, lang)
        parks.append(
            (labeller.links.url_for(iri), best.value if best else readable_name(iri), members[iri])
        )
    return sorted(parks, key=lambda p: p[1].lower())


def _json(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
