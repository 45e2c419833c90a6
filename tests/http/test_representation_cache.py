"""Rendered representations are cached until the next write, never served stale."""

from __future__ import annotations

from fastapi.testclient import TestClient
from pyoxigraph import Literal, NamedNode, Quad

from eitkg.namespaces import SKOS
from eitkg.store import OxigraphStore

from ..conftest import BASE

ACTOR = BASE + "id/actor/demo-cache-probe"


def test_a_write_is_seen_by_the_next_lookup(
    write_client: TestClient, fresh_store: OxigraphStore
) -> None:
    label = NamedNode(SKOS + "prefLabel")
    graph = NamedNode(BASE + "graph/dataset/cache-test")
    fresh_store.extend(
        [Quad(NamedNode(ACTOR), label, Literal("Premier nom", language="fr"), graph)]
    )
    first = write_client.get("/id/actor/demo-cache-probe", headers={"Accept": "text/turtle"})
    assert "Premier nom" in first.text
    again = write_client.get("/id/actor/demo-cache-probe", headers={"Accept": "text/turtle"})
    assert again.text == first.text
    assert again.headers["etag"] == first.headers["etag"]
    assert len(write_client.app.state.response_cache) >= 1  # type: ignore[attr-defined]

    fresh_store.extend([Quad(NamedNode(ACTOR), label, Literal("Second nom", language="fr"), graph)])
    after = write_client.get("/id/actor/demo-cache-probe", headers={"Accept": "text/turtle"})
    assert "Second nom" in after.text
    assert after.headers["etag"] != first.headers["etag"]
    stale = write_client.get(
        "/id/actor/demo-cache-probe",
        headers={"Accept": "text/turtle", "If-None-Match": first.headers["etag"]},
    )
    assert stale.status_code == 200 and "Second nom" in stale.text


def test_curators_and_readers_get_their_own_entries(
    write_client: TestClient, fresh_store: OxigraphStore, curator_headers: dict[str, str]
) -> None:
    label = NamedNode(SKOS + "prefLabel")
    public = NamedNode(BASE + "graph/dataset/cache-test")
    secret = NamedNode(BASE + "graph/dataset/cache-test/confidential")
    fresh_store.extend(
        [
            Quad(NamedNode(ACTOR), label, Literal("Nom public", language="fr"), public),
            Quad(NamedNode(ACTOR), label, Literal("Nom secret", language="fr"), secret),
        ]
    )
    accept = {"Accept": "text/turtle"}
    curator = write_client.get("/id/actor/demo-cache-probe", headers={**accept, **curator_headers})
    assert "Nom secret" in curator.text
    reader = write_client.get("/id/actor/demo-cache-probe", headers=accept)
    assert "Nom public" in reader.text
    assert "Nom secret" not in reader.text


def test_cached_answers_keep_etag_revalidation_and_head(
    write_client: TestClient, fresh_store: OxigraphStore
) -> None:
    graph = NamedNode(BASE + "graph/dataset/cache-test")
    label = NamedNode(SKOS + "prefLabel")
    fresh_store.extend([Quad(NamedNode(ACTOR), label, Literal("Nom", language="fr"), graph)])
    accept = {"Accept": "application/n-triples"}
    first = write_client.get("/id/actor/demo-cache-probe", headers=accept)
    assert "Nom" in first.text
    assert len(write_client.app.state.response_cache) == 1  # type: ignore[attr-defined]
    revalidated = write_client.get(
        "/id/actor/demo-cache-probe", headers={**accept, "If-None-Match": first.headers["etag"]}
    )
    assert revalidated.status_code == 304
    assert revalidated.content == b""
    assert revalidated.headers["etag"] == first.headers["etag"]
    assert revalidated.headers["vary"] == first.headers["vary"]
    head = write_client.head("/id/actor/demo-cache-probe", headers=accept)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == first.headers["content-type"]
    other = write_client.get("/id/actor/demo-cache-probe", headers={"Accept": "text/turtle"})
    assert other.headers["content-type"].startswith("text/turtle")
    assert len(write_client.app.state.response_cache) == 2  # type: ignore[attr-defined]
