"""The shapes graph itself: valid SHACL, bilingual, documented, fully covered by the cases."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from pyshacl import validate as pyshacl_validate
from rdflib import RDF, RDFS, SH, Graph, Literal, URIRef
from rdflib.term import Node

from eitkg.resources import shapes_dir
from eitkg.validation import load_context, load_shapes

from .cases import CONFORMING, FAILING
from .conftest import BASE, BASE_IRI, PREFIXES
from .readme import render

SHACL_SHACL = Path(
    "/work/shared/suites/shacl-core/data-shapes-test-suite/tests/core/complex/"
    "shacl-shacl-data-shapes.ttl"
)
EITS = "https://w3id.org/eitkg/shapes#"
TARGETS = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)


def shapes_graph() -> Graph:
    return load_shapes().graph


def reported_shapes() -> set[URIRef]:
    """The shapes whose results reach a report: every named shape that has a target."""
    graph = shapes_graph()
    return {s for p in TARGETS for s in graph.subjects(p, None) if isinstance(s, URIRef)}


def local(node: Node) -> str:
    return str(node).removeprefix(EITS)


def languages(graph: Graph, node: Node, predicate: URIRef) -> set[str]:
    return {
        o.language for o in graph.objects(node, predicate) if isinstance(o, Literal) and o.language
    }


def test_shapes_graph_conforms_to_shacl_shacl() -> None:
    shacl_shacl = Graph().parse(SHACL_SHACL)
    conforms, _, text = pyshacl_validate(shapes_graph(), shacl_graph=shacl_shacl)
    assert conforms, text


def test_shacl_shacl_catches_a_broken_shape() -> None:
    broken = Graph()
    broken += shapes_graph()
    broken.add((URIRef(EITS + "Flow-label"), SH.minCount, Literal("one")))
    conforms, report, _ = pyshacl_validate(broken, shacl_graph=Graph().parse(SHACL_SHACL))
    assert not conforms
    assert (None, SH.focusNode, URIRef(EITS + "Flow-label")) in report


def test_shapes_files_are_the_two_documented_ones() -> None:
    assert [p.name for p in load_shapes().files] == ["catalogue.shacl.ttl", "eit.shacl.ttl"]
    assert load_shapes() is load_shapes()


def test_every_reported_shape_has_severity_messages_name_and_fix_hint_in_french_and_english() -> (
    None
):
    graph = shapes_graph()
    for shape in reported_shapes():
        assert graph.value(shape, SH.severity) in (SH.Violation, SH.Warning, SH.Info), shape
        sparql = list(graph.objects(shape, SH.sparql))
        for holder in sparql or [shape]:
            assert languages(graph, holder, SH.message) == {"fr", "en"}, shape
        named = SH.name if (shape, SH.path, None) in graph else RDFS.label
        assert languages(graph, shape, named) == {"fr", "en"}, shape
        assert languages(graph, shape, RDFS.comment) == {"fr", "en"}, shape


def test_every_group_and_sparql_constraint_is_explained_in_both_languages() -> None:
    graph = shapes_graph()
    groups = set(graph.subjects(RDF.type, SH.PropertyGroup))
    assert len(groups) >= 15
    for node in groups | set(graph.objects(None, SH.sparql)):
        assert languages(graph, node, RDFS.comment) == {"fr", "en"}, node


def test_every_reported_shape_has_a_failing_case() -> None:
    covered = set().union(*(case.shapes for case in FAILING))
    assert {local(s) for s in reported_shapes()} == covered


@cache
def conforming_graph(name: str) -> Graph:
    graph = Graph().parse(
        data=PREFIXES + BASE + CONFORMING[name], format="turtle", publicID=BASE_IRI
    )
    graph += load_context().triples((None, RDFS.subClassOf, None))
    return graph


def focus_nodes(graph: Graph, shape: URIRef, data: Graph) -> set[Node]:
    nodes: set[Node] = set()
    for cls in graph.objects(shape, SH.targetClass):
        for sub in data.transitive_subjects(RDFS.subClassOf, cls):
            nodes.update(data.subjects(RDF.type, sub))
    for prop in graph.objects(shape, SH.targetSubjectsOf):
        nodes.update(data.subjects(prop, None))
    for prop in graph.objects(shape, SH.targetObjectsOf):
        nodes.update(data.objects(None, prop))
    return nodes


def test_every_reported_shape_is_exercised_by_a_conforming_case() -> None:
    """Each shape has targets, with a value on its path when the path is a property."""
    graph = shapes_graph()
    unexercised = set()
    for shape in reported_shapes():
        path = graph.value(shape, SH.path)
        exercised = False
        for name in CONFORMING:
            data = conforming_graph(name)
            for node in focus_nodes(graph, shape, data):
                if not isinstance(path, URIRef) or (node, path, None) in data:
                    exercised = True
        if not exercised:
            unexercised.add(local(shape))
    assert unexercised == set()


def test_no_shape_targets_the_shipped_ontology_or_vocabularies() -> None:
    graph, context = shapes_graph(), load_context()
    targeted = {shape: focus_nodes(graph, shape, context) for shape in reported_shapes()}
    assert {local(s): n for s, n in targeted.items() if n} == {}


def test_shapes_readme_documents_every_reported_shape() -> None:
    readme = (shapes_dir() / "README.md").read_text(encoding="utf-8")
    missing = {local(s) for s in reported_shapes() if f"`{local(s)}`" not in readme}
    assert missing == set()


def test_shapes_readme_is_up_to_date() -> None:
    """Regenerate with ``.venv/bin/python -m tests.validation.readme``."""
    assert (shapes_dir() / "README.md").read_text(encoding="utf-8") == render()


@pytest.mark.parametrize("shape", ["Siret-luhn", "Siren-luhn", "Site-position"])
def test_sparql_constraints_are_selective(shape: str) -> None:
    """SPARQL constraints run once per focus node: they only target nodes that need them."""
    graph = shapes_graph()
    node = URIRef(EITS + shape)
    assert list(graph.objects(node, SH.targetClass)) == []
    assert len(list(graph.objects(node, SH.targetSubjectsOf))) == 1
