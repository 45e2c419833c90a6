"""Keep confidential flows apart: their triples go to a graph of their own."""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import Literal, NamedNode, Quad

from eitkg.namespaces import EIT, XSD

_CONFIDENTIAL = NamedNode(EIT + "confidential")
_TRUE = Literal("true", datatype=NamedNode(XSD + "boolean"))


def split_confidential(
    quads: Iterable[Quad], confidential_graph: NamedNode
) -> tuple[list[Quad], list[Quad]]:
    """Split quads into (public, confidential).

    Every triple whose subject is marked ``eit:confidential true`` moves to
    ``confidential_graph``, and so do the triples that point at such a subject.

    >>> from pyoxigraph import DefaultGraph
    >>> f, s = NamedNode("http://x/flow"), NamedNode("http://x/site")
    >>> quads = [Quad(f, _CONFIDENTIAL, _TRUE, DefaultGraph()), Quad(s, NamedNode("http://x/p"), f)]
    >>> public, secret = split_confidential(quads, NamedNode("http://x/g/confidential"))
    >>> len(public), len(secret)
    (0, 2)
    """
    items = list(quads)
    secret = {q.subject for q in items if q.predicate == _CONFIDENTIAL and q.object == _TRUE}
    public: list[Quad] = []
    confidential: list[Quad] = []
    for quad in items:
        if quad.subject in secret or quad.object in secret:
            confidential.append(Quad(quad.subject, quad.predicate, quad.object, confidential_graph))
        else:
            public.append(quad)
    return public, confidential
