"""The column contract: French and English headers, aliases, required columns."""

from __future__ import annotations

import pytest

from eitkg.curation.columns import COLUMNS, REQUIRED, column_for, column_for_path, map_columns
from eitkg.errors import InputError
from eitkg.namespaces import EIT, RDFS, WGS

from .inventory import ENGLISH, FRENCH


def test_french_and_english_headers_name_the_same_columns() -> None:
    assert [column_for(h) for h in FRENCH] == [column_for(h) for h in ENGLISH]
    assert None not in [column_for(h) for h in FRENCH]


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("Nom acteur", "actor_name"),
        ("Raison sociale", "actor_name"),
        ("N° SIRET", "siret"),
        ("Code APE", "naf_code"),
        ("Catégorie", "category"),
        ("Code déchet", "ewc_code"),
        ("CODE_CED", "ewc_code"),
        ("Quantité", "quantity"),
        ("Unité", "unit"),
        ("Périodicité", "period"),
        ("Type de poids", "quantity_type"),
        ("Territoire", "park"),
        ("Libellé", "flow_label"),
        ("Disponible jusqu'au", "available_until"),
    ],
)
def test_aliases(header: str, key: str) -> None:
    assert column_for(header) == key


def test_required_columns_are_the_contract_ones() -> None:
    assert REQUIRED == ("actor_name", "direction", "flow_label")


def test_missing_required_columns_name_them_and_the_headers_found() -> None:
    with pytest.raises(InputError) as caught:
        map_columns(["identifiant", "nom_acteur", "quantite"], "inv.csv")
    assert caught.value.location.line == 1
    assert "direction / sens" in caught.value.message
    assert "flow_label / libelle" in caught.value.message
    assert "found: identifiant, nom_acteur, quantite" in caught.value.message


def test_unknown_and_repeated_headers_are_kept_for_the_report() -> None:
    columns = map_columns(["nom_acteur", "sens", "libelle", "couleur", "libellé"], "x.csv")
    assert columns.positions == {"actor_name": 0, "direction": 1, "flow_label": 2}
    assert columns.unknown == ((3, "couleur"), (4, "libellé"))
    assert columns.header_of("direction") == "sens"
    assert columns.header_of("quantity") == "quantity"


def test_paths_point_back_at_columns() -> None:
    assert column_for_path(EIT + "quantity") == "quantity"
    assert column_for_path(EIT + "quantityPerYear") == "quantity"
    assert column_for_path(WGS + "lat") == "lat"
    assert column_for_path(RDFS + "label") == "flow_label"
    assert column_for_path(EIT + "nothing") is None


def test_every_column_has_both_languages_and_an_example() -> None:
    for column in COLUMNS:
        assert column.fr and column.help_fr and column.help_en and column.example, column.key
