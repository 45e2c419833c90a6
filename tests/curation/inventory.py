"""Realistic flow inventories for tests: French headers, ';', decimal commas, Windows-1252.

The rows are made up but shaped like the ones regional networks collect in company workshops
(ADEME diagnostic sheets, waste registers): SIRET with spaces, NAF codes without the letter,
waste codes with and without spaces and '*', quantities such as '1 200,5' or 'NC', mixed units.
"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Sequence

FRENCH = (
    "identifiant",
    "nom_acteur",
    "siret",
    "code_naf",
    "adresse_site",
    "code_postal",
    "code_commune",
    "commune",
    "latitude",
    "longitude",
    "parc",
    "sens",
    "categorie",
    "code_dechet",
    "libelle",
    "quantite",
    "unite",
    "periodicite",
    "type_quantite",
    "dangereux",
    "notes_qualite",
    "traitement_actuel",
    "confidentiel",
    "source",
    "date_collecte",
    "collecte_par",
)
ENGLISH = (
    "record_id",
    "actor_name",
    "siret",
    "naf_code",
    "site_address",
    "postal_code",
    "commune_insee",
    "commune_name",
    "lat",
    "lon",
    "park",
    "direction",
    "category",
    "ewc_code",
    "flow_label",
    "quantity",
    "unit",
    "period",
    "quantity_type",
    "hazardous",
    "quality_notes",
    "current_treatment",
    "confidential",
    "source",
    "collected_on",
    "collected_by",
)

#: Valid SIRET (Luhn) of made-up establishments, written as people write them.
SIRETS = ("552 081 317 00026", "732 829 320 00074", "542 065 479 00082", "30613890001294")
COMPANIES = ("Chimie du Rhône", "Bois & Palettes de l'Ain", "Métallurgie Vulbas", "Agro Plaine")
FLOWS = (
    ("sortie", "Bois", "03 01 05", "Chutes de bois non traité", "t", "an", "non"),
    ("sortie", "Palettes", "150103", "Palettes usagées", "kg", "mois", "non"),
    ("entrée", "vapeur", "", "Vapeur basse pression", "MWh", "an", ""),
    ("sortie", "", "16 06 01*", "Batteries au plomb", "t", "an", "oui"),
    ("entrée", "eau de process", "", "Eau de refroidissement", "m³", "jour", ""),
    ("sortie", "chaleur fatale", "", "Chaleur des fours", "MWh", "an", ""),
)


def row_fr(index: int, rng: random.Random) -> list[str]:
    """One French row; ``index`` makes the record id."""
    company = index % len(COMPANIES)
    direction, category, code, label, unit, period, hazardous = FLOWS[index % len(FLOWS)]
    quantity = rng.choice(["1 200,5", "12", "0,75", "NC", "350", "2 000"])
    return [
        f"PIPA-2024-{index:04d}",
        COMPANIES[company],
        SIRETS[company],
        "20.14",
        f"{company + 1} rue de la Chimie",
        "01150",
        "01354",
        "Saint-Vulbas",
        f"45,8{company}",
        f"5,2{company}",
        "PIPA",
        direction,
        category,
        code,
        label,
        quantity,
        unit,
        period,
        "estimé",
        hazardous,
        "humidité 20 %",
        "R 3" if code else "",
        "oui" if index % 7 == 3 else "non",
        "atelier 12/03/2024",
        "12/03/2024",
        "CCI Ain",
    ]


def inventory_rows(count: int, *, seed: int = 7) -> list[list[str]]:
    rng = random.Random(seed)
    return [row_fr(i + 1, rng) for i in range(count)]


def to_csv(
    rows: Sequence[Sequence[str]],
    headers: Sequence[str] = FRENCH,
    *,
    delimiter: str = ";",
    encoding: str = "cp1252",
) -> bytes:
    """The rows as a CSV file, the way a French spreadsheet exports them."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def inventory_csv(count: int = 12, **options: object) -> bytes:
    """A realistic French inventory of ``count`` rows (Windows-1252, ';')."""
    return to_csv(inventory_rows(count), **options)  # type: ignore[arg-type]
