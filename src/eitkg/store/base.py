"""The Store interface that every backend implements (embedded pyoxigraph, remote SPARQL)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import BinaryIO, Protocol, TypeAlias

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    QueryBoolean,
    QuerySolutions,
    QueryTriples,
    Triple,
)

from eitkg.rdf.formats import RdfSyntax
from eitkg.rdf.io import RdfSource

QueryResult: TypeAlias = QuerySolutions | QueryBoolean | QueryTriples
Term: TypeAlias = NamedNode | BlankNode | Literal | Triple


@dataclass(frozen=True)
class LoadSummary:
    """What one load added: quads parsed per source, and the store size before and after."""

    sources: tuple[tuple[str, int], ...]
    quads_before: int
    quads_after: int

    @property
    def quads_parsed(self) -> int:
        return sum(count for _, count in self.sources)


class Store(Protocol):
    """A quad store eitkg reads and writes.

    Every write is atomic: it happens whole or not at all.
    """

    def query(
        self,
        sparql: str,
        *,
        substitutions: Mapping[str, Term] | None = None,
        default_graph_as_union: bool = False,
        default_graphs: Sequence[NamedNode | DefaultGraph] | None = None,
        named_graphs: Sequence[NamedNode] | None = None,
        base_iri: str | None = None,
    ) -> QueryResult:
        """Run a SPARQL query; ``substitutions`` binds variables (by name, without '?').

        ``default_graphs`` and ``named_graphs`` replace the dataset of the query text (its
        ``FROM`` and ``FROM NAMED``); ``base_iri`` resolves its relative IRIs.
        """
        ...

    def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        """Run a SPARQL update, atomically; ``base_iri`` resolves its relative IRIs."""
        ...

    def has_graph(self, graph: NamedNode) -> bool:
        """Whether the named graph exists (possibly empty)."""
        ...

    def add_graph(self, graph: NamedNode) -> None:
        """Create the named graph, empty, if it does not exist."""
        ...

    def load(
        self,
        sources: Sequence[RdfSource],
        *,
        graph: NamedNode | None = None,
        base_iri: str | None = None,
    ) -> LoadSummary:
        """Load sources into the store: all of them, or none if any fails to parse."""
        ...

    def extend(self, quads: Iterable[Quad]) -> None:
        """Add quads, atomically."""
        ...

    def replace_graph(self, graph: NamedNode | DefaultGraph, quads: Iterable[Quad]) -> None:
        """Replace the content of ``graph`` by ``quads`` in one transaction."""
        ...

    def drop_graph(self, graph: NamedNode | DefaultGraph) -> None:
        """Remove a named graph and its content (the default graph: empty it)."""
        ...

    def named_graphs(self) -> list[NamedNode]:
        """The named graphs, sorted by IRI."""
        ...

    def quads(self, graph: NamedNode | DefaultGraph | None = None) -> Iterator[Quad]:
        """Every quad, or the quads of one graph."""
        ...

    def dump(self, output: BinaryIO, syntax: RdfSyntax, *, graph: NamedNode | None = None) -> None:
        """Write the store (or one graph) to ``output``."""
        ...

    @property
    def generation(self) -> int | None:
        """Changes with every write; ``None`` when writes can happen elsewhere (remote stores)."""
        ...

    def __len__(self) -> int:
        """Number of quads."""
        ...

    def close(self) -> None:
        """Flush and release the store."""
        ...
