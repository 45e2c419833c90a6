"""``/sparql/update``: SPARQL Update by POST, curators only, atomic."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pyoxigraph import Literal, NamedNode, Quad

from eitkg.config import Settings
from eitkg.http import create_app
from eitkg.store import OxigraphStore

from ..conftest import BASE


@pytest.fixture
def writer(settings: Settings, empty_store: OxigraphStore) -> Iterator[TestClient]:
    """A client on an empty store of the test's own (fast: no seeding)."""
    with TestClient(create_app(settings, store=empty_store), base_url=BASE.rstrip("/")) as c:
        yield c


GRAPH = "http://example.org/g"
TRIPLE = "GRAPH <http://example.org/g> { <http://example.org/s> <http://example.org/p> 'v' }"
INSERT = "INSERT DATA { " + TRIPLE + " }"
EXPECTED = Quad(
    NamedNode("http://example.org/s"),
    NamedNode("http://example.org/p"),
    Literal("v"),
    NamedNode(GRAPH),
)


def test_update_needs_the_curator_token(writer: TestClient, empty_store: OxigraphStore) -> None:
    before = len(empty_store)
    anonymous = writer.post("/sparql/update", data={"update": INSERT})
    assert anonymous.status_code == 401
    assert anonymous.headers["www-authenticate"] == 'Bearer realm="eitkg"'
    wrong = writer.post(
        "/sparql/update", data={"update": INSERT}, headers={"Authorization": "Bearer nope"}
    )
    assert wrong.status_code == 401 and wrong.json()["type"].endswith("/unauthorized")
    assert len(empty_store) == before


def test_form_and_direct_updates(
    writer: TestClient, empty_store: OxigraphStore, curator_headers: dict[str, str]
) -> None:
    response = writer.post("/sparql/update", data={"update": INSERT}, headers=curator_headers)
    assert response.status_code == 204 and response.content == b""
    assert list(empty_store.quads(NamedNode(GRAPH))) == [EXPECTED]
    deleted = writer.post(
        "/sparql/update",
        content=("DELETE DATA { " + TRIPLE + " }").encode(),
        headers={"content-type": "application/sparql-update", **curator_headers},
    )
    assert deleted.status_code == 204
    assert list(empty_store.quads(NamedNode(GRAPH))) == []


def test_update_is_visible_to_readers(writer: TestClient, curator_headers: dict[str, str]) -> None:
    writer.post("/sparql/update", data={"update": INSERT}, headers=curator_headers)
    ask = "ASK { " + TRIPLE + " }"
    assert writer.get("/sparql", params={"query": ask}).json()["boolean"] is True


def test_updates_are_atomic(
    writer: TestClient, empty_store: OxigraphStore, curator_headers: dict[str, str]
) -> None:
    # The second operation fails (the graph exists): the first one is not applied either.
    failing = (
        "CREATE GRAPH <http://example.org/h> ; " + INSERT + " ; CREATE GRAPH <http://example.org/h>"
    )
    response = writer.post("/sparql/update", data={"update": failing}, headers=curator_headers)
    assert response.status_code == 400
    assert "already exists" in response.json()["detail"]
    assert list(empty_store.quads(NamedNode(GRAPH))) == []
    assert not empty_store.has_graph(NamedNode("http://example.org/h"))


def test_update_errors(writer: TestClient, curator_headers: dict[str, str]) -> None:
    syntax = writer.post("/sparql/update", data={"update": "CLEAR XYZ"}, headers=curator_headers)
    assert syntax.status_code == 400
    assert syntax.json()["detail"].startswith("error at 1:")
    by_get = writer.get("/sparql/update", params={"update": "CLEAR ALL"}, headers=curator_headers)
    assert by_get.status_code == 405 and by_get.headers["allow"] == "POST"
    two = writer.post(
        "/sparql/update",
        content=b"update=CLEAR%20NAMED&update=CLEAR%20DEFAULT",
        headers={"content-type": "application/x-www-form-urlencoded", **curator_headers},
    )
    assert two.status_code == 400 and "2 'update' parameters" in two.json()["detail"]
    plain = writer.post(
        "/sparql/update",
        content=b"CLEAR NAMED",
        headers={"content-type": "text/plain", **curator_headers},
    )
    assert plain.status_code == 415
    using = writer.post(
        "/sparql/update",
        params={"using-graph-uri": GRAPH},
        data={"update": "INSERT { ?s ?p ?o } WHERE { ?s ?p ?o }"},
        headers=curator_headers,
    )
    assert using.status_code == 400 and "USING" in using.json()["detail"]


def test_relative_iris_resolve_against_the_base(
    writer: TestClient, empty_store: OxigraphStore, curator_headers: dict[str, str]
) -> None:
    update = "INSERT DATA { GRAPH <graph/dataset/notes> { <id/actor/inspira> <http://e.org/p> 1 } }"
    writer.post("/sparql/update", data={"update": update}, headers=curator_headers)
    quads = list(empty_store.quads(NamedNode(BASE + "graph/dataset/notes")))
    assert [q.subject for q in quads] == [NamedNode(BASE + "id/actor/inspira")]
