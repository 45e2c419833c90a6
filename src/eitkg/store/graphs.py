"""Which graphs are public: confidential and staging graphs never reach public answers."""

from __future__ import annotations

from pyoxigraph import NamedNode

from eitkg.store.base import Store
from eitkg.store.local import STAGING_PREFIX

#: A dataset graph ``…/graph/dataset/x`` keeps its confidential flows in ``…/x/confidential``.
CONFIDENTIAL_SUFFIX = "/confidential"
DATASET_SEGMENT = "/graph/dataset/"
VERSION_SEGMENT = "/version/"


def confidential_graph(graph: NamedNode) -> NamedNode:
    """The companion graph holding the confidential part of ``graph``.

    >>> confidential_graph(NamedNode("http://h/graph/dataset/a")).value
    'http://h/graph/dataset/a/confidential'
    """
    return NamedNode(graph.value + CONFIDENTIAL_SUFFIX)


def is_confidential(graph: NamedNode) -> bool:
    return graph.value.endswith(CONFIDENTIAL_SUFFIX)


def is_staging(graph: NamedNode) -> bool:
    return graph.value.startswith(STAGING_PREFIX)


def is_version(graph: NamedNode) -> bool:
    """Whether a graph keeps an earlier version of a dataset (``…/graph/dataset/x/version/2``)."""
    return VERSION_SEGMENT in graph.value and DATASET_SEGMENT in graph.value


def may_see(graph: object, *, curator: bool) -> bool:
    """Whether a reader may see a named graph.

    Staging graphs are never seen; earlier versions and confidential graphs only by curators.

    >>> g = NamedNode("http://h/graph/dataset/a/confidential")
    >>> may_see(g, curator=False), may_see(g, curator=True)
    (False, True)
    """
    if not isinstance(graph, NamedNode) or is_staging(graph):
        return False
    return curator or not (is_confidential(graph) or is_version(graph))


def visible_graphs(store: Store, *, curator: bool) -> list[NamedNode]:
    """The current graphs a reader may see, the union of which is their default graph.

    Earlier versions are left out for everyone: they would count every flow twice.
    """
    return [g for g in store.named_graphs() if may_see(g, curator=curator) and not is_version(g)]
