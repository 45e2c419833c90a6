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
    assert len(write_client.app.state.representations) >= 1  # type: ignore[attr-defined]

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
