"""Read the W3C SHACL Core test suite and compare validation reports as it prescribes.

The suite sits in ``<repo>/../shared/suites/shacl-core`` (PROVENANCE.md there). Every
test file is a manifest with one ``sht:Validate`` entry: a data graph, a shapes graph
(both parsed with the file's URL as base) and the expected ``sh:ValidationReport``.
Reports are compared by graph isomorphism after keeping, on the report and its results,
only the properties the suite checks (``sh:resultMessage`` only when the expected report
has some), and the structure of complex result paths.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyoxigraph as ox
from pyshacl import validate as pyshacl_validate
from rdflib import RDF, SH, BNode, Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.term import Node

from eitkg.validation.fast import CompiledShapes, TripleIndex, validate_index
from eitkg.validation.fast.terms import TripleTuple

SUITE = Path(__file__).resolve().parents[2].parent / "shared" / "suites" / "shacl-core"
CORE = SUITE / "data-shapes-test-suite" / "tests" / "core"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
SHT = Namespace("http://www.w3.org/ns/shacl-test#")
_KEPT = (
    RDF.type,
    SH.focusNode,
    SH.resultPath,
    SH.resultSeverity,
    SH.sourceConstraint,
    SH.sourceConstraintComponent,
    SH.sourceShape,
    SH.value,
)


@dataclass(frozen=True)
class Case:
    """One ``sht:Validate`` entry of the suite."""

    id: str
    manifest: Path
    entry: URIRef
    data: Path
    shapes: Path

    def expected(self) -> Graph:
        """The expected report, reduced to what the suite compares."""
        graph = _rdflib(self.manifest)
        report = graph.value(self.entry, MF.result)
        assert report is not None
        return canonical(graph, report, messages=self.has_messages())

    def has_messages(self) -> bool:
        graph = _rdflib(self.manifest)
        report = graph.value(self.entry, MF.result)
        return any(
            (result, SH.resultMessage, None) in graph for result in graph.objects(report, SH.result)
        )


def _uri(path: Path) -> str:
    return path.as_uri()


@cache
def _rdflib(path: Path) -> Graph:
    return Graph().parse(path, format="turtle", publicID=_uri(path))


@cache
def _triples(path: Path) -> tuple[TripleTuple, ...]:
    quads = ox.parse(path=path, format=ox.RdfFormat.TURTLE, base_iri=_uri(path))
    return tuple((q.subject, q.predicate, q.object) for q in quads)  # type: ignore[misc]


def _included(manifest: Path) -> list[Path]:
    graph = _rdflib(manifest)
    found = []
    for include in graph.objects(None, MF.include):
        found.append(Path(str(include).removeprefix("file://")))
    return sorted(found)


@cache
def cases() -> tuple[Case, ...]:
    """Every ``sht:Validate`` entry, in a stable order, with ids like ``node/class-001``."""
    found: list[Case] = []
    pending = [CORE / "manifest.ttl"]
    while pending:
        manifest = pending.pop(0)
        graph = _rdflib(manifest)
        pending.extend(_included(manifest))
        for head in graph.objects(None, MF.entries):
            for entry in graph.items(head):
                if (entry, RDF.type, SHT.Validate) not in graph:
                    continue
                action = graph.value(entry, MF.action)
                data = graph.value(action, SHT.dataGraph)
                shapes = graph.value(action, SHT.shapesGraph)
                assert isinstance(entry, URIRef) and data is not None and shapes is not None
                relative = manifest.relative_to(CORE).with_suffix("")
                found.append(
                    Case(
                        id=f"{relative.parent}/{str(entry).rsplit('/', 1)[-1]}",
                        manifest=manifest,
                        entry=entry,
                        data=Path(str(data).removeprefix("file://")),
                        shapes=Path(str(shapes).removeprefix("file://")),
                    )
                )
    return tuple(sorted(found, key=lambda c: c.id))


def canonical(graph: Graph, report: Node, *, messages: bool) -> Graph:
    """The report node and its results with the compared properties only."""
    out = Graph()
    top = BNode()
    out.add((top, RDF.type, SH.ValidationReport))
    for conforms in graph.objects(report, SH.conforms):
        out.add((top, SH.conforms, conforms))
    kept = (*_KEPT, SH.resultMessage) if messages else _KEPT
    for result in graph.objects(report, SH.result):
        node = BNode()
        out.add((top, SH.result, node))
        for predicate, obj in graph.predicate_objects(result):
            if predicate not in kept:
                continue
            if predicate == SH.resultPath and isinstance(obj, BNode):
                obj = _copy_structure(graph, out, obj)
            out.add((node, predicate, obj))
    return out


_PATH_KINDS = (SH.inversePath, SH.zeroOrMorePath, SH.oneOrMorePath, SH.zeroOrOnePath)


def _copy_structure(source: Graph, target: Graph, node: Node, depth: int = 0) -> Node:
    """A fresh copy of a path as a tree: a list or one path operator per node (a node that
    also has other path triples keeps its list, as the suite's path-strange tests expect)."""
    assert depth < 32, "path too deep"
    if not isinstance(node, BNode):
        return node
    copy = BNode()
    members = list(source.items(node)) if (node, RDF.first, None) in source else []
    if members:
        copies = [_copy_structure(source, target, m, depth + 1) for m in members]
        Collection(target, copy, copies)
        return copy
    alternatives = source.value(node, SH.alternativePath)
    if alternatives is not None:
        head = BNode()
        options = [
            _copy_structure(source, target, m, depth + 1) for m in source.items(alternatives)
        ]
        Collection(target, head, options)
        target.add((copy, SH.alternativePath, head))
        return copy
    for kind in _PATH_KINDS:
        inner = source.value(node, kind)
        if inner is not None:
            target.add((copy, kind, _copy_structure(source, target, inner, depth + 1)))
            return copy
    return copy


def run_fast(case: Case) -> Graph:
    """The fast engine's report for a case, reduced like the expected one."""
    data = TripleIndex(_triples(case.data))
    shapes_index = data if case.shapes == case.data else TripleIndex(_triples(case.shapes))
    graph = validate_index(data, CompiledShapes(shapes_index)).graph
    report = graph.value(None, RDF.type, SH.ValidationReport, any=False)
    return canonical(graph, report, messages=case.has_messages())


@cache
def run_pyshacl(case: Case) -> Graph:
    """pyshacl's report for a case (default options), reduced like the expected one."""
    data = _rdflib(case.data)
    shapes = _rdflib(case.shapes)
    _, graph, _ = pyshacl_validate(data, shacl_graph=shapes, inference="none")
    report = graph.value(None, RDF.type, SH.ValidationReport, any=False)
    return canonical(graph, report, messages=case.has_messages())


def same_report(actual: Graph, expected: Graph) -> bool:
    """Graph isomorphism of two reduced reports."""
    return isomorphic(actual, expected)
