"""The EIT resource taxonomy (data/vocab/resource.ttl), hand-authored."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pyoxigraph import Literal
from vocab_helpers import Vocab, as_decimal

from eitkg.namespaces import eitv, term

CONCEPTS = "?c skos:inScheme eitv:resource ."
TOP = ["energy", "water", "materials", "waste", "equipment", "expertise", "services"]


def test_top_concepts_are_the_seven_domains(vocab: Vocab) -> None:
    expected = sorted(eitv(f"resource/{slug}").value for slug in TOP)
    assert vocab.values("SELECT ?c WHERE { ?c skos:topConceptOf eitv:resource }") == expected
    assert vocab.values("SELECT ?c WHERE { eitv:resource skos:hasTopConcept ?c }") == expected
    rows = vocab.rows(
        """SELECT ?c (COUNT(DISTINCT ?d) AS ?n) WHERE {
            ?c skos:topConceptOf eitv:resource ; skos:definition ?d
            FILTER(LANG(?d) IN ("fr", "en")) } GROUP BY ?c"""
    )
    assert sorted((str(row["c"].value), row["n"].value) for row in rows) == [
        (iri, "2") for iri in expected
    ]


def test_every_concept_is_defined_in_french_and_english(vocab: Vocab) -> None:
    undefined = vocab.values(
        f"""SELECT ?c WHERE {{ {CONCEPTS}
            FILTER NOT EXISTS {{ ?c skos:definition ?fr , ?en
                FILTER(LANG(?fr) = "fr" && LANG(?en) = "en") }} }}"""
    )
    assert undefined == []


def test_between_100_and_150_concepts_all_under_a_domain(vocab: Vocab) -> None:
    total = vocab.count(f"SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {{ {CONCEPTS} }}")
    assert 100 <= total <= 150
    reached = vocab.count(
        f"""SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {{ {CONCEPTS}
            ?c skos:broader* ?top . ?top skos:topConceptOf eitv:resource }}"""
    )
    assert reached == total
    dangling = vocab.values(
        f"SELECT ?b WHERE {{ {CONCEPTS} ?c skos:broader ?b"
        " FILTER NOT EXISTS { ?b skos:inScheme eitv:resource } }"
    )
    assert dangling == []


def test_every_concept_has_labels_a_distance_and_a_unique_notation(vocab: Vocab) -> None:
    rows = vocab.rows(
        f"""SELECT ?c
            (SUM(IF(LANG(?l) = "fr", 1, 0)) AS ?fr) (SUM(IF(LANG(?l) = "en", 1, 0)) AS ?en)
            (SAMPLE(?km) AS ?distance) (COUNT(DISTINCT ?x) AS ?notations)
        WHERE {{ {CONCEPTS}
            ?c skos:prefLabel ?l .
            OPTIONAL {{ ?c eit:typicalMaxDistanceKm ?km }}
            OPTIONAL {{ ?c skos:notation ?x }}
        }} GROUP BY ?c"""
    )
    assert len(rows) >= 100
    for row in rows:
        # one notation counted once per label: 2 labels → (fr, en) = (1, 1)
        assert (row["fr"].value, row["en"].value) == ("1", "1"), row["c"]
        assert row["notations"].value == "1", row["c"]
        assert as_decimal(row["distance"]) > 0, row["c"]
    duplicates = vocab.values(
        f"""SELECT ?x WHERE {{ {CONCEPTS} ?c skos:notation ?x }}
            GROUP BY ?x HAVING (COUNT(DISTINCT ?c) > 1)"""
    )
    assert duplicates == []


@pytest.mark.parametrize(
    ("word", "slug"),
    [
        ("vapeur", "steam"),
        ("steam", "steam"),
        ("cendres volantes", "fly-ash"),
        ("fly ash", "fly-ash"),
        ("Fly Ash", "fly-ash"),
        ("palettes", "pallets"),
        ("DIB", "non-hazardous-waste"),
        ("lactosérum", "whey"),
        ("whey", "whey"),
        ("ferraille", "scrap-metal"),
        ("mâchefers", "bottom-ash"),
        ("CSR", "srf"),
        ("DEEE", "weee"),
        ("eau chaude", "heat-medium-temperature"),
        ("chaleur fatale", "heat"),
        ("boues de STEP", "sludge"),
        ("chariot élévateur", "handling-equipment"),
        ("médecine du travail", "occupational-health"),
    ],
)
def test_spreadsheet_words_match_exactly_one_concept(vocab: Vocab, word: str, slug: str) -> None:
    found = vocab.values(
        f"""SELECT DISTINCT ?word ?c WHERE {{ {CONCEPTS}
            ?c skos:prefLabel|skos:altLabel ?l FILTER(LCASE(STR(?l)) = LCASE(?word)) }}""",
        word=Literal(word),
    )
    assert found == [eitv(f"resource/{slug}").value]


def test_no_label_is_shared_by_two_concepts(vocab: Vocab) -> None:
    shared = vocab.values(
        f"""SELECT ?key WHERE {{ {CONCEPTS}
            ?c skos:prefLabel|skos:altLabel ?l BIND(LCASE(STR(?l)) AS ?key) }}
            GROUP BY ?key HAVING (COUNT(DISTINCT ?c) > 1)"""
    )
    assert shared == []


def test_pref_and_alt_labels_are_disjoint(vocab: Vocab) -> None:
    clash = vocab.values(
        f"SELECT ?c WHERE {{ {CONCEPTS} ?c skos:prefLabel ?l ; skos:altLabel ?a"
        " FILTER(LCASE(STR(?l)) = LCASE(STR(?a)) && LANG(?l) = LANG(?a)) }"
    )
    assert clash == []


@pytest.mark.parametrize(
    ("slug", "km"),
    [
        ("steam", "3"),
        ("heat-medium-temperature", "10"),
        ("heat-low-temperature", "2"),
        ("electricity", "1000"),
        ("biogas", "20"),
        ("minerals", "150"),
        ("metals", "500"),
        ("plastics", "500"),
        ("organic-matter", "50"),
        ("waste-water", "5"),
        ("equipment", "30"),
        ("expertise", "100"),
        ("services", "30"),
    ],
)
def test_typical_distances(vocab: Vocab, slug: str, km: str) -> None:
    (row,) = vocab.rows(
        "SELECT ?c ?km WHERE { ?c eit:typicalMaxDistanceKm ?km }", c=eitv(f"resource/{slug}")
    )
    assert as_decimal(row["km"]) == Decimal(km)


def test_canonical_units_are_units_of_the_unit_scheme(vocab: Vocab) -> None:
    used = vocab.values(f"SELECT DISTINCT ?u WHERE {{ {CONCEPTS} ?c eit:canonicalUnit ?u }}")
    assert used == sorted(
        term("unit", name).value for name in ("HR", "M3", "MegaW-HR", "NUM", "TONNE")
    )
    unknown = vocab.values(
        f"SELECT ?u WHERE {{ {CONCEPTS} ?c eit:canonicalUnit ?u"
        " FILTER NOT EXISTS { ?u skos:inScheme eitv:unit } }"
    )
    assert unknown == []


def test_every_covered_waste_code_exists_in_the_list_of_waste(vocab: Vocab) -> None:
    covered = vocab.count(
        f"SELECT (COUNT(DISTINCT ?w) AS ?n) WHERE {{ {CONCEPTS} ?c eit:coversWasteCode ?w }}"
    )
    assert covered > 100
    missing = vocab.values(
        f"""SELECT ?w WHERE {{ {CONCEPTS} ?c eit:coversWasteCode ?w
            FILTER NOT EXISTS {{ ?w skos:inScheme eitv:ewc ; skos:prefLabel ?label }} }}"""
    )
    assert missing == []


@pytest.mark.parametrize(
    ("slug", "codes"),
    [
        ("wood", ["030105", "150103", "170201", "191207", "200138"]),
        ("fly-ash", ["100102", "100103", "190113", "190114"]),
        ("whey", ["020501"]),
        ("oils-lubricants", ["13", "200126"]),
        ("acids", ["0601", "110105", "200114"]),
        ("weee", ["1602", "200123", "200135", "200136"]),
    ],
)
def test_covered_waste_codes(vocab: Vocab, slug: str, codes: list[str]) -> None:
    found = vocab.values(
        "SELECT ?c ?w WHERE { ?c eit:coversWasteCode ?w }", c=eitv(f"resource/{slug}")
    )
    assert found == [eitv(f"ewc/{code}").value for code in codes]


def test_hazardous_fly_ash_is_a_hazardous_entry(vocab: Vocab) -> None:
    rows = vocab.rows(
        """SELECT ?c ?x WHERE { ?c eit:coversWasteCode ?w . ?w eit:hazardous true ;
            skos:notation ?x FILTER(CONTAINS(?x, "*")) }""",
        c=eitv("resource/fly-ash"),
    )
    assert [row["x"].value for row in rows] == ["19 01 13*"]
