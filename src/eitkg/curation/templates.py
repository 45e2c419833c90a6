"""Inventory templates (``data/templates/``), written from the column contract.

    python -m eitkg.curation.templates data/templates

writes ``inventaire-flux.csv`` (French headers, ``;``, UTF-8 with BOM so that spreadsheets
show accents), ``flow-inventory.csv`` (English headers, ``,``, UTF-8) and
``inventaire-flux.xlsx`` (French headers, a second sheet describing every column in French and
English). Each holds one example row that imports cleanly.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

from eitkg.curation.columns import COLUMNS

CSV_FR = "inventaire-flux.csv"
CSV_EN = "flow-inventory.csv"
XLSX = "inventaire-flux.xlsx"

#: The example row written the English way (the contract's examples are French).
ENGLISH_EXAMPLES = {
    "actor_name": "Rhone Chemicals SAS",
    "lat": "45.8321",
    "lon": "5.2876",
    "direction": "out",
    "category": "Wood",
    "flow_label": "Untreated wood offcuts",
    "period": "year",
    "quantity_type": "estimated",
    "hazardous": "no",
    "physical_form": "solid",
    "material_status": "waste",
    "quality_notes": "moisture 20 %, pallets",
    "annual_cost_eur": "4500",
    "confidential": "no",
    "source": "workshop 2024-03-12",
}


def headers(lang: str) -> list[str]:
    return [column.header(lang) for column in COLUMNS]


def example(lang: str) -> list[str]:
    if lang == "fr":
        return [column.example for column in COLUMNS]
    return [ENGLISH_EXAMPLES.get(column.key, column.example) for column in COLUMNS]


def template_csv(lang: str) -> bytes:
    """The CSV template: French (``;``, BOM) or English (``,``)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";" if lang == "fr" else ",", lineterminator="\r\n")
    writer.writerow(headers(lang))
    writer.writerow(example(lang))
    text = buffer.getvalue()
    return ("\ufeff" + text).encode("utf-8") if lang == "fr" else text.encode("utf-8")


def template_xlsx() -> bytes:
    """The XLSX template: the inventory sheet and a sheet describing the columns."""
    import openpyxl  # type: ignore[import-untyped]
    from openpyxl.styles import Font  # type: ignore[import-untyped]

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "inventaire"
    sheet.append(headers("fr"))
    sheet.append(example("fr"))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    guide = book.create_sheet("colonnes")
    guide.append(["colonne", "column", "obligatoire / required", "description", "exemple"])
    for column in COLUMNS:
        guide.append(
            [
                column.fr,
                column.key,
                "oui / yes" if column.required else "",
                f"{column.help_fr} / {column.help_en}",
                column.example,
            ]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_templates(directory: Path) -> list[Path]:
    """Write the three templates into ``directory``; returns their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    files = {
        CSV_FR: template_csv("fr"),
        CSV_EN: template_csv("en"),
        XLSX: template_xlsx(),
    }
    for name, data in files.items():
        (directory / name).write_bytes(data)
    return [directory / name for name in files]


if __name__ == "__main__":
    for path in write_templates(Path(sys.argv[1] if len(sys.argv) > 1 else "data/templates")):
        sys.stdout.write(f"{path}\n")
