"""The column contract of flow inventories: one row per declared flow of one site.

Headers are matched in French or English, ignoring case, accents, spaces and underscores, and
through a few common aliases. ``docs/import.md`` and the templates in ``data/templates/`` are
written from this table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from eitkg.curation.cells import fold
from eitkg.errors import InputError, Location
from eitkg.namespaces import DCTERMS, EIT, GEO, ORG, RDF, RDFS, SKOS, WGS


@dataclass(frozen=True)
class Column:
    """One column of the contract."""

    key: str
    fr: str
    required: bool
    help_en: str
    help_fr: str
    example: str
    aliases: tuple[str, ...] = ()
    #: RDF properties this column fills (used to point a SHACL result back at a column).
    paths: tuple[str, ...] = ()

    @property
    def en(self) -> str:
        return self.key

    def header(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.key


COLUMNS: tuple[Column, ...] = (
    Column(
        "record_id",
        "identifiant",
        False,
        "Identifier of the row, unique in the file; kept on the flow (eit:recordId).",
        "Identifiant de la ligne, unique dans le fichier ; conservé sur le flux (eit:recordId).",
        "PIPA-2024-0153",
        ("id", "ref", "reference", "id ligne", "record"),
        (EIT + "recordId",),
    ),
    Column(
        "actor_name",
        "nom_acteur",
        True,
        "Name of the company or organisation.",
        "Nom de l'entreprise ou de l'organisation.",
        "Chimie du Rhône SAS",
        (
            "acteur",
            "actor",
            "entreprise",
            "company",
            "raison sociale",
            "denomination",
            "nom entreprise",
            "societe",
        ),
        (SKOS + "prefLabel",),
    ),
    Column(
        "siret",
        "siret",
        False,
        "SIRET of the site (14 digits, spaces allowed); the SIREN (first 9) names the company.",
        "SIRET du site (14 chiffres, espaces permis) ; le SIREN (9 premiers) désigne l'entreprise.",
        "552 081 317 00026",
        ("n siret", "numero siret"),
        (EIT + "siret", EIT + "siren"),
    ),
    Column(
        "naf_code",
        "code_naf",
        False,
        "NAF rev. 2 activity code (APE), with or without the final letter.",
        "Code d'activité NAF rév. 2 (APE), avec ou sans la lettre finale.",
        "20.14Z",
        ("naf", "ape", "code ape", "activite"),
        (EIT + "nafActivity",),
    ),
    Column(
        "site_address",
        "adresse_site",
        False,
        "Street address of the site.",
        "Adresse du site.",
        "12 rue de la Chimie",
        ("adresse", "address", "rue"),
        (EIT + "streetAddress",),
    ),
    Column(
        "postal_code",
        "code_postal",
        False,
        "Postal code (5 digits).",
        "Code postal (5 chiffres).",
        "01150",
        ("cp", "zip", "postcode"),
        (EIT + "postalCode",),
    ),
    Column(
        "commune_insee",
        "code_commune",
        False,
        "INSEE code of the commune (5 characters, not the postal code).",
        "Code INSEE de la commune (5 caractères, pas le code postal).",
        "01354",
        ("insee", "code insee", "commune insee", "commune code"),
        (EIT + "communeCode",),
    ),
    Column(
        "commune_name",
        "commune",
        False,
        "Name of the commune.",
        "Nom de la commune.",
        "Saint-Vulbas",
        ("ville", "city", "town"),
        (EIT + "communeName",),
    ),
    Column(
        "lat",
        "latitude",
        False,
        "Latitude in WGS84 decimal degrees (45.8), not swapped with the longitude.",
        "Latitude en degrés décimaux WGS84 (45,8), sans l'inverser avec la longitude.",
        "45,8321",
        ("lat", "y"),
        (WGS + "lat", GEO + "hasGeometry"),
    ),
    Column(
        "lon",
        "longitude",
        False,
        "Longitude in WGS84 decimal degrees (5.3).",
        "Longitude en degrés décimaux WGS84 (5,3).",
        "5,2876",
        ("long", "lng", "x"),
        (WGS + "long",),
    ),
    Column(
        "park",
        "parc",
        False,
        "Industrial park or territory the site belongs to (existing label or a new one).",
        "Parc d'activités ou territoire du site (nom existant ou nouveau).",
        "PIPA",
        ("territory", "territoire", "zone", "zone d activite", "zae"),
        (EIT + "inPark", ORG + "hasMember"),
    ),
    Column(
        "direction",
        "sens",
        True,
        "in (entrée, besoin: a need) or out (sortie, disponible: an availability).",
        "entrée (besoin) ou sortie (disponible) ; in ou out en anglais.",
        "sortie",
        ("type de flux", "flux", "flow direction", "entree sortie"),
        (RDF + "type",),
    ),
    Column(
        "category",
        "categorie",
        False,
        "Resource category: a notation (MA.WOOD) or any French or English label.",
        "Catégorie de ressource : une notation (MA.WOOD) ou un libellé français ou anglais.",
        "Bois",
        ("resource", "ressource", "flow kind", "type de ressource", "famille"),
        (EIT + "resourceCategory",),
    ),
    Column(
        "ewc_code",
        "code_dechet",
        False,
        "European List of Waste code, any spacing, with or without *.",
        "Code de la nomenclature déchets, avec ou sans espaces et *.",
        "03 01 05",
        ("ewc", "code ced", "ced", "code nomenclature", "low", "waste code"),
        (EIT + "wasteCode",),
    ),
    Column(
        "flow_label",
        "libelle",
        True,
        "Free-text label of the flow, as the company says it.",
        "Libellé libre du flux, tel que l'entreprise le formule.",
        "Chutes de bois non traité",
        ("label", "designation", "description", "denomination du dechet", "intitule"),
        (RDFS + "label",),
    ),
    Column(
        "quantity",
        "quantite",
        False,
        "Quantity per period (1 200,5 and 1,200.5 both read); NC or empty when unknown.",
        "Quantité par période (1 200,5 accepté) ; NC ou vide si inconnue.",
        "120",
        ("qte", "qty", "quantity declared", "poids", "volume"),
        (EIT + "quantity", EIT + "quantityPerYear"),
    ),
    Column(
        "unit",
        "unite",
        False,
        "Unit: t, kg, m3, L, MWh, kWh, GJ…",
        "Unité : t, kg, m3, L, MWh, kWh, GJ…",
        "t",
        ("unites", "units"),
        (EIT + "unit", EIT + "canonicalUnit"),
    ),
    Column(
        "period",
        "periodicite",
        False,
        "Period of the quantity: year, month, week, day, once.",
        "Période de la quantité : an, mois, semaine, jour, ponctuel.",
        "an",
        ("periode", "frequence", "frequency"),
        (EIT + "period",),
    ),
    Column(
        "quantity_type",
        "type_quantite",
        False,
        "estimated or measured.",
        "estimée ou mesurée.",
        "estimé",
        ("type de poids", "type quantite", "precision"),
        (EIT + "quantityType",),
    ),
    Column(
        "hazardous",
        "dangereux",
        False,
        "yes/no; must agree with the waste code's asterisk.",
        "oui/non ; doit concorder avec l'astérisque du code déchet.",
        "non",
        ("dangerous", "dangerosite"),
        (EIT + "hazardous",),
    ),
    Column(
        "physical_form",
        "forme_physique",
        False,
        "solid, bulk solid, powder, pasty, sludge, liquid, gas, steam.",
        "solide, vrac, poudre, pâteux, boue, liquide, gaz, vapeur.",
        "solide",
        ("forme", "etat", "physical state"),
        (EIT + "physicalForm",),
    ),
    Column(
        "material_status",
        "statut_matiere",
        False,
        "waste, by-product, end-of-waste or product.",
        "déchet, sous-produit, sortie de statut de déchet ou produit.",
        "déchet",
        ("statut", "status", "statut juridique"),
        (EIT + "materialStatus",),
    ),
    Column(
        "quality_notes",
        "notes_qualite",
        False,
        "Quality, concentration, purity, packaging.",
        "Qualité, concentration, pureté, conditionnement.",
        "humidité 20 %, palettes",
        ("qualite", "quality", "remarques", "notes", "commentaire"),
        (EIT + "qualityNotes",),
    ),
    Column(
        "current_treatment",
        "traitement_actuel",
        False,
        "Current R/D treatment code (R 3, D 10).",
        "Code de traitement actuel R/D (R 3, D 10).",
        "R 3",
        ("code traitement", "traitement", "treatment", "code r d", "mode de traitement"),
        (EIT + "currentTreatment",),
    ),
    Column(
        "annual_cost_eur",
        "cout_annuel_eur",
        False,
        "Current yearly cost of disposal or purchase, in euros.",
        "Coût annuel actuel d'élimination ou d'achat, en euros.",
        "4 500",
        ("cout", "cost", "current cost eur per year", "cout annuel"),
        (EIT + "annualCostEur",),
    ),
    Column(
        "available_from",
        "disponible_du",
        False,
        "First date the flow is available (2024-03-12 or 12/03/2024).",
        "Date de début de disponibilité (12/03/2024 ou 2024-03-12).",
        "2024-01-01",
        ("date debut", "debut", "from", "disponible a partir du"),
        (EIT + "availableFrom",),
    ),
    Column(
        "available_until",
        "disponible_jusqu_au",
        False,
        "Last date the flow is available.",
        "Date de fin de disponibilité.",
        "2024-12-31",
        ("date fin", "fin", "until", "jusqu au"),
        (EIT + "availableUntil",),
    ),
    Column(
        "confidential",
        "confidentiel",
        False,
        "yes to keep the flow out of public views.",
        "oui pour garder le flux hors des vues publiques.",
        "non",
        ("confidentialite", "prive", "private"),
        (EIT + "confidential",),
    ),
    Column(
        "source",
        "source",
        False,
        "Where the row comes from (workshop, visit, register).",
        "Origine de la ligne (atelier, visite, registre).",
        "atelier 12/03/2024",
        ("origine",),
        (DCTERMS + "source",),
    ),
    Column(
        "collected_on",
        "date_collecte",
        False,
        "Date the information was collected.",
        "Date de collecte de l'information.",
        "2024-03-12",
        ("collecte le", "date collecte", "date"),
        (DCTERMS + "created",),
    ),
    Column(
        "collected_by",
        "collecte_par",
        False,
        "Who collected it.",
        "Qui l'a collectée.",
        "CCI Ain",
        ("collecteur", "auteur", "collected by"),
        (DCTERMS + "contributor",),
    ),
)

BY_KEY: dict[str, Column] = {c.key: c for c in COLUMNS}
REQUIRED: tuple[str, ...] = tuple(c.key for c in COLUMNS if c.required)


def _index() -> dict[str, str]:
    names: dict[str, str] = {}
    for column in COLUMNS:
        for name in (column.key, column.fr, *column.aliases):
            names.setdefault(fold(name), column.key)
    return names


_NAMES = _index()


@dataclass(frozen=True)
class ColumnMap:
    """Which header position holds each contract column; unknown headers are kept for the report."""

    positions: dict[str, int]
    headers: tuple[str, ...]
    unknown: tuple[tuple[int, str], ...]

    def header_of(self, key: str) -> str:
        """The header as written in the file (or the English key when absent)."""
        position = self.positions.get(key)
        return self.headers[position] if position is not None else key


def column_for(header: str) -> str | None:
    """The contract key a header names, if any.

    >>> [column_for(h) for h in ("Nom acteur", "QUANTITÉ", "code_déchet", "x1")]
    ['actor_name', 'quantity', 'ewc_code', None]
    """
    return _NAMES.get(fold(header))


def map_columns(headers: Sequence[str], source: str) -> ColumnMap:
    """Match headers to the contract; raise :class:`InputError` if a required column is missing."""
    positions: dict[str, int] = {}
    unknown: list[tuple[int, str]] = []
    for index, header in enumerate(headers):
        key = column_for(header)
        if key is None or key in positions:
            if header.strip():
                unknown.append((index, header))
            continue
        positions[key] = index
    missing = [k for k in REQUIRED if k not in positions]
    if missing:
        wanted = ", ".join(f"{k} / {BY_KEY[k].fr}" for k in missing)
        found = ", ".join(h for h in headers if h) or "none / aucune"
        raise InputError(
            f"missing required column(s): {wanted} (found: {found}) "
            f"/ colonne(s) obligatoire(s) absente(s) : {wanted}",
            Location(source, 1),
        )
    return ColumnMap(positions, tuple(headers), tuple(unknown))


def column_for_path(path: str) -> str | None:
    """The contract column that fills an RDF property (to point SHACL results at a column)."""
    for column in COLUMNS:
        if path in column.paths:
            return column.key
    return None


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column index.

    >>> column_letter(0), column_letter(25), column_letter(27)
    ('A', 'Z', 'AB')
    """
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
