"""DCAT catalogue, VoID description and dumps: public data only, counted right."""

from __future__ import annotations

import gzip

from fastapi.testclient import TestClient
from pyoxigraph import Literal, NamedNode, QuerySolutions, RdfFormat, Triple, parse

from eitkg.namespaces import DCAT, DCTERMS, EIT, PROV, RDF, VOID
from eitkg.store import OxigraphStore
from eitkg.store.graphs import is_confidential, visible_graphs

from ..conftest import BASE
from .ld_facts import public_count, secret_flow

A = NamedNode(RDF + "type")


def turtle(body: bytes) -> set[Triple]:
    return {q.triple for q in parse(body, format=RdfFormat.TURTLE)}


def objects(graph: set[Triple], subject: NamedNode, predicate: str) -> set[object]:
    return {t.object for t in graph if t.subject == subject and t.predicate.value == predicate}


def graph_sizes(store: OxigraphStore) -> dict[str, int]:
    return {g.value: sum(1 for _ in store.quads(g)) for g in visible_graphs(store, curator=False)}


def test_catalog_lists_datasets_with_provenance_entries_and_the_service(
    client: TestClient, seeded_store: OxigraphStore
) -> None:
    response = client.get("/catalog", headers={"Accept": "text/turtle"})
    assert response.headers["content-type"] == "text/turtle; charset=utf-8"
    graph = turtle(response.content)
    catalog = NamedNode(BASE + "catalog")
    assert Triple(catalog, A, NamedNode(DCAT + "Catalog")) in graph

    demo = NamedNode(BASE + "id/dataset/demo")
    assert demo in objects(graph, catalog, DCAT + "dataset")
    assert Literal("demo") in objects(graph, demo, DCTERMS + "identifier")
    assert NamedNode(BASE + "graph/dataset/demo") in objects(graph, demo, EIT + "graph")
    (activity,) = objects(graph, demo, PROV + "wasGeneratedBy")
    assert isinstance(activity, NamedNode)
    assert Triple(activity, A, NamedNode(EIT + "Import")) in graph
    assert objects(graph, activity, PROV + "startedAtTime")

    entries = objects(graph, catalog, DCAT + "resource")
    reports = public_count(seeded_store, EIT + "ExperienceReport")
    methods = public_count(seeded_store, EIT + "Methodology")
    assert len(entries) == reports + methods > 0
    for entry in entries:
        assert isinstance(entry, NamedNode)
        assert objects(graph, entry, DCTERMS + "title")

    service = NamedNode(BASE + "catalog#sparql-service")
    assert Triple(service, A, NamedNode(DCAT + "DataService")) in graph
    assert objects(graph, service, DCAT + "endpointURL") == {NamedNode(BASE + "sparql")}
    assert demo in objects(graph, service, DCAT + "servesDataset")
    assert NamedNode(BASE + "catalog#sparql-service") in objects(graph, catalog, DCAT + "service")
    dump = NamedNode(BASE + "catalog#public-dump")
    assert objects(graph, dump, DCAT + "downloadURL") == {NamedNode(BASE + "dumps/public.nq.gz")}


def test_catalog_page_and_json_ld(client: TestClient) -> None:
    page = client.get("/catalog", headers={"Accept": "text/html", "Accept-Language": "en"}).text
    assert "Demo territory in Auvergne-Rhône-Alpes (fictional firms)" in page
    assert 'href="/id/dataset/demo"' in page
    assert 'id="sparql-service"' in page and "http://localhost:8000/sparql" in page
    document = client.get("/catalog.jsonld").json()
    assert document["id"] == BASE + "catalog"
    assert BASE + "id/dataset/demo" in document["dataset"]
    assert document["service"] == [BASE + "catalog#sparql-service"]


def test_void_describes_the_public_graph(client: TestClient, seeded_store: OxigraphStore) -> None:
    response = client.get("/.well-known/void")  # Turtle when the client does not ask for a page
    assert response.headers["content-type"] == "text/turtle; charset=utf-8"
    graph = turtle(response.content)
    dataset = NamedNode(BASE + "catalog#public-graph")
    sizes = graph_sizes(seeded_store)
    assert objects(graph, dataset, VOID + "triples") == {
        Literal(
            str(sum(sizes.values())), datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer")
        )
    }
    assert objects(graph, dataset, VOID + "sparqlEndpoint") == {NamedNode(BASE + "sparql")}
    assert objects(graph, dataset, VOID + "dataDump") == {NamedNode(BASE + "dumps/public.nq.gz")}
    assert objects(graph, dataset, VOID + "uriSpace") == {Literal(BASE + "id/")}

    subsets = objects(graph, dataset, VOID + "subset")
    assert {s.value for s in subsets if isinstance(s, NamedNode)} == set(sizes)
    assert not [s for s in subsets if isinstance(s, NamedNode) and is_confidential(s)]
    demo = NamedNode(BASE + "graph/dataset/demo")
    assert objects(graph, demo, VOID + "triples") == {
        Literal(
            str(sizes[demo.value]), datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer")
        )
    }

    partitions = {
        next(iter(objects(graph, p, VOID + "class"))): next(
            iter(objects(graph, p, VOID + "entities"))
        )  # type: ignore[arg-type]
        for p in objects(graph, dataset, VOID + "classPartition")
    }
    availability = NamedNode(EIT + "Availability")
    assert int(partitions[availability].value) == public_count(seeded_store, availability.value)  # type: ignore[attr-defined]


def test_public_dump_streams_public_graphs_only(
    client: TestClient, seeded_store: OxigraphStore
) -> None:
    response = client.get("/dumps/public.nq.gz")
    assert response.headers["content-type"] == "application/gzip"
    assert 'filename="public.nq.gz"' in response.headers["content-disposition"]
    quads = list(parse(gzip.decompress(response.content), format=RdfFormat.N_QUADS))
    sizes = graph_sizes(seeded_store)
    assert len(quads) == sum(sizes.values())
    assert {q.graph_name.value for q in quads} == set(sizes)  # type: ignore[union-attr]
    assert not [q for q in quads if q.graph_name.value.endswith("/confidential")]  # type: ignore[union-attr]
    secret = secret_flow(seeded_store)
    assert not [q for q in quads if NamedNode(secret.iri) in (q.subject, q.object)]


def test_full_dump_is_for_curators(
    client: TestClient, seeded_store: OxigraphStore, curator_headers: dict[str, str]
) -> None:
    refused = client.get("/dumps/all.nq.gz")
    assert refused.status_code == 401
    assert refused.json()["title"] == "Curator credential required"
    response = client.get("/dumps/all.nq.gz", headers=curator_headers)
    quads = list(parse(gzip.decompress(response.content), format=RdfFormat.N_QUADS))
    secret = secret_flow(seeded_store)
    assert [
        q
        for q in quads
        if q.subject == NamedNode(secret.iri) and q.object == Literal(secret.label, language="fr")
    ]
    assert response.headers["cache-control"] == "private, no-store"


def test_counts_agree_with_a_sparql_count(seeded_store: OxigraphStore) -> None:
    # The helper the tests compare against, checked once against the store itself.
    result = seeded_store.query(
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
        named_graphs=visible_graphs(seeded_store, curator=False),
    )
    assert isinstance(result, QuerySolutions)
    assert int(next(iter(result))["n"].value) == sum(graph_sizes(seeded_store).values())  # type: ignore[union-attr]
