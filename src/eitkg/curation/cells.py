"""Reading one spreadsheet cell: numbers as people write them, booleans, dates, formula-like text.

Pure functions, no I/O. Each parser returns a value or raises :class:`CellError` with the reason
(a rule id of :mod:`eitkg.curation.messages`).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

#: Words that mean "not known" in practitioners' files (compared after :func:`fold`).
MISSING_WORDS = frozenset(
    {"", "nc", "n c", "n/c", "na", "n/a", "nr", "nd", "?", "-", "--", "inconnu", "unknown", "ns"}
)

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l"})
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']+")
_RANGE = re.compile(
    r"^\s*(?P<low>[0-9][0-9\s\u00a0\u202f.,']*?)\s*(?:-|–|—|à|a|to)\s*(?P<high>[0-9][0-9\s\u00a0\u202f.,']*)\s*$"
)
_THOUSANDS_DOTS = re.compile(r"^\d{1,3}(\.\d{3})+$")
_THOUSANDS_COMMAS = re.compile(r"^\d{1,3}(,\d{3}){2,}$")
_FORMULA_START = ("=", "+", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff20")
_CALL = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*\s*[(|]|![A-Z$]+[0-9$]")
_OPERATORS = re.compile(r"[-+*/=&^<>]")

TRUE_WORDS = frozenset({"true", "vrai", "oui", "yes", "y", "o", "1", "x"})
FALSE_WORDS = frozenset({"false", "faux", "non", "no", "n", "0"})


class CellError(ValueError):
    """A cell that cannot be read; ``rule`` names why."""

    def __init__(self, rule: str) -> None:
        super().__init__(rule)
        self.rule = rule


@dataclass(frozen=True)
class Quantity:
    """A number read from a cell; ``is_range`` when the cell gave a range (its middle is kept)."""

    value: Decimal
    is_range: bool = False


def fold(text: str) -> str:
    """Lower case, accents removed, punctuation and spaces collapsed: the key to compare words.

    >>> fold("  Entrée ") , fold("Sortie/OUT"), fold("m³"), fold("Œuvre")
    ('entree', 'sortie out', 'm3', 'oeuvre')
    """
    lowered = text.lower().translate(_LIGATURES)
    ascii_text = unicodedata.normalize("NFKD", lowered).encode("ascii", "ignore").decode("ascii")
    return " ".join(_NON_ALNUM.sub(" ", ascii_text).split())


def is_missing(text: str) -> bool:
    """Whether a cell says nothing (empty, ``NC``, ``n/a``, ``?``…).

    >>> is_missing(" NC "), is_missing("n.c."), is_missing("0")
    (True, True, False)
    """
    stripped = text.strip().lower()
    return stripped in MISSING_WORDS or fold(text) in MISSING_WORDS


def parse_decimal(text: str) -> Decimal:
    """A number written the French or the English way.

    A comma alone is a decimal comma; with both, the last one is the decimal mark;
    spaces, no-break spaces and apostrophes group thousands.

    >>> texts = ["1 200,5", "1.200,5", "1,200.5", "12", "0,25", "1.200.000"]
    >>> [str(parse_decimal(t)) for t in texts]
    ['1200.5', '1200.5', '1200.5', '12', '0.25', '1200000']
    >>> try:
    ...     parse_decimal("douze")
    ... except CellError as error:
    ...     error.rule
    'not-a-number'
    """
    compact = _SPACES.sub("", text.strip())
    sign = ""
    if compact[:1] in "+-−":
        sign = "-" if compact[0] in "-−" else ""
        compact = compact[1:]
    if "," in compact and "." in compact:
        decimal_mark = "," if compact.rfind(",") > compact.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        compact = compact.replace(thousands, "").replace(decimal_mark, ".")
    elif "," in compact:
        compact = (
            compact.replace(",", "")
            if _THOUSANDS_COMMAS.match(compact)
            else compact.replace(",", ".")
        )
    elif _THOUSANDS_DOTS.match(compact) and compact.count(".") > 1:
        compact = compact.replace(".", "")
    if not compact or not re.fullmatch(r"\d+(\.\d+)?|\.\d+", compact):
        raise CellError("not-a-number")
    try:
        value = Decimal(sign + compact)
    except InvalidOperation:
        raise CellError("not-a-number") from None
    return value


def parse_quantity(text: str) -> Quantity:
    """A quantity: a number, or a range such as ``10-20`` or ``10 à 20`` (its middle is kept).

    >>> parse_quantity("1 200,5").value, parse_quantity("10 à 20")
    (Decimal('1200.5'), Quantity(value=Decimal('15'), is_range=True))
    """
    try:
        return Quantity(parse_decimal(text))
    except CellError:
        match = _RANGE.match(text)
        if not match:
            raise
        low, high = parse_decimal(match["low"]), parse_decimal(match["high"])
        if high < low:
            raise CellError("not-a-number") from None
        return Quantity((low + high) / 2, is_range=True)


def parse_boolean(text: str) -> bool:
    """``oui``/``non``, ``yes``/``no``, ``true``/``false``, ``1``/``0``, ``x``.

    >>> parse_boolean("Oui"), parse_boolean("false")
    (True, False)
    """
    word = fold(text)
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError("not-a-boolean")


_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y", "%Y/%m/%d")


def parse_date(text: str) -> dt.date:
    """A date: ISO ``2024-03-12``, French ``12/03/2024`` (day first), or a datetime's date.

    >>> parse_date("12/03/2024"), parse_date("2024-03-12T00:00:00")
    (datetime.date(2024, 3, 12), datetime.date(2024, 3, 12))
    """
    value = text.strip()
    for pattern in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        raise CellError("not-a-date") from None


def formula_risk(text: str) -> str:
    """How a spreadsheet would treat this text: ``"call"``, ``"formula"`` or ``"none"``.

    ``call``: a formula that calls something (``=HYPERLINK(…)``, ``@SUM(…)``, ``+cmd|…``): the
    import refuses it. ``formula``: other text a spreadsheet would evaluate (``+A1*2``): a warning.
    A number such as ``-12,5`` is no formula.

    >>> [formula_risk(t) for t in ['=HYPERLINK("x")', "+cmd|' /C calc'!A0", "@SUM(A1)", "=1+1"]]
    ['call', 'call', 'call', 'formula']
    >>> [formula_risk(t) for t in ["-12,5", "- palettes", "bois", "+A1*2"]]
    ['none', 'none', 'none', 'formula']
    """
    value = text.lstrip(" ")
    if not value or not value.startswith((*_FORMULA_START, "-")):
        return "none"
    try:
        parse_decimal(value)
        return "none"
    except CellError:
        pass
    if _CALL.search(value):
        return "call"
    if value.startswith("-") and not _OPERATORS.search(value[1:]):
        return "none"
    return "formula"


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet opening this text would run it as a formula.

    >>> [looks_like_formula(t) for t in ["=1", "+x", "@x", "-x", "-12", "ok", "- x"]]
    [True, True, True, True, False, False, True]
    """
    value = text.lstrip(" ")
    if not value.startswith((*_FORMULA_START, "-")):
        return False
    try:
        parse_decimal(value)
    except CellError:
        return True
    return False


def neutralise(text: str) -> str:
    """Text made safe for a spreadsheet: a formula-like value gets a leading apostrophe.

    >>> neutralise("=1+1"), neutralise("bois"), neutralise("-12")
    ("'=1+1", 'bois', '-12')
    """
    return "'" + text if looks_like_formula(text) else text


def decimal_text(value: Decimal) -> str:
    """A decimal as an ``xsd:decimal`` lexical form, without exponent or useless zeros.

    >>> [decimal_text(Decimal(t)) for t in ("1.20E+3", "0.0010", "5")]
    ['1200', '0.001', '5']
    """
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
