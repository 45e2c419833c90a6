"""Resolving words and codes against the shipped vocabularies, read from a real store."""

from __future__ import annotations

import pytest

from eitkg.curation.resolve import Resolver, direction, waste_code_key
from eitkg.namespaces import EITV, UNIT


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("Bois", "resource/wood"),
        ("bois", "resource/wood"),
        ("MA.WOOD", "resource/wood"),
        ("wood", "resource/wood"),
        ("Palettes", "resource/pallets"),
        ("vapeur", "resource/steam"),
    ],
)
def test_categories_by_notation_or_any_label(resolver: Resolver, text: str, concept: str) -> None:
    found = resolver.category(text).concept
    assert found is not None and found.iri == EITV + concept


def test_unknown_category_names_the_closest(resolver: Resolver) -> None:
    result = resolver.category("platique")
    assert result.concept is None and result.rule == "unknown-category"
    assert "Plastiques" in result.suggestions_fr
    assert "Plastics" in result.suggestions_en


@pytest.mark.parametrize("text", ["03 01 05", "030105", "03.01.05", " 03 01 05 "])
def test_waste_codes_in_any_spacing(resolver: Resolver, text: str) -> None:
    result = resolver.waste_code(text)
    assert result.concept is not None and result.concept.iri == EITV + "ewc/030105"
    assert result.params == {"star": "no"}


def test_waste_code_star_is_noted(resolver: Resolver) -> None:
    assert resolver.waste_code("16 06 01*").params == {"star": "yes"}
    assert waste_code_key("16 06 01 *") == ("160601", True)


def test_malformed_and_unknown_waste_codes(resolver: Resolver) -> None:
    assert resolver.waste_code("03 01").rule == "malformed-waste-code"
    assert resolver.waste_code("ABC").rule == "malformed-waste-code"
    unknown = resolver.waste_code("03 01 06")
    assert unknown.rule == "unknown-waste-code"
    assert "03 01 05" in unknown.suggestions_fr


@pytest.mark.parametrize(
    ("text", "code"),
    [("20.14Z", "20.14Z"), ("2014Z", "20.14Z"), ("20.14", "20.14Z"), ("2014", "20.14Z")],
)
def test_naf_with_or_without_the_final_letter(resolver: Resolver, text: str, code: str) -> None:
    found = resolver.naf(text).concept
    assert found is not None and found.iri == EITV + "naf/" + code


def test_naf_class_with_several_subclasses_is_not_guessed(resolver: Resolver) -> None:
    result = resolver.naf("25.62")
    assert result.concept is None and result.rule == "naf-class-only"
    assert "25.62A" in result.suggestions_fr and "25.62B" in result.suggestions_fr


@pytest.mark.parametrize(
    ("text", "code"), [("R 3", "R3"), ("R3", "R3"), ("d10", "D10"), ("D 9 F", "D9F")]
)
def test_treatment_codes(resolver: Resolver, text: str, code: str) -> None:
    found = resolver.treatment(text).concept
    assert found is not None and found.iri == EITV + "treatment/" + code


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("t", "TONNE"),
        ("tonnes", "TONNE"),
        ("kg", "KiloGM"),
        ("m³", "M3"),
        ("m3", "M3"),
        ("L", "L"),
        ("litres", "L"),
        ("MWh", "MegaW-HR"),
        ("kWh", "KiloW-HR"),
        ("GJ", "GigaJ"),
    ],
)
def test_units(resolver: Resolver, text: str, unit: str) -> None:
    found = resolver.unit(text).concept
    assert found is not None and found.iri == UNIT + unit


def test_unit_written_with_its_period(resolver: Resolver) -> None:
    unit, period = resolver.unit_and_period("t/an")
    assert unit.concept is not None and unit.concept.iri == UNIT + "TONNE"
    assert period is not None and period.concept is not None
    assert period.concept.iri == EITV + "period/year"


def test_unknown_unit_names_the_closest(resolver: Resolver) -> None:
    result = resolver.unit("tonnnes")
    assert result.rule == "unknown-unit" and "t (Tonne)" in result.suggestions_fr


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("an", "year"),
        ("par an", "year"),
        ("/an", "year"),
        ("mois", "month"),
        ("month", "month"),
        ("ponctuel", "once"),
        ("jour", "day"),
    ],
)
def test_periods(resolver: Resolver, text: str, period: str) -> None:
    found = resolver.period(text).concept
    assert found is not None and found.iri == EITV + "period/" + period


def test_directions() -> None:
    assert [direction(t) for t in ("in", "entrée", "Entree", "besoin")] == ["Need"] * 4
    assert [direction(t) for t in ("out", "sortie", "disponible", "OUT")] == ["Availability"] * 4
    assert direction("dedans") is None


def test_category_from_waste_code_takes_the_most_specific(resolver: Resolver) -> None:
    pallets = resolver.waste_code("15 01 03").concept
    assert pallets is not None
    category = resolver.category_for_waste_code(pallets)
    assert category is not None and category.iri == EITV + "resource/pallets"
