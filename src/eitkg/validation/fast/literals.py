"""Literal semantics that match pyshacl's (which reads literals through rdflib).

pyshacl is the reference engine: a datatype check, a range comparison or a string
rendering must give here what rdflib gives it. Common cases (``xsd:string``, decimals,
integers, doubles, booleans) are decided directly, with the same Python conversions
rdflib uses (``Decimal``, ``int``, ``float``); every other case converts the literal to
an rdflib ``Literal`` (cached) and applies pyshacl's own rules to it.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from functools import lru_cache
from typing import Final

from rdflib import Literal as RdfLiteral
from rdflib.term import Node

from eitkg.namespaces import XSD
from eitkg.validation.convert import to_rdflib_term
from eitkg.validation.fast.terms import (
    RDF_LANG_STRING,
    RDFS_DATATYPE,
    RDFS_LITERAL,
    XSD_STRING,
    Literal,
    NamedNode,
    Term,
)

_DECIMAL: Final = XSD + "decimal"
_INTEGER: Final = XSD + "integer"
_FLOATS: Final = frozenset({XSD + "double", XSD + "float"})
_FAST_NUMBERS: Final = frozenset({_DECIMAL, _INTEGER, *_FLOATS})
_BOOLEAN: Final = XSD + "boolean"
_STRINGS: Final = frozenset({XSD_STRING, RDF_LANG_STRING})
_BOOLEAN_FORMS: Final = frozenset({"true", "false", "1", "0"})
#: Python value types pyshacl requires for these datatypes (``_assert_actual_datatype``).
_VALUE_TYPES: Final[dict[str, type | tuple[type, ...]]] = {
    XSD + "string": (str, bytes),
    XSD + "integer": int,
    XSD + "float": float,
    XSD + "decimal": Decimal,
    XSD + "boolean": bool,
    XSD + "date": datetime.date,
    XSD + "time": datetime.time,
    XSD + "dateTime": datetime.datetime,
}
_UNORDERED_VALUES: Final = (datetime.datetime, datetime.time)

Number = int | Decimal | float


@lru_cache(maxsize=1 << 16)
def as_rdflib(term: Term) -> Node:
    """The rdflib term pyshacl would see for ``term`` (literals normalised by rdflib)."""
    return to_rdflib_term(term)


@lru_cache(maxsize=1 << 16)
def _number(term: Literal) -> Number | None:
    datatype = term.datatype.value
    try:
        if datatype == _DECIMAL:
            return Decimal(term.value)
        if datatype == _INTEGER:
            return int(term.value)
        if datatype in _FLOATS:
            return float(term.value)
    except (ArithmeticError, ValueError):
        return None
    return None


def _fast_numeric(term: Term) -> bool:
    if type(term) is not Literal:
        return False
    return term.datatype.value in _FAST_NUMBERS


@lru_cache(maxsize=1 << 16)
def well_formed(term: Literal) -> bool:
    """Whether rdflib reads ``term`` as a valid value of its datatype (pyshacl's view)."""
    datatype = term.datatype
    if datatype in _STRINGS:
        return True
    if datatype.value == _BOOLEAN:
        return term.value in _BOOLEAN_FORMS
    if _fast_numeric(term):
        return _number(term) is not None
    converted = as_rdflib(term)
    if not isinstance(converted, RdfLiteral) or converted.ill_typed is True:
        return False
    expected = _VALUE_TYPES.get(datatype.value)
    return expected is None or isinstance(converted.value, expected)


def datatype_matches(value: Term, rule: NamedNode) -> bool:
    """``sh:datatype`` as pyshacl decides it (rdfs:Literal and rdfs:Datatype included)."""
    if type(value) is not Literal:
        return False
    datatype = value.datatype
    if datatype == rule:
        return well_formed(value)
    if rule == RDFS_LITERAL:
        return True
    if rule == RDFS_DATATYPE:
        return datatype not in _STRINGS
    return False


def text(value: Term) -> str:
    """The string a pattern or a length is checked on: rdflib's lexical form for typed values."""
    if type(value) is Literal and value.datatype not in _STRINGS:
        return str(as_rdflib(value))
    return value.value


def _is_string_value(value: RdfLiteral) -> bool:
    return isinstance(value.value, str)


def compare(value: Term, bound: Literal) -> int | None:
    """-1, 0 or 1 for ``value`` against a range bound; ``None`` when they cannot be compared.

    Blank nodes, IRIs, string against non-string and failed comparisons are ``None`` (a
    violation), as in pyshacl's ``sh:minInclusive`` family.
    """
    if type(value) is not Literal:
        return None
    if _fast_numeric(value) and _fast_numeric(bound):
        left, right = _number(value), _number(bound)
        if left is not None and right is not None:
            return 0 if left == right else (1 if left > right else -1)
    left_rdf, right_rdf = as_rdflib(value), as_rdflib(bound)
    assert isinstance(left_rdf, RdfLiteral) and isinstance(right_rdf, RdfLiteral)
    if _is_string_value(left_rdf) != _is_string_value(right_rdf):
        return None
    try:
        return _compare_literals(left_rdf, right_rdf)
    except (TypeError, NotImplementedError):
        return None


def _compare_literals(left: RdfLiteral, right: RdfLiteral) -> int:
    """pyshacl's ``compare_literal``."""
    if left.eq(right):
        return 0
    if isinstance(left.value, _UNORDERED_VALUES):
        if left.value == right.value:
            return 0
        if left.value > right.value:
            return 1
    elif left > right:
        return 1
    return -1


def _pair_operand(term: Term) -> tuple[bool, object]:
    if isinstance(term, NamedNode):
        return True, term.value
    converted = as_rdflib(term)
    if isinstance(converted, RdfLiteral) and isinstance(converted.value, str):
        return True, converted.value
    return False, converted


def less_than(value: Term, other: Term, *, or_equal: bool) -> bool:
    """``sh:lessThan`` / ``sh:lessThanOrEquals`` between two nodes, as pyshacl decides it.

    Blank nodes cannot be compared (pyshacl stops with an error; here they fail the check).
    """
    if not isinstance(value, (NamedNode, Literal)) or not isinstance(other, (NamedNode, Literal)):
        return False
    if _fast_numeric(value) and _fast_numeric(other):
        left, right = _number(value), _number(other)
        if left is not None and right is not None:
            return left <= right if or_equal else left < right
    value_is_string, left_operand = _pair_operand(value)
    other_is_string, right_operand = _pair_operand(other)
    if value_is_string != other_is_string:
        return False
    try:
        if or_equal:
            return bool(left_operand <= right_operand)  # type: ignore[operator]
        return bool(left_operand < right_operand)  # type: ignore[operator]
    except TypeError:
        return False
