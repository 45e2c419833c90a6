"""Read the ontology and vocabulary files into one list of triples, and write it for owlready2.

owlready2 reads RDF/XML, OWL/XML and N-Triples but not Turtle, so every input is parsed with
pyoxigraph and written as one N-Triples file. Blank nodes are renamed on parse so that two files
can never share one by accident, and ``owl:imports`` is dropped: the caller lists every file
to check, and nothing is ever fetched from the network.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, Triple, parse, serialize

from eitkg.errors import Location, RdfSyntaxError
from eitkg.namespaces import OWL
from eitkg.rdf.io import RdfSource, syntax_error

OWL_IMPORTS = NamedNode(OWL + "imports")


def read_triples(files: Sequence[Path]) -> list[Triple]:
    """The triples of all ``files`` (any RDF syntax known by extension), minus ``owl:imports``.

    Raises :class:`~eitkg.errors.InputError` for a missing file and
    :class:`~eitkg.errors.RdfSyntaxError` (with file, line and column) for a malformed one.

    >>> from eitkg.resources import ontology_dir
    >>> triples = read_triples([ontology_dir() / "eit.ttl"])
    >>> len(triples) > 500, any(t.predicate == OWL_IMPORTS for t in triples)
    (True, False)
    """
    triples: list[Triple] = []
    for path in files:
        source = RdfSource.from_path(path)
        try:
            for quad in parse(path=path, format=source.syntax.format, rename_blank_nodes=True):
                if quad.predicate != OWL_IMPORTS:
                    triples.append(quad.triple)
        except SyntaxError as error:
            raise syntax_error(error, source.name) from error
        except (OSError, UnicodeDecodeError, ValueError) as error:
            raise RdfSyntaxError(f"cannot read RDF: {error}", Location(source.name)) from error
    return triples


def write_ntriples(triples: Iterable[Triple], path: Path) -> Path:
    """Write ``triples`` as N-Triples to ``path`` and return it."""
    with path.open("wb") as output:
        serialize(triples, output, format=RdfFormat.N_TRIPLES)
    return path
