"""``/sparql``: the three ways in, result formats, service description, CORS, errors."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient
from pyoxigraph import (
    Literal,
    NamedNode,
    QueryResultsFormat,
    RdfFormat,
    Triple,
    parse,
    parse_query_results,
)

from eitkg.config import Settings
from eitkg.http import create_app
from eitkg.store import OxigraphStore

from ..conftest import BASE

SKOS_LABEL = NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
PARKS_QUERY = """PREFIX eit: <https://w3id.org/eitkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?park ?label WHERE { ?park a eit:IndustrialPark ; skos:prefLabel ?label } ORDER BY ?label"""
PARKS = [
    ("inspira", "Inspira"),
    ("parc-industriel-de-la-plaine-de-l-ain", "Parc Industriel de la Plaine de l'Ain"),
    ("plateforme-chimique-des-roches-roussillon", "Plateforme chimique des Roches-Roussillon"),
    ("vallee-de-la-chimie", "Vallée de la chimie"),
]
PARK_ROWS = [(f"{BASE}id/actor/{slug}", label) for slug, label in PARKS]
PARK_TRIPLES = {
    Triple(NamedNode(iri), SKOS_LABEL, Literal(label, language="fr")) for iri, label in PARK_ROWS
}
CONSTRUCT_PARKS = """PREFIX eit: <https://w3id.org/eitkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
CONSTRUCT { ?park skos:prefLabel ?label }
WHERE { ?park a eit:IndustrialPark ; skos:prefLabel ?label }"""
SD = "http://www.w3.org/ns/sparql-service-description#"


def _rows(body: bytes, fmt: QueryResultsFormat) -> list[tuple[str, str]]:
    return [(row["park"].value, row["label"].value) for row in parse_query_results(body, fmt)]  # type: ignore[union-attr]


def test_get_answers_sparql_json(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": PARKS_QUERY})
    assert response.headers["content-type"] == "application/sparql-results+json; charset=utf-8"
    assert response.headers["vary"] == "Accept"
    body = response.json()
    assert body["head"]["vars"] == ["park", "label"]
    assert [(b["park"]["value"], b["label"]["value"]) for b in body["results"]["bindings"]] == (
        PARK_ROWS
    )
    assert body["results"]["bindings"][0]["label"] == {
        "type": "literal",
        "value": "Inspira",
        "xml:lang": "fr",
    }


def test_post_form_and_post_direct_answer_the_same(client: TestClient) -> None:
    by_get = client.get("/sparql", params={"query": PARKS_QUERY}).content
    by_form = client.post("/sparql", data={"query": PARKS_QUERY})
    assert by_form.content == by_get
    direct = client.post(
        "/sparql",
        content=PARKS_QUERY.encode(),
        headers={"content-type": "application/sparql-query; charset=utf-8"},
    )
    assert direct.content == by_get


@pytest.mark.parametrize(
    ("accept", "media_type", "fmt"),
    [
        (
            "application/sparql-results+xml",
            "application/sparql-results+xml",
            QueryResultsFormat.XML,
        ),
        ("text/tab-separated-values", "text/tab-separated-values", QueryResultsFormat.TSV),
        ("application/json", "application/sparql-results+json", QueryResultsFormat.JSON),
        (
            "text/csv;q=0.5, application/sparql-results+xml",
            "application/sparql-results+xml",
            QueryResultsFormat.XML,
        ),
    ],
)
def test_select_formats(
    client: TestClient, accept: str, media_type: str, fmt: QueryResultsFormat
) -> None:
    response = client.get("/sparql", params={"query": PARKS_QUERY}, headers={"accept": accept})
    assert response.headers["content-type"] == f"{media_type}; charset=utf-8"
    assert _rows(response.content, fmt) == PARK_ROWS


def test_csv_and_tsv_text(client: TestClient) -> None:
    as_csv = client.get("/sparql", params={"query": PARKS_QUERY}, headers={"accept": "text/csv"})
    assert list(csv.reader(io.StringIO(as_csv.text))) == [
        ["park", "label"],
        *(list(row) for row in PARK_ROWS),
    ]
    as_tsv = client.get("/sparql", params={"query": PARKS_QUERY, "format": "tsv"})
    assert as_tsv.text.splitlines()[:2] == ["?park\t?label", f'<{PARK_ROWS[0][0]}>\t"Inspira"@fr']


def test_ask_in_json_and_xml(client: TestClient) -> None:
    query = "ASK { ?park a <https://w3id.org/eitkg/ontology#IndustrialPark> }"
    assert client.get("/sparql", params={"query": query}).json() == {"head": {}, "boolean": True}
    xml = client.get(
        "/sparql", params={"query": query}, headers={"accept": "application/sparql-results+xml"}
    )
    assert "<boolean>true</boolean>" in xml.text


@pytest.mark.parametrize(
    ("accept", "media_type", "fmt"),
    [
        (None, "text/turtle", RdfFormat.TURTLE),
        ("application/n-triples", "application/n-triples", RdfFormat.N_TRIPLES),
        ("application/ld+json", "application/ld+json", RdfFormat.JSON_LD),
        ("application/rdf+xml", "application/rdf+xml", RdfFormat.RDF_XML),
        ("text/plain", "application/n-triples", RdfFormat.N_TRIPLES),
    ],
)
def test_construct_formats(
    client: TestClient, accept: str | None, media_type: str, fmt: RdfFormat
) -> None:
    headers = {"accept": accept} if accept else {}
    response = client.post("/sparql", data={"query": CONSTRUCT_PARKS}, headers=headers)
    assert response.headers["content-type"] == f"{media_type}; charset=utf-8"
    assert {q.triple for q in parse(response.content, format=fmt)} == PARK_TRIPLES


def test_describe(client: TestClient) -> None:
    park = PARK_ROWS[0][0]
    query = "DESCRIBE <" + park + ">"
    response = client.get("/sparql", params={"query": query, "format": "nt"})
    triples = {q.triple for q in parse(response.content, format=RdfFormat.N_TRIPLES)}
    assert Triple(NamedNode(park), SKOS_LABEL, Literal("Inspira", language="fr")) in triples
    assert all(t.subject == NamedNode(park) for t in triples)


def test_not_acceptable_lists_what_is(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": PARKS_QUERY}, headers={"accept": "image/png"})
    assert response.status_code == 406
    assert response.json()["available"] == [
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values",
    ]
    construct = client.get(
        "/sparql", params={"query": CONSTRUCT_PARKS}, headers={"accept": "text/csv"}
    )
    assert construct.status_code == 406
    assert "text/turtle" in construct.json()["available"]


def test_syntax_error_is_400_with_message_and_position(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "SELECT *\nWHERE { ?s ?p }"})
    assert response.status_code == 400
    problem = response.json()
    assert response.headers["content-type"] == "application/problem+json"
    assert problem["line"] == 2 and problem["column"] > 10
    assert problem["detail"].startswith(f"error at 2:{problem['column']}: expected")


def test_protocol_errors(client: TestClient) -> None:
    twice = client.get("/sparql?query=ASK%20%7B%7D&query=ASK%20%7B%7D")
    assert twice.status_code == 400 and "2 'query' parameters" in twice.json()["detail"]
    wrong_type = client.post("/sparql", content=b"ASK {}", headers={"content-type": "text/plain"})
    assert wrong_type.status_code == 415 and "not text/plain" in wrong_type.json()["detail"]
    utf16 = client.post(
        "/sparql",
        content="ASK {}".encode("utf-16"),
        headers={"content-type": "application/sparql-query; charset=UTF-16"},
    )
    assert utf16.status_code == 415 and "UTF-8, not utf-16" in utf16.json()["detail"]
    not_utf8 = client.post(
        "/sparql", content=b"ASK { \xff }", headers={"content-type": "application/sparql-query"}
    )
    assert not_utf8.status_code == 400 and not_utf8.json()["title"] == "Body is not UTF-8"
    bad_graph = client.get("/sparql", params={"query": "ASK {}", "default-graph-uri": "not an iri"})
    assert bad_graph.status_code == 400 and "'not an iri'" in bad_graph.json()["detail"]


def test_the_endpoint_is_read_only(client: TestClient) -> None:
    by_get = client.get("/sparql", params={"update": "CLEAR ALL"})
    assert by_get.status_code == 400 and "/sparql/update" in by_get.json()["detail"]
    by_form = client.post("/sparql", data={"update": "CLEAR ALL"})
    assert by_form.status_code == 400
    put = client.put("/sparql", content=b"CLEAR ALL")
    assert put.status_code == 405 and put.headers["allow"] == "GET, POST, OPTIONS"
    assert put.json()["type"].endswith("/method-not-allowed")


def test_body_size_is_capped(seeded_store: OxigraphStore) -> None:
    settings = Settings(base_iri=BASE, max_upload_bytes=64)
    with TestClient(create_app(settings, store=seeded_store)) as small:
        response = small.post("/sparql", data={"query": "ASK { " + "?s ?p ?o . " * 10 + "}"})
    assert response.status_code == 413 and "64 bytes" in response.json()["detail"]


def test_service_description(client: TestClient) -> None:
    response = client.get("/sparql")
    assert response.headers["content-type"] == "text/turtle; charset=utf-8"
    triples = {q.triple for q in parse(response.content, format=RdfFormat.TURTLE)}
    endpoints = {t.object for t in triples if t.predicate == NamedNode(SD + "endpoint")}
    assert endpoints == {NamedNode(BASE + "sparql"), NamedNode(BASE + "sparql/update")}
    formats = {t.object.value for t in triples if t.predicate == NamedNode(SD + "resultFormat")}
    assert "http://www.w3.org/ns/formats/SPARQL_Results_CSV" in formats
    assert "http://www.w3.org/ns/formats/JSON-LD" in formats
    names = {t.object.value for t in triples if t.predicate == NamedNode(SD + "name")}
    assert BASE + "graph/dataset/demo" in names
    assert "https://w3id.org/eitkg/graph/vocab/ewc" in names
    assert not any(name.endswith("/confidential") for name in names)
    features = {t.object.value for t in triples if t.predicate == NamedNode(SD + "feature")}
    assert features == {SD + "UnionDefaultGraph"}  # no SERVICE for anonymous readers
    as_jsonld = client.get("/sparql", headers={"accept": "application/ld+json"})
    assert {q.triple for q in parse(as_jsonld.content, format=RdfFormat.JSON_LD)}.__len__() == len(
        triples
    )


def test_service_description_for_curators_names_confidential_graphs(
    client: TestClient, curator_headers: dict[str, str]
) -> None:
    response = client.get("/sparql", headers=curator_headers)
    triples = {q.triple for q in parse(response.content, format=RdfFormat.TURTLE)}
    names = {t.object.value for t in triples if t.predicate == NamedNode(SD + "name")}
    assert BASE + "graph/dataset/demo/confidential" in names


def test_cors_for_reading(client: TestClient) -> None:
    origin = {"origin": "https://partner.example"}
    answer = client.get("/sparql", params={"query": "ASK {}"}, headers=origin)
    assert answer.headers["access-control-allow-origin"] == "*"
    error = client.get("/sparql", params={"query": "ASK {"}, headers=origin)
    assert error.status_code == 400 and error.headers["access-control-allow-origin"] == "*"
    preflight = client.options(
        "/sparql",
        headers={**origin, "access-control-request-method": "POST"},
    )
    assert preflight.status_code == 204
    assert preflight.headers["access-control-allow-methods"] == "GET, POST, OPTIONS"
    assert "Content-Type" in preflight.headers["access-control-allow-headers"]


def test_cors_with_a_list_of_origins(seeded_store: OxigraphStore) -> None:
    settings = Settings(base_iri=BASE, cors_origins=("https://partner.example",))
    with TestClient(create_app(settings, store=seeded_store)) as restricted:
        allowed = restricted.get(
            "/sparql", params={"query": "ASK {}"}, headers={"origin": "https://partner.example"}
        )
        other = restricted.get(
            "/sparql", params={"query": "ASK {}"}, headers={"origin": "https://evil.example"}
        )
    assert allowed.headers["access-control-allow-origin"] == "https://partner.example"
    assert allowed.headers["vary"] == "Accept, Origin"
    assert "access-control-allow-origin" not in other.headers
    assert other.json() == {"head": {}, "boolean": True}


def test_relative_iris_resolve_against_the_base(client: TestClient) -> None:
    response = client.get(
        "/sparql", params={"query": "SELECT ?x { BIND(<id/actor/inspira> AS ?x) }"}
    )
    assert response.json()["results"]["bindings"][0]["x"]["value"] == BASE + "id/actor/inspira"
