"""``/store``: the Graph Store HTTP Protocol (open reading of public graphs, curator writes)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, RdfFormat, Triple, parse

from eitkg.config import Settings
from eitkg.http import create_app
from eitkg.store import OxigraphStore

from ..conftest import BASE

DEMO = BASE + "graph/dataset/demo"
CONFIDENTIAL = DEMO + "/confidential"
GRAPH = "http://example.org/people"
ALICE = b'<http://example.org/alice> <http://xmlns.com/foaf/0.1/name> "Alice" .'
BOB = b'<http://example.org/bob> <http://xmlns.com/foaf/0.1/name> "Bob" .'
NAME = NamedNode("http://xmlns.com/foaf/0.1/name")
NT = {"content-type": "application/n-triples"}


def _url(graph: str) -> str:
    return "/store?graph=" + quote(graph, safe="")


def _triples(body: bytes, fmt: RdfFormat = RdfFormat.TURTLE) -> set[Triple]:
    return {q.triple for q in parse(body, format=fmt)}


def _name(who: str, name: str) -> Triple:
    return Triple(NamedNode("http://example.org/" + who), NAME, Literal(name))


@pytest.fixture
def writer(settings: Settings, empty_store: OxigraphStore) -> Iterator[TestClient]:
    with TestClient(create_app(settings, store=empty_store), base_url=BASE.rstrip("/")) as c:
        yield c


# --- reading ----------------------------------------------------------------------------------


def test_anonymous_readers_get_public_graphs(
    client: TestClient, seeded_store: OxigraphStore
) -> None:
    response = client.get(_url(DEMO))
    assert response.headers["content-type"] == "text/turtle; charset=utf-8"
    assert _triples(response.content) == {q.triple for q in seeded_store.quads(NamedNode(DEMO))}
    as_nt = client.get(_url(DEMO), headers={"accept": "application/n-triples"})
    assert _triples(as_nt.content, RdfFormat.N_TRIPLES) == _triples(response.content)
    as_jsonld = client.get(_url(DEMO) + "&format=jsonld")
    assert as_jsonld.headers["content-type"] == "application/ld+json; charset=utf-8"
    assert len(_triples(as_jsonld.content, RdfFormat.JSON_LD)) == len(_triples(response.content))


def test_confidential_graphs_are_404_for_anonymous_readers(
    client: TestClient, seeded_store: OxigraphStore, curator_headers: dict[str, str]
) -> None:
    anonymous = client.get(_url(CONFIDENTIAL))
    assert anonymous.status_code == 404
    assert anonymous.json()["type"].endswith("/not-found")
    curator = client.get(_url(CONFIDENTIAL), headers=curator_headers)
    secret = {q.triple for q in seeded_store.quads(NamedNode(CONFIDENTIAL))}
    assert secret and _triples(curator.content) == secret
    staging = client.get(_url("urn:eitkg:staging:x"), headers=curator_headers)
    assert staging.status_code == 404


def test_head_and_unknown_graphs(client: TestClient) -> None:
    got = client.get(_url(DEMO))
    head = client.head(_url(DEMO))
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == "text/turtle; charset=utf-8"
    assert head.headers["content-length"] == str(len(got.content))
    assert client.head(_url("http://example.org/none")).status_code == 404
    missing = client.get(_url("http://example.org/none"))
    assert missing.status_code == 404 and "http://example.org/none" in missing.json()["detail"]


def test_requests_must_name_one_graph(client: TestClient) -> None:
    none = client.get("/store")
    assert none.status_code == 400 and "?graph=" in none.json()["detail"]
    both = client.get(_url(DEMO) + "&default")
    assert both.status_code == 400
    bad = client.get("/store?graph=not%20an%20iri")
    assert bad.status_code == 400 and bad.json()["type"].endswith("/bad-iri")


def test_cors_for_reading_only(client: TestClient) -> None:
    got = client.get(_url(DEMO), headers={"origin": "https://partner.example"})
    assert got.headers["access-control-allow-origin"] == "*"
    preflight = client.options(
        "/store",
        headers={"origin": "https://partner.example", "access-control-request-method": "PUT"},
    )
    assert preflight.headers["access-control-allow-methods"] == "GET, HEAD, OPTIONS"


# --- writing ----------------------------------------------------------------------------------


def test_writes_need_the_curator_token(writer: TestClient, empty_store: OxigraphStore) -> None:
    for method in ("PUT", "POST", "DELETE"):
        response = writer.request(method, _url(GRAPH), content=ALICE, headers=NT)
        assert response.status_code == 401, method
    assert len(empty_store) == 0 and not empty_store.has_graph(NamedNode(GRAPH))


def test_put_creates_then_replaces(
    writer: TestClient, empty_store: OxigraphStore, curator_headers: dict[str, str]
) -> None:
    created = writer.put(_url(GRAPH), content=ALICE, headers={**NT, **curator_headers})
    assert created.status_code == 201
    replaced = writer.put(_url(GRAPH), content=BOB, headers={**NT, **curator_headers})
    assert replaced.status_code == 204
    assert {q.triple for q in empty_store.quads(NamedNode(GRAPH))} == {_name("bob", "Bob")}
    assert _triples(writer.get(_url(GRAPH)).content) == {_name("bob", "Bob")}


def test_a_failing_put_changes_nothing(
    writer: TestClient, empty_store: OxigraphStore, curator_headers: dict[str, str]
) -> None:
    writer.put(_url(GRAPH), content=ALICE, headers={**NT, **curator_headers})
    broken = BOB + b"\n<http://example.org/carol> <http://xmlns.com/foaf/0.1/name> ."
    response = writer.put(_url(GRAPH), content=broken, headers={**NT, **curator_headers})
    assert response.status_code == 400
    assert response.json()["location"].startswith("body:2")
    assert {q.triple for q in empty_store.quads(NamedNode(GRAPH))} == {_name("alice", "Alice")}


def test_post_merges_with_fresh_blank_nodes(
    writer: TestClient, empty_store: OxigraphStore, curator_headers: dict[str, str]
) -> None:
    headers = {**NT, **curator_headers}
    assert writer.post(_url(GRAPH), content=ALICE, headers=headers).status_code == 201
    assert writer.post(_url(GRAPH), content=BOB, headers=headers).status_code == 204
    anonymous = b'_:x <http://xmlns.com/foaf/0.1/name> "Anonymous" .'
    writer.post(_url(GRAPH), content=anonymous, headers=headers)
    writer.post(_url(GRAPH), content=anonymous, headers=headers)
    triples = {q.triple for q in empty_store.quads(NamedNode(GRAPH))}
    assert {_name("alice", "Alice"), _name("bob", "Bob")} < triples
    blanks = {t.subject for t in triples if isinstance(t.subject, BlankNode)}
    assert len(blanks) == 2  # the two uploads' _:x are two different nodes


def test_multipart_post(
    writer: TestClient, empty_store: OxigraphStore, curator_headers: dict[str, str]
) -> None:
    files = [
        ("alice", ("alice.nt", ALICE, "application/n-triples")),
        (
            "bob",
            (
                "bob.ttl",
                b'<http://example.org/bob> <http://xmlns.com/foaf/0.1/name> "Bob" .',
                "text/turtle",
            ),
        ),
    ]
    response = writer.post(_url(GRAPH), files=files, headers=curator_headers)
    assert response.status_code == 201
    assert {q.triple for q in empty_store.quads(NamedNode(GRAPH))} == {
        _name("alice", "Alice"),
        _name("bob", "Bob"),
    }


def test_post_to_the_store_creates_a_graph(
    writer: TestClient, empty_store: OxigraphStore, curator_headers: dict[str, str]
) -> None:
    response = writer.post("/store", content=ALICE, headers={**NT, **curator_headers})
    assert response.status_code == 201
    location = response.headers["location"]
    assert location.startswith(BASE + "store/")
    assert {q.triple for q in empty_store.quads(NamedNode(location))} == {_name("alice", "Alice")}
    assert _triples(writer.get(location.removeprefix(BASE.rstrip("/"))).content) == {
        _name("alice", "Alice")
    }


def test_delete(
    writer: TestClient, empty_store: OxigraphStore, curator_headers: dict[str, str]
) -> None:
    writer.put(_url(GRAPH), content=ALICE, headers={**NT, **curator_headers})
    assert writer.delete(_url(GRAPH), headers=curator_headers).status_code == 204
    assert not empty_store.has_graph(NamedNode(GRAPH)) and len(empty_store) == 0
    assert writer.get(_url(GRAPH)).status_code == 404
    assert writer.delete(_url(GRAPH), headers=curator_headers).status_code == 404


def test_the_default_graph(
    writer: TestClient, empty_store: OxigraphStore, curator_headers: dict[str, str]
) -> None:
    assert (
        writer.put("/store?default", content=ALICE, headers={**NT, **curator_headers}).status_code
        == 204
    )
    assert {q.triple for q in empty_store.quads(DefaultGraph())} == {_name("alice", "Alice")}
    assert _triples(writer.get("/store?default").content) == {_name("alice", "Alice")}
    ask = 'ASK { ?who <http://xmlns.com/foaf/0.1/name> "Alice" }'  # part of the public union
    assert writer.get("/sparql", params={"query": ask}).json()["boolean"] is True
    assert writer.delete("/store?default", headers=curator_headers).status_code == 204
    assert len(empty_store) == 0


def test_direct_graph_naming(
    writer: TestClient, empty_store: OxigraphStore, curator_headers: dict[str, str]
) -> None:
    created = writer.put("/store/people/1.ttl", content=ALICE, headers={**NT, **curator_headers})
    assert created.status_code == 201
    assert empty_store.has_graph(NamedNode(BASE + "store/people/1.ttl"))
    assert _triples(writer.get("/store/people/1.ttl").content) == {_name("alice", "Alice")}
    assert _triples(writer.get(_url(BASE + "store/people/1.ttl")).content) == {
        _name("alice", "Alice")
    }


def test_an_empty_put_makes_an_empty_graph(
    writer: TestClient, empty_store: OxigraphStore, curator_headers: dict[str, str]
) -> None:
    writer.put(_url(GRAPH), content=ALICE, headers={**NT, **curator_headers})
    assert (
        writer.put(_url(GRAPH), content=b"", headers={**NT, **curator_headers}).status_code == 204
    )
    assert empty_store.has_graph(NamedNode(GRAPH)) and len(empty_store) == 0
    assert writer.get(_url(GRAPH), headers={"accept": "application/n-triples"}).content == b""


def test_payload_errors(writer: TestClient, curator_headers: dict[str, str]) -> None:
    plain = writer.put(
        _url(GRAPH), content=ALICE, headers={"content-type": "text/plain-ish", **curator_headers}
    )
    assert plain.status_code == 415
    utf16 = writer.put(
        _url(GRAPH),
        content=ALICE.decode().encode("utf-16"),
        headers={"content-type": "text/turtle; charset=utf-16", **curator_headers},
    )
    assert utf16.status_code == 415
    staging = writer.put(
        _url("urn:eitkg:staging:mine"), content=ALICE, headers={**NT, **curator_headers}
    )
    assert staging.status_code == 403


def test_curators_write_confidential_graphs_readers_never_see(
    writer: TestClient, curator_headers: dict[str, str]
) -> None:
    secret = "http://example.org/graph/x/confidential"
    assert (
        writer.put(_url(secret), content=ALICE, headers={**NT, **curator_headers}).status_code
        == 201
    )
    assert writer.get(_url(secret)).status_code == 404
    assert writer.get(_url(secret), headers=curator_headers).status_code == 200
    ask = 'ASK { ?who <http://xmlns.com/foaf/0.1/name> "Alice" }'
    assert writer.get("/sparql", params={"query": ask}).json()["boolean"] is False
