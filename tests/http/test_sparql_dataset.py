"""Who reads what through ``/sparql``: hidden graphs, the protocol dataset, SERVICE."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from pyoxigraph import DefaultGraph, NamedNode

from eitkg.config import Settings
from eitkg.http import create_app
from eitkg.http.sparql_guard import uses_service
from eitkg.store import OxigraphStore
from eitkg.store.graphs import visible_graphs

from ..conftest import BASE, free_port

CONFIDENTIAL = BASE + "graph/dataset/demo/confidential"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
SECRET_ASK = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
ASK { ?flow rdfs:label "Acétone usagée en mélange aqueux"@fr }"""
GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"


def _count(client: TestClient, query: str = COUNT, **params: object) -> int:
    response = client.get("/sparql", params={"query": query, **params})
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def _size(store: OxigraphStore, graphs: list[NamedNode]) -> int:
    return sum(1 for g in graphs for _ in store.quads(g)) + sum(
        1 for _ in store.quads(DefaultGraph())
    )


def test_anonymous_counts_exclude_confidential_graphs(
    client: TestClient, seeded_store: OxigraphStore, curator_headers: dict[str, str]
) -> None:
    public = visible_graphs(seeded_store, curator=False)
    everything = visible_graphs(seeded_store, curator=True)
    assert NamedNode(CONFIDENTIAL) in everything and NamedNode(CONFIDENTIAL) not in public
    assert _count(client) == _size(seeded_store, public)
    curator = client.get("/sparql", params={"query": COUNT}, headers=curator_headers)
    assert int(curator.json()["results"]["bindings"][0]["n"]["value"]) == len(seeded_store)
    assert _size(seeded_store, everything) == len(seeded_store) > _size(seeded_store, public)


def test_confidential_data_is_invisible_to_anonymous_readers(
    client: TestClient, curator_headers: dict[str, str]
) -> None:
    assert client.get("/sparql", params={"query": SECRET_ASK}).json()["boolean"] is False
    curator = client.get("/sparql", params={"query": SECRET_ASK}, headers=curator_headers)
    assert curator.json()["boolean"] is True
    graphs = [
        b["g"]["value"]
        for b in client.get("/sparql", params={"query": GRAPHS}).json()["results"]["bindings"]
    ]
    assert BASE + "graph/dataset/demo" in graphs and CONFIDENTIAL not in graphs
    named = "ASK { GRAPH <" + CONFIDENTIAL + "> { ?s ?p ?o } }"
    assert client.get("/sparql", params={"query": named}).json()["boolean"] is False


def test_from_clauses_cannot_reach_a_hidden_graph(client: TestClient) -> None:
    # The service always sets the dataset, so FROM / FROM NAMED in the text give no way in.
    from_secret = SECRET_ASK.replace("ASK {", "ASK FROM <" + CONFIDENTIAL + "> {")
    assert client.get("/sparql", params={"query": from_secret}).json()["boolean"] is False
    from_named = GRAPHS.replace("WHERE", "FROM NAMED <" + CONFIDENTIAL + "> WHERE")
    graphs = client.get("/sparql", params={"query": from_named}).json()["results"]["bindings"]
    assert CONFIDENTIAL not in [b["g"]["value"] for b in graphs]


def test_a_hidden_graph_named_in_the_protocol_reads_as_empty(
    client: TestClient, seeded_store: OxigraphStore, curator_headers: dict[str, str]
) -> None:
    assert _count(client, **{"default-graph-uri": CONFIDENTIAL}) == 0
    curator = client.get(
        "/sparql",
        params={"query": COUNT, "default-graph-uri": CONFIDENTIAL},
        headers=curator_headers,
    )
    secret_size = sum(1 for _ in seeded_store.quads(NamedNode(CONFIDENTIAL)))
    assert secret_size > 0
    assert int(curator.json()["results"]["bindings"][0]["n"]["value"]) == secret_size
    named = client.get("/sparql", params={"query": GRAPHS, "named-graph-uri": CONFIDENTIAL})
    assert named.json()["results"]["bindings"] == []
    staging = client.get(
        "/sparql",
        params={"query": COUNT, "default-graph-uri": "urn:eitkg:staging:x"},
        headers=curator_headers,
    )
    assert staging.json()["results"]["bindings"][0]["n"]["value"] == "0"


def test_protocol_dataset_selects_public_graphs(
    client: TestClient, seeded_store: OxigraphStore
) -> None:
    ewc = "https://w3id.org/eitkg/graph/vocab/ewc"
    expected = sum(1 for _ in seeded_store.quads(NamedNode(ewc)))
    assert _count(client, **{"default-graph-uri": ewc}) == expected
    both = client.get(
        "/sparql", params=[("query", COUNT), ("default-graph-uri", ewc), ("default-graph-uri", ewc)]
    )
    assert (
        int(both.json()["results"]["bindings"][0]["n"]["value"]) == 2 * expected
    )  # a bag, like Oxigraph
    graphs = client.get("/sparql", params={"query": GRAPHS, "named-graph-uri": ewc}).json()
    assert [b["g"]["value"] for b in graphs["results"]["bindings"]] == [ewc]


def test_service_is_refused_to_anonymous_readers(client: TestClient) -> None:
    query = "SELECT * WHERE { SERVICE <http://10.0.0.1/sparql> { ?s ?p ?o } }"
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 403
    assert response.json()["type"].endswith("/federation-disabled")


def test_service_runs_when_the_setting_allows_it(seeded_store: OxigraphStore) -> None:
    port = free_port()  # nothing listens there: SERVICE SILENT gives one empty solution
    query = (
        "SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:" + str(port) + "/sparql> { ?s ?p ?o } }"
    )
    settings = Settings(base_iri=BASE, federated_query=True)
    with TestClient(create_app(settings, store=seeded_store)) as open_client:
        response = open_client.get("/sparql", params={"query": query})
    assert response.json()["results"]["bindings"] == [{}]


@pytest.mark.parametrize(
    ("sparql", "expected"),
    [
        ("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }", True),
        ("select * { sErViCe<http://x/>{ ?s ?p ?o } }", True),
        ("SELECT * { ?s ?p ?o .SERVICE ?e { ?s ?p ?o } }", True),
        ("SELECT * { ?s ex:a\\# SERVICE <http://x/> { } }", True),  # \# is no comment
        ("SELECT * { ?s ?p 'it''s' } SERVICE", True),
        ("SELECT ?service { ?service ?p ?o }", False),
        ("SELECT * { ?s ex:service ?o . ?s service:x ?o }", False),
        ('SELECT * { ?s ?p "Service de collecte" }', False),
        ("SELECT * { ?s ?p '''multi\nline SERVICE''' }", False),
        ('SELECT * { ?s ?p "esc\\" SERVICE <x> {}" }', False),
        ("SELECT * { ?s ?p <http://x/SERVICE> } # SERVICE <http://x/> {}", False),
        ("SELECT * { ?s ?p <https://w3id.org/eitkg/vocab/actor-role/service-provider> }", False),
    ],
)
def test_service_guard(sparql: str, expected: bool) -> None:
    assert uses_service(sparql) is expected
