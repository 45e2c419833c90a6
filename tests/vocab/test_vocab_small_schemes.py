"""Units, periods, indicators, statuses and roles: the small hand-authored schemes."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pyoxigraph import Literal
from vocab_helpers import Vocab, as_decimal

from eitkg.namespaces import eitv, term

UNITS = {
    # unit: (canonical unit, factor)
    "TONNE": ("TONNE", "1"),
    "KiloGM": ("TONNE", "0.001"),
    "M3": ("M3", "1"),
    "L": ("M3", "0.001"),
    "MegaW-HR": ("MegaW-HR", "1"),
    "KiloW-HR": ("MegaW-HR", "0.001"),
    "GigaJ": ("MegaW-HR", "0.2777777778"),
    "MegaJ": ("MegaW-HR", "0.0002777777778"),
    "TOE": ("MegaW-HR", "11.63"),
    "HR": ("HR", "1"),
    "NUM": ("NUM", "1"),
    "CCY_EUR": ("CCY_EUR", "1"),
}


def test_units_canonical_units_and_factors(vocab: Vocab) -> None:
    rows = vocab.rows(
        """SELECT ?u ?canonical ?factor ?symbol WHERE {
            ?u skos:inScheme eitv:unit ; a qudt:Unit, skos:Concept ; qudt:symbol ?symbol ;
               eit:canonicalUnit ?canonical ; eit:conversionFactor ?factor }"""
    )
    found = {
        row["u"].value.removeprefix(term("unit", "").value): (
            row["canonical"].value.removeprefix(term("unit", "").value),
            as_decimal(row["factor"]),
        )
        for row in rows
    }
    assert found == {unit: (canonical, Decimal(f)) for unit, (canonical, f) in UNITS.items()}


def test_unit_conversions(vocab: Vocab) -> None:
    def factor(unit: str) -> Decimal:
        (row,) = vocab.rows(
            "SELECT ?u ?f WHERE { ?u eit:conversionFactor ?f }", u=term("unit", unit)
        )
        return as_decimal(row["f"])

    assert Decimal(2500) * factor("KiloGM") == Decimal("2.5")  # 2 500 kg = 2.5 t
    assert (Decimal(36) * factor("GigaJ")).quantize(Decimal("0.001")) == Decimal("10")
    assert Decimal(1000) * factor("KiloW-HR") == Decimal(1)
    assert Decimal(2) * factor("TOE") == Decimal("23.26")
    assert (Decimal(3600) * factor("MegaJ")).quantize(Decimal("0.001")) == Decimal(1)


@pytest.mark.parametrize(
    ("word", "unit"),
    [
        ("t", "TONNE"),
        ("tonnes", "TONNE"),
        ("kg", "KiloGM"),
        ("m3", "M3"),
        ("m³", "M3"),
        ("L", "L"),
        ("litres", "L"),
        ("MWh", "MegaW-HR"),
        ("kWh", "KiloW-HR"),
        ("GJ", "GigaJ"),
        ("tep", "TOE"),
        ("h", "HR"),
        ("heures", "HR"),
        ("unités", "NUM"),
        ("pièces", "NUM"),
        ("€", "CCY_EUR"),
    ],
)
def test_spreadsheet_unit_words_match_one_unit(vocab: Vocab, word: str, unit: str) -> None:
    found = vocab.values(
        """SELECT DISTINCT ?word ?u WHERE { ?u skos:inScheme eitv:unit ;
            skos:prefLabel|skos:altLabel|skos:notation|qudt:symbol ?l
            FILTER(LCASE(STR(?l)) = LCASE(?word)) }""",
        word=Literal(word),
    )
    assert found == [term("unit", unit).value]


def test_periods_times_per_year(vocab: Vocab) -> None:
    rows = vocab.rows("SELECT ?p ?t WHERE { ?p skos:inScheme eitv:period ; eit:timesPerYear ?t }")
    found = {row["p"].value.rsplit("/", 1)[1]: as_decimal(row["t"]) for row in rows}
    assert found == {
        "year": Decimal(1),
        "month": Decimal(12),
        "week": Decimal(52),
        "day": Decimal(365),
        "once": Decimal(1),
    }
    notes = vocab.values(
        "SELECT ?p ?n WHERE { ?p skos:scopeNote ?n FILTER(LANG(?n) = 'en') }",
        p=eitv("period/once"),
    )
    assert notes and "once" in notes[0]


@pytest.mark.parametrize(
    ("indicator", "unit"),
    [
        ("co2-avoided", "TONNE"),
        ("cost-saving", "CCY_EUR"),
        ("waste-diverted", "TONNE"),
        ("raw-material-saved", "TONNE"),
        ("water-saved", "M3"),
        ("energy-saved", "MegaW-HR"),
        ("jobs-created", "NUM"),
    ],
)
def test_indicator_units(vocab: Vocab, indicator: str, unit: str) -> None:
    found = vocab.values(
        "SELECT ?i ?u WHERE { ?i skos:inScheme eitv:indicator ; eit:canonicalUnit ?u . "
        "?u skos:inScheme eitv:unit }",
        i=eitv(f"indicator/{indicator}"),
    )
    assert found == [term("unit", unit).value]


@pytest.mark.parametrize(
    ("scheme", "slugs"),
    [
        ("period", ["day", "month", "once", "week", "year"]),
        ("quantity-type", ["estimated", "measured"]),
        (
            "physical-form",
            [
                "bulk-solid",
                "gas",
                "liquid",
                "not-applicable",
                "pasty",
                "powder",
                "sludge",
                "solid",
                "steam",
            ],
        ),
        ("material-status", ["by-product", "end-of-waste", "product", "waste"]),
        ("synergy-status", ["abandoned", "candidate", "implemented", "under-study"]),
        (
            "indicator",
            [
                "co2-avoided",
                "cost-saving",
                "energy-saved",
                "jobs-created",
                "raw-material-saved",
                "waste-diverted",
                "water-saved",
            ],
        ),
        ("actor-role", ["animator", "park-manager", "service-provider"]),
    ],
)
def test_small_schemes_hold_the_model_concepts(vocab: Vocab, scheme: str, slugs: list[str]) -> None:
    found = vocab.values(
        "SELECT ?s ?c WHERE { ?c skos:inScheme ?s ; skos:topConceptOf ?s }",
        s=eitv(scheme),
    )
    assert found == [eitv(f"{scheme}/{slug}").value for slug in slugs]
    rows = vocab.rows(
        """SELECT ?s ?c (COUNT(DISTINCT ?d) AS ?definitions) (COUNT(DISTINCT ?l) AS ?labels)
        WHERE { ?c skos:inScheme ?s ; skos:prefLabel ?l ; skos:definition ?d ; skos:notation ?x
            FILTER(LANG(?l) = LANG(?d)) } GROUP BY ?s ?c""",
        s=eitv(scheme),
    )
    assert {(row["definitions"].value, row["labels"].value) for row in rows} == {("2", "2")}
    assert len(rows) == len(slugs)


@pytest.mark.parametrize(
    ("status", "article"),
    [("waste", "L541-1-1"), ("by-product", "L541-4-2"), ("end-of-waste", "L541-4-3")],
)
def test_material_status_definitions_cite_french_law(
    vocab: Vocab, status: str, article: str
) -> None:
    definitions = vocab.values(
        "SELECT ?c ?d WHERE { ?c skos:definition ?d }", c=eitv(f"material-status/{status}")
    )
    assert len(definitions) == 2
    assert all(article in d for d in definitions)
