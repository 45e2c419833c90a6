"""The demo territory: reproducible, big enough, consistent with the vocabularies and shapes."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pyoxigraph
import pytest

from eitkg.namespaces import PREFIXES
from eitkg.rdf.io import RdfSource
from eitkg.rdf.iris import luhn_valid
from eitkg.store import OxigraphStore
from eitkg.store.seed import seed_store
from eitkg.validation import validate

from .conftest import BASE, DEMO

SPARQL_PREFIXES = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
DOMAINS = ("energy", "water", "materials", "waste", "equipment", "expertise")


def select(store: pyoxigraph.Store, query: str) -> list[Any]:
    return list(store.query(SPARQL_PREFIXES + query))  # type: ignore[arg-type]


def count(store: pyoxigraph.Store, query: str) -> int:
    rows = select(store, query)
    return int(rows[0]["n"].value)


def test_committed_demo_is_what_the_generator_writes(make_demo: ModuleType, tmp_path: Path) -> None:
    written = make_demo.generate(tmp_path)
    assert written == tmp_path / "demo.ttl"
    assert written.read_bytes() == DEMO.read_bytes()


def test_instance_iris_are_relative_and_resolve_under_the_base(
    demo_store: pyoxigraph.Store,
) -> None:
    text = DEMO.read_text(encoding="utf-8")
    assert "base.invalid" not in text
    assert "@base" not in text
    assert "<id/actor/" in text
    subjects = {
        row["s"].value for row in select(demo_store, "SELECT DISTINCT ?s { ?s eit:recordId ?r }")
    }
    assert subjects and all(s.startswith(BASE + "id/flow/demo/demo-") for s in subjects)
    leftovers = count(
        demo_store,
        'SELECT (COUNT(*) AS ?n) { ?s ?p ?o FILTER(CONTAINS(STR(?s), "base.invalid") '
        '|| CONTAINS(STR(?o), "base.invalid")) }',
    )
    assert leftovers == 0


def test_at_least_thirty_actors_on_at_least_three_parks(demo_store: pyoxigraph.Store) -> None:
    actors = count(
        demo_store,
        "SELECT (COUNT(DISTINCT ?a) AS ?n) { ?a a ?kind . VALUES ?kind { eit:Company "
        "eit:PublicBody eit:Facilitator eit:IndustrialPark eit:Collaboration } }",
    )
    assert actors >= 30
    parks = select(
        demo_store,
        "SELECT ?park (COUNT(?site) AS ?sites) { ?park a eit:IndustrialPark . "
        "?site a eit:Site ; eit:inPark ?park } GROUP BY ?park ORDER BY ?park",
    )
    assert [row["park"].value.removeprefix(BASE) for row in parks] == [
        "id/actor/inspira",
        "id/actor/parc-industriel-de-la-plaine-de-l-ain",
        "id/actor/plateforme-chimique-des-roches-roussillon",
    ]
    assert [int(row["sites"].value) for row in parks] == [8, 11, 9]
    kinds = {
        row["k"].value.rsplit("#", 1)[1]
        for row in select(
            demo_store, "SELECT DISTINCT ?k { ?a a ?k FILTER(STRSTARTS(STR(?k), STR(eit:))) }"
        )
    }
    assert {"Company", "Facilitator", "PublicBody", "Collaboration", "IndustrialPark"} <= kinds


def test_at_least_150_flows_in_all_six_domains(demo_store: pyoxigraph.Store) -> None:
    flows = count(
        demo_store,
        "SELECT (COUNT(DISTINCT ?f) AS ?n) { ?f a ?k . VALUES ?k { eit:Need eit:Availability } }",
    )
    assert flows >= 150
    rows = select(
        demo_store,
        "SELECT ?top (COUNT(DISTINCT ?f) AS ?flows) (SUM(IF(?k = eit:Need, 1, 0)) AS ?needs) {"
        " ?f a ?k ; eit:resourceCategory ?c . VALUES ?k { eit:Need eit:Availability }"
        " ?c skos:broader* ?top . ?top skos:topConceptOf eitv:resource } GROUP BY ?top",
    )
    by_domain = {r["top"].value.rsplit("/", 1)[1]: int(r["flows"].value) for r in rows}
    needs = {r["top"].value.rsplit("/", 1)[1]: int(r["needs"].value) for r in rows}
    assert sum(by_domain.values()) == flows  # every category reaches exactly one top concept
    for domain in DOMAINS:
        assert by_domain.get(domain, 0) >= 5, domain
    assert by_domain["services"] >= 3
    assert needs["energy"] >= 5 and needs["waste"] >= 1


def test_every_vocabulary_iri_used_exists(demo_store: pyoxigraph.Store) -> None:
    missing = select(
        demo_store,
        "SELECT DISTINCT ?p ?o { ?s ?p ?o . VALUES ?p { eit:resourceCategory eit:wasteCode "
        "eit:unit eit:canonicalUnit eit:nafActivity eit:currentTreatment eit:period "
        "eit:quantityType eit:physicalForm eit:materialStatus eit:status eit:indicator "
        "eit:sharedResource dcterms:subject org:role } "
        "FILTER NOT EXISTS { { ?o a skos:Concept } UNION { ?o a qudt:Unit } } }",
    )
    assert missing == []
    wrong_scheme = select(
        demo_store,
        "SELECT ?o { { ?s eit:resourceCategory|eit:sharedResource|dcterms:subject ?o "
        "FILTER NOT EXISTS { ?o skos:inScheme eitv:resource } } UNION "
        "{ ?s eit:wasteCode ?o FILTER NOT EXISTS { ?o skos:inScheme eitv:ewc ; eit:hazardous ?h } }"
        " UNION { ?s eit:nafActivity ?o FILTER(!STRSTARTS(STR(?o), STR(eitv:naf)) "
        '|| !REGEX(STR(?o), "[0-9]{2}\\\\.[0-9]{2}[A-Z]$")) } }',
    )
    assert wrong_scheme == []


def test_hazardous_flags_follow_the_waste_codes(demo_store: pyoxigraph.Store) -> None:
    rows = select(
        demo_store,
        "SELECT ?flow ?h ?expected { ?flow eit:wasteCode ?code ; eit:hazardous ?h . "
        "?code eit:hazardous ?expected }",
    )
    assert len(rows) >= 70
    assert all(r["h"] == r["expected"] for r in rows)
    assert {r["h"].value for r in rows} == {"true", "false"}
    by_product_with_code = count(
        demo_store,
        "SELECT (COUNT(*) AS ?n) { ?f eit:wasteCode ?c ; eit:materialStatus ?s "
        "FILTER(?s != <https://w3id.org/eitkg/vocab/material-status/waste>) }",
    )
    assert by_product_with_code == 0


def test_yearly_quantities_use_the_vocabulary_factors(demo_store: pyoxigraph.Store) -> None:
    rows = select(
        demo_store,
        "SELECT ?f ?q ?per ?computed ?canonical ?expected { ?f eit:quantity ?q ; eit:unit ?u ; "
        "eit:period ?p ; eit:quantityPerYear ?per ; eit:canonicalUnit ?canonical . "
        "?u eit:conversionFactor ?k ; eit:canonicalUnit ?expected . ?p eit:timesPerYear ?t "
        "BIND(?q * ?k * ?t AS ?computed) }",
    )
    assert len(rows) >= 150
    assert all(r["canonical"] == r["expected"] for r in rows)
    assert all(float(r["per"].value) == pytest.approx(float(r["computed"].value)) for r in rows)
    steam = select(
        demo_store,
        'SELECT ?per { ?f eit:recordId "DEMO-INSP-0001" ; eit:quantityPerYear ?per }',
    )
    assert [Decimal(r["per"].value) for r in steam] == [Decimal(300000)]  # 25,000 MWh a month


def test_sirets_and_sirens_are_valid_and_consistent(demo_store: pyoxigraph.Store) -> None:
    rows = select(
        demo_store,
        "SELECT ?siret ?siren { ?actor a eit:Company ; eit:siren ?siren ; org:hasSite ?site . "
        "?site eit:siret ?siret ; org:siteOf ?actor }",
    )
    assert len(rows) == 36
    assert all(len(r["siret"].value) == 14 and luhn_valid(r["siret"].value) for r in rows)
    assert all(len(r["siren"].value) == 9 and luhn_valid(r["siren"].value) for r in rows)
    assert all(r["siret"].value[:9] == r["siren"].value for r in rows)
    assert len({r["siret"].value for r in rows}) == 36


def test_made_up_firms_are_marked_fictional(demo_store: pyoxigraph.Store) -> None:
    rows = select(
        demo_store,
        "SELECT ?a ?fr ?en ?fictional { ?a a eit:Company ; eit:fictional ?fictional ; "
        'skos:prefLabel ?fr , ?en FILTER(LANG(?fr) = "fr" && LANG(?en) = "en") }',
    )
    assert len(rows) == 36
    assert all(r["fictional"].value == "true" for r in rows)
    assert all(r["fr"].value.endswith(" (fictif)") for r in rows)
    assert all(r["en"].value.endswith(" (fictional)") for r in rows)
    unmarked = count(
        demo_store,
        "SELECT (COUNT(*) AS ?n) { ?a a eit:Company FILTER NOT EXISTS { ?a eit:fictional true } }",
    )
    assert unmarked == 0


def test_sites_have_points_inside_their_park(demo_store: pyoxigraph.Store) -> None:
    rows = select(
        demo_store,
        "SELECT ?park ?lat ?long ?wkt ?insee { ?site a eit:Site ; wgs:lat ?lat ; "
        "wgs:long ?long ; eit:communeCode ?insee ; geo:hasGeometry/geo:asWKT ?wkt "
        "OPTIONAL { ?site eit:inPark ?park } }",
    )
    assert len(rows) == 36
    boxes = {
        "id/actor/parc-industriel-de-la-plaine-de-l-ain": (45.838, 45.853, 5.245, 5.290),
        "id/actor/plateforme-chimique-des-roches-roussillon": (45.362, 45.372, 4.787, 4.803),
        "id/actor/inspira": (45.328, 45.343, 4.776, 4.795),
        None: (45.284, 45.299, 4.806, 4.829),
    }
    for row in rows:
        lat, long = float(row["lat"].value), float(row["long"].value)
        park = row["park"].value.removeprefix(BASE) if row["park"] else None
        lat_min, lat_max, long_min, long_max = boxes[park]
        assert lat_min <= lat <= lat_max and long_min <= long <= long_max
        assert row["wkt"].value == f"POINT({row['long'].value} {row['lat'].value})"
    assert {r["insee"].value for r in rows} == {
        "01390",
        "01047",
        "38344",
        "38468",
        "38349",
        "26325",
    }


def test_synergies_link_real_demo_flows(demo_store: pyoxigraph.Store) -> None:
    substitutions = select(
        demo_store,
        "SELECT ?s ?status { ?s a eit:SubstitutionSynergy ; eit:status ?status ; "
        "eit:supplier ?from ; eit:receiver ?to ; eit:suppliedFlow ?out ; eit:receivedFlow ?in . "
        "?out a eit:Availability ; eit:actor ?from . ?in a eit:Need ; eit:actor ?to }",
    )
    assert len(substitutions) == 8
    mutualisations = select(
        demo_store,
        "SELECT ?s (COUNT(DISTINCT ?p) AS ?n) { ?s a eit:MutualisationSynergy ; eit:participant ?p"
        " } GROUP BY ?s",
    )
    assert len(mutualisations) == 6
    assert all(int(r["n"].value) >= 2 for r in mutualisations)
    statuses = {r["status"].value.rsplit("/", 1)[1] for r in substitutions}
    assert statuses == {"implemented", "under-study", "candidate", "abandoned"}
    steam = select(
        demo_store,
        "SELECT ?value { <http://localhost:8000/id/synergy/vapeur-valorisation-thermique-silicones>"
        " eit:hasGain ?g . ?g eit:value ?value ; "
        "eit:indicator <https://w3id.org/eitkg/vocab/indicator/co2-avoided> }",
    )
    assert [Decimal(r["value"].value) for r in steam] == [Decimal(14500)]
    confidential_links = count(
        demo_store,
        "SELECT (COUNT(*) AS ?n) { ?s eit:suppliedFlow|eit:receivedFlow ?f . "
        "?f eit:confidential true }",
    )
    assert confidential_links == 0


def test_catalogue_entries_cite_their_sources(demo_store: pyoxigraph.Store) -> None:
    reports = select(
        demo_store,
        "SELECT ?r ?source ?title { ?r a eit:ExperienceReport ; dcterms:source ?source ; "
        "dcterms:title ?title ; dcterms:spatial ?where ; dcterms:subject ?s "
        'FILTER(LANG(?title) = "fr") }',
    )
    names = {r["r"].value.removeprefix(BASE + "id/report/") for r in reports}
    assert len(names) == 12
    assert {
        "tredi-vapeur-plateforme-roussillon",
        "pipa-gestion-collective-dechets",
        "rhone-median-six-synergies",
        "beaufort-lactoserum",
        "ecopal-dunkerque",
    } <= names
    assert all(isinstance(r["source"], pyoxigraph.NamedNode) for r in reports)
    assert all(r["source"].value.startswith(("http://", "https://")) for r in reports)
    pipa = (
        "https://optigede.ademe.fr/fiche/"
        "gestion-collective-des-dechets-sur-le-parc-industriel-de-la-plaine-de-l-ain-01"
    )
    assert pipa in {r["source"].value for r in reports}
    methodologies = select(
        demo_store,
        "SELECT ?m ?source { ?m a eit:Methodology ; dcterms:source ?source ; "
        "dcterms:language <http://publications.europa.eu/resource/authority/language/FRA> }",
    )
    assert {r["m"].value.rsplit("/", 1)[1] for r in methodologies} == {
        "elipse",
        "ademe-evaluer-gisement-dechets",
        "actif",
    }


def test_dataset_description_counts_rows_and_triples(demo_store: pyoxigraph.Store) -> None:
    rows = select(
        demo_store,
        "SELECT ?rows ?triples ?graph { <http://localhost:8000/id/dataset/demo> a dcat:Dataset ; "
        'dcterms:identifier "demo" ; eit:rowCount ?rows ; eit:tripleCount ?triples ; '
        "eit:graph ?graph }",
    )
    assert len(rows) == 1
    flows = count(demo_store, "SELECT (COUNT(*) AS ?n) { ?f eit:recordId ?r }")
    assert int(rows[0]["rows"].value) == flows
    parsed = list(pyoxigraph.parse(path=DEMO, format=pyoxigraph.RdfFormat.TURTLE, base_iri=BASE))
    assert int(rows[0]["triples"].value) == len(parsed)
    assert rows[0]["graph"].value == BASE + "graph/dataset/demo"
    derived = count(
        demo_store,
        "SELECT (COUNT(*) AS ?n) { ?f eit:recordId ?r ; "
        "prov:wasDerivedFrom <http://localhost:8000/id/dataset/demo> }",
    )
    assert derived == flows


def test_demo_conforms_to_the_shapes() -> None:
    report = validate(RdfSource.from_path(DEMO), base_iri=BASE)
    assert [(r.severity, r.focus_node, r.message_en) for r in report.results] == []
    assert report.conforms


def test_seeding_keeps_confidential_flows_apart(demo_store: pyoxigraph.Store) -> None:
    confidential = {
        r["f"].value for r in select(demo_store, "SELECT ?f { ?f eit:confidential true }")
    }
    assert len(confidential) >= 10
    store = OxigraphStore()
    counts = seed_store(store, BASE, demo=True)
    graph = BASE + "graph/dataset/demo"
    assert counts[graph] > 4000
    hidden = store.query(
        SPARQL_PREFIXES + "SELECT DISTINCT ?f { GRAPH ?g { ?f eit:confidential true } }",
        named_graphs=[pyoxigraph.NamedNode(graph + "/confidential")],
    )
    assert {r["f"].value for r in hidden} == confidential  # type: ignore[union-attr]
    public = store.query(
        SPARQL_PREFIXES + "ASK { GRAPH ?g { ?f eit:confidential true } }",
        named_graphs=[pyoxigraph.NamedNode(graph)],
    )
    assert not bool(public)
