"""NAF rév. 2 (data/vocab/naf.ttl) and NACE Rev. 2 (data/vocab/nace.ttl)."""

from __future__ import annotations

import pytest
from pyoxigraph import Literal, NamedNode
from vocab_helpers import Vocab

from eitkg.namespaces import eitv

RAMON = "http://ec.europa.eu/eurostat/ramon/rdfdata/nace_r2/"

#: (level name, depth below the top concept, notation pattern, NACE count)
LEVELS = [
    ("section", 0, "^[A-U]$", 21),
    ("division", 1, "^[0-9]{2}$", 88),
    ("group", 2, "^[0-9]{2}\\\\.[0-9]$", 272),
    ("class", 3, "^[0-9]{2}\\\\.[0-9]{2}$", 615),
]


def at_depth(scheme: str, depth: int) -> str:
    """Graph pattern: ?c is ``depth`` skos:broader steps below a top concept of ``scheme``."""
    if depth == 0:
        return f"?c skos:topConceptOf {scheme} ."
    path = "/".join(["skos:broader"] * depth)
    return f"?c {path} ?top . ?top skos:topConceptOf {scheme} ."


@pytest.mark.parametrize(("level", "depth", "pattern", "expected"), LEVELS)
def test_nace_levels(vocab: Vocab, level: str, depth: int, pattern: str, expected: int) -> None:
    query = f"""SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {{
        ?c skos:inScheme eitv:nace ; skos:notation ?x .
        {at_depth("eitv:nace", depth)}
        FILTER(REGEX(?x, "{pattern}"))
    }}"""
    assert vocab.count(query) == expected, level


def test_nace_has_996_concepts_each_labelled_in_english_and_matched_to_ramon(vocab: Vocab) -> None:
    rows = vocab.rows(
        """SELECT ?c ?x ?l ?m WHERE {
            ?c skos:inScheme eitv:nace ; skos:notation ?x ; skos:prefLabel ?l ; skos:exactMatch ?m
        }"""
    )
    assert len(rows) == 996
    assert {row["l"].language for row in rows} == {"en"}
    assert all(row["m"] == NamedNode(RAMON + row["x"].value) for row in rows)
    assert all(row["c"] == eitv("nace/" + row["x"].value) for row in rows)


def test_nace_class_in_full(vocab: Vocab) -> None:
    (row,) = vocab.rows(
        "SELECT ?c ?l ?b WHERE { ?c skos:prefLabel ?l ; skos:broader ?b }",
        c=eitv("nace/38.11"),
    )
    assert row["l"] == Literal("Collection of non-hazardous waste", language="en")
    assert row["b"] == eitv("nace/38.1")


@pytest.mark.parametrize(("level", "depth", "pattern", "expected"), LEVELS)
def test_naf_levels_are_exact_matches_of_nace(
    vocab: Vocab, level: str, depth: int, pattern: str, expected: int
) -> None:
    query = f"""SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {{
        ?c skos:inScheme eitv:naf ; skos:notation ?x ; skos:exactMatch ?nace .
        {at_depth("eitv:naf", depth)}
        ?nace skos:inScheme eitv:nace ; skos:notation ?x .
        FILTER(REGEX(?x, "{pattern}"))
    }}"""
    assert vocab.count(query) == expected, level


def test_732_naf_subclasses_reach_a_section_and_match_a_nace_class(vocab: Vocab) -> None:
    subclasses = """?c skos:inScheme eitv:naf ; skos:notation ?x
        FILTER(REGEX(?x, "^[0-9]{2}\\\\.[0-9]{2}[A-Z]$"))"""
    assert vocab.count(f"SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {{ {subclasses} }}") == 732
    assert (
        vocab.count(
            f"""SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {{ {subclasses}
                ?c skos:broader/skos:broader/skos:broader/skos:broader ?section .
                ?section skos:topConceptOf eitv:naf .
                ?c skos:broader ?class ; skos:broadMatch ?nace .
                ?class skos:exactMatch ?nace .
                ?nace skos:inScheme eitv:nace ; skos:notation ?classCode .
                FILTER(REGEX(?classCode, "^[0-9]{{2}}\\\\.[0-9]{{2}}$"))
                FILTER(STRSTARTS(?x, ?classCode))
                FILTER NOT EXISTS {{ ?c skos:exactMatch ?any }}
            }}"""
        )
        == 732
    )


def test_naf_subclass_in_full(vocab: Vocab) -> None:
    concept = eitv("naf/38.11Z")
    assert vocab.values("SELECT ?c ?x WHERE { ?c skos:notation ?x }", c=concept) == [
        "38.11Z",
        "3811Z",
    ]
    (row,) = vocab.rows(
        "SELECT ?c ?l ?b ?m WHERE { ?c skos:prefLabel ?l ; skos:broader ?b ; skos:broadMatch ?m }",
        c=concept,
    )
    assert row["l"] == Literal("Collecte des déchets non dangereux", language="fr")
    assert (row["b"], row["m"]) == (eitv("naf/38.11"), eitv("nace/38.11"))
    sections = vocab.values(
        "SELECT ?c ?s WHERE { ?c skos:broader+ ?s . ?s skos:topConceptOf eitv:naf }", c=concept
    )
    assert sections == [eitv("naf/E").value]


def test_naf_labels_are_french(vocab: Vocab) -> None:
    assert vocab.values(
        "SELECT DISTINCT ?lang WHERE { ?c skos:inScheme eitv:naf ; skos:prefLabel ?l"
        " BIND(LANG(?l) AS ?lang) }"
    ) == ["fr"]
