"""Dataset descriptions: the DCAT 3 catalogue, the VoID description and the public counts.

Counts and descriptions are always computed over the public graphs: a curator token does not
change what the catalogue, VoID or the landing page publish.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import BlankNode, Literal, NamedNode, QuerySolutions, QueryTriples, Triple

from eitkg.namespaces import DCAT, DCTERMS, EIT, FOAF, PREFIXES, RDF, VOID, XSD
from eitkg.queries import QueryCatalogue
from eitkg.rdf.io import RdfSource, iter_quads
from eitkg.store import Store

RDF_TEMPLATES = Path(__file__).resolve().parent / "templates" / "rdf"
CATALOG_QUERY = "linked_data/catalog"
GRAPHS_QUERY = "system/graphs"
CLASSES_QUERY = "linked_data/class_partitions"
ENTITIES_QUERY = "linked_data/entities"
COUNTS_QUERY = "system/counts"

_TYPE = NamedNode(RDF + "type")
_INTEGER = NamedNode(XSD + "integer")
_CATALOGUE_KINDS = (NamedNode(EIT + "ExperienceReport"), NamedNode(EIT + "Methodology"))
#: Vocabularies the public graph uses (void:vocabulary).
_VOCABULARIES = ("eit", "eitv", "skos", "org", "dcat", "dcterms", "prov", "geo", "qudt", "wgs")


@dataclass(frozen=True)
class CatalogIris:
    """The IRIs of the catalogue, its data service and the public graph, under the base."""

    base: str

    @property
    def catalog(self) -> NamedNode:
        return NamedNode(self.base + "catalog")

    @property
    def service(self) -> NamedNode:
        return NamedNode(self.base + "catalog#sparql-service")

    @property
    def public_graph(self) -> NamedNode:
        return NamedNode(self.base + "catalog#public-graph")

    @property
    def void(self) -> NamedNode:
        return NamedNode(self.base + ".well-known/void")


def catalog_triples(
    store: Store, catalogue: QueryCatalogue, base: str, graphs: Sequence[NamedNode]
) -> list[Triple]:
    """The DCAT catalogue: the fixed description plus the datasets and entries of the store."""
    iris = CatalogIris(base)
    triples = _template("catalog.ttl", base)
    result = store.query(catalogue[CATALOG_QUERY].sparql, default_graphs=list(graphs))
    assert isinstance(result, QueryTriples)
    found = list(result)
    triples.extend(found)
    datasets = {
        t.subject for t in found if t.predicate == _TYPE and t.object == NamedNode(DCAT + "Dataset")
    }
    entries = {t.subject for t in found if t.predicate == _TYPE and t.object in _CATALOGUE_KINDS}
    for dataset in sorted(datasets, key=str):
        triples.append(Triple(iris.catalog, NamedNode(DCAT + "dataset"), dataset))
        triples.append(Triple(iris.service, NamedNode(DCAT + "servesDataset"), dataset))
    for entry in sorted(entries, key=str):
        triples.append(Triple(iris.catalog, NamedNode(DCAT + "resource"), entry))
    return _dedup(triples)


def void_triples(
    store: Store, catalogue: QueryCatalogue, base: str, graphs: Sequence[NamedNode]
) -> list[Triple]:
    """The VoID description of the public graph: endpoint, dump, sizes, classes, subsets."""
    iris = CatalogIris(base)
    dataset = iris.public_graph
    void = _void_term
    triples = [
        Triple(iris.void, _TYPE, void("DatasetDescription")),
        Triple(
            iris.void,
            NamedNode(DCTERMS + "title"),
            Literal("Description VoID d'eitkg", language="fr"),
        ),
        Triple(
            iris.void,
            NamedNode(DCTERMS + "title"),
            Literal("eitkg VoID description", language="en"),
        ),
        Triple(iris.void, NamedNode(FOAF + "primaryTopic"), dataset),
        Triple(dataset, _TYPE, void("Dataset")),
        Triple(
            dataset, NamedNode(DCTERMS + "title"), Literal("Graphe public eitkg", language="fr")
        ),
        Triple(dataset, NamedNode(DCTERMS + "title"), Literal("eitkg public graph", language="en")),
        Triple(dataset, void("sparqlEndpoint"), NamedNode(base + "sparql")),
        Triple(dataset, void("dataDump"), NamedNode(base + "dumps/public.nq.gz")),
        Triple(dataset, void("uriSpace"), Literal(base + "id/")),
        Triple(dataset, void("feature"), NamedNode("http://www.w3.org/ns/formats/N-Quads")),
    ]
    triples += [Triple(dataset, void("vocabulary"), NamedNode(PREFIXES[p])) for p in _VOCABULARIES]
    sizes = graph_sizes(store, catalogue, graphs)
    triples.append(Triple(dataset, void("triples"), _int(sum(sizes.values()))))
    triples.append(
        Triple(dataset, void("entities"), _int(entity_count(store, catalogue, base, graphs)))
    )
    for graph, size in sorted(sizes.items()):
        subset = NamedNode(graph)
        triples += [
            Triple(dataset, void("subset"), subset),
            Triple(subset, _TYPE, void("Dataset")),
            Triple(subset, void("triples"), _int(size)),
        ]
    partitions = class_partitions(store, catalogue, graphs)
    triples.append(Triple(dataset, void("classes"), _int(len(partitions))))
    for cls, entities in partitions:
        partition = BlankNode()
        triples += [
            Triple(dataset, void("classPartition"), partition),
            Triple(partition, void("class"), NamedNode(cls)),
            Triple(partition, void("entities"), _int(entities)),
        ]
    return triples


def graph_sizes(
    store: Store, catalogue: QueryCatalogue, graphs: Sequence[NamedNode]
) -> dict[str, int]:
    """Triples per named graph, for the given graphs only."""
    result = store.query(catalogue[GRAPHS_QUERY].sparql, named_graphs=list(graphs))
    assert isinstance(result, QuerySolutions)
    return {row["graph"].value: int(row["triples"].value) for row in result}


def class_partitions(
    store: Store, catalogue: QueryCatalogue, graphs: Sequence[NamedNode]
) -> list[tuple[str, int]]:
    """(class IRI, number of instances), largest first."""
    result = store.query(catalogue[CLASSES_QUERY].sparql, default_graphs=list(graphs))
    assert isinstance(result, QuerySolutions)
    return [
        (row["class"].value, int(row["entities"].value))
        for row in result
        if isinstance(row["class"], NamedNode)
    ]


def entity_count(
    store: Store, catalogue: QueryCatalogue, base: str, graphs: Sequence[NamedNode]
) -> int:
    """Distinct resources minted under ``{base}id/``."""
    result = store.query(
        catalogue[ENTITIES_QUERY].sparql,
        substitutions={"space": Literal(base + "id/")},
        default_graphs=list(graphs),
    )
    assert isinstance(result, QuerySolutions)
    for row in result:
        count = row["entities"]
        return int(count.value) if isinstance(count, Literal) else 0
    return 0


def class_counts(
    store: Store, catalogue: QueryCatalogue, graphs: Sequence[NamedNode]
) -> list[tuple[str, int]]:
    """The main eitkg classes and how many instances each has (``system/counts``)."""
    result = store.query(catalogue[COUNTS_QUERY].sparql, default_graphs=list(graphs))
    assert isinstance(result, QuerySolutions)
    return [(row["class"].value, int(row["count"].value)) for row in result]


def _template(name: str, base: str) -> list[Triple]:
    source = RdfSource.from_path(RDF_TEMPLATES / name)
    return [quad.triple for quad in iter_quads(source, base_iri=base)]


def _void_term(local: str) -> NamedNode:
    return NamedNode(VOID + local)


def _int(value: int) -> Literal:
    return Literal(str(value), datatype=_INTEGER)


def _dedup(triples: list[Triple]) -> list[Triple]:
    return list(dict.fromkeys(triples))
