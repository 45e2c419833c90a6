"""Reading CSV and XLSX files: encodings, separators, quoting, workbooks, zip bombs."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from eitkg.curation.tabular import (
    XLSX_MAX_UNCOMPRESSED,
    read_table,
    sniff_delimiter,
    xlsx_cell_text,
)
from eitkg.errors import InputError

HEADER = "identifiant;nom_acteur;sens;libelle;quantite"
ROW = "A-1;Société Générale de Chimie;sortie;Déchets d'emballages;1 200,5"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (f"{HEADER}\r\n{ROW}\r\n".encode(), "utf-8"),
        (b"\xef\xbb\xbf" + f"{HEADER}\n{ROW}\n".encode(), "utf-8"),
        (f"{HEADER}\r\n{ROW}\r\n".encode("cp1252"), "windows-1252"),
        (f"{HEADER}\r\n{ROW}\r\n".encode("utf-16"), "utf-16"),
    ],
)
def test_encodings_are_detected(data: bytes, encoding: str) -> None:
    table = read_table(data, "inventaire.csv")
    assert table.encoding == encoding
    assert table.headers == ("identifiant", "nom_acteur", "sens", "libelle", "quantite")
    assert table.rows[0].cells == (
        "A-1",
        "Société Générale de Chimie",
        "sortie",
        "Déchets d'emballages",
        "1 200,5",
    )
    assert table.rows[0].number == 2


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_separators_are_sniffed(delimiter: str) -> None:
    text = 'record_id{d}actor_name{d}quantity\nA{d}"Dupont, Durand & Cie"{d}"1,5"\n'
    table = read_table(text.format(d=delimiter).encode(), "x.csv")
    assert table.delimiter == delimiter
    assert table.rows[0].cells == ("A", "Dupont, Durand & Cie", "1,5")


def test_sniffing_uses_the_header_not_decimal_commas() -> None:
    assert sniff_delimiter("id;quantite;unite") == ";"
    assert sniff_delimiter("id,quantity,unit") == ","
    assert sniff_delimiter("id\tquantity") == "\t"


def test_quoted_cells_keep_newlines_and_rows_keep_spreadsheet_numbers() -> None:
    # As a spreadsheet shows it: row 3 is blank, row 4 holds only empty cells.
    data = b'id;libelle\n1;"deux\nlignes"\n\n;\n2;x\n'
    table = read_table(data, "x.csv")
    assert [r.number for r in table.rows] == [2, 5]
    assert table.rows[0].cells == ("1", "deux\nlignes")


def test_extra_cells_are_kept_apart() -> None:
    table = read_table(b"a;b\n1;2;3;4\n", "x.csv")
    assert table.rows[0].cells == ("1", "2")
    assert table.rows[0].extra == ("3", "4")


def test_short_rows_are_padded() -> None:
    assert read_table(b"a;b;c\n1\n", "x.csv").rows[0].cells == ("1", "", "")


def test_undecodable_bytes_name_line_and_column() -> None:
    data = b"a;b\n1;ok\n2;\x81\x8d\n"
    with pytest.raises(InputError) as caught:
        read_table(data, "bad.csv")
    assert caught.value.location.line == 3
    assert caught.value.location.column == 3
    assert "0x81" in caught.value.message


def test_binary_data_is_refused() -> None:
    with pytest.raises(InputError, match="binary") as caught:
        read_table(b"a;b\n\x00\x01\x02\x03", "bad.csv")
    assert caught.value.location.line == 2


def test_empty_files_are_refused() -> None:
    for data in (b"", b"   \r\n\n"):
        with pytest.raises(InputError, match="empty"):
            read_table(data, "empty.csv")


def test_unbalanced_quote_is_an_error_with_a_line() -> None:
    with pytest.raises(InputError, match="malformed CSV") as caught:
        read_table(b'a;b\n1;"open\n', "bad.csv")
    assert caught.value.location.line is not None


def workbook(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_xlsx_values_are_read_as_text_and_formulas_are_not_run() -> None:
    import datetime as dt

    data = workbook(
        [
            ["record_id", "actor_name", "quantity", "available_from", "flow_label"],
            ["A1", "Acme", 1200.5, dt.datetime(2024, 3, 12), '=HYPERLINK("http://x","y")'],
            ["A2", "Acme", 3, None, "ok"],
        ]
    )
    table = read_table(data, "inv.xlsx")
    assert table.kind == "xlsx"
    assert table.rows[0].cells == (
        "A1",
        "Acme",
        "1200.5",
        "2024-03-12",
        '=HYPERLINK("http://x","y")',
    )
    assert table.rows[1].cells == ("A2", "Acme", "3", "", "ok")
    assert [r.number for r in table.rows] == [2, 3]


def test_xlsx_cell_text() -> None:
    assert xlsx_cell_text(0.1) == "0.1"
    assert xlsx_cell_text(1e-7) == "0.0000001"
    assert xlsx_cell_text(False) == "false"


def zip_bomb() -> bytes:
    """A workbook-looking zip whose sheet inflates far beyond the limit (built in memory)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        chunk = b"\0" * (1024 * 1024)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            for _ in range(XLSX_MAX_UNCOMPRESSED // len(chunk) + 8):
                part.write(chunk)
    return buffer.getvalue()


def test_zip_bomb_is_refused_from_the_zip_directory() -> None:
    data = zip_bomb()
    assert len(data) < 1024 * 1024  # tiny on disk …
    with pytest.raises(InputError, match="zip bomb"):  # … refused before inflating
        read_table(data, "bomb.xlsx")


def test_a_single_highly_compressed_part_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b"a" * (4 * 1024 * 1024))
    with pytest.raises(InputError, match="compressed"):
        read_table(buffer.getvalue(), "bomb.xlsx")


def test_a_file_named_xlsx_that_is_not_a_zip() -> None:
    with pytest.raises(InputError, match="not a valid XLSX") as caught:
        read_table(b"record_id;actor_name\n1;x\n", "fake.xlsx")
    assert caught.value.location.source == "fake.xlsx"
