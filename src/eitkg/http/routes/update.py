"""``/sparql/update``: SPARQL 1.1 Update by POST, for curators only."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from eitkg.http.deps import CuratorDep, SettingsDep, StoreDep
from eitkg.http.problems import HttpProblem
from eitkg.http.sparql_request import read_protocol_request

router = APIRouter(tags=["SPARQL"])


@router.post("/sparql/update", status_code=204, summary="SPARQL 1.1 update (curators)")
async def sparql_update(
    request: Request, store: StoreDep, settings: SettingsDep, _: CuratorDep
) -> Response:
    """Run an update (form ``update=`` or ``application/sparql-update``), atomically.

    Relative IRIs resolve against the deployment base IRI."""
    protocol = await read_protocol_request(request, "update", max_bytes=settings.max_upload_bytes)
    assert protocol.text is not None
    if protocol.default_graphs or protocol.named_graphs:
        raise HttpProblem(
            400,
            "using-graph-uri is not supported",
            "this server cannot set the dataset of an update from the protocol "
            "(using-graph-uri, using-named-graph-uri); write USING / USING NAMED (or WITH) "
            "in the update text instead",
            code="unsupported-parameter",
        )
    await run_in_threadpool(store.update, protocol.text, base_iri=settings.base_iri)
    return Response(status_code=204)


@router.api_route(
    "/sparql/update", methods=["GET", "PUT", "DELETE", "PATCH"], include_in_schema=False
)
async def sparql_update_other_methods(request: Request) -> Response:
    raise HttpProblem(
        405,
        "Method not allowed",
        f"updates are sent with POST, never {request.method}",
        code="method-not-allowed",
        headers={"Allow": "POST"},
    )
