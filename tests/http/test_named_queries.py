"""Named queries as REST operations: listing, typed parameters, formats, OpenAPI."""

from __future__ import annotations

import csv
import io
import warnings

from fastapi.testclient import TestClient
from pyoxigraph import NamedNode, RdfFormat, parse

from eitkg.namespaces import EITV, SKOS
from eitkg.queries import QueryCatalogue, load_catalogue
from eitkg.resources import queries_dir
from eitkg.store import OxigraphStore

from ..conftest import BASE
from .ld_facts import secret_flow

CATALOGUE: QueryCatalogue = load_catalogue(queries_dir())


def test_queries_are_listed_with_their_parameters(client: TestClient) -> None:
    listing = client.get("/queries").json()["queries"]
    assert [q["id"] for q in listing] == sorted(CATALOGUE)
    by_category = next(q for q in listing if q["id"] == "flows/by_category")
    assert by_category["url"] == "/queries/flows/by_category"
    assert by_category["form"] == "select"
    params = {p["name"]: p for p in by_category["params"]}
    assert params["category"]["type"] == "iri" and params["category"]["required"] is True
    assert "eit:Need" in params["direction"]["enum"]
    assert "SELECT" in by_category["sparql"]

    page = client.get("/queries", headers={"Accept": "text/html", "Accept-Language": "en"}).text
    assert '<form method="get" action="/queries/flows/by_category"' in page
    assert '<input name="category" value="" required' in page


def test_select_in_sparql_json_by_default(client: TestClient) -> None:
    response = client.get("/queries/vocab/resolve_label", params={"label": "vapeur"})
    assert response.headers["content-type"] == "application/sparql-results+json"
    bindings = response.json()["results"]["bindings"]
    concepts = {b["concept"]["value"] for b in bindings}
    assert EITV + "resource/steam" in concepts
    assert all(b["label"]["value"] == "vapeur" for b in bindings)


def test_select_as_plain_json_csv_and_tsv(client: TestClient) -> None:
    url = "/queries/vocab/resolve_label"
    rows = client.get(url, params={"label": "vapeur", "format": "json"}).json()
    assert {"concept": EITV + "resource/steam", "prefLabel": "Vapeur"}.items() <= next(
        r for r in rows if r["concept"] == EITV + "resource/steam"
    ).items()

    as_csv = client.get(url, params={"label": "vapeur"}, headers={"Accept": "text/csv"})
    assert as_csv.headers["content-type"] == "text/csv; charset=utf-8"
    table = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert {r["concept"] for r in table} == {r["concept"] for r in rows}

    as_tsv = client.get(url, params={"label": "vapeur", "format": "tsv"})
    assert f"<{EITV}resource/steam>" in as_tsv.text
    link = as_csv.headers["link"]
    assert (
        "<http://localhost:8000/queries/vocab/resolve_label?label=vapeur&format=csv>; "
        'rel="self"; type="text/csv"' in link
    )


def test_construct_in_rdf_formats(client: TestClient) -> None:
    url = "/queries/resource/describe"
    response = client.get(
        url, params={"resource": "eitv:ewc/010304"}, headers={"Accept": "text/turtle"}
    )
    triples = {q.triple for q in parse(response.content, format=RdfFormat.TURTLE)}
    assert any(
        t.subject == NamedNode(EITV + "ewc/010304")
        and t.predicate.value == SKOS + "notation"
        and t.object.value == "010304"
        for t in triples
    )
    document = client.get(url, params={"resource": EITV + "ewc/010304", "format": "jsonld"}).json()
    assert "010304" in document["notation"]
    refused = client.get(
        url, params={"resource": "eitv:ewc/010304"}, headers={"Accept": "text/csv"}
    )
    assert refused.status_code == 406
    assert "text/turtle" in refused.json()["available"]


def test_parameters_are_typed_and_validated(client: TestClient) -> None:
    missing = client.get("/queries/flows/by_category")
    assert missing.status_code == 400
    assert missing.json()["detail"] == "flows/by_category: parameter 'category' is required"

    unknown = client.get(
        "/queries/flows/by_category", params={"category": "eitv:resource/energy", "colour": "red"}
    )
    assert unknown.status_code == 400
    assert "unknown parameter(s) colour; allowed: category, direction" in unknown.json()["detail"]

    outside_enum = client.get(
        "/queries/flows/by_category",
        params={"category": "eitv:resource/energy", "direction": "eit:Synergy"},
    )
    assert outside_enum.status_code == 400
    assert "'eit:Synergy' is not one of" in outside_enum.json()["detail"]

    not_an_iri = client.get("/queries/resource/describe", params={"resource": "not an iri"})
    assert not_an_iri.status_code == 400
    assert "parameter 'resource'" in not_an_iri.json()["detail"]

    unknown_query = client.get("/queries/nothing/here")
    assert unknown_query.status_code == 404
    assert "no named query 'nothing/here'" in unknown_query.json()["detail"]


def test_an_injection_attempt_is_only_a_value(client: TestClient) -> None:
    rows = client.get(
        "/queries/vocab/resolve_label",
        params={"label": 'x")) } UNION { ?concept ?p ?matched } #', "format": "json"},
    ).json()
    assert rows == []


def test_confidential_flows_only_for_curators(
    client: TestClient, seeded_store: OxigraphStore, curator_headers: dict[str, str]
) -> None:
    secret = secret_flow(seeded_store)
    params = {"category": secret.category, "format": "json"}
    public = client.get("/queries/flows/by_category", params=params).json()
    assert public, "the category has public flows too"
    assert secret.iri not in {r["flow"] for r in public}
    private = client.get("/queries/flows/by_category", params=params, headers=curator_headers)
    assert secret.iri in {r["flow"] for r in private.json()}
    assert {r["label"] for r in private.json()} >= {secret.label}
    assert private.headers["cache-control"].startswith("private")


def test_html_results_link_to_resource_pages(client: TestClient) -> None:
    page = client.get(
        "/queries/actors/by_park", headers={"Accept": "text/html", "Accept-Language": "fr"}
    ).text
    assert "<h1>Actors of an industrial park" in page
    assert '<a href="/id/actor/' in page
    assert "Résultats" in page


def test_openapi_describes_each_named_query(client: TestClient) -> None:
    # The SPARQL routers register several methods on one function, which FastAPI warns about
    # while building the document (reported to their owner); the linked-data routers must not.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        spec = client.get("/openapi.json").json()
    mine = ("resources.py", "catalogue.py", "pages.py", "queries.py")
    assert not [w for w in caught if str(w.message).endswith(mine)]
    for query_id in CATALOGUE:
        assert f"/queries/{query_id}" in spec["paths"]
    operation = spec["paths"]["/queries/flows/by_category"]["get"]
    assert operation["summary"] == "Flows of a resource category"
    params = {p["name"]: p for p in operation["parameters"]}
    assert params["category"] == {
        "name": "category",
        "in": "query",
        "required": True,
        "description": "a concept of the EIT resource taxonomy, e.g. eitv:resource/energy",
        "schema": {"type": "string", "format": "iri"},
    }
    assert "eit:Need" in params["direction"]["schema"]["enum"]
    assert "csv" in params["format"]["schema"]["enum"]
    assert set(operation["responses"]["200"]["content"]) >= {
        "application/sparql-results+json",
        "text/csv",
        "application/json",
    }
    construct = spec["paths"]["/queries/resource/describe"]["get"]
    assert "text/turtle" in construct["responses"]["200"]["content"]
    assert "text/csv" not in construct["responses"]["200"]["content"]
    operation_ids = [
        op["get"]["operationId"]
        for path, op in spec["paths"].items()
        if path.startswith("/queries/")
    ]
    assert len(operation_ids) == len(set(operation_ids))
    assert BASE  # the spec is served by the app built on the test settings


def test_graph_patterns_cannot_reach_confidential_graphs(
    client: TestClient, curator_headers: dict[str, str]
) -> None:
    public = {r["graph"] for r in client.get("/queries/system/graphs?format=json").json()}
    assert BASE + "graph/dataset/demo" in public
    assert not [g for g in public if g.endswith("/confidential")]
    private = {
        r["graph"]
        for r in client.get("/queries/system/graphs?format=json", headers=curator_headers).json()
    }
    assert BASE + "graph/dataset/demo/confidential" in private
