"""``/curation`` over HTTP: upload, report by content negotiation, commit, list, diff, rollback;
only with the curator credential, uploads capped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pyoxigraph import RdfFormat, Store

from eitkg.config import Settings
from eitkg.http import create_app
from eitkg.store import OxigraphStore

from ..conftest import CURATOR_TOKEN
from .conftest import BASE, Snapshot
from .inventory import FRENCH, inventory_rows, to_csv

BAD = Path(__file__).parent / "bad"
AUTH = {"Authorization": f"Bearer {CURATOR_TOKEN}"}


@pytest.fixture
def client(fresh_store: OxigraphStore) -> Iterator[TestClient]:
    settings = Settings(base_iri=BASE, curator_tokens=(CURATOR_TOKEN,), max_upload_bytes=64_000)
    with TestClient(create_app(settings, store=fresh_store), base_url="http://localhost:8000") as c:
        yield c


def upload(client: TestClient, data: bytes, name: str = "pipa.csv", **params: str):  # type: ignore[no-untyped-def]
    return client.post(
        "/curation/imports", files={"file": (name, data, "text/csv")}, params=params, headers=AUTH
    )


def test_every_route_needs_the_curator_token(client: TestClient) -> None:
    for method, path in [
        ("post", "/curation/imports"),
        ("get", "/curation/imports/x"),
        ("post", "/curation/imports/x/commit"),
        ("get", "/curation/datasets"),
        ("get", "/curation/datasets/x/diff"),
        ("post", "/curation/datasets/x/rollback"),
    ]:
        response = getattr(client, method)(path, headers={"Authorization": "Bearer wrong"})
        assert response.status_code == 401, path
        assert response.json()["title"] == "Curator credential required"


def test_upload_report_commit_list(client: TestClient, fresh_store: OxigraphStore) -> None:
    before = Snapshot.of(fresh_store)
    response = upload(client, to_csv(inventory_rows(5)), dataset="pipa")
    assert response.status_code == 201
    body = response.json()
    assert body["report"]["conforms"] is True and body["report"]["rows"] == 5
    assert body["report"]["dataset"] == "pipa"
    assert response.headers["location"] == f"/curation/imports/{body['id']}"
    assert Snapshot.of(fresh_store) == before  # uploading alone writes nothing
    key = body["id"]
    html = client.get(f"/curation/imports/{key}", headers={**AUTH, "Accept": "text/html"})
    assert html.headers["content-type"].startswith("text/html")
    assert "<h1>Rapport d&#x27;import — Jeu de données pipa</h1>" in html.text
    english = client.get(f"/curation/imports/{key}?format=txt&lang=en", headers=AUTH)
    assert english.text.startswith("Import report — Dataset pipa")
    committed = client.post(f"/curation/imports/{key}/commit?curator=Alice", headers=AUTH)
    assert committed.status_code == 200
    assert committed.json()["version"] == 1 and committed.json()["dataset"] == "pipa"
    listed = client.get("/curation/datasets", headers=AUTH).json()
    assert [(d["identifier"], d["version"], d["curator"]) for d in listed] == [("pipa", 1, "Alice")]
    gone = client.get(f"/curation/imports/{key}", headers=AUTH)
    assert gone.status_code == 404


def test_a_rejected_upload_cannot_be_committed(
    client: TestClient, fresh_store: OxigraphStore
) -> None:
    before = Snapshot.of(fresh_store)
    response = upload(client, (BAD / "unknown-unit.csv").read_bytes(), "unknown-unit.csv")
    assert response.status_code == 201
    report = response.json()["report"]
    assert report["conforms"] is False
    [unit] = [f for f in report["findings"] if f["rule"] == "unknown-unit"]
    assert (unit["row"], unit["header"], unit["value"]) == (3, "unite", "bennes")
    turtle = client.get(
        f"/curation/imports/{response.json()['id']}", headers={**AUTH, "Accept": "text/turtle"}
    )
    graph = Store()
    graph.load(turtle.content, format=RdfFormat.TURTLE)
    assert len(graph) > 5
    refused = client.post(f"/curation/imports/{response.json()['id']}/commit", headers=AUTH)
    assert refused.status_code == 422
    assert refused.headers["content-type"] == "application/problem+json"
    assert "1 violation" in refused.json()["detail"]
    assert Snapshot.of(fresh_store) == before


def test_raw_body_upload_with_a_filename(client: TestClient) -> None:
    data = (BAD / "truncated.ttl").read_bytes()
    response = client.post(
        "/curation/imports?filename=partner.ttl",
        content=data,
        headers={**AUTH, "Content-Type": "text/turtle"},
    )
    assert response.status_code == 400
    problem = response.json()
    assert problem["location"] == "partner.ttl:4:16"
    assert "Unexpected end of file" in problem["detail"]


def test_uploads_over_the_cap_get_413(client: TestClient, fresh_store: OxigraphStore) -> None:
    before = Snapshot.of(fresh_store)
    response = upload(client, to_csv(inventory_rows(400)))
    assert response.status_code == 413
    assert response.json()["title"] == "Request body too large"
    assert Snapshot.of(fresh_store) == before


def test_csv_report_is_neutralised(client: TestClient) -> None:
    response = upload(client, (BAD / "formula-injection.csv").read_bytes(), "f.csv")
    report = client.get(f"/curation/imports/{response.json()['id']}?format=csv", headers=AUTH)
    assert report.headers["content-type"].startswith("text/csv")
    assert "'=HYPERLINK(" in report.text
    assert "\n=" not in report.text and ",=" not in report.text


def test_not_acceptable(client: TestClient) -> None:
    response = upload(client, to_csv(inventory_rows(2)))
    refused = client.get(
        f"/curation/imports/{response.json()['id']}", headers={**AUTH, "Accept": "image/png"}
    )
    assert refused.status_code == 406


def test_diff_and_rollback_over_http(client: TestClient) -> None:
    rows = inventory_rows(3)
    for version in (1, 2):
        if version == 2:
            rows[0][FRENCH.index("quantite")] = "5"
        key = upload(client, to_csv(rows), dataset="pipa").json()["id"]
        assert (
            client.post(f"/curation/imports/{key}/commit", headers=AUTH).json()["version"]
            == version
        )
    changes = client.get("/curation/datasets/pipa/diff", headers=AUTH).json()
    assert (changes["before"], changes["after"]) == (1, 2)
    assert [c["record_id"] for c in changes["changed"]] == ["PIPA-2024-0001"]
    restored = client.post("/curation/datasets/pipa/rollback?curator=Bob", headers=AUTH).json()
    assert (restored["version"], restored["previous"]) == (1, 2)
    missing = client.get("/curation/datasets/nothing/diff", headers=AUTH)
    assert missing.status_code == 404
