"""Named queries as REST operations: media types per query form, results, OpenAPI operations."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    Triple,
)

from eitkg.http.representations import (
    HTML,
    JSON,
    JSONLD,
    NTRIPLES,
    RDFXML,
    TURTLE,
    rdf_body,
)
from eitkg.queries import NamedQuery, QueryParam, bind_parameters
from eitkg.store import QueryResult, Store

SPARQL_JSON = "application/sparql-results+json"
SPARQL_XML = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"

#: Query-string names that choose the representation; never passed to the query.
RESERVED_PARAMS: tuple[str, ...] = ("format", "_mediatype", "lang")

SELECT_TYPES: tuple[str, ...] = (SPARQL_JSON, JSON, CSV, TSV, SPARQL_XML, HTML)
GRAPH_TYPES: tuple[str, ...] = (TURTLE, JSONLD, NTRIPLES, RDFXML, JSON, HTML)

FORMAT_ALIASES: dict[str, str] = {
    "json": JSON,
    "srj": SPARQL_JSON,
    "sparql-json": SPARQL_JSON,
    "xml": SPARQL_XML,
    "srx": SPARQL_XML,
    "csv": CSV,
    "tsv": TSV,
    "html": HTML,
    "ttl": TURTLE,
    "turtle": TURTLE,
    "jsonld": JSONLD,
    "nt": NTRIPLES,
    "rdf": RDFXML,
}

_RESULTS_FORMATS = {
    SPARQL_JSON: QueryResultsFormat.JSON,
    SPARQL_XML: QueryResultsFormat.XML,
    CSV: QueryResultsFormat.CSV,
    TSV: QueryResultsFormat.TSV,
}


def media_types_for(query: NamedQuery) -> tuple[str, ...]:
    """What a named query can answer in: results formats, or RDF for CONSTRUCT/DESCRIBE."""
    return GRAPH_TYPES if query.form in ("construct", "describe") else SELECT_TYPES


def default_media_type(query: NamedQuery) -> str:
    return TURTLE if query.form in ("construct", "describe") else SPARQL_JSON


def query_values(params: Mapping[str, str]) -> dict[str, str]:
    """The query-string values meant for the query (representation choices removed)."""
    return {k: v for k, v in params.items() if k not in RESERVED_PARAMS}


def run(
    store: Store, query: NamedQuery, values: Mapping[str, str], graphs: Sequence[NamedNode]
) -> QueryResult:
    """Validate ``values`` (ParameterError before anything runs), then run on ``graphs``."""
    bound = bind_parameters(query, values)
    # The reader's graphs are both the default graph (their union) and the only named graphs,
    # so that GRAPH ?g patterns cannot reach a confidential graph either.
    return store.query(
        query.sparql, substitutions=bound, default_graphs=list(graphs), named_graphs=list(graphs)
    )


@dataclass(frozen=True)
class Table:
    """SELECT/ASK results materialised for pages and plain JSON."""

    variables: tuple[str, ...]
    rows: tuple[dict[str, Any], ...]
    boolean: bool | None = None


def results_body(result: QueryResult, media_type: str, *, context_url: str) -> bytes | Table:
    """Serialise a result; HTML gets a :class:`Table` or triples for the template instead."""
    if isinstance(result, QueryTriples):
        triples = list(result)
        if media_type == HTML:
            return Table(("subject", "predicate", "object"), tuple(_triple_row(t) for t in triples))
        main = next((t.subject for t in triples if isinstance(t.subject, NamedNode)), None)
        return rdf_body(
            triples,
            media_type,
            main=main or NamedNode("urn:eitkg:results"),
            context_url=context_url,
        )
    if media_type in _RESULTS_FORMATS:
        body = result.serialize(format=_RESULTS_FORMATS[media_type])
        assert body is not None
        return body
    table = _table(result)
    if media_type == HTML:
        return table
    if table.boolean is not None:
        return json.dumps({"boolean": table.boolean}).encode() + b"\n"
    plain = [{k: v["value"] for k, v in row.items()} for row in table.rows]
    return json.dumps(plain, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def _table(result: QueryResult) -> Table:
    if isinstance(result, QueryBoolean):
        return Table((), (), boolean=bool(result))
    assert isinstance(result, QuerySolutions)
    variables = tuple(v.value for v in result.variables)
    rows = []
    for solution in result:
        row = {}
        for name in variables:
            term = solution[name]
            if term is not None:
                row[name] = _cell(term)
        rows.append(row)
    return Table(variables, tuple(rows))


def _cell(term: object) -> dict[str, Any]:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    assert isinstance(term, Literal)
    cell: dict[str, Any] = {"type": "literal", "value": term.value}
    if term.language:
        cell["lang"] = term.language
    return cell


def _triple_row(triple: Triple) -> dict[str, Any]:
    return {
        "subject": _cell(triple.subject),
        "predicate": _cell(triple.predicate),
        "object": _cell(triple.object),
    }


def param_schema(param: QueryParam) -> dict[str, Any]:
    """The OpenAPI (JSON Schema) type of one named-query parameter."""
    schema: dict[str, Any]
    if param.type == "integer":
        schema = {"type": "integer"}
    elif param.type == "decimal":
        schema = {"type": "string", "pattern": r"^[+-]?(\d+(\.\d*)?|\.\d+)$"}
    elif param.type == "boolean":
        schema = {"type": "boolean"}
    elif param.type == "date":
        schema = {"type": "string", "format": "date"}
    elif param.type == "iri":
        schema = {"type": "string", "format": "iri"}
    else:
        schema = {"type": "string"}
    if param.enum:
        schema["enum"] = list(param.enum)
    if param.default is not None:
        schema["default"] = param.default
    return schema


def openapi_operation(query: NamedQuery) -> dict[str, Any]:
    """The OpenAPI operation of ``GET /queries/{id}`` for one named query."""
    parameters: list[dict[str, Any]] = [
        {
            "name": p.name,
            "in": "query",
            "required": p.required,
            "description": p.description or f"{p.type} value bound to ?{p.name}",
            "schema": param_schema(p),
        }
        for p in query.params
    ]
    types = media_types_for(query)
    parameters.append(
        {
            "name": "format",
            "in": "query",
            "required": False,
            "description": "Representation, instead of the Accept header.",
            "schema": {
                "type": "string",
                "enum": sorted(k for k, v in FORMAT_ALIASES.items() if v in types),
            },
        }
    )
    description = query.description or query.summary
    return {
        "get": {
            "operationId": "named_query_" + query.id.replace("/", "__"),
            "summary": query.summary,
            "description": (
                f"{description}\n\nSPARQL ({query.form}):\n\n```sparql\n{query.sparql}```"
            ),
            "tags": ["named queries"],
            "parameters": parameters,
            "responses": {
                "200": {
                    "description": "The results",
                    "content": {media_type: {} for media_type in types},
                },
                "400": {
                    "description": "A parameter is missing, unknown or of the wrong type",
                    "content": {"application/problem+json": {}},
                },
                "406": {"description": "No acceptable representation"},
            },
        }
    }
