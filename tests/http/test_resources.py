"""Dereferenceable linked data: instance IRIs, ontology, vocabulary concepts, any IRI."""

from __future__ import annotations

import json

import pytest
import rdflib
from fastapi.testclient import TestClient
from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, parse
from rdflib.compare import isomorphic

from eitkg.namespaces import EIT, EITV, ORG, RDF, SKOS
from eitkg.store import OxigraphStore

from ..conftest import BASE
from .ld_facts import located_actor, secret_flow

FORMATS = {
    "text/turtle": RdfFormat.TURTLE,
    "application/n-triples": RdfFormat.N_TRIPLES,
    "application/rdf+xml": RdfFormat.RDF_XML,
}


def triples(body: bytes, fmt: RdfFormat) -> set[Triple]:
    return {q.triple for q in parse(body, format=fmt, base_iri=BASE)}


def path_of(iri: str) -> str:
    assert iri.startswith(BASE)
    return "/" + iri[len(BASE) :]


@pytest.fixture(scope="module")
def actor(seeded_store: OxigraphStore):  # type: ignore[no-untyped-def]
    return located_actor(seeded_store)


def test_instance_iri_dereferences_to_its_triples_in_turtle(client: TestClient, actor) -> None:  # type: ignore[no-untyped-def]
    response = client.get(path_of(actor.iri), headers={"Accept": "text/turtle"})
    assert response.headers["content-type"] == "text/turtle; charset=utf-8"
    graph = triples(response.content, RdfFormat.TURTLE)
    subject = NamedNode(actor.iri)
    assert (
        Triple(subject, NamedNode(SKOS + "prefLabel"), Literal(actor.label_fr, language="fr"))
        in graph
    )
    assert (
        Triple(subject, NamedNode(SKOS + "prefLabel"), Literal(actor.label_en, language="en"))
        in graph
    )
    assert Triple(subject, NamedNode(ORG + "hasSite"), NamedNode(actor.site)) in graph
    assert Triple(subject, NamedNode(RDF + "type"), NamedNode(EIT + "Company")) in graph
    # Triples pointing to it, and the labels of its neighbours, come along.
    assert Triple(NamedNode(actor.site), NamedNode(ORG + "siteOf"), subject) in graph
    assert any(
        t.subject == NamedNode(actor.park) and t.predicate.value == SKOS + "prefLabel"
        for t in graph
    )


@pytest.mark.parametrize("extension", ["ttl", "nt", "rdf", "jsonld"])
def test_every_format_carries_the_same_graph(client: TestClient, actor, extension: str) -> None:  # type: ignore[no-untyped-def]
    reference = rdflib.Graph().parse(data=client.get(path_of(actor.iri) + ".nt").text, format="nt")
    response = client.get(f"{path_of(actor.iri)}.{extension}")
    if extension == "jsonld":
        document = response.json()
        document["@context"] = client.get("/context.jsonld").json()["@context"]
        graph = rdflib.Graph().parse(data=json.dumps(document), format="json-ld")
    else:
        graph = rdflib.Graph().parse(
            data=response.content, format={"ttl": "turtle", "nt": "nt", "rdf": "xml"}[extension]
        )
    assert len(reference) > 10
    assert isomorphic(graph, reference)


@pytest.mark.parametrize("path", ["/def/ontology", "/catalog", "/.well-known/void"])
def test_documents_round_trip_through_json_ld(client: TestClient, path: str) -> None:
    # Blank nodes (OWL restrictions, VoID partitions) and typed values survive compaction.
    document = client.get(path + ".jsonld").json()
    document["@context"] = client.get("/context.jsonld").json()["@context"]
    graph = rdflib.Graph().parse(data=json.dumps(document), format="json-ld")
    reference = rdflib.Graph().parse(data=client.get(path + ".nt").text, format="nt")
    assert len(reference) > 100
    assert isomorphic(graph, reference)


def test_json_ld_reads_as_plain_json_with_a_published_context(
    client: TestClient, seeded_store: OxigraphStore
) -> None:
    flow = BASE + "id/flow/demo/demo-pipa-0024"
    quantity = next(
        q.object
        for q in seeded_store.quads()
        if q.subject == NamedNode(flow) and q.predicate.value == EIT + "quantityPerYear"
    )
    document = client.get(path_of(flow), headers={"Accept": "application/ld+json"}).json()
    assert document["@context"] == "http://localhost:8000/context.jsonld"
    assert document["id"] == flow
    assert document["type"] == ["Need"]
    assert document["quantityPerYear"] == quantity.value
    assert document["site"].startswith(BASE + "id/site/")
    assert document["actor"].startswith(BASE + "id/actor/")
    assert document["resourceCategory"] == EITV + "resource/steam-low-pressure"
    assert document["label"]["fr"] == "Vapeur 6 bar pour les réacteurs"
    included = {node["id"]: node for node in document["included"]}
    assert "prefLabel" in included[document["actor"]]

    context = client.get("/context.jsonld")
    assert context.headers["content-type"].startswith("application/ld+json")
    terms = context.json()["@context"]
    assert terms["quantityPerYear"] == {"@id": "eit:quantityPerYear", "@type": "xsd:decimal"}
    assert terms["site"] == {"@id": "eit:site", "@type": "@id"}
    assert terms["eit"] == EIT


def test_plain_json_points_to_the_context_in_a_link_header(client: TestClient, actor) -> None:  # type: ignore[no-untyped-def]
    response = client.get(path_of(actor.iri), headers={"Accept": "application/json"})
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    assert response.json()["prefLabel"] == {"fr": actor.label_fr, "en": actor.label_en}
    assert (
        '<http://localhost:8000/context.jsonld>; rel="http://www.w3.org/ns/json-ld#context"'
        in response.headers["link"]
    )


def test_headers_vary_link_and_etag(client: TestClient, actor) -> None:  # type: ignore[no-untyped-def]
    url = path_of(actor.iri)
    response = client.get(url, headers={"Accept": "text/turtle"})
    assert response.headers["vary"] == "Accept, Accept-Language"
    link = response.headers["link"]
    assert f'<http://localhost:8000{url}.ttl>; rel="self"; type="text/turtle"' in link
    for ext, media_type in [
        ("html", "text/html"),
        ("jsonld", "application/ld+json"),
        ("nt", "application/n-triples"),
        ("rdf", "application/rdf+xml"),
    ]:
        assert f'<http://localhost:8000{url}.{ext}>; rel="alternate"; type="{media_type}"' in link
    etag = response.headers["etag"]
    assert etag.startswith('"') and len(etag) == 34
    assert client.get(url, headers={"Accept": "text/turtle"}).headers["etag"] == etag
    assert client.get(url, headers={"Accept": "application/n-triples"}).headers["etag"] != etag

    again = client.get(url, headers={"Accept": "text/turtle", "If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    changed = client.get(url, headers={"Accept": "text/turtle", "If-None-Match": '"stale"'})
    assert changed.status_code == 200 and actor.label_fr in changed.text


def test_head_answers_headers_only(client: TestClient, actor) -> None:  # type: ignore[no-untyped-def]
    response = client.head(path_of(actor.iri), headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/turtle; charset=utf-8"
    assert response.content == b""


def test_unknown_iri_is_404_whatever_the_accept(client: TestClient) -> None:
    for accept in ("text/turtle", "image/png"):
        response = client.get("/id/actor/000000000", headers={"Accept": accept})
        assert response.status_code == 404
        problem = response.json()
        assert problem["status"] == 404
        assert "http://localhost:8000/id/actor/000000000" in problem["detail"]
    page = client.get("/id/actor/000000000", headers={"Accept": "text/html"})
    assert page.status_code == 404
    assert (
        "Ressource inconnue" in page.text
        and "http://localhost:8000/id/actor/000000000" in page.text
    )


def test_406_only_when_nothing_is_acceptable(client: TestClient, actor) -> None:  # type: ignore[no-untyped-def]
    response = client.get(path_of(actor.iri), headers={"Accept": "image/png, application/pdf"})
    assert response.status_code == 406
    assert response.json()["available"] == [
        "text/html",
        "text/turtle",
        "application/ld+json",
        "application/n-triples",
        "application/rdf+xml",
        "application/json",
    ]
    fallback = client.get(path_of(actor.iri), headers={"Accept": "image/png, text/turtle;q=0.1"})
    assert fallback.headers["content-type"].startswith("text/turtle")


def test_ontology_dereferences_as_a_document(client: TestClient) -> None:
    graph = triples(client.get("/def/ontology.ttl").content, RdfFormat.TURTLE)
    assert (
        Triple(
            NamedNode(EIT + "Need"),
            NamedNode(RDF + "type"),
            NamedNode("http://www.w3.org/2002/07/owl#Class"),
        )
        in graph
    )
    assert (
        Triple(
            NamedNode(EIT.rstrip("#")),
            NamedNode(RDF + "type"),
            NamedNode("http://www.w3.org/2002/07/owl#Ontology"),
        )
        in graph
    )
    page = client.get("/def/ontology", headers={"Accept": "text/html", "Accept-Language": "en"})
    assert 'id="Need"' in page.text and 'id="quantityPerYear"' in page.text
    assert "<h3>need <small><code>eit:Need</code></small></h3>" in page.text
    french = client.get("/def/ontology", headers={"Accept": "text/html", "Accept-Language": "fr"})
    assert "<h3>besoin <small><code>eit:Need</code></small></h3>" in french.text


def test_vocabulary_concept_dereferences(client: TestClient, seeded_store: OxigraphStore) -> None:
    concept = EITV + "ewc/010304"
    graph = triples(
        client.get("/def/vocab/ewc/010304", headers={"Accept": "text/turtle"}).content,
        RdfFormat.TURTLE,
    )
    assert Triple(NamedNode(concept), NamedNode(SKOS + "notation"), Literal("010304")) in graph
    assert (
        Triple(NamedNode(concept), NamedNode(SKOS + "broader"), NamedNode(EITV + "ewc/0103"))
        in graph
    )
    english = client.get(
        "/def/vocab/ewc/010304", headers={"Accept": "text/html", "Accept-Language": "en"}
    ).text
    assert "<h1>Acid-generating tailings from processing of sulphide ore</h1>" in english
    assert 'href="/def/vocab/ewc/0103"' in english  # its broader concept, served here too
    scheme = client.get("/def/vocab/ewc.ttl")
    assert f"<{EITV}ewc/01>" in scheme.text or "ewc\\/01" in scheme.text
    index = client.get("/def/vocab", headers={"Accept-Language": "en"}).text
    assert 'href="/def/vocab/ewc"' in index and 'href="/def/vocab/resource"' in index


def test_any_iri_through_resource(client: TestClient) -> None:
    tonne = "http://qudt.org/vocab/unit/TONNE"
    response = client.get("/resource", params={"iri": tonne, "format": "nt"})
    graph = triples(response.content, RdfFormat.N_TRIPLES)
    assert any(
        t.subject == NamedNode(tonne) and t.predicate.value == SKOS + "prefLabel" for t in graph
    )
    assert "format=ttl" in response.headers["link"]
    missing = client.get(
        "/resource", params={"iri": "http://example.org/nothing"}, headers={"Accept": "text/turtle"}
    )
    assert missing.status_code == 404


def test_graph_iri_dereferences(client: TestClient) -> None:
    graph = triples(client.get("/graph/dataset/demo.nt").content, RdfFormat.N_TRIPLES)
    assert (
        Triple(
            NamedNode(BASE + "id/dataset/demo"),
            NamedNode(EIT + "graph"),
            NamedNode(BASE + "graph/dataset/demo"),
        )
        in graph
    )


def test_confidential_flow_is_hidden_from_the_public(
    client: TestClient, seeded_store: OxigraphStore, curator_headers: dict[str, str]
) -> None:
    secret = secret_flow(seeded_store)
    anonymous = client.get(path_of(secret.iri), headers={"Accept": "text/turtle"})
    assert anonymous.status_code == 404
    assert secret.label not in anonymous.text

    curator = client.get(path_of(secret.iri), headers={"Accept": "text/turtle", **curator_headers})
    assert curator.status_code == 200
    graph = triples(curator.content, RdfFormat.TURTLE)
    assert (
        Triple(
            NamedNode(secret.iri),
            NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
            Literal(secret.label, language="fr"),
        )
        in graph
    )
    assert curator.headers["cache-control"].startswith("private")

    # Nor does the actor's description point to it, in RDF or on its page.
    public_actor = client.get(
        path_of(secret.actor), headers={"Accept": "application/n-triples"}
    ).text
    assert secret.iri not in public_actor
    assert (
        secret.label not in client.get(path_of(secret.actor), headers={"Accept": "text/html"}).text
    )
    curator_actor = client.get(
        path_of(secret.actor), headers={"Accept": "application/n-triples", **curator_headers}
    ).text
    assert f"<{secret.iri}> <{EIT}actor> <{secret.actor}>" in curator_actor
