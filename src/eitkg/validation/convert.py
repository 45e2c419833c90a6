"""Turn eitkg RDF inputs (sources, pyoxigraph quads and triples, rdflib graphs) into rdflib graphs.

rdflib stays inside ``eitkg.validation``: callers hand over what they already have
(an :class:`~eitkg.rdf.io.RdfSource` or pyoxigraph quads) and never build rdflib objects.
Graph names are dropped: validation looks at the union of everything it is given.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeAlias

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.term import Node

from eitkg.errors import InputError, Location
from eitkg.namespaces import XSD
from eitkg.rdf.io import RdfSource, iter_quads

#: One piece of RDF to validate or to use as context.
RdfItem: TypeAlias = RdfSource | Graph | ox.Quad | ox.Triple
#: What :func:`eitkg.validation.validate` accepts for ``data`` and ``context``.
RdfInput: TypeAlias = RdfSource | Graph | Iterable[RdfItem]

RdfTriple: TypeAlias = tuple[Node, Node, Node]

_XSD_STRING = XSD + "string"


def to_rdflib_term(term: object) -> Node:
    """The rdflib term for a pyoxigraph term (``xsd:string`` literals become plain literals).

    >>> to_rdflib_term(ox.Literal("4.5", datatype=ox.NamedNode(XSD + "decimal"))).n3()
    '"4.5"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    """
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language is not None:
            return RdfLiteral(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return RdfLiteral(term.value)
        return RdfLiteral(term.value, datatype=URIRef(datatype))
    raise InputError(f"unsupported RDF term for validation: {term!r}", Location("<data>"))


def _oxigraph_triples(quads: Iterable[ox.Quad | ox.Triple]) -> Iterator[RdfTriple]:
    for quad in quads:
        yield (
            to_rdflib_term(quad.subject),
            to_rdflib_term(quad.predicate),
            to_rdflib_term(quad.object),
        )


def _graph_triples(graph: Graph) -> Iterator[RdfTriple]:
    if isinstance(graph, Dataset):
        for s, p, o, _ in graph.quads((None, None, None, None)):
            yield s, p, o
    else:
        yield from graph.triples((None, None, None))


def iter_triples(data: RdfInput, *, base_iri: str | None = None) -> Iterator[RdfTriple]:
    """Every triple of ``data`` as rdflib terms; sources are parsed with ``base_iri``."""
    items: Iterable[RdfItem] = [data] if isinstance(data, (RdfSource, Graph)) else data
    pending: list[ox.Quad | ox.Triple] = []
    for item in items:
        if isinstance(item, (ox.Quad, ox.Triple)):
            pending.append(item)
            continue
        if pending:
            yield from _oxigraph_triples(pending)
            pending = []
        if isinstance(item, RdfSource):
            yield from _oxigraph_triples(iter_quads(item, base_iri=base_iri))
        elif isinstance(item, Graph):
            yield from _graph_triples(item)
        else:
            raise InputError(f"cannot validate {type(item).__name__}", Location("<data>"))
    yield from _oxigraph_triples(pending)


def to_graph(data: RdfInput, *, base_iri: str | None = None, graph: Graph | None = None) -> Graph:
    """Add every triple of ``data`` to ``graph`` (a new graph by default) and return it."""
    target = Graph() if graph is None else graph
    target.addN((s, p, o, target) for s, p, o in iter_triples(data, base_iri=base_iri))
    return target
