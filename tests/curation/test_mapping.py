"""Rows become flows, sites and actors exactly as docs/model.md says."""

from __future__ import annotations

import pytest

from eitkg.namespaces import DCTERMS, EIT, EITV, GEO, ORG, PROV, RDF, RDFS, SKOS, UNIT, WGS, XSD
from eitkg.queries import QueryCatalogue
from eitkg.store import OxigraphStore

from .conftest import BASE
from .helpers import decimal, literal, only, prepare, values
from .inventory import ENGLISH, FRENCH, to_csv

FLOW = BASE + "id/flow/pipa/pipa-2024-0153"
SITE = BASE + "id/site/55208131700026"
ACTOR = BASE + "id/actor/552081317"
PIPA = BASE + "id/actor/parc-industriel-de-la-plaine-de-l-ain"


def row(**changes: str) -> list[str]:
    cells = dict(
        zip(
            FRENCH,
            [
                "PIPA-2024-0153",
                "Chimie du Rhône",
                "552 081 317 00026",
                "20.14",
                "12 rue Lavoisier",
                "01150",
                "01354",
                "Saint-Vulbas",
                "45,8321",
                "5,2876",
                "PIPA",
                "sortie",
                "Bois",
                "03 01 05",
                "Chutes de bois non traité",
                "1 200,5",
                "t",
                "an",
                "estimé",
                "non",
                "humidité 20 %",
                "R 3",
                "non",
                "atelier 12/03/2024",
                "12/03/2024",
                "CCI Ain",
            ],
            strict=True,
        )
    )
    cells.update(changes)
    return [cells[h] for h in FRENCH]


def test_a_french_row_becomes_one_availability(
    seeded_store: OxigraphStore, catalogue: QueryCatalogue
) -> None:
    prepared = prepare(seeded_store, catalogue, to_csv([row()]))
    assert prepared.report.conforms, prepared.report.findings
    assert values(prepared, FLOW, RDF + "type") == {EIT + "Availability"}
    assert values(prepared, FLOW, RDFS + "label") == {"Chutes de bois non traité"}
    assert values(prepared, FLOW, EIT + "site") == {SITE}
    assert values(prepared, FLOW, EIT + "actor") == {ACTOR}
    assert values(prepared, FLOW, EIT + "resourceCategory") == {EITV + "resource/wood"}
    assert values(prepared, FLOW, EIT + "wasteCode") == {EITV + "ewc/030105"}
    assert literal(prepared, FLOW, EIT + "quantity") == decimal("1200.5")
    assert values(prepared, FLOW, EIT + "unit") == {UNIT + "TONNE"}
    assert values(prepared, FLOW, EIT + "period") == {EITV + "period/year"}
    assert literal(prepared, FLOW, EIT + "quantityPerYear") == decimal("1200.5")
    assert values(prepared, FLOW, EIT + "canonicalUnit") == {UNIT + "TONNE"}
    assert values(prepared, FLOW, EIT + "quantityType") == {EITV + "quantity-type/estimated"}
    assert values(prepared, FLOW, EIT + "hazardous") == {"false"}
    assert values(prepared, FLOW, EIT + "currentTreatment") == {EITV + "treatment/R3"}
    assert values(prepared, FLOW, EIT + "qualityNotes") == {"humidité 20 %"}
    assert values(prepared, FLOW, EIT + "recordId") == {"PIPA-2024-0153"}
    assert literal(prepared, FLOW, EIT + "sourceRow").value == "2"
    assert literal(prepared, FLOW, EIT + "sourceRow").datatype.value == XSD + "integer"
    assert values(prepared, FLOW, PROV + "wasDerivedFrom") == {BASE + "id/dataset/pipa"}
    assert values(prepared, FLOW, DCTERMS + "created") == {"2024-03-12"}
    assert values(prepared, FLOW, DCTERMS + "source") == {"atelier 12/03/2024"}
    assert values(prepared, FLOW, DCTERMS + "contributor") == {"CCI Ain"}
    assert values(prepared, FLOW, EIT + "confidential") == {"false"}


def test_the_site_and_the_actor(seeded_store: OxigraphStore, catalogue: QueryCatalogue) -> None:
    prepared = prepare(seeded_store, catalogue, to_csv([row()]))
    assert values(prepared, ACTOR, RDF + "type") == {EIT + "Company"}
    assert values(prepared, ACTOR, EIT + "siren") == {"552081317"}
    assert values(prepared, ACTOR, SKOS + "prefLabel") == {"Chimie du Rhône"}
    assert values(prepared, ACTOR, EIT + "nafActivity") == {EITV + "naf/20.14Z"}
    assert values(prepared, ACTOR, ORG + "hasSite") == {SITE}
    assert values(prepared, SITE, RDF + "type") == {EIT + "Site"}
    assert values(prepared, SITE, EIT + "siret") == {"55208131700026"}
    assert values(prepared, SITE, ORG + "siteOf") == {ACTOR}
    assert values(prepared, SITE, EIT + "postalCode") == {"01150"}
    assert values(prepared, SITE, EIT + "communeCode") == {"01354"}
    assert values(prepared, SITE, EIT + "communeName") == {"Saint-Vulbas"}
    assert literal(prepared, SITE, WGS + "lat") == decimal("45.8321")
    assert literal(prepared, SITE, WGS + "long") == decimal("5.2876")
    assert values(prepared, SITE + "/geometry", GEO + "asWKT") == {"POINT(5.2876 45.8321)"}


def test_the_park_column_links_an_existing_park_by_label(
    seeded_store: OxigraphStore, catalogue: QueryCatalogue
) -> None:
    prepared = prepare(seeded_store, catalogue, to_csv([row(parc="pipa")]))
    assert values(prepared, SITE, EIT + "inPark") == {PIPA}
    assert values(prepared, PIPA, ORG + "hasMember") == {ACTOR}
    assert values(prepared, PIPA, RDF + "type") == set()  # described by the demo dataset
    assert prepared.report.conforms


def test_an_unknown_park_is_created(seeded_store: OxigraphStore, catalogue: QueryCatalogue) -> None:
    prepared = prepare(seeded_store, catalogue, to_csv([row(parc="ZA des Bruyères")]))
    park = BASE + "id/actor/za-des-bruyeres"
    assert values(prepared, park, RDF + "type") == {EIT + "IndustrialPark"}
    assert values(prepared, park, SKOS + "prefLabel") == {"ZA des Bruyères"}
    assert values(prepared, park, ORG + "hasMember") == {ACTOR}
    created = only(prepared.report.findings, "park-created")
    assert (created.severity, created.row, created.header) == ("Info", 2, "parc")


@pytest.mark.parametrize(
    ("quantity", "unit", "period", "per_year", "canonical"),
    [
        ("500", "kg", "mois", "6", "TONNE"),
        ("2,5", "m³", "jour", "912.5", "M3"),
        ("1 000", "L", "semaine", "52", "M3"),
        ("300", "kWh", "an", "0.3", "MegaW-HR"),
        ("12", "t/an", "", "12", "TONNE"),
    ],
)
def test_quantities_are_normalised_to_canonical_units_per_year(
    seeded_store: OxigraphStore,
    catalogue: QueryCatalogue,
    quantity: str,
    unit: str,
    period: str,
    per_year: str,
    canonical: str,
) -> None:
    data = to_csv([row(quantite=quantity, unite=unit, periodicite=period)])
    prepared = prepare(seeded_store, catalogue, data)
    assert literal(prepared, FLOW, EIT + "quantityPerYear") == decimal(per_year)
    assert values(prepared, FLOW, EIT + "canonicalUnit") == {UNIT + canonical}
    assert prepared.report.conforms


def test_nc_quantity_is_a_warning_and_no_quantity(
    seeded_store: OxigraphStore, catalogue: QueryCatalogue
) -> None:
    prepared = prepare(seeded_store, catalogue, to_csv([row(quantite="NC")]))
    missing = only(prepared.report.findings, "quantity-missing")
    assert (missing.severity, missing.row, missing.header, missing.value) == (
        "Warning",
        2,
        "quantite",
        "NC",
    )
    assert values(prepared, FLOW, EIT + "quantity") == set()
    assert prepared.report.conforms


def test_english_headers_and_commas(seeded_store: OxigraphStore, catalogue: QueryCatalogue) -> None:
    english = row(quantite="1200.5", latitude="45.8321", longitude="5.2876", sens="out")
    prepared = prepare(
        seeded_store, catalogue, to_csv([english], ENGLISH, delimiter=",", encoding="utf-8")
    )
    assert prepared.report.conforms
    assert literal(prepared, FLOW, EIT + "quantity") == decimal("1200.5")
    assert prepared.report.delimiter == ","


def test_an_actor_without_siret(seeded_store: OxigraphStore, catalogue: QueryCatalogue) -> None:
    data = to_csv([row(siret="", nom_acteur="Garage Martin", adresse_site="3 place du Marché")])
    prepared = prepare(seeded_store, catalogue, data)
    actor = BASE + "id/actor/garage-martin"
    site = BASE + "id/site/garage-martin-3-place-du-marche"
    assert values(prepared, actor, RDF + "type") == {EIT + "Actor"}
    assert values(prepared, FLOW, EIT + "site") == {site}
    assert values(prepared, site, ORG + "siteOf") == {actor}


def test_a_need_and_hazard_from_the_waste_code(
    seeded_store: OxigraphStore, catalogue: QueryCatalogue
) -> None:
    data = to_csv([row(sens="entrée", categorie="", code_dechet="16 06 01*", dangereux="")])
    prepared = prepare(seeded_store, catalogue, data)
    assert values(prepared, FLOW, RDF + "type") == {EIT + "Need"}
    assert values(prepared, FLOW, EIT + "hazardous") == {"true"}
    assert values(prepared, FLOW, EIT + "resourceCategory") == {EITV + "resource/batteries"}
    assert only(prepared.report.findings, "category-from-waste-code").severity == "Info"


def test_confidential_flows_go_to_the_companion_graph(
    seeded_store: OxigraphStore, catalogue: QueryCatalogue
) -> None:
    other = row(identifiant="PIPA-2024-0154", confidentiel="oui")
    prepared = prepare(seeded_store, catalogue, to_csv([row(), other]))
    secret = BASE + "id/flow/pipa/pipa-2024-0154"
    assert {q.subject.value for q in prepared.confidential} == {secret}  # type: ignore[union-attr]
    assert {q.graph_name.value for q in prepared.confidential} == {  # type: ignore[union-attr]
        BASE + "graph/dataset/pipa/confidential"
    }
    assert secret not in {q.subject.value for q in prepared.public}  # type: ignore[union-attr]
    assert FLOW in {q.subject.value for q in prepared.public}  # type: ignore[union-attr]
    assert prepared.report.flows == {"needs": 0, "availabilities": 2, "confidential": 1}


def test_two_names_for_one_siret_in_a_file_is_a_warning(
    seeded_store: OxigraphStore, catalogue: QueryCatalogue
) -> None:
    other = row(identifiant="B", nom_acteur="Chimie Rhône SAS")
    prepared = prepare(seeded_store, catalogue, to_csv([row(), other]))
    conflict = only(prepared.report.findings, "actor-name-conflict")
    assert (conflict.severity, conflict.row, conflict.value) == ("Warning", 3, "Chimie Rhône SAS")
    assert "Chimie du Rhône" in conflict.message_en and "row 2" in conflict.message_en
    assert values(prepared, ACTOR, SKOS + "prefLabel") == {"Chimie du Rhône"}


def test_another_name_in_another_dataset_is_a_warning(
    seeded_store: OxigraphStore, catalogue: QueryCatalogue
) -> None:
    data = to_csv([row(siret="553 956 368 00797", nom_acteur="Plasturgie Plaine SA")])
    prepared = prepare(seeded_store, catalogue, data)
    conflict = only(prepared.report.findings, "actor-name-conflict")
    assert conflict.focus == BASE + "id/actor/553956368"
    assert "Plasturgie de la Plaine (fictif)" in conflict.message_fr
    assert "jeu de données demo" in conflict.message_fr
    assert prepared.report.conforms


def test_mis_decoded_text_is_a_warning(
    seeded_store: OxigraphStore, catalogue: QueryCatalogue
) -> None:
    data = to_csv([row(libelle="Chutes de bois non traitÃ©")], encoding="utf-8")
    prepared = prepare(seeded_store, catalogue, data)
    warning = only(prepared.report.findings, "mojibake")
    assert (warning.severity, warning.row, warning.header) == ("Warning", 2, "libelle")
    assert prepared.report.conforms


def test_a_store_without_vocabularies_is_refused(
    empty_store: OxigraphStore, catalogue: QueryCatalogue
) -> None:
    from eitkg.curation import prepare_import
    from eitkg.errors import ConfigurationError

    with pytest.raises(ConfigurationError, match="eitkg init"):
        prepare_import(
            to_csv([row()]), "x.csv", store=empty_store, base_iri=BASE, catalogue=catalogue
        )
