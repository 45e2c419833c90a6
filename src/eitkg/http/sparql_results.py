"""Query results as bytes: negotiated format, then serialised.

SELECT and ASK results are written as SPARQL JSON here (the rows were already read, within the
limits, by :func:`eitkg.store.limits.evaluate_bounded`); pyoxigraph's own serialisers turn that
into XML, CSV or TSV. CONSTRUCT and DESCRIBE triples go to pyoxigraph's RDF serialisers.
"""

from __future__ import annotations

import json
from typing import Any

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryResultsFormat,
    Triple,
    parse_query_results,
    serialize,
)

from eitkg.http.conneg import negotiate
from eitkg.http.problems import HttpProblem
from eitkg.namespaces import PREFIXES, XSD
from eitkg.rdf.formats import RDF_SYNTAXES, RESULTS_SYNTAXES, RdfSyntax, ResultsSyntax
from eitkg.store.limits import BoundedResult, QueryForm, Solutions

#: RDF syntaxes for CONSTRUCT, DESCRIBE, graphs and the service description (triples only).
GRAPH_SYNTAXES: tuple[RdfSyntax, ...] = tuple(
    s for s in RDF_SYNTAXES if s.key in ("turtle", "ntriples", "jsonld", "rdfxml")
)
#: Media types clients also send for SPARQL JSON and XML results.
_RESULTS_ALIASES = {"application/json": "json", "application/xml": "xml", "text/xml": "xml"}
_XML_ALIASES = ("application/xml", "text/xml")
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_DIR_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString"

Syntax = RdfSyntax | ResultsSyntax


def content_type(syntax: Syntax) -> str:
    """The ``Content-Type`` of a response in ``syntax``, always UTF-8."""
    return f"{syntax.media_type}; charset=utf-8"


def negotiate_graph(accept: str | None, requested: str | None) -> RdfSyntax:
    """The RDF syntax for a graph answer (Turtle by default); 406 if none is acceptable."""
    by_type: dict[str, RdfSyntax] = {}
    for syntax in GRAPH_SYNTAXES:
        for media_type in (syntax.media_type, *syntax.aliases):
            by_type.setdefault(media_type, syntax)
    for media_type in _XML_ALIASES:  # what some clients send for RDF/XML
        by_type[media_type] = next(s for s in GRAPH_SYNTAXES if s.key == "rdfxml")
    aliases = {name: s.media_type for s in GRAPH_SYNTAXES for name in (s.key, *s.extensions)}
    chosen = negotiate(
        accept, list(by_type), default="text/turtle", requested=requested, aliases=aliases
    )
    if chosen is None:
        raise _not_acceptable(accept, requested, [s.media_type for s in GRAPH_SYNTAXES])
    return by_type[chosen]


def negotiate_results(accept: str | None, requested: str | None) -> ResultsSyntax:
    """The results syntax for SELECT and ASK (SPARQL JSON by default); 406 if none fits."""
    by_type: dict[str, ResultsSyntax] = {s.media_type: s for s in RESULTS_SYNTAXES}
    for alias, key in _RESULTS_ALIASES.items():
        by_type[alias] = next(s for s in RESULTS_SYNTAXES if s.key == key)
    aliases = {name: s.media_type for s in RESULTS_SYNTAXES for name in (s.key, *s.extensions)}
    chosen = negotiate(
        accept,
        list(by_type),
        default="application/sparql-results+json",
        requested=requested,
        aliases=aliases,
    )
    if chosen is None:
        raise _not_acceptable(accept, requested, [s.media_type for s in RESULTS_SYNTAXES])
    return by_type[chosen]


def negotiate_form(form: QueryForm, accept: str | None, requested: str | None) -> Syntax:
    """The syntax for a query form: results for SELECT/ASK, RDF for CONSTRUCT/DESCRIBE."""
    if form == "graph":
        return negotiate_graph(accept, requested)
    return negotiate_results(accept, requested)


def render(result: BoundedResult, syntax: Syntax) -> bytes:
    """Serialise a query result in the negotiated syntax."""
    if isinstance(result, Solutions):
        assert isinstance(syntax, ResultsSyntax)
        return _convert(solutions_json(result), syntax)
    if isinstance(result, bool):
        assert isinstance(syntax, ResultsSyntax)
        return _convert(json.dumps({"head": {}, "boolean": result}).encode(), syntax)
    assert isinstance(syntax, RdfSyntax)
    return render_triples(result, syntax)


def render_triples(
    triples: tuple[Triple, ...] | list[Triple],
    syntax: RdfSyntax,
    *,
    prefixes: dict[str, str] | None = None,
) -> bytes:
    """Serialise triples, with the shared prefixes (and ``prefixes``) where the syntax has them."""
    with_prefixes = syntax.key in ("turtle", "rdfxml")
    data = serialize(
        triples,
        format=syntax.format,
        prefixes={**PREFIXES, **(prefixes or {})} if with_prefixes else None,
    )
    assert data is not None
    return data


def solutions_json(solutions: Solutions) -> bytes:
    """SPARQL 1.1 Query Results JSON (with the SPARQL 1.2 triple terms and base directions).

    >>> from pyoxigraph import Store
    >>> rows = tuple(Store().query('SELECT ?x { VALUES ?x { "a"@fr } }'))
    >>> solutions_json(Solutions(("x",), rows)).decode()
    '{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"literal","value":"a","xml:lang":"fr"}}]}}'
    """
    bindings = [
        {name: term_json(row[name]) for name in solutions.variables if row[name] is not None}
        for row in solutions.rows
    ]
    body = {"head": {"vars": list(solutions.variables)}, "results": {"bindings": bindings}}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


def term_json(term: Any) -> dict[str, Any]:
    """One RDF term in SPARQL JSON results."""
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
            if term.direction is not None:
                out["its:dir"] = str(term.direction)
        elif term.datatype.value not in (XSD + "string", _LANG_STRING, _DIR_LANG_STRING):
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, Triple):
        parts = {"subject": term.subject, "predicate": term.predicate, "object": term.object}
        return {"type": "triple", "value": {k: term_json(v) for k, v in parts.items()}}
    raise TypeError(f"not an RDF term: {term!r}")


def _convert(json_bytes: bytes, syntax: ResultsSyntax) -> bytes:
    if syntax.format == QueryResultsFormat.JSON:
        return json_bytes
    data = parse_query_results(json_bytes, QueryResultsFormat.JSON).serialize(format=syntax.format)
    assert data is not None
    return data


def _not_acceptable(accept: str | None, requested: str | None, offered: list[str]) -> HttpProblem:
    asked = f"format={requested}" if requested else f"Accept: {accept}"
    return HttpProblem(
        406,
        "Not acceptable",
        f"cannot answer in {asked}; this answer is available as " + ", ".join(offered),
        code="not-acceptable",
        extra={"available": offered},
    )
