"""The embedded store: pyoxigraph on disk, or in memory for tests."""

from __future__ import annotations

import functools
import itertools
import re
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

import pyoxigraph
from pyoxigraph import DefaultGraph, NamedNode, Quad, Variable

from eitkg.errors import (
    InvalidQueryError,
    Location,
    RdfSyntaxError,
    StoreError,
    StoreUnavailableError,
)
from eitkg.rdf.formats import RdfSyntax
from eitkg.rdf.io import RdfSource, iter_quads, syntax_error
from eitkg.store.base import LoadSummary, QueryResult, Term

#: Graphs under this prefix hold content being written; they are never published.
STAGING_PREFIX = "urn:eitkg:staging:"


_Method = TypeVar("_Method", bound=Callable[..., Any])


def _writes(method: _Method) -> _Method:
    """Count writes: the generation changes before and after, so nothing read during a write
    can be cached under the generation that follows it."""

    @functools.wraps(method)
    def counted(self: OxigraphStore, *args: Any, **kwargs: Any) -> Any:
        self._generation += 1
        try:
            return method(self, *args, **kwargs)
        finally:
            self._generation += 1

    return counted  # type: ignore[return-value]


class OxigraphStore:
    """A :class:`~eitkg.store.base.Store` backed by pyoxigraph.

    >>> store = OxigraphStore()
    >>> summary = store.load([RdfSource.from_bytes(b"<http://a> <http://b> 1 .", name="a.nt")])
    >>> summary.quads_after
    1
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._generation = 0
        try:
            if path is None:
                self._store = pyoxigraph.Store()
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._store = pyoxigraph.Store(str(path))
        except OSError as error:
            if "lock" in str(error).lower():
                raise StoreUnavailableError(
                    f"the store at {path} is in use by another process "
                    "(is 'eitkg serve' running on it?)"
                ) from error
            raise StoreUnavailableError(f"cannot open the store at {path}: {error}") from error

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
        bound = {Variable(k): v for k, v in (substitutions or {}).items()}
        try:
            return self._store.query(
                sparql,
                base_iri=base_iri,
                substitutions=bound or None,
                use_default_graph_as_union=default_graph_as_union,
                default_graph=list(default_graphs) if default_graphs is not None else None,
                named_graphs=list(named_graphs) if named_graphs is not None else None,
            )
        except SyntaxError as error:
            raise _invalid_query(error) from error
        except RuntimeError as error:  # e.g. a substituted variable that is not projected
            raise InvalidQueryError(str(error)) from error
        except OSError as error:
            raise StoreError(f"query failed: {error}") from error

    @_writes
    def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        try:
            self._store.update(sparql, base_iri=base_iri)
        except SyntaxError as error:
            raise _invalid_query(error) from error
        except RuntimeError as error:  # e.g. CREATE GRAPH of a graph that exists
            raise InvalidQueryError(str(error)) from error
        except OSError as error:
            raise StoreError(f"update failed: {error}") from error

    @_writes
    def load(
        self,
        sources: Sequence[RdfSource],
        *,
        graph: NamedNode | None = None,
        base_iri: str | None = None,
    ) -> LoadSummary:
        before = len(self._store)
        if len(sources) == 1:
            counts = [(sources[0].name, self._load_one(sources[0], graph, base_iri))]
        else:
            counts = self._load_many(sources, graph, base_iri)
        return LoadSummary(tuple(counts), before, len(self._store))

    def _load_one(self, source: RdfSource, graph: NamedNode | None, base_iri: str | None) -> int:
        # Fast path: pyoxigraph parses and writes in Rust, in one transaction.
        before = len(self._store)
        try:
            if source.path is not None:
                self._store.load(
                    path=source.path, format=source.syntax.format, base_iri=base_iri, to_graph=graph
                )
            else:
                self._store.load(
                    source.data, format=source.syntax.format, base_iri=base_iri, to_graph=graph
                )
        except SyntaxError as error:
            raise syntax_error(error, source.name) from error
        except (UnicodeDecodeError, ValueError) as error:
            raise RdfSyntaxError(f"cannot read RDF: {error}", Location(source.name)) from error
        except OSError as error:
            raise StoreError(f"{source.name}: cannot load: {error}") from error
        return len(self._store) - before

    def _load_many(
        self, sources: Sequence[RdfSource], graph: NamedNode | None, base_iri: str | None
    ) -> list[tuple[str, int]]:
        # One transaction over all sources: a parse error in the last one writes nothing.
        counts: dict[str, int] = {}

        def counted(source: RdfSource) -> Iterator[Quad]:
            counts[source.name] = 0
            for quad in iter_quads(source, base_iri=base_iri, graph=graph):
                counts[source.name] += 1
                yield quad

        self.extend(itertools.chain.from_iterable(counted(s) for s in sources))
        return [(s.name, counts.get(s.name, 0)) for s in sources]

    @_writes
    def extend(self, quads: Iterable[Quad]) -> None:
        try:
            self._store.extend(quads)
        except OSError as error:
            raise StoreError(f"write failed: {error}") from error

    @_writes
    def replace_graph(self, graph: NamedNode | DefaultGraph, quads: Iterable[Quad]) -> None:
        # Stage the new content in a graph of its own (one transaction), then swap it in with one
        # SPARQL update (another transaction): readers see the old graph or the new one, not a mix.
        # A crash between the two leaves only a staging graph, which clear_staging() removes.
        staging = NamedNode(STAGING_PREFIX + uuid.uuid4().hex)
        self.extend(Quad(q.subject, q.predicate, q.object, staging) for q in quads)
        try:
            self.update(_move_graph(staging, graph))
        finally:
            self._store.remove_graph(staging)

    @_writes
    def clear_staging(self) -> int:
        """Remove staging graphs left by an interrupted replace; returns how many."""
        stale = [g for g in self.named_graphs() if g.value.startswith(STAGING_PREFIX)]
        for graph in stale:
            self._store.remove_graph(graph)
        return len(stale)

    @_writes
    def drop_graph(self, graph: NamedNode | DefaultGraph) -> None:
        try:
            self._store.remove_graph(graph)
        except OSError as error:
            raise StoreError(f"cannot drop {graph}: {error}") from error

    def has_graph(self, graph: NamedNode) -> bool:
        return bool(self._store.contains_named_graph(graph))

    @_writes
    def add_graph(self, graph: NamedNode) -> None:
        try:
            self._store.add_graph(graph)
        except OSError as error:
            raise StoreError(f"cannot create {graph.value}: {error}") from error

    def named_graphs(self) -> list[NamedNode]:
        graphs = [g for g in self._store.named_graphs() if isinstance(g, NamedNode)]
        return sorted(graphs, key=lambda g: g.value)

    def quads(self, graph: NamedNode | DefaultGraph | None = None) -> Iterator[Quad]:
        return iter(self._store.quads_for_pattern(None, None, None, graph))

    def dump(self, output: BinaryIO, syntax: RdfSyntax, *, graph: NamedNode | None = None) -> None:
        from_graph = graph
        if from_graph is None and not syntax.supports_datasets:
            from_graph = DefaultGraph()  # type: ignore[assignment]
        self._store.dump(output, format=syntax.format, from_graph=from_graph)

    @property
    def generation(self) -> int:
        """A number that changes with every write through this object (for response caches)."""
        return self._generation

    def __len__(self) -> int:
        return len(self._store)

    def close(self) -> None:
        if self.path is not None:
            self._store.flush()


def _move_graph(source: NamedNode, target: NamedNode | DefaultGraph) -> str:
    # Graph management, not a query: both IRIs are pyoxigraph terms, whose str() is escaped
    # N-Triples syntax, so nothing from outside is spliced into the update text.
    return "MOVE SILENT " + str(source) + " TO " + str(target)


_QUERY_POSITION = re.compile(r"at (\d+):(\d+)")


def _invalid_query(error: SyntaxError) -> InvalidQueryError:
    line, column = getattr(error, "lineno", None), getattr(error, "offset", None)
    match = _QUERY_POSITION.search(str(error))
    if line is None and match:
        line, column = int(match.group(1)), int(match.group(2))
    return InvalidQueryError(str(error), line=line, column=column)
