"""Static checks of ontology/eit.ttl, without a reasoner: metadata, documentation, key axioms,
the docs/model.md contract, and the OWL 2 DL declarations of the ontology plus the vocabularies."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from eitkg.reasoning import default_ontology_files
from eitkg.reasoning.merge import read_triples
from eitkg.reasoning.signature import dl_violations, signature
from eitkg.resources import ontology_dir

REPO = Path(__file__).resolve().parents[2]
EIT = Namespace("https://w3id.org/eitkg/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
PROV = Namespace("http://www.w3.org/ns/prov#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
QUDT = Namespace("http://qudt.org/schema/qudt/")
VANN = Namespace("http://purl.org/vocab/vann/")
ONTOLOGY = URIRef("https://w3id.org/eitkg/ontology")
KINDS = (
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.NamedIndividual,
)


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(ontology_dir() / "eit.ttl", format="turtle")


@pytest.fixture(scope="module")
def eit_terms(graph: Graph) -> set[URIRef]:
    return {
        subject
        for kind in KINDS
        for subject in graph.subjects(RDF.type, kind)
        if isinstance(subject, URIRef) and subject.startswith(str(EIT))
    }


def model_md_terms() -> set[str]:
    """The eit: tokens of the "Classes and properties" section of docs/model.md."""
    text = (REPO / "docs" / "model.md").read_text(encoding="utf-8")
    section = text.split("\n## Classes and properties", 1)[1]
    section = re.split(r"\n## ", section, maxsplit=1)[0]
    return set(re.findall(r"\beit:([A-Za-z][A-Za-z0-9]*)", section))


def test_ontology_header(graph: Graph) -> None:
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in graph
    assert graph.value(ONTOLOGY, OWL.versionIRI) == URIRef("https://w3id.org/eitkg/ontology/0.1.0")
    assert graph.value(ONTOLOGY, OWL.versionInfo) == Literal("0.1.0")
    assert graph.value(ONTOLOGY, DCTERMS.license) == URIRef(
        "https://creativecommons.org/licenses/by/4.0/"
    )
    assert graph.value(ONTOLOGY, DCTERMS.creator) is not None
    assert graph.value(ONTOLOGY, VANN.preferredNamespacePrefix) == Literal("eit")
    assert graph.value(ONTOLOGY, VANN.preferredNamespaceUri) == Literal(str(EIT))
    for predicate in (DCTERMS.title, DCTERMS.description):
        languages = sorted(value.language for value in graph.objects(ONTOLOGY, predicate))
        assert languages == ["en", "fr"], predicate


def test_version_iri_follows_version_info(graph: Graph) -> None:
    version = str(graph.value(ONTOLOGY, OWL.versionInfo))
    assert re.fullmatch(r"\d+\.\d+\.\d+", version)
    assert graph.value(ONTOLOGY, OWL.versionIRI) == URIRef(f"{ONTOLOGY}/{version}")
    readme = (ontology_dir() / "README.md").read_text(encoding="utf-8")
    assert f"{ONTOLOGY}/{version}" in readme


def test_every_term_is_labelled_and_defined_in_french_and_english(
    graph: Graph, eit_terms: set[URIRef]
) -> None:
    missing = []
    for term in sorted(eit_terms):
        for predicate in (RDFS.label, SKOS.definition):
            languages = sorted(str(v.language) for v in graph.objects(term, predicate))
            if languages != ["en", "fr"]:
                missing.append(f"{term} {predicate}: {languages}")
        if graph.value(term, RDFS.isDefinedBy) != ONTOLOGY:
            missing.append(f"{term} rdfs:isDefinedBy")
    assert missing == []


def test_every_term_has_exactly_one_kind(graph: Graph, eit_terms: set[URIRef]) -> None:
    several = {
        term: kinds
        for term in eit_terms
        if len(kinds := [kind for kind in KINDS if (term, RDF.type, kind) in graph]) != 1
    }
    assert several == {}


def test_every_eit_iri_used_is_declared(graph: Graph, eit_terms: set[URIRef]) -> None:
    used = {
        node
        for triple in graph
        for node in triple
        if isinstance(node, URIRef) and node.startswith(str(EIT))
    }
    assert used - eit_terms == set()


def test_ontology_matches_the_model_contract(eit_terms: set[URIRef]) -> None:
    declared = {term.removeprefix(str(EIT)) for term in eit_terms}
    documented = model_md_terms()
    assert documented - declared == set(), "in docs/model.md but not in eit.ttl"
    assert declared - documented == set(), "in eit.ttl but not in docs/model.md"
    assert len(declared) == 17 + 59 + 1  # classes + properties + the import constraint component


def _disjoint(graph: Graph, first: URIRef, second: URIRef) -> bool:
    if (first, OWL.disjointWith, second) in graph or (second, OWL.disjointWith, first) in graph:
        return True
    for node in graph.subjects(RDF.type, OWL.AllDisjointClasses):
        members = set(Collection(graph, graph.value(node, OWL.members)))
        if {first, second} <= members:
            return True
    return False


@pytest.mark.parametrize(
    ("subclass", "superclass"),
    [
        (EIT.Actor, ORG.Organization),
        (EIT.Company, EIT.Actor),
        (EIT.Company, ORG.FormalOrganization),
        (EIT.PublicBody, ORG.FormalOrganization),
        (EIT.Facilitator, EIT.Actor),
        (EIT.IndustrialPark, ORG.OrganizationalCollaboration),
        (EIT.Collaboration, ORG.OrganizationalCollaboration),
        (EIT.Site, ORG.Site),
        (EIT.Site, GEO.Feature),
        (EIT.Need, EIT.Flow),
        (EIT.Availability, EIT.Flow),
        (EIT.SubstitutionSynergy, EIT.Synergy),
        (EIT.MutualisationSynergy, EIT.Synergy),
        (EIT.ExperienceReport, DCAT.Resource),
        (EIT.Methodology, DCAT.Resource),
        (EIT.Import, PROV.Activity),
    ],
)
def test_subclass_axioms(graph: Graph, subclass: URIRef, superclass: URIRef) -> None:
    assert (subclass, RDFS.subClassOf, superclass) in graph


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (EIT.Need, EIT.Availability),
        (EIT.SubstitutionSynergy, EIT.MutualisationSynergy),
        (EIT.Company, EIT.PublicBody),
        (EIT.Actor, EIT.Site),
        (EIT.Flow, SKOS.Concept),
        (EIT.Synergy, EIT.Gain),
    ],
)
def test_disjointness_axioms(graph: Graph, first: URIRef, second: URIRef) -> None:
    assert _disjoint(graph, first, second)


def test_flow_is_covered_by_need_and_availability(graph: Graph) -> None:
    unions = [
        set(Collection(graph, graph.value(node, OWL.unionOf)))
        for node in graph.objects(EIT.Flow, RDFS.subClassOf)
        if isinstance(node, BNode) and graph.value(node, OWL.unionOf) is not None
    ]
    assert unions == [{EIT.Need, EIT.Availability}]


@pytest.mark.parametrize(
    ("prop", "domain", "range_"),
    [
        (EIT.site, EIT.Flow, EIT.Site),
        (EIT.actor, EIT.Flow, EIT.Actor),
        (EIT.supplier, EIT.SubstitutionSynergy, EIT.Actor),
        (EIT.receiver, EIT.SubstitutionSynergy, EIT.Actor),
        (EIT.suppliedFlow, EIT.SubstitutionSynergy, EIT.Availability),
        (EIT.receivedFlow, EIT.SubstitutionSynergy, EIT.Need),
        (EIT.participant, EIT.MutualisationSynergy, EIT.Actor),
        (EIT.hasGain, EIT.Synergy, EIT.Gain),
        (EIT.siren, EIT.Actor, XSD.string),
        (EIT.siret, EIT.Site, XSD.string),
        (EIT.quantity, EIT.Flow, XSD.decimal),
        (EIT.fictional, EIT.Actor, XSD.boolean),
        (EIT.conversionFactor, QUDT.Unit, XSD.decimal),
    ],
)
def test_domains_and_ranges(graph: Graph, prop: URIRef, domain: URIRef, range_: URIRef) -> None:
    assert graph.value(prop, RDFS.domain) == domain
    assert graph.value(prop, RDFS.range) == range_


@pytest.mark.parametrize(
    ("prop", "kind"),
    [
        (EIT.site, OWL.FunctionalProperty),
        (EIT.actor, OWL.FunctionalProperty),
        (EIT.quantity, OWL.FunctionalProperty),
        (EIT.siren, OWL.FunctionalProperty),
        (EIT.siret, OWL.FunctionalProperty),
        (EIT.hasGain, OWL.InverseFunctionalProperty),
        (EIT.site, OWL.ObjectProperty),
        (EIT.quantity, OWL.DatatypeProperty),
        (EIT.coversWasteCode, OWL.AnnotationProperty),
    ],
)
def test_property_characteristics(graph: Graph, prop: URIRef, kind: URIRef) -> None:
    assert (prop, RDF.type, kind) in graph


def test_subproperties_of_standard_terms(graph: Graph) -> None:
    assert (EIT.nafActivity, RDFS.subPropertyOf, ORG.classification) in graph
    assert (EIT.coversWasteCode, RDFS.subPropertyOf, SKOS.relatedMatch) in graph


def test_alignments_to_ceon_and_bonsai_are_annotations_only(graph: Graph) -> None:
    external = ("http://w3id.org/CEON/", "http://ontology.bonsai.uno/")
    allowed = {
        SKOS.closeMatch,
        SKOS.broadMatch,
        SKOS.narrowMatch,
        SKOS.relatedMatch,
        SKOS.exactMatch,
        RDFS.seeAlso,
    }
    links = [
        (s, p, o) for s, p, o in graph if isinstance(o, URIRef) and str(o).startswith(external)
    ]
    assert {p for _, p, _ in links} <= allowed
    assert (EIT.Flow, SKOS.closeMatch, URIRef("http://ontology.bonsai.uno/core#Flow")) in graph
    assert (
        EIT.Actor,
        SKOS.closeMatch,
        URIRef("http://w3id.org/CEON/ontology/actor/Organisation"),
    ) in graph
    for mapping in allowed - {RDFS.seeAlso}:
        assert (mapping, RDF.type, OWL.AnnotationProperty) in graph


def test_no_owl_imports(graph: Graph) -> None:
    assert list(graph.objects(ONTOLOGY, OWL.imports)) == []


def test_ontology_and_vocabularies_keep_to_owl2_dl_declarations() -> None:
    triples = read_triples(default_ontology_files())
    assert dl_violations(triples, signature(triples)) == []


def test_dl_violations_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "punning.ttl"
    path.write_text(
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "@prefix ex: <http://example.org/> .\n"
        "ex:p a owl:ObjectProperty , owl:DatatypeProperty .\n"
        "ex:o a owl:ObjectProperty .\n"
        "ex:d a owl:DatatypeProperty .\n"
        'ex:a ex:o "literal" ; ex:d ex:b ; ex:undeclared ex:c , ex:e ; a ex:Undeclared .\n',
        encoding="utf-8",
    )
    triples = read_triples([path])
    assert dl_violations(triples, signature(triples)) == [
        "<http://example.org/Undeclared> is used as a class but not declared owl:Class",
        "<http://example.org/p> is declared as object and datatype property",
        "<http://example.org/undeclared> is used as a property but not declared (2 triples)",
        "datatype property <http://example.org/d> has a non-literal value",
        "object property <http://example.org/o> has a literal value",
    ]
