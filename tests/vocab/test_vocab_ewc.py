"""The EU List of Waste (data/vocab/ewc.ttl), checked with SPARQL against the official counts."""

from __future__ import annotations

import csv

from pyoxigraph import Literal
from vocab_helpers import SHARED_VOCAB, Vocab

from eitkg.namespaces import eitv

ENTRIES = """
    ?e skos:inScheme eitv:ewc ; skos:notation ?code .
    FILTER(REGEX(?code, "^[0-9]{6}$"))
"""


def test_842_entries_408_hazardous(vocab: Vocab) -> None:
    assert vocab.count(f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ {ENTRIES} }}") == 842
    assert (
        vocab.count(
            f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ {ENTRIES} ?e eit:hazardous true }}"
        )
        == 408
    )
    assert (
        vocab.count(
            f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ {ENTRIES} ?e eit:hazardous false }}"
        )
        == 434
    )


def test_20_chapters_and_111_subchapters(vocab: Vocab) -> None:
    chapters = vocab.values("SELECT ?c WHERE { ?c skos:topConceptOf eitv:ewc }")
    assert chapters == [eitv(f"ewc/{n:02d}").value for n in range(1, 21)]
    assert vocab.values("SELECT ?c WHERE { eitv:ewc skos:hasTopConcept ?c }") == chapters
    assert (
        vocab.count(
            """SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {
                ?s skos:broader ?c ; skos:inScheme eitv:ewc . ?c skos:topConceptOf eitv:ewc
                FILTER NOT EXISTS { ?s eit:hazardous ?h }
            }"""
        )
        == 111
    )


def test_every_entry_sits_under_a_subchapter_under_a_chapter(vocab: Vocab) -> None:
    outside = vocab.values(
        f"""SELECT ?e WHERE {{ {ENTRIES}
            FILTER NOT EXISTS {{
                ?e skos:broader ?s . ?s skos:broader ?c . ?c skos:topConceptOf eitv:ewc .
                FILTER(STRSTARTS(?code, SUBSTR(STR(?s), STRLEN(STR(?s)) - 3)))
            }}
        }}"""
    )
    assert outside == []
    several = vocab.values(
        """SELECT ?e WHERE { ?e skos:inScheme eitv:ewc ; skos:broader ?a , ?b FILTER(?a != ?b) }"""
    )
    assert several == []
    # skos:narrower mirrors skos:broader
    assert (
        vocab.count(
            """SELECT (COUNT(*) AS ?n) WHERE {
                ?x skos:broader ?y ; skos:inScheme eitv:ewc
                FILTER NOT EXISTS { ?y skos:narrower ?x } }"""
        )
        == 0
    )


def test_every_entry_has_one_french_and_one_english_label(vocab: Vocab) -> None:
    rows = vocab.rows(
        f"""SELECT ?e (SUM(IF(LANG(?l) = "fr", 1, 0)) AS ?fr)
                      (SUM(IF(LANG(?l) = "en", 1, 0)) AS ?en)
        WHERE {{ {ENTRIES} ?e skos:prefLabel ?l }} GROUP BY ?e"""
    )
    assert len(rows) == 842
    assert {(row["fr"].value, row["en"].value) for row in rows} == {("1", "1")}


def test_both_notations_with_the_asterisk_on_hazardous_entries(vocab: Vocab) -> None:
    wrong = vocab.values(
        f"""SELECT ?e WHERE {{ {ENTRIES} ?e eit:hazardous ?h
            BIND(CONCAT(SUBSTR(?code, 1, 2), " ", SUBSTR(?code, 3, 2), " ", SUBSTR(?code, 5, 2),
                        IF(?h, "*", "")) AS ?spaced)
            FILTER NOT EXISTS {{ ?e skos:notation ?spaced }}
        }}"""
    )
    assert wrong == []
    assert (
        vocab.count(f"SELECT (COUNT(?x) AS ?n) WHERE {{ {ENTRIES} ?e skos:notation ?x }}")
        == 2 * 842
    )


def test_absolute_and_mirror_counts(vocab: Vocab) -> None:
    rows = vocab.rows(
        f"""SELECT ?h ?m (COUNT(DISTINCT ?e) AS ?n) WHERE {{
            {ENTRIES} ?e eit:hazardous ?h ; eit:mirrorEntry ?m }} GROUP BY ?h ?m"""
    )
    counts = {(row["h"].value, row["m"].value): int(row["n"].value) for row in rows}
    assert counts == {
        ("true", "false"): 235,
        ("true", "true"): 173,
        ("false", "false"): 256,
        ("false", "true"): 178,
    }


def test_one_entry_in_full(vocab: Vocab) -> None:
    entry = eitv("ewc/010304")
    labels = vocab.rows("SELECT ?e ?l WHERE { ?e skos:prefLabel ?l }", e=entry)
    assert {row["l"] for row in labels} == {
        Literal("stériles acidogènes provenant de la transformation du sulfure", language="fr"),
        Literal("Acid-generating tailings from processing of sulphide ore", language="en"),
    }
    assert vocab.values("SELECT ?e ?x WHERE { ?e skos:notation ?x }", e=entry) == [
        "01 03 04*",
        "010304",
    ]
    (row,) = vocab.rows(
        "SELECT ?e ?h ?m ?s ?c WHERE { ?e eit:hazardous ?h ; eit:mirrorEntry ?m ;"
        " skos:broader ?s . ?s skos:broader ?c }",
        e=entry,
    )
    assert (row["h"].value, row["m"].value) == ("true", "false")
    assert (row["s"], row["c"]) == (eitv("ewc/0103"), eitv("ewc/01"))
    assert vocab.values("SELECT ?s ?x WHERE { ?s skos:notation ?x }", s=eitv("ewc/0103")) == [
        "01 03",
        "0103",
    ]


def test_french_labels_are_those_of_the_official_list(vocab: Vocab) -> None:
    with (SHARED_VOCAB / "fr_liste_dechets_codes_trackdechets.csv").open(encoding="utf-8") as f:
        expected = {(row["code"], row["description"].strip()) for row in csv.DictReader(f)}
    rows = vocab.rows(
        """SELECT ?x ?l WHERE {
            ?e skos:inScheme eitv:ewc ; skos:notation ?x ; skos:prefLabel ?l
            FILTER(LANG(?l) = "fr" && REGEX(?x, " "))
        }"""
    )
    assert {(row["x"].value, row["l"].value) for row in rows} == expected
