"""Pick, from the context graphs, the triples that validating some data can need.

Context (ontology, vocabularies, actors and sites from earlier datasets) is read to
resolve references, never validated. Copying a whole vocabulary for every validation
would cost more than the validation of a small dataset, so only the neighbourhood of
the data is copied:

* triples about a node the data mentions (subject or object), and about the nodes
  those triples point to (two hops): a flow's waste code and its ``eit:hazardous``,
  ``eit:mirrorEntry``, ``skos:inScheme``; a unit and its ``eit:canonicalUnit``; a
  referenced actor, its types and its ``eit:siren``;
* triples whose object is a subject of the data (``org:hasSite`` on an earlier actor);
* the whole class hierarchy (``rdfs:subClassOf``), for ``sh:class`` and class targets.

A shape that walks further than two hops from the data into the context would not
see the rest: the shipped shapes never do (``tests/validation`` checks it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import RDFS, Graph
from rdflib import Literal as RdfLiteral
from rdflib.term import Node

from eitkg.validation.convert import RdfTriple

HOPS = 2


@dataclass
class DataNodes:
    """The subjects of some data, and the other IRIs and blank nodes it mentions."""

    subjects: set[Node] = field(default_factory=set)
    objects: set[Node] = field(default_factory=set)

    def add(self, triple: RdfTriple) -> RdfTriple:
        """Record the nodes of ``triple`` and return it unchanged."""
        self.subjects.add(triple[0])
        if not isinstance(triple[2], RdfLiteral):
            self.objects.add(triple[2])
        return triple


def add_neighbourhood(target: Graph, nodes: DataNodes, contexts: Iterable[Graph]) -> None:
    """Add to ``target`` the context triples that validating the data of ``nodes`` can need."""
    start = nodes.subjects | nodes.objects
    for context in contexts:
        if len(context) == 0:
            continue
        target.addN((s, p, o, target) for s, p, o in context.triples((None, RDFS.subClassOf, None)))
        seen: set[Node] = set()
        frontier = start
        for _ in range(HOPS):
            following: set[Node] = set()
            for node in frontier - seen:
                seen.add(node)
                for s, p, o in context.triples((node, None, None)):
                    target.add((s, p, o))
                    if not isinstance(o, RdfLiteral):
                        following.add(o)
            frontier = following
        for node in nodes.subjects:
            target.addN((s, p, o, target) for s, p, o in context.triples((None, None, node)))


def reportable_nodes(nodes: DataNodes, contexts: Iterable[Graph]) -> set[Node]:
    """The nodes whose results are reported: what the data describes, and what it
    mentions that no context graph describes (a geometry the data points to but forgot)."""
    graphs = list(contexts)
    reportable = set(nodes.subjects)
    for node in nodes.objects - nodes.subjects:
        if not any((node, None, None) in graph for graph in graphs):
            reportable.add(node)
    return reportable
