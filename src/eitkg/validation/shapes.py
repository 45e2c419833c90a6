"""The shipped SHACL shapes (``shapes/*.ttl``) and the shipped validation context.

Both are read once per process and kept: treat the graphs as read-only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rdflib import Graph

from eitkg.errors import ConfigurationError, EitkgError, Location
from eitkg.rdf.io import RdfSource
from eitkg.resources import ontology_dir, shapes_dir, vocab_dir
from eitkg.validation.convert import to_graph

SHAPES_NAMESPACE = "https://w3id.org/eitkg/shapes#"


@dataclass(frozen=True)
class Shapes:
    """A SHACL shapes graph and the files it was read from."""

    graph: Graph = field(compare=False, repr=False)
    files: tuple[Path, ...] = ()

    def __len__(self) -> int:
        return len(self.graph)


def _read_turtle_files(files: list[Path]) -> Graph:
    graph = Graph()
    for path in files:
        try:
            to_graph(RdfSource.from_path(path), graph=graph)
        except EitkgError as error:
            raise ConfigurationError(f"cannot read {path}: {error}") from error
    return graph


def load_shapes(directory: Path | None = None) -> Shapes:
    """The shapes of ``directory`` (default: the shipped ``shapes/``), every ``*.ttl`` in it.

    The result is cached per directory.

    >>> "eit.shacl.ttl" in [p.name for p in load_shapes().files]
    True
    """
    return _load_shapes(Path(directory) if directory is not None else shapes_dir())


@cache
def _load_shapes(directory: Path) -> Shapes:
    files = sorted(directory.glob("*.ttl"))
    if not files:
        raise ConfigurationError(f"no SHACL shapes (*.ttl) in {Location(str(directory))}")
    graph = _read_turtle_files(files)
    graph.bind("eits", SHAPES_NAMESPACE)
    return Shapes(graph=graph, files=tuple(files))


def context_files() -> tuple[Path, ...]:
    """The files of the shipped context: ``ontology/*.ttl`` then ``data/vocab/*.ttl``."""
    return tuple(sorted(ontology_dir().glob("*.ttl")) + sorted(vocab_dir().glob("*.ttl")))


@cache
def load_context() -> Graph:
    """The shipped ontology and vocabularies as one graph, read once (do not modify it).

    Validation reads this graph to resolve class hierarchies and vocabulary codes;
    it never validates it.
    """
    files = list(context_files())
    if not files:
        raise ConfigurationError("no ontology nor vocabulary files to use as validation context")
    return _read_turtle_files(files)
