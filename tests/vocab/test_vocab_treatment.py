"""The R and D treatment operation codes (data/vocab/treatment.ttl)."""

from __future__ import annotations

from pyoxigraph import Literal
from vocab_helpers import Vocab

from eitkg.namespaces import eitv


def test_29_codes_13_recovery_16_disposal(vocab: Vocab) -> None:
    rows = vocab.rows(
        """SELECT ?r (COUNT(DISTINCT ?c) AS ?n) WHERE {
            ?c skos:inScheme eitv:treatment ; eit:recoveryOperation ?r } GROUP BY ?r"""
    )
    assert {row["r"].value: int(row["n"].value) for row in rows} == {"true": 13, "false": 16}
    codes = vocab.values(
        """SELECT ?code WHERE { ?c skos:inScheme eitv:treatment
            BIND(STRAFTER(STR(?c), "/treatment/") AS ?code) }"""
    )
    expected = [f"D{n}" for n in range(1, 16)] + ["D9F"] + [f"R{n}" for n in range(1, 14)]
    assert codes == sorted(expected)


def test_r_codes_are_recovery_d_codes_are_not(vocab: Vocab) -> None:
    wrong = vocab.values(
        """SELECT ?c WHERE { ?c skos:inScheme eitv:treatment ; eit:recoveryOperation ?r
            FILTER(?r != STRSTARTS(STRAFTER(STR(?c), "/treatment/"), "R")) }"""
    )
    assert wrong == []


def test_notations_labels_and_the_trackdechets_d9f(vocab: Vocab) -> None:
    r3 = eitv("treatment/R3")
    assert vocab.values("SELECT ?c ?x WHERE { ?c skos:notation ?x }", c=r3) == ["R 3", "R3"]
    labels = {row["l"] for row in vocab.rows("SELECT ?c ?l WHERE { ?c skos:prefLabel ?l }", c=r3)}
    assert (
        Literal(
            "Recyclage ou récupération des substances organiques qui ne sont pas utilisées comme "
            "solvants",
            language="fr",
        )
        in labels
    )
    assert {label.language for label in labels} == {"fr", "en"}
    d9f = eitv("treatment/D9F")
    assert vocab.values("SELECT ?c ?x WHERE { ?c skos:notation ?x }", c=d9f) == ["D 9 F", "D9F"]
    assert vocab.values("SELECT ?c ?b WHERE { ?c skos:broader ?b }", c=d9f) == [
        eitv("treatment/D9").value
    ]
    # labels come without the trailing blanks of the source file
    assert (
        vocab.count(
            """SELECT (COUNT(*) AS ?n) WHERE { ?c skos:inScheme eitv:treatment ;
                skos:prefLabel ?l FILTER(REGEX(?l, "^\\\\s|\\\\s$")) }"""
        )
        == 0
    )


def test_english_labels_are_declared_as_translations(vocab: Vocab) -> None:
    assert (
        vocab.count(
            """SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c skos:inScheme eitv:treatment ;
                skos:prefLabel ?l FILTER(LANG(?l) = "en") }"""
        )
        == 29
    )
    notes = vocab.values("SELECT ?note WHERE { eitv:treatment skos:note ?note }")
    assert any("translations written by eitkg" in note for note in notes)
