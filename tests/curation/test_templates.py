"""Templates (data/templates/) and docs/import.md follow the column contract."""

from __future__ import annotations

from pathlib import Path

import pytest

from eitkg.curation.columns import COLUMNS
from eitkg.curation.tabular import read_table
from eitkg.curation.templates import CSV_EN, CSV_FR, XLSX, example, headers, template_csv
from eitkg.queries import QueryCatalogue
from eitkg.store import OxigraphStore

from .helpers import prepare

REPO = Path(__file__).resolve().parents[2]
TEMPLATES = REPO / "data" / "templates"


def test_csv_templates_are_up_to_date() -> None:
    assert (TEMPLATES / CSV_FR).read_bytes() == template_csv("fr")
    assert (TEMPLATES / CSV_EN).read_bytes() == template_csv("en")


def test_xlsx_template_has_the_french_headers_and_the_example() -> None:
    table = read_table((TEMPLATES / XLSX).read_bytes(), XLSX)
    assert list(table.headers) == headers("fr")
    assert [list(r.cells) for r in table.rows] == [example("fr")]


@pytest.mark.parametrize("name", [CSV_FR, CSV_EN, XLSX])
def test_every_template_imports_cleanly(
    seeded_store: OxigraphStore, catalogue: QueryCatalogue, name: str
) -> None:
    prepared = prepare(seeded_store, catalogue, (TEMPLATES / name).read_bytes(), name)
    assert prepared.report.conforms
    assert prepared.report.findings == ()
    assert prepared.report.flows["availabilities"] == 1


def test_docs_describe_every_column_and_exit_code() -> None:
    doc = (REPO / "docs" / "import.md").read_text(encoding="utf-8")
    for column in COLUMNS:
        assert f"| `{column.key}` | `{column.fr}` |" in doc, column.key
        assert column.help_en in doc and column.help_fr in doc, column.key
    for code in ("| 0 |", "| 1 |", "| 2 |"):
        assert code in doc
