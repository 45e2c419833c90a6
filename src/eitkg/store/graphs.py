"""Which graphs are public: confidential and staging graphs never reach public answers."""

from __future__ import annotations

from pyoxigraph import NamedNode

from eitkg.store.base import Store
from eitkg.store.local import STAGING_PREFIX

#: A dataset graph ``…/graph/dataset/x`` keeps its confidential flows in ``…/x/confidential``.
CONFIDENTIAL_SUFFIX = "/confidential"


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


def visible_graphs(store: Store, *, curator: bool) -> list[NamedNode]:
    """The named graphs a reader may see: all but staging for curators, public ones otherwise."""
    return [
        g
        for g in store.named_graphs()
        if not is_staging(g) and (curator or not is_confidential(g))
    ]
