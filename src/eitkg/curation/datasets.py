"""The IRIs and graphs of one imported dataset (patterns in ``docs/model.md``).

* ``{base}graph/dataset/{id}``: the public part; ``…/confidential``: its confidential flows;
* ``{base}graph/dataset/{id}/version/{n}`` (and ``…/version/{n}/confidential``): earlier
  versions kept for diff and rollback, never public;
* ``{base}graph/catalogue``: the DCAT and PROV-O description of every dataset.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import NamedNode

from eitkg.rdf.iris import IriMinter, slugify
from eitkg.store.graphs import VERSION_SEGMENT, confidential_graph, is_staging, is_version


def catalogue_graph(base_iri: str) -> NamedNode:
    """The graph holding the provenance of every imported dataset.

    >>> catalogue_graph("http://h/").value
    'http://h/graph/catalogue'
    """
    return NamedNode(IriMinter(base_iri).base + "graph/catalogue")


def dataset_id(text: str) -> str:
    """A dataset identifier from a name or a file stem (a slug).

    >>> dataset_id("Inventaire PIPA 2024")
    'inventaire-pipa-2024'
    """
    return slugify(text)


@dataclass(frozen=True)
class DatasetIris:
    """Every IRI that belongs to one dataset.

    >>> d = DatasetIris("http://h/", "pipa")
    >>> d.graph.value, d.confidential.value, d.version_graph(2).value
    ('http://h/graph/dataset/pipa', 'http://h/graph/dataset/pipa/confidential', \
'http://h/graph/dataset/pipa/version/2')
    """

    base_iri: str
    id: str

    @property
    def minter(self) -> IriMinter:
        return IriMinter(self.base_iri)

    @property
    def graph(self) -> NamedNode:
        return self.minter.dataset_graph(self.id)

    @property
    def confidential(self) -> NamedNode:
        return confidential_graph(self.graph)

    @property
    def dataset(self) -> NamedNode:
        return self.minter.dataset(self.id)

    @property
    def catalogue(self) -> NamedNode:
        return catalogue_graph(self.base_iri)

    def version_graph(self, number: int) -> NamedNode:
        return NamedNode(f"{self.graph.value}{VERSION_SEGMENT}{number}")

    def version_confidential(self, number: int) -> NamedNode:
        return confidential_graph(self.version_graph(number))

    def version(self, number: int) -> NamedNode:
        """The catalogue entry of version ``number``."""
        return NamedNode(f"{self.dataset.value}{VERSION_SEGMENT}{number}")

    def import_activity(self, timestamp: str) -> NamedNode:
        return self.minter.dataset_import(self.id, timestamp)

    def is_own(self, graph: str) -> bool:
        """Whether a graph belongs to this dataset (current, confidential or kept versions)."""
        own = self.graph.value
        return graph == own or graph.startswith(own + "/")


def is_foreign(graph: str, own: DatasetIris) -> bool:
    """Whether a graph may give context to ``own``: not its own, not staging, not a version."""
    node = NamedNode(graph)
    return not own.is_own(graph) and not is_staging(node) and not is_version(node)
