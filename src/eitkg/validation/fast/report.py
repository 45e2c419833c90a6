"""Write fast-engine results as a ``sh:ValidationReport`` graph shaped like pyshacl's.

Each result carries the same properties pyshacl writes; blank nodes it refers to (a
complex path, a blank-node shape or SPARQL constraint, a blank focus node or value) are
copied with their description, as pyshacl copies them, so that
:func:`eitkg.validation.report.read_report` reads both engines' graphs the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from rdflib import RDF, SH, BNode, Graph
from rdflib import Literal as RdfLiteral
from rdflib.term import Node

from eitkg.validation.fast.index import TripleIndex
from eitkg.validation.fast.literals import as_rdflib
from eitkg.validation.fast.model import Result
from eitkg.validation.fast.paths import (
    AlternativePath,
    InversePath,
    Path,
    PredicatePath,
    RepeatPath,
    SequencePath,
)
from eitkg.validation.fast.terms import BlankNode, Literal, Term

_GENERIC: Final[dict[str, str]] = {
    "Class": "Value does not have the required class",
    "Datatype": "Value is not a literal of the required datatype",
    "NodeKind": "Value is not of the required node kind",
    "MinCount": "Fewer values than the minimum count",
    "MaxCount": "More values than the maximum count",
    "Pattern": "Value does not match the pattern",
    "In": "Value is not in the allowed list",
    "Closed": "Property not allowed by the closed shape",
}


def generic_message(component: str) -> str:
    """The message of a result whose shape has no ``sh:message``.

    >>> generic_message("http://www.w3.org/ns/shacl#MaxLengthConstraintComponent")
    'Value fails sh:maxLength'
    """
    local = component.rsplit("#", 1)[-1].removesuffix("ConstraintComponent")
    return _GENERIC.get(local) or f"Value fails sh:{local[:1].lower()}{local[1:]}"


class ReportWriter:
    """Builds one report graph from results of a data graph and a shapes graph."""

    def __init__(self, data: TripleIndex, shapes: TripleIndex) -> None:
        self.data = data
        self.shapes = shapes
        self.graph = Graph()
        self._copied: set[Term] = set()
        self._triples: list[tuple[Node, Node, Node, Graph]] = []

    def write(self, results: Iterable[Result]) -> Graph:
        """The ``sh:ValidationReport`` with ``results`` (``sh:conforms`` true when none)."""
        report = BNode()
        any_result = False
        for result in results:
            self._add(report, SH.result, self._result(result))
            any_result = True
        self._add(report, RDF.type, SH.ValidationReport)
        self._add(report, SH.conforms, RdfLiteral(not any_result))
        self.graph.addN(self._triples)
        return self.graph

    def _add(self, s: Node, p: Node, o: Node) -> None:
        self._triples.append((s, p, o, self.graph))

    def _node(self, term: Term, source: TripleIndex) -> Node:
        if type(term) is BlankNode and term not in self._copied:
            self._copied.add(term)
            pending = [term]
            while pending:
                current = pending.pop()
                for predicate, objects in source.about(current).items():
                    for obj in objects:
                        self._add(as_rdflib(current), as_rdflib(predicate), as_rdflib(obj))
                        if type(obj) is BlankNode and obj not in self._copied:
                            self._copied.add(obj)
                            pending.append(obj)
        return as_rdflib(term)

    def _result(self, result: Result) -> BNode:
        node = BNode()
        shape = result.shape
        self._add(node, RDF.type, SH.ValidationResult)
        self._add(node, SH.sourceConstraintComponent, as_rdflib(result.component))
        self._add(node, SH.sourceShape, self._node(shape.node, self.shapes))
        self._add(node, SH.resultSeverity, as_rdflib(shape.severity))
        self._add(node, SH.focusNode, self._node(result.focus, self.data))
        if result.value is not None:
            self._add(node, SH.value, self._node(result.value, self.data))
        if isinstance(result.path, Path):
            self._add(node, SH.resultPath, self._path(result.path))
        elif result.path is not None:
            self._add(node, SH.resultPath, self._node(result.path, self.data))
        if result.source_constraint is not None:
            self._add(node, SH.sourceConstraint, self._node(result.source_constraint, self.shapes))
        for message in self._messages(result):
            self._add(node, SH.resultMessage, as_rdflib(message))
        for detail in result.details or ():
            self._add(node, SH.detail, self._result(detail))
        return node

    def _path(self, path: Path) -> Node:
        """The path as SHACL writes it (the parts of the shapes graph it was read from)."""
        if isinstance(path, PredicatePath):
            return as_rdflib(path.predicate)
        node = BNode()
        if isinstance(path, SequencePath):
            self._list(node, [self._path(step) for step in path.steps])
        elif isinstance(path, AlternativePath):
            members = BNode()
            self._list(members, [self._path(member) for member in path.members])
            self._add(node, SH.alternativePath, members)
        elif isinstance(path, InversePath):
            self._add(node, SH.inversePath, self._path(path.inner))
        elif isinstance(path, RepeatPath):
            kind = (
                SH.zeroOrOnePath
                if path.most == 1
                else (SH.zeroOrMorePath if path.least == 0 else SH.oneOrMorePath)
            )
            self._add(node, kind, self._path(path.inner))
        return node

    def _list(self, head: BNode, members: list[Node]) -> None:
        current = head
        for index, member in enumerate(members):
            self._add(current, RDF.first, member)
            following: Node = BNode() if index < len(members) - 1 else RDF.nil
            self._add(current, RDF.rest, following)
            current = following  # type: ignore[assignment]

    @staticmethod
    def _messages(result: Result) -> tuple[Literal, ...]:
        if result.messages is not None:
            return result.messages
        if result.shape.messages:
            return result.shape.messages
        return (Literal(generic_message(result.component.value)),)
