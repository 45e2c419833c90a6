"""Small helpers shared by the import tests."""

from __future__ import annotations

from typing import Any

from pyoxigraph import Literal, NamedNode, Quad

from eitkg.curation import PreparedImport, prepare_import
from eitkg.curation.findings import Finding
from eitkg.curation.resolve import Resolver
from eitkg.curation.vocab import load_vocabularies
from eitkg.namespaces import XSD
from eitkg.queries import QueryCatalogue
from eitkg.store import Store

from .conftest import BASE


def prepare(
    store: Store,
    catalogue: QueryCatalogue,
    data: bytes,
    name: str = "pipa.csv",
    **options: Any,
) -> PreparedImport:
    """Prepare an import; the vocabularies are read once per test session."""
    options.setdefault("resolver", shared_resolver(store, catalogue))
    return prepare_import(data, name, store=store, base_iri=BASE, catalogue=catalogue, **options)


_RESOLVERS: dict[int, Resolver] = {}


def shared_resolver(store: Store, catalogue: QueryCatalogue) -> Resolver:
    """The resolver of the shipped vocabularies (every test store is seeded with the same)."""
    if not _RESOLVERS:
        _RESOLVERS[0] = Resolver(load_vocabularies(store, catalogue))
    return _RESOLVERS[0]


def values(prepared: PreparedImport, subject: str, predicate: str) -> set[str]:
    """The objects of (subject, predicate) among the quads a commit would write."""
    found = set()
    for quad in (*prepared.public, *prepared.confidential):
        if quad.subject == NamedNode(subject) and quad.predicate == NamedNode(predicate):
            found.add(str(getattr(quad.object, "value", quad.object)))
    return found


def literal(prepared: PreparedImport, subject: str, predicate: str) -> Literal:
    quads = [
        q
        for q in (*prepared.public, *prepared.confidential)
        if q.subject == NamedNode(subject) and q.predicate == NamedNode(predicate)
    ]
    assert len(quads) == 1, quads
    assert isinstance(quads[0].object, Literal)
    return quads[0].object


def decimal(value: str) -> Literal:
    return Literal(value, datatype=NamedNode(XSD + "decimal"))


def only(findings: tuple[Finding, ...] | list[Finding], rule: str) -> Finding:
    matching = [f for f in findings if f.rule == rule]
    assert len(matching) == 1, [(f.rule, f.row, f.column) for f in findings]
    return matching[0]


def graphs_of(quads: tuple[Quad, ...]) -> set[str]:
    return {q.graph_name.value for q in quads}  # type: ignore[union-attr]
