"""Read eitkg RDF inputs (sources, pyoxigraph quads and triples, rdflib graphs) into a
:class:`TripleIndex`, and pick the context neighbourhood the data needs.

This mirrors :mod:`eitkg.validation.convert` and :mod:`eitkg.validation.context` (the
pyshacl path) over pyoxigraph terms, so that both engines validate the same graph:
the data, plus the context triples within two hops of it, the triples pointing at its
subjects, and the whole ``rdfs:subClassOf`` hierarchy.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.graph import Dataset

from eitkg.errors import InputError, Location
from eitkg.rdf.io import RdfSource, iter_quads
from eitkg.validation.context import HOPS
from eitkg.validation.convert import RdfInput, RdfItem
from eitkg.validation.fast.index import TripleIndex
from eitkg.validation.fast.terms import RDFS_SUBCLASS_OF, Literal, Term, TripleTuple
from eitkg.validation.shapes import context_files, load_context


def _unsupported(term: object) -> InputError:
    return InputError(f"unsupported RDF term for validation: {term!r}", Location("<data>"))


def from_rdflib(term: object) -> Term:
    """The pyoxigraph term for an rdflib term (the inverse of ``to_rdflib_term``)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, RdfLiteral):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise _unsupported(term)


def _rdflib_triples(graph: Graph) -> Iterator[TripleTuple]:
    items = (
        ((s, p, o) for s, p, o, _ in graph.quads((None, None, None, None)))
        if isinstance(graph, Dataset)
        else graph.triples((None, None, None))
    )
    for s, p, o in items:
        yield from_rdflib(s), from_rdflib(p), from_rdflib(o)


@dataclass
class Loaded:
    """Triples read for a validation, and the IRIs and blank nodes they have as objects."""

    index: TripleIndex = field(default_factory=TripleIndex)
    mentioned: set[Term] = field(default_factory=set)


def load(data: RdfInput, *, base_iri: str | None, into: Loaded | None = None) -> Loaded:
    """Add every triple of ``data`` (graph names dropped) to an index."""
    loaded = into or Loaded()
    items: Iterable[RdfItem] = [data] if isinstance(data, (RdfSource, Graph)) else data
    if isinstance(items, list) and all(type(item) is ox.Quad for item in items):
        _add(loaded, items)  # the common case: parsed or stored quads
        return loaded
    pending: list[ox.Quad] = []
    for item in items:
        if type(item) is ox.Quad:
            pending.append(item)
        elif type(item) is ox.Triple:
            s, p, o = item
            pending.append(ox.Quad(s, p, o))
        elif isinstance(item, RdfSource):
            _add(loaded, iter_quads(item, base_iri=base_iri))
        elif isinstance(item, Graph):
            _add(loaded, (_quad(triple) for triple in _rdflib_triples(item)))
        else:
            raise InputError(f"cannot validate {type(item).__name__}", Location("<data>"))
    _add(loaded, pending)
    return loaded


def _quad(triple: TripleTuple) -> ox.Quad:
    s, p, o = triple
    return ox.Quad(s, p, o)  # type: ignore[arg-type]


def _add(loaded: Loaded, quads: Iterable[ox.Quad]) -> None:
    try:
        loaded.index.add_quads(quads, loaded.mentioned)
    except ValueError as error:
        message = f"unsupported RDF term for validation: {error}"
        raise InputError(message, Location("<data>")) from error


@cache
def shipped_context() -> TripleIndex:
    """The shipped ontology and vocabularies, read once with pyoxigraph (do not modify)."""
    loaded = Loaded()
    load([RdfSource.from_path(path) for path in context_files()], base_iri=None, into=loaded)
    return loaded.index


def _is_shipped(item: object) -> bool:
    """Whether ``item`` is the graph :func:`load_context` returned (without loading it)."""
    return load_context.cache_info().currsize > 0 and item is load_context()


_CONVERTED: dict[int, tuple[Graph, int, TripleIndex]] = {}


def _converted(graph: Graph) -> TripleIndex:
    key = id(graph)
    known = _CONVERTED.get(key)
    if known is not None and known[0] is graph and known[1] == len(graph):
        return known[2]
    index = TripleIndex(_rdflib_triples(graph))
    if len(_CONVERTED) >= 8:
        _CONVERTED.pop(next(iter(_CONVERTED)))
    _CONVERTED[key] = (graph, len(graph), index)
    return index


def context_indexes(context: RdfInput | None, base_iri: str | None) -> list[TripleIndex]:
    """The context graphs, grouped as the pyshacl path groups them."""
    if context is None:
        return [shipped_context()]
    if isinstance(context, Graph):
        return [shipped_context() if _is_shipped(context) else _converted(context)]
    graphs: list[TripleIndex] = []
    rest: list[RdfItem] = []
    for item in [context] if isinstance(context, RdfSource) else context:
        if isinstance(item, Graph):
            graphs.append(shipped_context() if _is_shipped(item) else _converted(item))
        else:
            rest.append(item)
    if rest:
        graphs.append(load(rest, base_iri=base_iri).index)
    return graphs


@dataclass
class DataNodes:
    """The subjects of the data, and the other IRIs and blank nodes it mentions."""

    subjects: set[Term]
    objects: set[Term]

    @classmethod
    def of(cls, loaded: Loaded) -> DataNodes:
        """The nodes of what was loaded (before any context is added)."""
        return cls(set(loaded.index.spo), set(loaded.mentioned))

    def reportable(self, contexts: list[TripleIndex]) -> set[Term]:
        """What the data describes, and what it mentions that no context describes."""
        found = set(self.subjects)
        for node in self.objects - self.subjects:
            if not any(node in context.spo for context in contexts):
                found.add(node)
        return found


def neighbourhood(nodes: DataNodes, contexts: list[TripleIndex]) -> list[TripleTuple]:
    """The context triples that validating the data can need (see the module docstring)."""
    found: list[TripleTuple] = []
    start = nodes.subjects | nodes.objects
    for context in contexts:
        if not len(context):
            continue
        for cls, subclasses in context.by_object(RDFS_SUBCLASS_OF).items():
            found.extend((s, RDFS_SUBCLASS_OF, cls) for s in subclasses)
        seen: set[Term] = set()
        frontier = start
        for _ in range(HOPS):
            following: set[Term] = set()
            for node in frontier - seen:
                seen.add(node)
                for predicate, objects in context.about(node).items():
                    for obj in objects:
                        found.append((node, predicate, obj))
                        if type(obj) is not Literal:
                            following.add(obj)
            frontier = following
        for node in nodes.subjects:
            found.extend((s, p, node) for s, p in context.incoming(node))
    return found
