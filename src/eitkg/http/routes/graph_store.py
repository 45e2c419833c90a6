"""``/store``: the SPARQL 1.1 Graph Store HTTP Protocol.

Reading (GET, HEAD) is open for the graphs a reader may see; writing (PUT, POST, DELETE) needs
the curator credential. Each write is one transaction.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from pyoxigraph import DefaultGraph, NamedNode, Quad
from starlette.concurrency import run_in_threadpool

from eitkg.config import Settings
from eitkg.http.auth import require_curator
from eitkg.http.deps import IsCuratorDep, SettingsDep, StoreDep
from eitkg.http.problems import HttpProblem
from eitkg.http.sparql_cors import CorsRoute, preflight
from eitkg.http.sparql_dataset import is_hidden
from eitkg.http.sparql_graph_store import (
    STORE_PATH,
    GraphName,
    direct_target,
    indirect_target,
    new_graph,
    parse_payload,
    read_payloads,
)
from eitkg.http.sparql_results import content_type, negotiate_graph, render_triples
from eitkg.store import Store
from eitkg.store.graphs import is_staging

router = APIRouter(route_class=CorsRoute, tags=["Graph Store"])

_METHODS = ["GET", "HEAD", "PUT", "POST", "DELETE"]


@router.api_route(f"/{STORE_PATH}", methods=_METHODS, summary="Graph Store (?graph= or ?default)")
async def graph_store_indirect(
    request: Request, store: StoreDep, settings: SettingsDep, curator: IsCuratorDep
) -> Response:
    """Read or write the graph named by ``?graph=<IRI>`` or ``?default``."""
    graph = indirect_target(request)
    if graph is None and request.method != "POST":
        raise HttpProblem(
            400,
            "No graph named",
            "name the graph with ?graph=<IRI> or ?default (POST without either creates a graph)",
            code="bad-request",
        )
    return await _handle(request, store, settings, curator, graph)


@router.api_route(
    f"/{STORE_PATH}/{{path:path}}", methods=_METHODS, summary="Graph Store (direct naming)"
)
async def graph_store_direct(
    request: Request, path: str, store: StoreDep, settings: SettingsDep, curator: IsCuratorDep
) -> Response:
    """Read or write the graph whose IRI is the request IRI (``{base}store/{path}``)."""
    return await _handle(request, store, settings, curator, direct_target(request, settings))


@router.options(f"/{STORE_PATH}", include_in_schema=False)
@router.options(f"/{STORE_PATH}/{{path:path}}", include_in_schema=False)
async def graph_store_preflight(request: Request) -> Response:
    return preflight(request, ("GET", "HEAD", "OPTIONS"))


async def _handle(
    request: Request, store: Store, settings: Settings, curator: bool, graph: GraphName | None
) -> Response:
    if request.method in ("GET", "HEAD"):
        assert graph is not None
        return await _read(request, store, curator, graph)
    require_curator(request, settings)
    if isinstance(graph, NamedNode) and is_staging(graph):
        raise HttpProblem(
            403, "Reserved graph", f"{graph.value} is reserved for the store", code="forbidden"
        )
    if request.method == "DELETE":
        assert graph is not None
        return await _delete(store, graph)
    created_iri = None
    if graph is None:
        graph = created_iri = new_graph(settings)
    payloads = await read_payloads(request, settings)
    base = graph.value if isinstance(graph, NamedNode) else settings.base_iri
    quads = [q for p in payloads for q in parse_payload(p, graph, base_iri=base)]
    existed = await run_in_threadpool(_write, store, graph, quads, request.method == "PUT")
    if created_iri is not None:
        return Response(status_code=201, headers={"Location": created_iri.value})
    return Response(status_code=204 if existed else 201)


async def _read(request: Request, store: Store, curator: bool, graph: GraphName) -> Response:
    hidden = isinstance(graph, NamedNode) and is_hidden(graph, curator=curator)
    if hidden or (isinstance(graph, NamedNode) and not store.has_graph(graph)):
        raise HttpProblem(404, "No such graph", f"no graph {graph}", code="not-found")
    syntax = negotiate_graph(request.headers.get("accept"), request.query_params.get("format"))
    quads = await run_in_threadpool(lambda: list(store.quads(graph)))
    body = await run_in_threadpool(render_triples, [q.triple for q in quads], syntax)
    headers = {"Vary": "Accept", "Content-Length": str(len(body))}
    if request.method == "HEAD":
        return Response(media_type=content_type(syntax), headers=headers)
    return Response(body, media_type=content_type(syntax), headers=headers)


def _write(store: Store, graph: GraphName, quads: list[Quad], replace: bool) -> bool:
    """Write ``quads`` into ``graph`` (replacing it or adding to it); whether it existed."""
    existed = isinstance(graph, DefaultGraph) or store.has_graph(graph)
    if replace:
        store.replace_graph(graph, quads)
    else:
        store.extend(quads)
    if isinstance(graph, NamedNode) and not store.has_graph(graph):
        store.add_graph(graph)  # an empty payload still creates the graph
    return existed


async def _delete(store: Store, graph: GraphName) -> Response:
    if isinstance(graph, NamedNode) and not store.has_graph(graph):
        raise HttpProblem(404, "No such graph", f"no graph {graph}", code="not-found")
    await run_in_threadpool(store.drop_graph, graph)
    return Response(status_code=204)
