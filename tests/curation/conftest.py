"""Fixtures for the import gate: a seeded store, the query catalogue, and a store snapshot."""

from __future__ import annotations

import gc
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

import pytest
from pyoxigraph import NamedNode

from eitkg.curation.resolve import Resolver
from eitkg.curation.vocab import load_vocabularies
from eitkg.queries import QueryCatalogue, load_catalogue
from eitkg.rdf.formats import rdf_syntax
from eitkg.rdf.io import RdfSource
from eitkg.resources import queries_dir
from eitkg.store import OxigraphStore, Store

from ..conftest import BASE


@pytest.fixture(scope="session")
def catalogue() -> QueryCatalogue:
    return load_catalogue(queries_dir())


@pytest.fixture(scope="session")
def resolver(seeded_store: OxigraphStore, catalogue: QueryCatalogue) -> Resolver:
    return Resolver(load_vocabularies(seeded_store, catalogue))


@dataclass(frozen=True)
class Snapshot:
    """Everything a store holds: to prove that a rejected import wrote nothing.

    ``digest`` is the SHA-256 of the store dumped as N-Quads (the dump is in index order, so
    equal content gives equal bytes).
    """

    size: int
    graphs: tuple[NamedNode, ...]
    digest: str

    @classmethod
    def of(cls, store: Store) -> Snapshot:
        buffer = io.BytesIO()
        store.dump(buffer, rdf_syntax("nquads"))
        digest = hashlib.sha256(buffer.getvalue()).hexdigest()
        return cls(len(store), tuple(store.named_graphs()), digest)


def disk_copy(store: Store, path: Path) -> None:
    """Write ``store`` to a new on-disk store at ``path`` in one load (faster than seeding)."""
    buffer = io.BytesIO()
    store.dump(buffer, rdf_syntax("nquads"))
    disk = OxigraphStore(path)
    disk.load([RdfSource.from_bytes(buffer.getvalue(), name="copy.nq")])
    disk.close()
    del disk
    gc.collect()


__all__ = ["BASE", "Snapshot", "disk_copy"]
