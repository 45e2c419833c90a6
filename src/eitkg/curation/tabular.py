"""Read CSV and XLSX flow inventories into a :class:`Table` of text cells.

Real files come as UTF-8 (with or without BOM), UTF-16 (Excel "Unicode text") or Windows-1252,
with ``,``, ``;`` or tab separators. XLSX files are zip archives: their directory is checked
before openpyxl opens them, so a zip bomb is refused without being inflated. Formulas are read as
their text, never evaluated.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from decimal import Decimal

from eitkg.errors import InputError, Location

#: Limits of an XLSX archive: a real inventory is far below them.
XLSX_MAX_UNCOMPRESSED = 100 * 1024 * 1024
XLSX_MAX_RATIO = 100
XLSX_MAX_ENTRIES = 2_000
#: Most cells kept per row (a row longer than this is cut, with the rest reported).
MAX_COLUMNS = 200

_DELIMITERS = (";", ",", "\t")
_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


@dataclass(frozen=True)
class TableRow:
    """One data row: ``number`` is the spreadsheet row (the header is row 1)."""

    number: int
    cells: tuple[str, ...]
    extra: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    """The text of a spreadsheet: headers, rows, and how the file was read."""

    source: str
    headers: tuple[str, ...]
    rows: tuple[TableRow, ...]
    kind: str
    encoding: str | None = None
    delimiter: str | None = None


def is_xlsx(data: bytes, name: str) -> bool:
    """Whether the bytes are an XLSX (zip) workbook rather than delimited text."""
    return data[:4] == b"PK\x03\x04" or name.lower().endswith((".xlsx", ".xlsm"))


def read_table(data: bytes, name: str) -> Table:
    """Read a CSV or XLSX file into text cells; raise :class:`InputError` naming the place."""
    if not data.strip():
        raise InputError("the file is empty / le fichier est vide", Location(name))
    if is_xlsx(data, name):
        return read_xlsx(data, name)
    return read_csv(data, name)


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode a text file: UTF-16 (BOM), UTF-8 (BOM or not), else Windows-1252.

    >>> decode_text("é;x".encode("cp1252"), "a.csv")
    ('é;x', 'windows-1252')
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as error:
            raise _encoding_error(data, name, error.start, "UTF-16") from None
    if b"\x00" in data:
        offset = data.index(b"\x00")
        line, column = _position(data, offset)
        raise InputError(
            "binary data, not a CSV text file (a NUL byte) / données binaires, pas un fichier CSV",
            Location(name, line, column),
        )
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_failure = error.start
    bad = next((i for i, b in enumerate(data) if b in _CP1252_UNDEFINED), None)
    if bad is not None:
        raise _encoding_error(data, name, min(bad, utf8_failure), "UTF-8 or Windows-1252")
    text = data.decode("cp1252")
    _check_text(text, name)
    return text, "windows-1252"


def _check_text(text: str, name: str) -> None:
    controls = [i for i, c in enumerate(text) if ord(c) < 32 and c not in "\t\r\n"]
    if controls and len(controls) * 100 > len(text):
        line = text.count("\n", 0, controls[0]) + 1
        column = controls[0] - (text.rfind("\n", 0, controls[0]) + 1) + 1
        raise InputError(
            "binary data, not a CSV text file / données binaires, pas un fichier CSV",
            Location(name, line, column),
        )


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


def _encoding_error(data: bytes, name: str, offset: int, tried: str) -> InputError:
    line, column = _position(data, offset)
    return InputError(
        f"byte 0x{data[offset]:02x} cannot be read as {tried}; save the file as UTF-8 "
        f"/ l'octet 0x{data[offset]:02x} n'est ni de l'UTF-8 ni du Windows-1252 : "
        "enregistrez le fichier en UTF-8",
        Location(name, line, column),
    )


def sniff_delimiter(header_line: str) -> str:
    """The separator of a CSV file, from its header line: the one that splits it most.

    >>> sniff_delimiter("record_id;nom_acteur;quantite"), sniff_delimiter("a,b\\tc,d")
    (';', ',')
    """
    counts = {d: len(next(csv.reader([header_line], delimiter=d), [])) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: (counts[d], -_DELIMITERS.index(d)))
    if counts[best] > 1:
        return best
    try:
        return csv.Sniffer().sniff(header_line, delimiters="".join(_DELIMITERS)).delimiter
    except csv.Error:
        return ","


def read_csv(data: bytes, name: str) -> Table:
    """Read delimited text: encoding and separator detected, quoted fields kept whole."""
    text, encoding = decode_text(data, name)
    lines = text.splitlines()
    header_line = next((line for line in lines if line.strip()), "")
    if not header_line.strip():
        raise InputError("the file is empty / le fichier est vide", Location(name))
    delimiter = sniff_delimiter(header_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        records = list(reader)
    except csv.Error as error:
        raise InputError(
            f"malformed CSV: {error} / CSV mal formé", Location(name, reader.line_num)
        ) from error
    return _table(records, name, "csv", encoding=encoding, delimiter=delimiter)


def _table(
    records: list[list[str]],
    name: str,
    kind: str,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> Table:
    numbered = [(n, r) for n, r in enumerate(records, start=1) if any(c.strip() for c in r)]
    if not numbered:
        raise InputError("the file is empty / le fichier est vide", Location(name))
    header_number, header = numbered[0]
    headers = tuple(h.strip() for h in header[:MAX_COLUMNS])
    while headers and not headers[-1]:
        headers = headers[:-1]
    rows = []
    for number, record in numbered[1:]:
        cells = tuple(c.strip() for c in record[: len(headers)])
        cells += ("",) * (len(headers) - len(cells))
        extra = tuple(c for c in record[len(headers) :] if c.strip())
        rows.append(TableRow(number - header_number + 1, cells, extra))
    return Table(name, headers, tuple(rows), kind, encoding=encoding, delimiter=delimiter)


def check_xlsx_archive(data: bytes, name: str) -> None:
    """Refuse an XLSX whose zip directory announces too much: read before inflating anything."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        raise InputError(
            f"not a valid XLSX workbook: {error} / classeur XLSX illisible", Location(name)
        ) from error
    with archive:
        entries = archive.infolist()
        if len(entries) > XLSX_MAX_ENTRIES:
            raise InputError(
                f"the workbook holds {len(entries)} parts (at most {XLSX_MAX_ENTRIES}) "
                "/ classeur trop complexe",
                Location(name),
            )
        total = sum(e.file_size for e in entries)
        if total > XLSX_MAX_UNCOMPRESSED:
            raise InputError(
                f"the workbook would inflate to {total} bytes (at most {XLSX_MAX_UNCOMPRESSED}): "
                "refused as a possible zip bomb / classeur refusé : bombe zip possible",
                Location(name),
            )
        for entry in entries:
            ratio = entry.file_size / max(entry.compress_size, 1)
            if ratio > XLSX_MAX_RATIO and entry.file_size > 1024 * 1024:
                raise InputError(
                    f"part {entry.filename!r} is compressed {ratio:.0f} times "
                    f"(at most {XLSX_MAX_RATIO}): refused as a possible zip bomb "
                    "/ classeur refusé : bombe zip possible",
                    Location(name),
                )


def read_xlsx(data: bytes, name: str) -> Table:
    """Read the first worksheet of an XLSX workbook, formulas as text (never evaluated)."""
    check_xlsx_archive(data, name)
    import openpyxl  # type: ignore[import-untyped]
    from openpyxl.utils.exceptions import InvalidFileException  # type: ignore[import-untyped]

    try:
        workbook = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=False, keep_links=False
        )
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise InputError(
            f"not a readable XLSX workbook: {error} / classeur XLSX illisible", Location(name)
        ) from error
    try:
        sheet = workbook.worksheets[0]
        records = [
            [xlsx_cell_text(value) for value in row[:MAX_COLUMNS]]
            for row in sheet.iter_rows(values_only=True)
        ]
    except (KeyError, ValueError, TypeError, zipfile.BadZipFile, OSError) as error:
        raise InputError(
            f"cannot read the worksheet: {error} / feuille illisible", Location(name)
        ) from error
    finally:
        workbook.close()
    return _table(records, name, "xlsx")


def xlsx_cell_text(value: object) -> str:
    """The text of an XLSX cell value as a person would type it.

    >>> xlsx_cell_text(1200.5), xlsx_cell_text(3.0), xlsx_cell_text(None), xlsx_cell_text(True)
    ('1200.5', '3', '', 'true')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = format(Decimal(repr(value)).normalize(), "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
