"""Render query results for a terminal or a file."""

from __future__ import annotations

from typing import Literal as TypingLiteral

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    QueryBoolean,
    QuerySolutions,
    QueryTriples,
)

from eitkg.namespaces import PREFIXES
from eitkg.rdf.formats import RDF_SYNTAXES, rdf_syntax, results_syntax
from eitkg.rdf.io import to_bytes
from eitkg.store.base import QueryResult

OutputFormat = TypingLiteral["table", "json", "xml", "csv", "tsv", "turtle", "ntriples", "jsonld"]
RDF_KEYS = {s.key for s in RDF_SYNTAXES}


def compact(term: object) -> str:
    """A term as a person reads it: prefixed names, plain literal values."""
    if isinstance(term, NamedNode):
        for prefix, namespace in PREFIXES.items():
            if term.value.startswith(namespace) and len(term.value) > len(namespace):
                return f"{prefix}:{term.value[len(namespace) :]}"
        return term.value
    if isinstance(term, Literal):
        return term.value + (f"@{term.language}" if term.language else "")
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    return "" if term is None else str(term)


def render(result: QueryResult, fmt: str) -> bytes:
    """Serialise a result; ``table`` is for people, the rest are standard formats."""
    if isinstance(result, QueryBoolean):
        if fmt == "table":
            return b"true\n" if bool(result) else b"false\n"
        return _bytes(result.serialize(format=results_syntax(fmt).format))
    if isinstance(result, QueryTriples):
        key = "turtle" if fmt == "table" else fmt
        if key not in RDF_KEYS:
            raise ValueError(f"a graph result is written as RDF ({', '.join(sorted(RDF_KEYS))})")
        syntax = rdf_syntax(key)
        if syntax.supports_datasets:
            raise ValueError(f"{key} is a dataset format; use turtle, ntriples or jsonld")
        quads = (Quad(t.subject, t.predicate, t.object, DefaultGraph()) for t in result)
        return to_bytes(quads, syntax)
    assert isinstance(result, QuerySolutions)
    if fmt == "table":
        return table(result).encode("utf-8")
    if fmt in RDF_KEYS:
        raise ValueError("a SELECT result is written as table, json, xml, csv or tsv")
    return _bytes(result.serialize(format=results_syntax(fmt).format))


def table(solutions: QuerySolutions) -> str:
    """An aligned text table, one row per solution."""
    names = [v.value for v in solutions.variables]
    rows = [[compact(solution[name]) for name in names] for solution in solutions]
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _bytes(data: bytes | None) -> bytes:
    # serialize() returns bytes when no output is given; None only when writing to a file.
    return data or b""
