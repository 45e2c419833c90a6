"""The validation API: inputs, context, report values and their text, JSON and Turtle forms."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Triple, parse
from rdflib import RDF, SH, Graph
from rdflib import Literal as RdfLiteral

from eitkg.errors import ConfigurationError, RdfSyntaxError
from eitkg.rdf.io import RdfSource
from eitkg.validation import load_context, load_shapes, validate

from .cases import FAILING, FLOW
from .conftest import BASE, BASE_IRI, PREFIXES, run, short, triples

EIT = "https://w3id.org/eitkg/ontology#"
SITE2 = BASE_IRI + "id/site/73282932000074"
LAT_CASE = next(c for c in FAILING if c.name == "latitude out of range")
SWAP_CASE = next(c for c in FAILING if c.name == "latitude and longitude swapped")


def quads_of(snippet: str, *, graph: NamedNode | None = None) -> list[Quad]:
    text = (PREFIXES + snippet).encode()
    quads = list(parse(text, format=RdfFormat.TURTLE, base_iri=BASE_IRI))
    if graph is None:
        return quads
    return [Quad(q.subject, q.predicate, q.object, graph) for q in quads]


def test_text_in_french_groups_results_by_focus_node() -> None:
    assert run(LAT_CASE.snippet).text("fr").splitlines() == [
        "Conforme : non (1 violation, 1 avertissement, 0 info)",
        SITE2,
        "  [Violation] wgs:lat : La latitude doit être un xsd:decimal unique entre -90 et 90."
        " (valeur : 95.0)",
        "  [Avertissement] nœud : Le point (lat 95.0, long 4.84) est hors de France :"
        " latitude et longitude sont-elles inversées ?",
    ]


def test_text_in_english() -> None:
    assert run(LAT_CASE.snippet).text("en").splitlines() == [
        "Conforms: no (1 violation, 1 warning, 0 infos)",
        SITE2,
        "  [Violation] wgs:lat: The latitude must be a single xsd:decimal between -90 and 90."
        " (value: 95.0)",
        "  [Warning] node: The point (lat 95.0, long 4.84) is outside France: are latitude and"
        " longitude swapped?",
    ]


def test_to_json_has_a_stable_shape() -> None:
    data = run(LAT_CASE.snippet).to_json()
    assert json.loads(json.dumps(data)) == data
    assert list(data) == ["conforms", "counts", "results"]
    assert data["conforms"] is False
    assert data["counts"] == {"Violation": 1, "Warning": 1, "Info": 0}
    first, second = data["results"]
    assert first == {
        "focus_node": SITE2,
        "path": "http://www.w3.org/2003/01/geo/wgs84_pos#lat",
        "severity": "Violation",
        "message_fr": "La latitude doit être un xsd:decimal unique entre -90 et 90.",
        "message_en": "The latitude must be a single xsd:decimal between -90 and 90.",
        "value": "95.0",
        "source_shape": "https://w3id.org/eitkg/shapes#Site-lat",
        "constraint": "http://www.w3.org/ns/shacl#MaxInclusiveConstraintComponent",
    }
    assert (second["severity"], second["path"], second["value"]) == ("Warning", None, SITE2)
    assert second["constraint"] == "http://www.w3.org/ns/shacl#SPARQLConstraintComponent"


def test_to_turtle_is_the_report_graph_with_tagged_messages() -> None:
    graph = Graph().parse(data=run(LAT_CASE.snippet).to_turtle(), format="turtle")
    report = graph.value(None, RDF.type, SH.ValidationReport)
    assert graph.value(report, SH.conforms) == RdfLiteral(False)
    results = list(graph.objects(report, SH.result))
    assert len(results) == 2
    for result in results:
        messages = graph.objects(result, SH.resultMessage)
        assert {m.language for m in messages if isinstance(m, RdfLiteral)} == {"fr", "en"}


def test_warnings_and_infos_do_not_block() -> None:
    report = run(SWAP_CASE.snippet + '<id/actor/x> a eit:Company ; skos:prefLabel "X"@fr .')
    assert report.counts == {"Violation": 0, "Warning": 1, "Info": 1}
    assert report.conforms is True
    graph = Graph().parse(data=report.to_turtle(), format="turtle")
    node = graph.value(None, RDF.type, SH.ValidationReport)
    assert graph.value(node, SH.conforms) == RdfLiteral(True)
    assert [r.severity for r in report.by_severity("Info")] == ["Info"]


def test_results_are_sorted_by_severity_then_focus_node() -> None:
    snippet = SWAP_CASE.snippet + "<id/actor/adl> a eit:Facilitator .\n<id/actor/b> a eit:Company ."
    report = run(snippet)
    assert [(short(r.focus_node), r.severity) for r in report.results] == [
        ("id/actor/adl", "Violation"),
        ("id/actor/b", "Violation"),
        ("id/site/73282932000074", "Warning"),
        ("id/actor/b", "Info"),
    ]
    assert list(report.by_focus_node()) == [
        BASE_IRI + "id/actor/adl",
        BASE_IRI + "id/actor/b",
        SITE2,
    ]


@pytest.mark.parametrize("form", ["quads in a named graph", "triples", "sources", "rdflib graph"])
def test_every_input_form_gives_the_same_results(form: str) -> None:
    snippet = BASE + LAT_CASE.snippet
    if form == "quads in a named graph":
        data: object = quads_of(snippet, graph=NamedNode(BASE_IRI + "graph/dataset/d1"))
    elif form == "triples":
        data = [q.triple for q in quads_of(snippet)]
    elif form == "sources":
        data = [RdfSource.from_bytes((PREFIXES + snippet).encode(), name="d.ttl")]
    else:
        data = Graph().parse(data=PREFIXES + snippet, format="turtle", publicID=BASE_IRI)
    report = validate(data, base_iri=BASE_IRI)  # type: ignore[arg-type]
    assert triples(report) == LAT_CASE.expected


def test_blank_nodes_are_reported_as_blank_nodes() -> None:
    site = NamedNode(SITE2)
    geometry = BlankNode("geom1")
    has_geometry = NamedNode("http://www.opengis.net/ont/geosparql#hasGeometry")
    data = [*quads_of(BASE), Quad(site, has_geometry, geometry, DefaultGraph())]
    (result,) = validate(data).results
    assert (result.focus_node, short(result.path)) == ("_:geom1", "geo:asWKT")


def test_context_is_read_but_never_validated() -> None:
    # The actors and sites come from an earlier dataset: the first actor has no name,
    # which would be a Violation if the context were validated.
    earlier = quads_of(BASE.replace('skos:prefLabel "Cartonnerie du Rhône"@fr ;', ""))
    report = validate(quads_of(FLOW), context=[load_context(), *earlier])
    assert report.results == ()
    # Without the earlier dataset the flow points to nothing known.
    report = validate(quads_of(FLOW))
    assert triples(report) == {
        ("id/flow/f1", "eit:site", "Violation"),
        ("id/flow/f1", "eit:actor", "Violation"),
    }


def test_without_the_shipped_context_classes_and_codes_are_unknown() -> None:
    report = validate(quads_of(BASE + FLOW), context=[])
    assert triples(report) == {
        ("id/flow/f1", "eit:actor", "Violation"),  # eit:Company ⊑ eit:Actor is in the ontology
        ("id/flow/f1", "eit:resourceCategory", "Violation"),  # res:materials is in the vocabulary
        ("id/site/55208131700026", "org:siteOf|^org:hasSite", "Violation"),
        ("id/site/73282932000074", "org:siteOf|^org:hasSite", "Violation"),
    }


def test_data_can_say_more_about_a_context_node() -> None:
    extra = [
        Triple(
            NamedNode(BASE_IRI + "id/actor/552081317"),
            NamedNode(EIT + "siren"),
            Literal("552081318"),
        )
    ]
    report = validate(extra, context=[load_context(), *quads_of(BASE)])
    assert triples(report) == {
        ("id/actor/552081317", "eit:siren", "Violation"),  # two SIREN, and a bad key
    }
    assert {r.source_shape.split("#")[1] for r in report.results} == {"Siren-format", "Siren-luhn"}


def test_malformed_turtle_raises_a_located_syntax_error() -> None:
    source = RdfSource.from_bytes(b"<id/a> <id/b> .", name="broken.ttl")
    with pytest.raises(RdfSyntaxError) as error:
        validate(source, base_iri=BASE_IRI)
    assert error.value.location.source == "broken.ttl"


def test_custom_shapes_directory(tmp_path: Path) -> None:
    (tmp_path / "only.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix ex: <http://example.org/> .\n"
        "ex:S a sh:NodeShape ; sh:targetSubjectsOf ex:p ; sh:property [ sh:path ex:p ;"
        ' sh:datatype <http://www.w3.org/2001/XMLSchema#integer> ; sh:message "entier"@fr,'
        ' "integer"@en ] .\n',
        encoding="utf-8",
    )
    shapes = load_shapes(tmp_path)
    assert shapes.files == (tmp_path / "only.ttl",)
    data = [
        Triple(NamedNode("http://example.org/a"), NamedNode("http://example.org/p"), Literal("x"))
    ]
    (result,) = validate(data, shapes=shapes, context=[]).results
    assert (result.message_fr, result.message_en, result.value) == ("entier", "integer", "x")


def test_missing_or_broken_shapes_are_configuration_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError):
        load_shapes(tmp_path)
    (tmp_path / "bad.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix ex: <http://example.org/> .\n"
        "ex:S a sh:NodeShape ; sh:targetSubjectsOf ex:p ;"
        ' sh:sparql [ sh:select "SELECT $this WHERE { $this ex:p ?x " ] .\n',
        encoding="utf-8",
    )
    data = [
        Triple(NamedNode("http://example.org/a"), NamedNode("http://example.org/p"), Literal("x"))
    ]
    with pytest.raises(ConfigurationError, match="SHACL validation failed to run"):
        validate(data, shapes=load_shapes(tmp_path), context=[])


def test_empty_data_conforms() -> None:
    report = validate([])
    assert (report.conforms, report.results, report.counts["Violation"]) == (True, (), 0)
    assert report.text("en") == "Conforms: yes (0 violations, 0 warnings, 0 infos)"


def test_validation_leaves_the_cached_shapes_and_context_untouched() -> None:
    shapes, context = load_shapes().graph, load_context()
    before = (len(shapes), len(context))
    run(LAT_CASE.snippet + "<id/extra> a eit:Site .")
    validate(quads_of(FLOW), context=[context, *quads_of(BASE)])
    assert (len(shapes), len(context)) == before
