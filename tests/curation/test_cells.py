"""Reading one cell: numbers as French and English people write them, booleans, dates, formulas."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from eitkg.curation.cells import (
    CellError,
    decimal_text,
    fold,
    formula_risk,
    is_missing,
    neutralise,
    parse_boolean,
    parse_date,
    parse_decimal,
    parse_quantity,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1 200,5", "1200.5"),
        ("1\u00a0200,5", "1200.5"),
        ("1\u202f200", "1200"),
        ("1.200,5", "1200.5"),
        ("1,200.5", "1200.5"),
        ("1'200.5", "1200.5"),
        ("0,25", "0.25"),
        (",5", "0.5"),
        ("12", "12"),
        ("1.200.000", "1200000"),
        ("1,200,000", "1200000"),
        ("-3,5", "-3.5"),
        ("  42  ", "42"),
    ],
)
def test_numbers_are_read_the_way_people_write_them(text: str, value: str) -> None:
    assert parse_decimal(text) == Decimal(value)


@pytest.mark.parametrize("text", ["douze", "12 t", "1,2,3", "1.2.3,4,5", "--1", "e5", "1e3"])
def test_what_is_not_a_number_says_so(text: str) -> None:
    with pytest.raises(CellError) as caught:
        parse_decimal(text)
    assert caught.value.rule == "not-a-number"


def test_a_range_keeps_its_middle() -> None:
    assert parse_quantity("10 à 20").value == Decimal(15)
    assert parse_quantity("1 000 - 2 000").value == Decimal(1500)
    assert parse_quantity("10-20").is_range
    assert not parse_quantity("10").is_range
    with pytest.raises(CellError):
        parse_quantity("20 à 10")


@pytest.mark.parametrize("text", ["", "  ", "NC", "nc", "n.c.", "N/A", "?", "-", "inconnu"])
def test_missing_words(text: str) -> None:
    assert is_missing(text)


def test_zero_is_not_missing() -> None:
    assert not is_missing("0")


def test_booleans_in_french_and_english() -> None:
    assert [parse_boolean(t) for t in ("oui", "Yes", "TRUE", "1", "x", "vrai")] == [True] * 6
    assert [parse_boolean(t) for t in ("non", "No", "false", "0", "faux")] == [False] * 5
    with pytest.raises(CellError, match="not-a-boolean"):
        parse_boolean("peut-être")


def test_dates_day_first_or_iso() -> None:
    assert parse_date("12/03/2024") == dt.date(2024, 3, 12)
    assert parse_date("2024-03-12") == dt.date(2024, 3, 12)
    assert parse_date("12.03.2024") == dt.date(2024, 3, 12)
    with pytest.raises(CellError, match="not-a-date"):
        parse_date("31/02/2024")


def test_folding_removes_case_accents_and_punctuation() -> None:
    assert fold("Catégorie_Déchet") == "categorie dechet"
    assert fold("  Œuf  ") == "oeuf"
    assert fold("m³") == "m3"


@pytest.mark.parametrize(
    ("text", "risk"),
    [
        ('=HYPERLINK("http://evil.example/x","clic")', "call"),
        ("+cmd|' /C calc'!A0", "call"),
        ("@SUM(A1:A2)", "call"),
        ("-2+3+cmd|' /C calc'!A0", "call"),
        ("=A1*2", "formula"),
        ("=1+1", "formula"),
        ("+A1", "formula"),
        ("-12,5", "none"),
        ("- palettes", "none"),
        ("palettes", "none"),
        ("", "none"),
    ],
)
def test_formula_risk(text: str, risk: str) -> None:
    assert formula_risk(text) == risk


def test_neutralise_prefixes_formula_like_text_only() -> None:
    assert neutralise("=SUM(A1)") == "'=SUM(A1)"
    assert neutralise("@x") == "'@x"
    assert neutralise("-x") == "'-x"
    assert neutralise("-12") == "-12"
    assert neutralise("bois") == "bois"


def test_decimal_text_is_an_xsd_decimal_lexical_form() -> None:
    assert decimal_text(Decimal("1.2E+3")) == "1200"
    assert decimal_text(Decimal("0.500")) == "0.5"
    assert decimal_text(Decimal("-0")) == "0"
