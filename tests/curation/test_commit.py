"""Commits: one graph per dataset, provenance, versions kept, diff and rollback, all atomic."""

from __future__ import annotations

import pytest
from pyoxigraph import NamedNode, Quad, QuerySolutions

from eitkg.curation import (
    commit_import,
    dataset_id,
    diff,
    list_datasets,
    recover,
    rollback,
)
from eitkg.curation.commit import STAGING
from eitkg.curation.datasets import DatasetIris
from eitkg.errors import ConflictError, NotFoundError, ValidationFailedError
from eitkg.queries import QueryCatalogue
from eitkg.store import OxigraphStore

from .conftest import BASE, Snapshot
from .helpers import prepare
from .inventory import FRENCH, inventory_rows, to_csv

IRIS = DatasetIris(BASE, "pipa")
INDEX = {h: i for i, h in enumerate(FRENCH)}


def commit(
    store: OxigraphStore, catalogue: QueryCatalogue, rows: list[list[str]], **options: object
):  # type: ignore[no-untyped-def]
    prepared = prepare(store, catalogue, to_csv(rows), "pipa.csv")
    assert prepared.report.conforms, [(f.rule, f.row) for f in prepared.report.findings]
    return prepared, commit_import(
        store, prepared, catalogue=catalogue, curator="Alice Martin", **options
    )


def graph_quads(store: OxigraphStore, graph: NamedNode) -> set[Quad]:
    return set(store.quads(graph))


def select(store: OxigraphStore, catalogue: QueryCatalogue, sparql: str) -> list[dict[str, str]]:
    result = store.query(sparql, default_graph_as_union=True)
    assert isinstance(result, QuerySolutions)
    names = [v.value for v in result.variables]
    return [{n: row[n].value for n in names if row[n] is not None} for row in result]


def test_a_commit_writes_the_dataset_graphs_and_its_provenance(
    fresh_store: OxigraphStore, catalogue: QueryCatalogue
) -> None:
    rows = inventory_rows(8)
    prepared, result = commit(fresh_store, catalogue, rows)
    assert (result.dataset, result.version, result.previous) == ("pipa", 1, None)
    assert graph_quads(fresh_store, IRIS.graph) == set(prepared.public)
    assert graph_quads(fresh_store, IRIS.confidential) == set(prepared.confidential)
    assert result.confidential_triples == len(prepared.confidential) > 0
    [summary] = list_datasets(fresh_store, catalogue, BASE)
    assert summary.identifier == "pipa" and summary.version == 1 and summary.versions == 1
    assert summary.rows == 8 and summary.triples == prepared.triple_count
    assert summary.sha256 == prepared.sha256 and summary.source == "pipa.csv"
    assert summary.curator == "Alice Martin" and summary.graph == IRIS.graph.value
    assert (summary.violations, summary.warnings) == (0, prepared.report.counts["Warning"])
    activity = select(
        fresh_store,
        catalogue,
        """
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX eit: <https://w3id.org/eitkg/ontology#>
        SELECT ?started ?ended ?file WHERE {
          ?a a eit:Import ; prov:startedAtTime ?started ; prov:endedAtTime ?ended ;
             prov:used/<http://purl.org/dc/terms/title> ?file . }""",
    )
    assert len(activity) == 1 and activity[0]["file"] == "pipa.csv"
    assert activity[0]["started"] <= activity[0]["ended"]
    assert not [g for g in fresh_store.named_graphs() if g.value.startswith("urn:eitkg:staging")]


def test_a_rejected_import_writes_nothing(
    fresh_store: OxigraphStore, catalogue: QueryCatalogue
) -> None:
    rows = inventory_rows(3)
    rows[0][INDEX["unite"]] = "bennes"
    rows[0][INDEX["quantite"]] = "2"
    prepared = prepare(fresh_store, catalogue, to_csv(rows))
    before = Snapshot.of(fresh_store)
    with pytest.raises(ValidationFailedError, match="1 violation"):
        commit_import(fresh_store, prepared, catalogue=catalogue, curator="x")
    assert Snapshot.of(fresh_store) == before


def test_reimport_keeps_the_previous_version_and_diffs(
    fresh_store: OxigraphStore, catalogue: QueryCatalogue
) -> None:
    first_rows = inventory_rows(6)
    first, _ = commit(fresh_store, catalogue, first_rows)
    second_rows = [list(r) for r in first_rows[:5]]  # row 7 (…0006) removed
    second_rows[0][INDEX["quantite"]] = "999"  # …0001 changed
    second_rows[1][INDEX["identifiant"]] = "PIPA-2024-0002"  # same id, moved nothing
    second_rows.append(inventory_rows(7)[6])  # …0007 added
    second, result = commit(fresh_store, catalogue, second_rows)
    assert (result.version, result.previous) == (2, 1)
    assert graph_quads(fresh_store, IRIS.graph) == set(second.public)
    archived = {
        Quad(q.subject, q.predicate, q.object, IRIS.graph)
        for q in fresh_store.quads(IRIS.version_graph(1))
    }
    assert archived == set(first.public)
    changes = diff(fresh_store, catalogue, IRIS)
    assert (changes.before, changes.after) == (1, 2)
    assert changes.added == (BASE + "id/flow/pipa/pipa-2024-0007",)
    assert changes.removed == (BASE + "id/flow/pipa/pipa-2024-0006",)
    [changed] = changes.changed
    assert changed.record_id == "PIPA-2024-0001"
    assert changed.changes["https://w3id.org/eitkg/ontology#quantity"][1] == ("999",)
    body = changes.to_json()
    assert body["added"] == [
        {"flow": BASE + "id/flow/pipa/pipa-2024-0007", "record_id": "PIPA-2024-0007"}
    ]


def test_rollback_restores_the_previous_version_exactly(
    fresh_store: OxigraphStore, catalogue: QueryCatalogue
) -> None:
    first_rows = inventory_rows(5)
    first, _ = commit(fresh_store, catalogue, first_rows)
    public_v1 = graph_quads(fresh_store, IRIS.graph)
    secret_v1 = graph_quads(fresh_store, IRIS.confidential)
    commit(fresh_store, catalogue, inventory_rows(9))
    result = rollback(fresh_store, catalogue, IRIS, curator="Bob")
    assert (result.version, result.previous) == (1, 2)
    assert graph_quads(fresh_store, IRIS.graph) == public_v1
    assert graph_quads(fresh_store, IRIS.confidential) == secret_v1
    [summary] = list_datasets(fresh_store, catalogue, BASE)
    assert summary.version == 1 and summary.versions == 2 and summary.sha256 == first.sha256
    assert IRIS.version_graph(1) not in fresh_store.named_graphs()
    assert IRIS.version_graph(2) in fresh_store.named_graphs()
    again = rollback(fresh_store, catalogue, IRIS, curator="Bob")  # and back to version 2
    assert again.version == 2
    assert len(graph_quads(fresh_store, IRIS.graph)) > len(public_v1)


def test_rollback_without_history(fresh_store: OxigraphStore, catalogue: QueryCatalogue) -> None:
    with pytest.raises(NotFoundError):
        rollback(fresh_store, catalogue, IRIS, curator="x")
    commit(fresh_store, catalogue, inventory_rows(2))
    with pytest.raises(ConflictError):
        rollback(fresh_store, catalogue, IRIS, curator="x")
    with pytest.raises(NotFoundError):
        diff(fresh_store, catalogue, IRIS)


def test_history_keeps_only_the_configured_depth(
    fresh_store: OxigraphStore, catalogue: QueryCatalogue
) -> None:
    for count in (2, 3, 4, 5):
        _, result = commit(fresh_store, catalogue, inventory_rows(count), history_depth=2)
    assert result.version == 4 and result.dropped_versions == (1,)
    versions = [
        g.value.rsplit("/", 1)[-1]
        for g in fresh_store.named_graphs()
        if "/pipa/version/" in g.value and not g.value.endswith("confidential")
    ]
    assert versions == ["2", "3"]
    [summary] = list_datasets(fresh_store, catalogue, BASE)
    assert (summary.version, summary.versions) == (4, 3)


def test_content_loaded_without_import_is_archived_as_version_0(
    fresh_store: OxigraphStore, catalogue: QueryCatalogue
) -> None:
    demo = DatasetIris(BASE, "demo")
    before = graph_quads(fresh_store, demo.graph)
    assert before  # the demo territory, loaded by seeding
    prepared = prepare(fresh_store, catalogue, to_csv(inventory_rows(2)), "x.csv", dataset="demo")
    result = commit_import(fresh_store, prepared, catalogue=catalogue, curator="x")
    assert (result.version, result.previous) == (1, 0)
    archived = {
        Quad(q.subject, q.predicate, q.object, demo.graph)
        for q in fresh_store.quads(demo.version_graph(0))
    }
    assert archived == before
    rollback(fresh_store, catalogue, demo, curator="x", to=0)
    assert graph_quads(fresh_store, demo.graph) == before


def test_recover_removes_what_an_interrupted_commit_left(
    fresh_store: OxigraphStore, catalogue: QueryCatalogue
) -> None:
    before = Snapshot.of(fresh_store)
    leftover = NamedNode(STAGING + "dead/0")
    fresh_store.extend(
        [Quad(NamedNode("http://x/s"), NamedNode("http://x/p"), NamedNode("http://x/o"), leftover)]
    )
    assert recover(fresh_store) == 1
    assert Snapshot.of(fresh_store) == before


def test_stage_hook_sees_every_step(fresh_store: OxigraphStore, catalogue: QueryCatalogue) -> None:
    stages: list[str] = []
    commit(fresh_store, catalogue, inventory_rows(2), on_stage=stages.append)
    assert stages == ["staging", "staged", "applied", "done"]


def test_dataset_ids_are_slugs() -> None:
    assert dataset_id("Inventaire PIPA 2024.csv") == "inventaire-pipa-2024-csv"
