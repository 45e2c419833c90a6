"""The SPARQL 1.1 Graph Store HTTP Protocol: which graph a request names, and its payload.

Graphs are named indirectly (``/store?graph=<IRI>``, ``/store?default``) or directly (the
request IRI itself: ``/store/{path}`` names ``{base_iri}store/{path}``). Payloads are RDF in any
syntax of :data:`eitkg.rdf.formats.RDF_SYNTAXES` (triples only), or ``multipart/form-data``
whose parts are RDF. Blank nodes of a payload are always fresh: two uploads never share one.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncGenerator
from dataclasses import dataclass

from fastapi import Request
from pyoxigraph import DefaultGraph, NamedNode, Quad, parse
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartParser

from eitkg.config import Settings
from eitkg.errors import Location, RdfSyntaxError
from eitkg.http.problems import HttpProblem
from eitkg.http.sparql_request import media_type_of, read_body, require_utf8
from eitkg.rdf.formats import RdfSyntax, rdf_syntax
from eitkg.rdf.io import syntax_error

GraphName = NamedNode | DefaultGraph
MULTIPART = "multipart/form-data"
#: Path under which graphs are served (indirectly with ?graph=, directly below it).
STORE_PATH = "store"


@dataclass(frozen=True)
class Payload:
    """One RDF document of a request (the body, or one part of a multipart body)."""

    name: str
    content_type: str | None
    data: bytes


def indirect_target(request: Request) -> GraphName | None:
    """The graph named by ``?graph=`` or ``?default``; ``None`` when the request names none."""
    graphs = request.query_params.getlist("graph")
    default = "default" in request.query_params
    if len(graphs) > 1 or (graphs and default):
        raise HttpProblem(
            400,
            "Ambiguous graph",
            "name exactly one graph: one ?graph=<IRI> or ?default",
            code="bad-request",
        )
    if default:
        return DefaultGraph()
    if not graphs:
        return None
    try:
        return NamedNode(graphs[0])
    except ValueError as error:
        raise HttpProblem(
            400, "Invalid graph IRI", f"{graphs[0]!r}: {error}", code="bad-iri"
        ) from error


def direct_target(request: Request, settings: Settings) -> NamedNode:
    """The graph a direct request names: the base IRI plus the path as sent (not decoded)."""
    raw = request.scope.get("raw_path") or request.url.path.encode()
    return NamedNode(settings.base_iri + raw.decode("ascii").lstrip("/"))


def new_graph(settings: Settings) -> NamedNode:
    """A fresh graph IRI for a POST to the store itself (graph creation)."""
    return NamedNode(f"{settings.base_iri}{STORE_PATH}/{uuid.uuid4().hex}")


async def read_payloads(request: Request, settings: Settings) -> list[Payload]:
    """The RDF documents of a PUT or POST body."""
    media_type, _ = media_type_of(request.headers.get("content-type"))
    body = await read_body(request, settings.max_upload_bytes)
    if media_type != MULTIPART:
        return [Payload("body", request.headers.get("content-type"), body)]

    async def stream() -> AsyncGenerator[bytes, None]:
        yield body

    parser = MultiPartParser(request.headers, stream(), max_part_size=settings.max_upload_bytes)
    try:
        form = await parser.parse()
    except Exception as error:  # starlette's MultiPartException, or a malformed body
        raise HttpProblem(
            400, "Malformed multipart body", str(error), code="bad-request"
        ) from error
    payloads = []
    try:
        for name, value in form.multi_items():
            if isinstance(value, UploadFile):
                data = await value.read()
                payloads.append(Payload(value.filename or name, value.content_type, data))
            else:
                payloads.append(Payload(name, None, value.encode()))
    finally:
        await form.close()
    return payloads


def parse_payload(payload: Payload, graph: GraphName, *, base_iri: str) -> list[Quad]:
    """The triples of one payload, as quads in ``graph``; 415 for an unknown syntax."""
    syntax = _syntax_of(payload)
    try:
        triples = parse(
            payload.data,
            format=syntax.format,
            base_iri=base_iri,
            rename_blank_nodes=True,
            without_named_graphs=True,
        )
        return [Quad(t.subject, t.predicate, t.object, graph) for t in triples]
    except SyntaxError as error:
        raise syntax_error(error, payload.name) from error
    except (UnicodeDecodeError, ValueError) as error:
        raise RdfSyntaxError(f"cannot read RDF: {error}", Location(payload.name)) from error


def _syntax_of(payload: Payload) -> RdfSyntax:
    media_type, charset = media_type_of(payload.content_type)
    require_utf8(charset)
    key = media_type or payload.name.rpartition(".")[2]
    try:
        return rdf_syntax(key)
    except ValueError:
        raise HttpProblem(
            415,
            "Unsupported media type",
            f"{payload.name}: cannot read {media_type or 'a body without Content-Type'} as RDF; "
            "send Turtle, N-Triples, JSON-LD or RDF/XML with their media type",
            code="unsupported-media-type",
        ) from None
