"""A larger import: 1,000 flows, 200 companies and sites, a few planted errors."""

from __future__ import annotations

import time

import pytest
from pyoxigraph import Literal, NamedNode, Triple

from eitkg.validation import load_context, load_shapes, validate

from .conftest import BASE_IRI, short

EIT = "https://w3id.org/eitkg/ontology#"
VOCAB = "https://w3id.org/eitkg/vocab/"
XSD = "http://www.w3.org/2001/XMLSchema#"
TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
PREF = NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
SITE_OF = NamedNode("http://www.w3.org/ns/org#siteOf")
LAT = NamedNode("http://www.w3.org/2003/01/geo/wgs84_pos#lat")
LONG = NamedNode("http://www.w3.org/2003/01/geo/wgs84_pos#long")
TONNE = NamedNode("http://qudt.org/vocab/unit/TONNE")


def eit(name: str) -> NamedNode:
    return NamedNode(EIT + name)


def decimal(value: float) -> Literal:
    return Literal(f"{value:.4f}", datatype=NamedNode(XSD + "decimal"))


def with_luhn_key(prefix: str) -> str:
    """``prefix`` followed by the digit that makes its Luhn sum a multiple of 10."""
    for digit in "0123456789":
        number = prefix + digit
        total = 0
        for position, char in enumerate(reversed(number)):
            value = int(char) * (2 if position % 2 else 1)
            total += value - 9 if value > 9 else value
        if total % 10 == 0:
            return number
    raise AssertionError(prefix)


def dataset(companies: int, flows: int) -> list[Triple]:
    triples: list[Triple] = []
    for n in range(companies):
        siren = with_luhn_key(f"{40000000 + n:08d}")
        siret = with_luhn_key(siren + "0001")
        actor, site = (
            NamedNode(f"{BASE_IRI}id/actor/{siren}"),
            NamedNode(f"{BASE_IRI}id/site/{siret}"),
        )
        triples += [
            Triple(actor, TYPE, eit("Company")),
            Triple(actor, PREF, Literal(f"Entreprise {n}", language="fr")),
            Triple(actor, eit("siren"), Literal(siren)),
            Triple(site, TYPE, eit("Site")),
            Triple(site, SITE_OF, actor),
            Triple(site, eit("siret"), Literal(siret)),
            Triple(site, LAT, decimal(45 + n / 1000)),
            Triple(site, LONG, decimal(4 + n / 1000)),
        ]
    codes = ["030308", "150103", "170201", "010304"]
    for n in range(flows):
        siren = with_luhn_key(f"{40000000 + n % companies:08d}")
        site = NamedNode(f"{BASE_IRI}id/site/{with_luhn_key(siren + '0001')}")
        flow = NamedNode(f"{BASE_IRI}id/flow/bench/{n}")
        code = codes[n % len(codes)]
        quantity = -1.0 if n % 250 == 7 else float(n)  # 4 planted negative quantities
        triples += [
            Triple(flow, TYPE, eit("Availability" if n % 2 else "Need")),
            Triple(flow, LABEL, Literal(f"Flux {n}", language="fr")),
            Triple(flow, eit("site"), site),
            Triple(flow, eit("actor"), NamedNode(f"{BASE_IRI}id/actor/{siren}")),
            Triple(flow, eit("resourceCategory"), NamedNode(VOCAB + "resource/materials")),
            Triple(flow, eit("quantity"), decimal(quantity)),
            Triple(flow, eit("unit"), TONNE),
            Triple(flow, eit("period"), NamedNode(VOCAB + "period/year")),
            Triple(flow, eit("quantityPerYear"), decimal(abs(quantity))),
            Triple(flow, eit("canonicalUnit"), TONNE),
        ]
        if n % 3 == 0:
            hazardous = code == "010304" and n % 240 != 3  # planted: 01 03 04* said not hazardous
            triples += [
                Triple(flow, eit("wasteCode"), NamedNode(VOCAB + "ewc/" + code)),
                Triple(
                    flow,
                    eit("hazardous"),
                    Literal("true" if hazardous else "false", datatype=NamedNode(XSD + "boolean")),
                ),
            ]
    return triples


@pytest.mark.slow
def test_thousand_flows_validate_fast_with_exact_results() -> None:
    data = dataset(companies=200, flows=1000)
    load_context(), load_shapes()  # read once per process, not part of the import cost
    start = time.process_time()
    report = validate(data)
    elapsed = time.process_time() - start
    negative = {(f"id/flow/bench/{n}", "eit:quantity", "Violation") for n in (7, 257, 507, 757)}
    # coded flows with 010304 are n ≡ 3 (mod 12); the planted ones are n ≡ 3 (mod 240)
    hazard = {(f"id/flow/bench/{n}", "eit:hazardous", "Violation") for n in (3, 243, 483, 723, 963)}
    assert {(short(r.focus_node), short(r.path), r.severity) for r in report.results} == (
        negative | hazard
    )
    assert len(report.results) == 9
    # about 2 s of CPU on the reference machine; the bound leaves room for slow CI runners
    assert elapsed < 30, f"validating 1,000 flows took {elapsed:.1f} s of CPU"
