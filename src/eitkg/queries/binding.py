"""Bind named-query parameters as RDF terms; values never touch the SPARQL text."""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Mapping

from pyoxigraph import Literal, NamedNode

from eitkg.errors import ParameterError
from eitkg.namespaces import PREFIXES, XSD
from eitkg.queries.model import NamedQuery, QueryParam
from eitkg.store.base import QueryResult, Store, Term


def bind_parameters(query: NamedQuery, values: Mapping[str, str]) -> dict[str, Term]:
    """Validate raw string values against the query's declared parameters.

    >>> from pathlib import Path
    >>> from eitkg.queries.model import NamedQuery, QueryParam
    >>> q = NamedQuery("x", Path("x.rq"), "SELECT * {}", "select", "x",
    ...                params=(QueryParam("n", "integer", required=True),))
    >>> bind_parameters(q, {"n": "3"})["n"].value
    '3'
    """
    unknown = set(values) - {p.name for p in query.params}
    if unknown:
        allowed = ", ".join(p.name for p in query.params) or "none"
        raise ParameterError(
            f"{query.id}: unknown parameter(s) {', '.join(sorted(unknown))}; allowed: {allowed}"
        )
    bound: dict[str, Term] = {}
    for param in query.params:
        raw = values.get(param.name, param.default)
        if raw is None or raw == "":
            if param.required:
                raise ParameterError(f"{query.id}: parameter {param.name!r} is required")
            continue
        bound[param.name] = to_term(param, raw, query_id=query.id)
    return bound


def to_term(param: QueryParam, raw: str, *, query_id: str = "") -> Term:
    """One parameter value as a pyoxigraph term of the declared type."""
    where = f"{query_id}: parameter {param.name!r}"
    if param.enum and raw not in param.enum:
        raise ParameterError(f"{where}: {raw!r} is not one of {list(param.enum)}")
    try:
        if param.type == "iri":
            return NamedNode(_expand(raw))
        if param.type == "integer":
            return Literal(str(int(raw)), datatype=NamedNode(XSD + "integer"))
        if param.type == "decimal":
            return Literal(str(decimal.Decimal(raw)), datatype=NamedNode(XSD + "decimal"))
        if param.type == "boolean":
            if raw.lower() not in ("true", "false"):
                raise ValueError("expected true or false")
            return Literal(raw.lower(), datatype=NamedNode(XSD + "boolean"))
        if param.type == "date":
            return Literal(dt.date.fromisoformat(raw).isoformat(), datatype=NamedNode(XSD + "date"))
        if param.lang:
            return Literal(raw, language=param.lang)
        return Literal(raw)
    except (ValueError, decimal.InvalidOperation) as error:
        raise ParameterError(f"{where}: {raw!r} is not a valid {param.type}: {error}") from None


def _expand(raw: str) -> str:
    """Accept ``prefix:local`` for the known prefixes, else a full IRI."""
    prefix, sep, local = raw.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        return PREFIXES[prefix] + local
    return raw


def run_named_query(
    store: Store, query: NamedQuery, values: Mapping[str, str], **options: object
) -> QueryResult:
    """Bind ``values`` and run ``query`` on ``store``."""
    return store.query(query.sparql, substitutions=bind_parameters(query, values), **options)  # type: ignore[arg-type]
