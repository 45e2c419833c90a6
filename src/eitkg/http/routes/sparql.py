"""``/sparql``: the read-only SPARQL 1.1 Protocol query endpoint and its service description."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from eitkg.http.deps import IsCuratorDep, SettingsDep, StoreDep
from eitkg.http.problems import HttpProblem
from eitkg.http.sparql_cors import CorsRoute, preflight
from eitkg.http.sparql_dataset import is_hidden, query_dataset
from eitkg.http.sparql_description import FORMATS, SD, service_description
from eitkg.http.sparql_execution import answer_query, check_federation
from eitkg.http.sparql_request import read_protocol_request
from eitkg.http.sparql_results import content_type, negotiate_graph, render_triples

router = APIRouter(route_class=CorsRoute, tags=["SPARQL"])

_READ_METHODS = ("GET", "POST", "OPTIONS")


@router.api_route("/sparql", methods=["GET", "POST"], summary="SPARQL 1.1 query")
async def sparql_query(
    request: Request, store: StoreDep, settings: SettingsDep, curator: IsCuratorDep
) -> Response:
    """Run a query (``query`` by GET, form POST or ``application/sparql-query`` POST); without
    a query, GET answers the service description."""
    protocol = await read_protocol_request(request, "query", max_bytes=settings.max_upload_bytes)
    requested = protocol.param("format") or protocol.param("_mediatype")
    if protocol.text is None:
        return _description(request, store, curator, settings.federated_query, requested)
    check_federation(protocol.text, curator=curator, settings=settings)
    dataset = query_dataset(
        store,
        curator=curator,
        default_graph_uris=protocol.default_graphs,
        named_graph_uris=protocol.named_graphs,
    )
    answer = await answer_query(
        request.app,
        store,
        settings,
        protocol.text,
        dataset=dataset,
        accept=request.headers.get("accept"),
        requested=requested,
    )
    return answer.response()


@router.options("/sparql", include_in_schema=False)
async def sparql_preflight(request: Request) -> Response:
    return preflight(request, _READ_METHODS)


@router.api_route("/sparql", methods=["PUT", "DELETE", "PATCH"], include_in_schema=False)
async def sparql_other_methods(request: Request) -> Response:
    raise HttpProblem(
        405,
        "Method not allowed",
        f"/sparql answers GET and POST, not {request.method}; "
        "updates go to POST /sparql/update, graphs to /store",
        code="method-not-allowed",
        headers={"Allow": ", ".join(_READ_METHODS)},
    )


def _description(
    request: Request, store: StoreDep, curator: bool, federated: bool, requested: str | None
) -> Response:
    syntax = negotiate_graph(request.headers.get("accept"), requested)
    endpoint = str(request.url.replace(query=""))
    graphs = [g for g in store.named_graphs() if not is_hidden(g, curator=curator)]
    triples = service_description(
        endpoint,
        endpoint.rstrip("/") + "/update",
        graphs,
        federated=federated or curator,
    )
    return Response(
        render_triples(triples, syntax, prefixes={"sd": SD, "formats": FORMATS}),
        media_type=content_type(syntax),
        headers={"Vary": "Accept"},
    )
