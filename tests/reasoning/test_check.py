"""HermiT through owlready2: the shipped ontology and vocabularies, and deliberate mistakes."""

from __future__ import annotations

import tempfile
import time
import uuid
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, RdfFormat, parse

from eitkg.errors import ConfigurationError, InconsistentOntologyError, RdfSyntaxError
from eitkg.namespaces import RDF, SKOS
from eitkg.reasoning import (
    ReasonerReport,
    check_ontology,
    default_ontology_files,
    require_consistent,
)
from eitkg.resources import ontology_dir, vocab_dir

PREFIXES = """\
@prefix eit: <https://w3id.org/eitkg/ontology#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix ex: <http://example.org/> .
"""
ONTOLOGY = ontology_dir() / "eit.ttl"


def write(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(PREFIXES + body, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def shipped() -> ReasonerReport:
    """One reasoner run over everything eitkg ships, shared by the tests of this module."""
    return check_ontology(default_ontology_files())


def concept_and_scheme_count() -> int:
    """Distinct IRIs typed skos:Concept or skos:ConceptScheme in data/vocab (read directly)."""
    kinds = {NamedNode(SKOS + "Concept"), NamedNode(SKOS + "ConceptScheme")}
    subjects = set()
    for path in vocab_dir().glob("*.ttl"):
        for quad in parse(path=path, format=RdfFormat.TURTLE):
            if quad.predicate.value == RDF + "type" and quad.object in kinds:
                subjects.add(quad.subject.value)
    return len(subjects)


@pytest.mark.slow
def test_shipped_ontology_and_vocabularies_are_consistent(shipped: ReasonerReport) -> None:
    assert shipped.consistent is True
    assert shipped.unsatisfiable == ()
    assert shipped.ok is True
    assert shipped.dl_violations == ()
    vocab_names = sorted(f"data/vocab/{path.name}" for path in vocab_dir().glob("*.ttl"))
    assert shipped.files == ("ontology/eit.ttl", *vocab_names)
    assert len(vocab_names) >= 4  # at least the EWC, NAF, NACE and treatment code lists


@pytest.mark.slow
def test_shipped_report_counts_what_it_read(shipped: ReasonerReport) -> None:
    # Every individual of the shipped set is a vocabulary concept or a concept scheme, but the
    # one individual of the ontology: eit:ImportConstraintComponent.
    assert shipped.individuals == concept_and_scheme_count() + 1
    assert shipped.individuals > 2_500
    assert shipped.classes == 39  # 17 eit: classes and 22 declared external classes
    assert shipped.properties == (
        shipped.object_properties + shipped.datatype_properties + shipped.annotation_properties
    )
    assert shipped.triples > 30_000
    assert 0 < shipped.reasoner_seconds <= shipped.elapsed_seconds < 60


@pytest.mark.slow
def test_shipped_report_as_text(shipped: ReasonerReport) -> None:
    lines = shipped.lines()
    assert lines[0] == "Ontology check (HermiT): consistent"
    assert "    ontology/eit.ttl" in lines
    assert "  unsatisfiable classes: none" in lines
    assert lines[-1].startswith("  time: ")
    assert shipped.lines("fr")[0] == "Vérification de l'ontologie (HermiT) : cohérente"


@pytest.mark.slow
def test_individual_in_two_disjoint_classes_is_inconsistent(tmp_path: Path) -> None:
    bad = write(
        tmp_path, "bad.ttl", "ex:flow1 a owl:NamedIndividual , eit:Need , eit:Availability .\n"
    )
    report = check_ontology([ONTOLOGY, bad])
    assert report.consistent is False
    assert report.ok is False
    assert report.unsatisfiable == ()
    assert report.files == ("ontology/eit.ttl", str(bad))
    assert report.lines()[0] == "Ontology check (HermiT): INCONSISTENT"
    assert report.message().startswith("The ontology and vocabularies are inconsistent")
    with pytest.raises(InconsistentOntologyError) as caught:
        require_consistent([ONTOLOGY, bad])
    assert caught.value.unsatisfiable == []
    assert "inconsistent" in str(caught.value)


@pytest.mark.slow
def test_vocabulary_concept_used_as_a_flow_is_inconsistent(tmp_path: Path) -> None:
    # eit:quantity has domain eit:Flow, and eit:Flow is disjoint with skos:Concept.
    bad = write(tmp_path, "misuse.ttl", "<https://w3id.org/eitkg/vocab/ewc/01> eit:quantity 3 .\n")
    assert check_ontology([ONTOLOGY, vocab_dir() / "ewc.ttl"]).consistent is True
    assert check_ontology([ONTOLOGY, vocab_dir() / "ewc.ttl", bad]).consistent is False


@pytest.mark.slow
def test_unsatisfiable_classes_are_named(tmp_path: Path) -> None:
    bad = write(
        tmp_path,
        "unsat.ttl",
        "ex:NeedAndAvailability a owl:Class ; rdfs:subClassOf eit:Need , eit:Availability .\n"
        "ex:PublicCompany a owl:Class ; rdfs:subClassOf eit:Company , eit:PublicBody .\n"
        "ex:Fine a owl:Class ; rdfs:subClassOf eit:Need .\n",
    )
    report = check_ontology([ONTOLOGY, bad])
    assert report.consistent is True
    assert report.unsatisfiable == (
        "http://example.org/NeedAndAvailability",
        "http://example.org/PublicCompany",
    )
    assert report.ok is False
    lines = report.lines()
    assert lines[0] == "Ontology check (HermiT): consistent, but 2 unsatisfiable class(es)"
    assert "    http://example.org/PublicCompany" in lines
    with pytest.raises(InconsistentOntologyError) as caught:
        require_consistent([ONTOLOGY, bad])
    assert caught.value.unsatisfiable == [
        "http://example.org/NeedAndAvailability",
        "http://example.org/PublicCompany",
    ]
    assert "http://example.org/NeedAndAvailability" in str(caught.value)


@pytest.mark.slow
def test_inconsistent_run_leaves_no_temporary_file(tmp_path: Path) -> None:
    marker = f"http://example.org/{uuid.uuid4().hex}"
    bad = write(tmp_path, "bad.ttl", f"<{marker}> a eit:Company , eit:PublicBody .\n")
    started = time.time()
    assert check_ontology([ONTOLOGY, bad]).consistent is False
    leftovers = [
        path
        for path in Path(tempfile.gettempdir()).iterdir()
        if path.is_file()
        and path.stat().st_mtime >= started - 1
        and marker.encode() in path.read_bytes()
    ]
    assert leftovers == []


def test_owl_imports_are_not_followed(tmp_path: Path) -> None:
    # The import would need the network; it is dropped, and the file still checks.
    extra = write(
        tmp_path, "imports.ttl", "ex:o a owl:Ontology ; owl:imports <http://example.invalid/x> .\n"
    )
    report = require_consistent([extra])
    assert report.consistent is True
    assert report.triples == 1


def test_missing_java_is_a_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="/no/such/java"):
        check_ontology([ONTOLOGY], java="/no/such/java")


def test_malformed_file_points_at_its_line(tmp_path: Path) -> None:
    bad = write(tmp_path, "broken.ttl", "ex:a ex:b ex:c .\nex:d ex:e .\n")
    with pytest.raises(RdfSyntaxError) as caught:
        check_ontology([ONTOLOGY, bad])
    assert caught.value.location.source == str(bad)
    assert caught.value.location.line == 6  # 4 prefix lines, then the two triples


def test_default_files_are_the_ontology_then_the_vocabularies() -> None:
    files = default_ontology_files()
    assert files[0] == ONTOLOGY
    assert files[1:] == sorted(vocab_dir().glob("*.ttl"))
