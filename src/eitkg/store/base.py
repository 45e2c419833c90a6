"""The Store interface that every backend implements (embedded pyoxigraph, remote SPARQL)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import BinaryIO, Protocol, TypeAlias

from pyoxigraph import (
    BlankNode,
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
        default_graphs: Sequence[NamedNode] | None = None,
        named_graphs: Sequence[NamedNode] | None = None,
    ) -> QueryResult:
        """Run a SPARQL query; ``substitutions`` binds variables (by name, without '?')."""
        ...

    def update(self, sparql: str) -> None:
        """Run a SPARQL update, atomically."""
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

    def replace_graph(self, graph: NamedNode, quads: Iterable[Quad]) -> None:
        """Replace the content of ``graph`` by ``quads`` in one transaction."""
        ...

    def drop_graph(self, graph: NamedNode) -> None:
        """Remove a named graph and its content."""
        ...

    def named_graphs(self) -> list[NamedNode]:
        """The named graphs, sorted by IRI."""
        ...

    def quads(self, graph: NamedNode | None = None) -> Iterator[Quad]:
        """Every quad, or the quads of one graph."""
        ...

    def dump(self, output: BinaryIO, syntax: RdfSyntax, *, graph: NamedNode | None = None) -> None:
        """Write the store (or one graph) to ``output``."""
        ...

    def __len__(self) -> int:
        """Number of quads."""
        ...

    def close(self) -> None:
        """Flush and release the store."""
        ...
