"""Parse and serialise RDF; parser errors become eitkg errors pointing at file, line, column."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import DefaultGraph, NamedNode, Quad, parse, serialize

from eitkg.errors import InputError, Location, RdfSyntaxError
from eitkg.namespaces import PREFIXES
from eitkg.rdf.formats import RdfSyntax, syntax_for_path

_POSITION = re.compile(r"line (\d+) column (\d+)")


@dataclass(frozen=True)
class RdfSource:
    """RDF to read: a file, or bytes with a name for messages.

    >>> RdfSource.from_bytes(b"<http://a> <http://b> <http://c> .", name="x.nt").syntax.key
    'ntriples'
    """

    name: str
    syntax: RdfSyntax
    path: Path | None = None
    data: bytes | None = None

    @classmethod
    def from_path(cls, path: Path, syntax: RdfSyntax | None = None) -> RdfSource:
        if not path.is_file():
            raise InputError("no such file", Location(str(path)))
        return cls(name=str(path), syntax=syntax or syntax_for_path(path), path=path)

    @classmethod
    def from_bytes(cls, data: bytes, *, name: str, syntax: RdfSyntax | None = None) -> RdfSource:
        return cls(name=name, syntax=syntax or syntax_for_path(Path(name)), data=data)


def syntax_error(error: SyntaxError, source: str) -> RdfSyntaxError:
    """Translate a pyoxigraph parser error, keeping the position it reports."""
    message = str(error)
    line = getattr(error, "lineno", None)
    column = getattr(error, "offset", None)
    if line is None:
        match = _POSITION.search(message)
        if match:
            line, column = int(match.group(1)), int(match.group(2))
    return RdfSyntaxError(message, Location(source, line, column))


def iter_quads(
    source: RdfSource, *, base_iri: str | None = None, graph: NamedNode | None = None
) -> Iterator[Quad]:
    """Stream the quads of a source, raising :class:`RdfSyntaxError` at the first error."""
    try:
        if source.path is not None:
            quads = parse(path=source.path, format=source.syntax.format, base_iri=base_iri)
        else:
            quads = parse(source.data, format=source.syntax.format, base_iri=base_iri)
        for quad in quads:
            if graph is not None and isinstance(quad.graph_name, DefaultGraph):
                yield Quad(quad.subject, quad.predicate, quad.object, graph)
            else:
                yield quad
    except SyntaxError as error:
        raise syntax_error(error, source.name) from error
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise RdfSyntaxError(f"cannot read RDF: {error}", Location(source.name)) from error


def to_bytes(quads: Iterable[Quad], syntax: RdfSyntax) -> bytes:
    """Serialise quads (or, for triple syntaxes, their triples) with the shared prefixes."""
    items: Iterable[object] = quads if syntax.supports_datasets else (q.triple for q in quads)
    prefixes = PREFIXES if syntax.key in ("turtle", "trig", "rdfxml") else None
    result = serialize(items, format=syntax.format, prefixes=prefixes)  # type: ignore[arg-type]
    assert result is not None
    return result
