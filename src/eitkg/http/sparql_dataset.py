"""Which graphs a query may read: the reader's visible graphs, never the hidden ones.

Without ``default-graph-uri``/``named-graph-uri``, the default graph is the union of the store's
default graph and every graph the reader may see, and those graphs are the named graphs.
Anonymous readers never see confidential (``…/confidential``) or staging graphs; curators see
all but staging graphs. The dataset is always given to the store, so ``FROM``/``FROM NAMED`` in
the query text cannot reach a hidden graph. A hidden graph named in ``default-graph-uri`` or
``named-graph-uri`` is left out of the dataset: it reads as empty.
"""

from __future__ import annotations

from collections.abc import Sequence

from pyoxigraph import DefaultGraph, NamedNode

from eitkg.http.problems import HttpProblem
from eitkg.store import Store
from eitkg.store.graphs import may_see, visible_graphs
from eitkg.store.limits import QueryDataset


def is_hidden(graph: NamedNode, *, curator: bool) -> bool:
    """Whether a reader may not see ``graph``.

    >>> is_hidden(NamedNode("http://h/graph/dataset/a/confidential"), curator=False)
    True
    >>> is_hidden(NamedNode("http://h/graph/dataset/a/confidential"), curator=True)
    False
    """
    return not may_see(graph, curator=curator)


def query_dataset(
    store: Store,
    *,
    curator: bool,
    default_graph_uris: Sequence[str] = (),
    named_graph_uris: Sequence[str] = (),
) -> QueryDataset:
    """The dataset of one query for a reader, from the protocol's dataset parameters."""
    if default_graph_uris or named_graph_uris:
        defaults = [g for g in _graphs(default_graph_uris) if not is_hidden(g, curator=curator)]
        named = [g for g in _graphs(named_graph_uris) if not is_hidden(g, curator=curator)]
        return QueryDataset(default_graphs=tuple(defaults), named_graphs=tuple(named))
    graphs = store.named_graphs()
    current = visible_graphs(store, curator=curator)  # earlier versions stay out of the union
    readable = tuple(g for g in graphs if not is_hidden(g, curator=curator))
    if curator and len(current) == len(graphs):
        # Nothing hidden: the store's union is the same, and faster. Only for curators: for
        # anonymous readers a confidential graph written right after this check must not leak.
        return QueryDataset()
    return QueryDataset(default_graphs=(DefaultGraph(), *current), named_graphs=readable)


def _graphs(uris: Sequence[str]) -> list[NamedNode]:
    graphs = []
    for uri in uris:
        try:
            graphs.append(NamedNode(uri))
        except ValueError as error:
            raise HttpProblem(
                400, "Invalid graph IRI", f"{uri!r} is not an absolute IRI: {error}", code="bad-iri"
            ) from error
    return graphs
