"""The curator report: findings on rows and columns, in Turtle, JSON, HTML, CSV and text."""

from __future__ import annotations

import csv
import io
import json

import pytest
from pyoxigraph import Literal, NamedNode, RdfFormat, Store, Variable

from eitkg.curation import ImportReport, PreparedImport, to_csv, to_html, to_text
from eitkg.namespaces import EIT
from eitkg.queries import QueryCatalogue
from eitkg.store import OxigraphStore

from .conftest import BASE, Snapshot
from .helpers import only, prepare
from .inventory import FRENCH, inventory_rows
from .inventory import to_csv as inventory_to_csv

BAD_SIRET = "552 081 317 00027"


@pytest.fixture(scope="module")
def flawed(seeded_store: OxigraphStore, catalogue: QueryCatalogue) -> PreparedImport:
    """Six rows, four of them with a problem each (rows 3, 4, 5 and 7)."""
    rows = inventory_rows(6)
    index = {h: i for i, h in enumerate(FRENCH)}
    rows[1][index["siret"]] = BAD_SIRET  # row 3: fails the Luhn check (SHACL)
    rows[1][index["nom_acteur"]] = "Chimie du Rhône"
    rows[2][index["unite"]] = "bennes"  # row 4: unknown unit
    rows[2][index["quantite"]] = "3"
    rows[3][index["libelle"]] = '=HYPERLINK("http://evil.example","<b>clic</b>")'  # row 5
    rows[5][index["identifiant"]] = rows[0][index["identifiant"]]  # row 7: duplicate id
    snapshot = Snapshot.of(seeded_store)
    prepared = prepare(seeded_store, catalogue, inventory_to_csv(rows), "atelier.csv")
    assert Snapshot.of(seeded_store) == snapshot  # preparing never writes
    return prepared


def test_violations_point_at_row_and_column(flawed: PreparedImport) -> None:
    report = flawed.report
    assert not report.conforms
    luhn = only(report.findings, "Siret-luhn")
    assert (luhn.row, luhn.header, luhn.value, luhn.origin) == (
        3,
        "siret",
        "55208131700027",
        "shacl",
    )
    assert luhn.focus == BASE + "id/site/55208131700027"
    assert "annuaire-entreprises" in luhn.fix_fr
    unit = only(report.findings, "unknown-unit")
    assert (unit.row, unit.header, unit.value, unit.severity) == (4, "unite", "bennes", "Violation")
    formula = only(report.findings, "formula-call")
    assert (formula.row, formula.header) == (5, "libelle")
    duplicate = only(report.findings, "duplicate-record-id")
    assert (duplicate.row, duplicate.value) == (7, "PIPA-2024-0001")
    assert "row 2" in duplicate.message_en


def test_a_cell_reported_on_import_is_not_reported_again_by_shacl(flawed: PreparedImport) -> None:
    on_row_4 = [f for f in flawed.report.findings if f.row == 4 and f.severity == "Violation"]
    assert [(f.rule, f.header) for f in on_row_4] == [("unknown-unit", "unite")]


def test_json(flawed: PreparedImport) -> None:
    body = json.loads(json.dumps(flawed.report.to_json()))
    assert body["conforms"] is False
    assert body["counts"]["Violation"] == 4
    assert body["dataset"] == "atelier" and body["rows"] == 6
    assert body["sha256"] == flawed.sha256 and len(body["sha256"]) == 64
    unit = next(f for f in body["findings"] if f["rule"] == "unknown-unit")
    assert unit["row"] == 4 and unit["column"] == "unit" and unit["header"] == "unite"
    assert unit["message"]["fr"] == "Unité inconnue : « bennes »."
    assert unit["message"]["en"] == "Unknown unit: 'bennes'."
    assert "Valeurs proches" in unit["fix"]["fr"] and "Closest known values" in unit["fix"]["en"]


REPORT_QUERY = """
PREFIX sh: <http://www.w3.org/ns/shacl#>
SELECT ?c { ?r a sh:ValidationReport ; sh:conforms ?c }
"""
RESULTS_QUERY = """
PREFIX sh: <http://www.w3.org/ns/shacl#>
PREFIX eit: <https://w3id.org/eitkg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?focus ?row ?column ?value ?rule {
  ?r a sh:ValidationResult ; sh:focusNode ?focus ; sh:resultSeverity sh:Violation ;
     eit:sourceRow ?row ; eit:sourceColumn ?column ; sh:value ?value ; dcterms:identifier ?rule
} ORDER BY ?row
"""
COUNT_QUERY = "SELECT (COUNT(*) AS ?n) { ?r a <http://www.w3.org/ns/shacl#ValidationResult> }"


def test_turtle_is_a_shacl_validation_report(flawed: PreparedImport) -> None:
    graph = Store()
    graph.load(flawed.report.to_turtle().encode(), format=RdfFormat.TURTLE)
    assert [row["c"] for row in graph.query(REPORT_QUERY)] == [Literal(False)]  # type: ignore[union-attr]
    results = list(graph.query(RESULTS_QUERY))  # type: ignore[arg-type]
    assert [(int(r["row"].value), r["column"].value, r["rule"].value) for r in results] == [
        (3, "siret", "Siret-luhn"),
        (4, "unite", "unknown-unit"),
        (5, "libelle", "formula-call"),
        (7, "identifiant", "duplicate-record-id"),
    ]
    total = list(graph.query(COUNT_QUERY))  # type: ignore[arg-type]
    assert int(total[0][Variable("n")].value) == len(flawed.report.findings)


def test_html_is_escaped_and_neutralised(flawed: PreparedImport) -> None:
    page = to_html(flawed.report, "fr")
    assert "<b>clic</b>" not in page
    assert "&lt;b&gt;clic&lt;/b&gt;" in page
    assert "<code>&#x27;=HYPERLINK(" in page
    assert "<h2>Ligne 5</h2>" in page
    assert page.startswith("<!DOCTYPE html>") and 'lang="fr"' in page


def test_csv_export_neutralises_formulas(flawed: PreparedImport) -> None:
    rows = list(csv.reader(io.StringIO(to_csv(flawed.report, "en"))))
    assert rows[0][:4] == ["severity", "row", "column", "value"]
    values = [r[3] for r in rows[1:]]
    assert '\'=HYPERLINK("http://evil.example","<b>clic</b>")' in values
    assert not any(cell.startswith(("=", "+", "@")) for r in rows for cell in r)


def test_text_is_grouped_by_row_in_both_languages(flawed: PreparedImport) -> None:
    french, english = to_text(flawed.report, "fr"), to_text(flawed.report, "en")
    assert "Import refusé" in french and "Ligne 4" in french
    assert "Rejected" in english and "Row 4" in english
    row4 = english.split("Row 4")[1].split("\nRow ")[0]
    assert "[Violation] column unite value « bennes »: Unknown unit: 'bennes'." in row4
    assert "→ fix: Use t, kg, m3, L, MWh, kWh or GJ." in row4


def test_an_empty_report_says_so() -> None:
    report = ImportReport("a.csv", "a", BASE + "id/dataset/a", "csv", "0" * 64, 1, 10, ())
    assert report.conforms
    assert "Nothing to report." in to_text(report, "en")
    turtle = Store()
    turtle.load(report.to_turtle().encode(), format=RdfFormat.TURTLE)
    assert len(turtle) == 2


def test_rdf_datasets_are_reported_by_entity(
    seeded_store: OxigraphStore, catalogue: QueryCatalogue
) -> None:
    data = b"""
@prefix eit: <https://w3id.org/eitkg/ontology#> .
<id/flow/partner/f1> a eit:Availability ; eit:quantity -3.0 ; eit:sourceRow 12 .
<id/site/s1> a eit:Site .
"""
    prepared = prepare(seeded_store, catalogue, data, "partner.ttl")
    assert prepared.report.kind == "turtle"
    assert not prepared.report.conforms
    negative = only(prepared.report.findings, "Flow-quantityNonNegative")
    assert negative.focus == BASE + "id/flow/partner/f1" and negative.row == 12
    site = [f for f in prepared.report.findings if f.focus == BASE + "id/site/s1"]
    assert site and all(f.row is None for f in site)
    assert f"Entity {BASE}id/site/s1" in to_text(prepared.report, "en")
    quads = {q.graph_name for q in prepared.public}
    assert quads == {NamedNode(BASE + "graph/dataset/partner")}
    assert NamedNode(EIT + "Availability") in {q.object for q in prepared.public}
