"""Every shape against small datasets: exact (focus, path, severity) sets, fr and en messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from eitkg.rdf.io import RdfSource
from eitkg.validation import validate

from .cases import CONFORMING, FAILING, Case
from .conftest import BASE_IRI, run, shapes_of, triples

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("case", FAILING, ids=[c.name for c in FAILING])
def test_failing_case_reports_exactly(case: Case) -> None:
    report = run(case.snippet)
    assert triples(report) == case.expected
    assert shapes_of(report) == case.shapes
    assert report.conforms == all(severity != "Violation" for _, _, severity in case.expected)


@pytest.mark.parametrize("case", FAILING, ids=[c.name for c in FAILING])
def test_every_result_has_a_french_and_an_english_message(case: Case) -> None:
    for result in run(case.snippet).results:
        assert result.message_fr and result.message_en
        assert result.message_fr != result.message_en


@pytest.mark.parametrize("name", list(CONFORMING))
def test_conforming_case_has_no_result(name: str) -> None:
    report = run(CONFORMING[name])
    assert report.results == ()
    assert report.conforms is True


def test_minimal_demo_like_dataset_conforms_with_zero_results() -> None:
    report = validate(RdfSource.from_path(DATA / "minimal.ttl"), base_iri=BASE_IRI)
    assert report.conforms is True
    assert report.results == ()
    assert report.counts == {"Violation": 0, "Warning": 0, "Info": 0}


def test_siret_luhn_examples_from_the_brief() -> None:
    site = '<id/site/x> a eit:Site ; org:siteOf <id/actor/552081317> ; eit:siret "{}" .'
    assert triples(run(site.format("55208131700026"))) == set()
    assert triples(run(site.format("55208131700027"))) == {("id/site/x", "eit:siret", "Violation")}


def test_sparql_messages_name_the_offending_values() -> None:
    report = run(
        CONFORMING["base only"] + "<id/site/73282932000074> wgs:lat 4.8467 ; wgs:long 45.7485 ."
    )
    (result,) = report.results
    assert "4.8467" in result.message_fr and "45.7485" in result.message_en
    hazard = next(c for c in FAILING if c.name.startswith("absolute hazardous"))
    (result,) = run(hazard.snippet).results
    assert result.value == "false"
    assert "https://w3id.org/eitkg/vocab/ewc/010304" in result.message_en
    assert result.message_fr.startswith("Le code https://w3id.org/eitkg/vocab/ewc/010304")


def test_shipped_demo_territory_conforms_with_zero_results() -> None:
    demo = Path(__file__).parents[2] / "data" / "demo" / "demo.ttl"
    report = validate(RdfSource.from_path(demo), base_iri=BASE_IRI)
    assert report.results == ()
