"""Provenance of imported datasets: DCAT datasets and versions, PROV-O import activities.

For dataset ``D`` = ``{base}id/dataset/{id}`` the catalogue graph holds::

    D a dcat:Dataset ; dcterms:identifier ; dcterms:title ; dcterms:issued ; dcterms:modified ;
      dcat:version "n" ; dcat:hasCurrentVersion D/version/n ; dcat:hasVersion D/version/k … ;
      prov:wasGeneratedBy I ; eit:sha256 ; eit:rowCount ; eit:tripleCount ; eit:graph G .
    D/version/k dcat:isVersionOf D ; dcat:version "k" ; prov:wasGeneratedBy I ;
      eit:sha256 ; eit:rowCount ; eit:tripleCount ; eit:graph (its graph now) .
    I a eit:Import ; prov:startedAtTime ; prov:endedAtTime ; prov:wasAssociatedWith curator ;
      prov:used I/source (dcterms:title file name, schema:sha256) ;
      prov:generated I/report (a sh:ValidationReport ; sh:conforms ; eit:violationCount …) .

Dataset and version records are rewritten at each commit; import activities are kept.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode, QuerySolutions, Triple

from eitkg.curation.datasets import DatasetIris
from eitkg.namespaces import DCAT, DCTERMS, EIT, FOAF, PROV, RDF, SCHEMA, SH, XSD
from eitkg.queries import QueryCatalogue, run_named_query
from eitkg.rdf.iris import slugify
from eitkg.store.base import Store


def _n(namespace: str, local: str) -> NamedNode:
    return NamedNode(namespace + local)


def _typed(value: str, datatype: str) -> Literal:
    return Literal(value, datatype=NamedNode(XSD + datatype))


def timestamp(moment: dt.datetime) -> str:
    """A timestamp for IRIs and ``xsd:dateTime`` values (UTC, microseconds).

    >>> timestamp(dt.datetime(2024, 3, 12, 10, 15, tzinfo=dt.UTC))
    '2024-03-12T10:15:00.000000Z'
    """
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True)
class VersionInfo:
    """One kept version of a dataset, as the catalogue records it."""

    number: int
    current: bool
    import_iri: str | None = None
    rows: int | None = None
    triples: int | None = None
    sha256: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class DatasetState:
    """What the catalogue says about a dataset now (no versions: never imported)."""

    versions: tuple[VersionInfo, ...] = ()
    issued: str | None = None

    @property
    def current(self) -> VersionInfo | None:
        return next((v for v in self.versions if v.current), None)

    @property
    def earlier(self) -> list[VersionInfo]:
        """Kept versions other than the current one, oldest first."""
        return [v for v in self.versions if not v.current]

    @property
    def next_number(self) -> int:
        return max((v.number for v in self.versions), default=0) + 1


def read_state(store: Store, catalogue: QueryCatalogue, iris: DatasetIris) -> DatasetState:
    """The versions the catalogue keeps for a dataset."""
    result = run_named_query(
        store,
        catalogue["curation/dataset_versions"],
        {"catalogue": iris.catalogue.value, "dataset": iris.dataset.value},
    )
    assert isinstance(result, QuerySolutions)
    versions: dict[int, VersionInfo] = {}
    issued = None
    for row in result:
        number = int(_value(row["number"]) or 0)
        issued = _value(row["issued"]) or issued
        versions[number] = VersionInfo(
            number=number,
            current=_value(row["current"]) == "true",
            import_iri=_value(row["import"]),
            rows=_int(row["rows"]),
            triples=_int(row["triples"]),
            sha256=_value(row["sha256"]),
            source=_value(row["source"]),
        )
    return DatasetState(tuple(versions[n] for n in sorted(versions)), issued)


def _value(term: object) -> str | None:
    value = getattr(term, "value", None)
    return None if value is None else str(value)


def _int(term: object) -> int | None:
    value = _value(term)
    return None if value is None else int(value)


@dataclass(frozen=True)
class ImportRecord:
    """What one import activity was: who, when, which file, with which validation summary."""

    started: dt.datetime
    ended: dt.datetime
    curator: str
    source_name: str
    sha256: str
    rows: int
    triples: int
    counts: dict[str, int] = field(default_factory=dict)
    conforms: bool = True


def import_triples(iris: DatasetIris, record: ImportRecord) -> tuple[NamedNode, list[Triple]]:
    """The PROV-O description of one import activity; returns its IRI and triples."""
    activity = iris.import_activity(timestamp(record.started))
    source = NamedNode(activity.value + "/source")
    report = NamedNode(activity.value + "/report")
    agent = NamedNode(iris.minter.base + "id/curator/" + slugify(record.curator or "curator"))
    a = _n(RDF, "type")
    triples = [
        Triple(activity, a, _n(EIT, "Import")),
        Triple(activity, a, _n(PROV, "Activity")),
        Triple(activity, _n(PROV, "startedAtTime"), _typed(timestamp(record.started), "dateTime")),
        Triple(activity, _n(PROV, "endedAtTime"), _typed(timestamp(record.ended), "dateTime")),
        Triple(activity, _n(PROV, "wasAssociatedWith"), agent),
        Triple(agent, a, _n(PROV, "Agent")),
        Triple(agent, _n(FOAF, "name"), Literal(record.curator or "curator")),
        Triple(activity, _n(PROV, "used"), source),
        Triple(source, a, _n(PROV, "Entity")),
        Triple(source, _n(DCTERMS, "title"), Literal(record.source_name)),
        Triple(source, _n(SCHEMA, "sha256"), Literal(record.sha256)),
        Triple(activity, _n(PROV, "generated"), report),
        Triple(report, a, _n(SH, "ValidationReport")),
        Triple(report, _n(SH, "conforms"), _typed(str(record.conforms).lower(), "boolean")),
    ]
    for severity, local in (
        ("Violation", "violationCount"),
        ("Warning", "warningCount"),
        ("Info", "infoCount"),
    ):
        value = str(record.counts.get(severity, 0))
        triples.append(Triple(report, _n(EIT, local), _typed(value, "integer")))
    return activity, triples


def record_triples(
    iris: DatasetIris,
    versions: list[VersionInfo],
    *,
    issued: str,
    modified: dt.datetime,
    title: str | None = None,
) -> list[Triple]:
    """The dataset and version records for the kept ``versions`` (one of them current)."""
    dataset, a = iris.dataset, _n(RDF, "type")
    current = next(v for v in versions if v.current)
    triples = [
        Triple(dataset, a, _n(DCAT, "Dataset")),
        Triple(dataset, _n(DCTERMS, "identifier"), Literal(iris.id)),
        Triple(dataset, _n(DCTERMS, "title"), Literal(title or iris.id)),
        Triple(dataset, _n(DCTERMS, "issued"), _typed(issued, "dateTime")),
        Triple(dataset, _n(DCTERMS, "modified"), _typed(timestamp(modified), "dateTime")),
        Triple(dataset, _n(DCAT, "version"), Literal(str(current.number))),
        Triple(dataset, _n(DCAT, "hasCurrentVersion"), iris.version(current.number)),
        Triple(dataset, _n(EIT, "graph"), iris.graph),
    ]
    triples += _counts(dataset, current)
    for version in versions:
        node = iris.version(version.number)
        graph = iris.graph if version.current else iris.version_graph(version.number)
        triples += [
            Triple(dataset, _n(DCAT, "hasVersion"), node),
            Triple(node, _n(DCAT, "isVersionOf"), dataset),
            Triple(node, _n(DCAT, "version"), Literal(str(version.number))),
            Triple(node, _n(EIT, "graph"), graph),
        ]
        triples += _counts(node, version)
    return triples


def _counts(node: NamedNode, version: VersionInfo) -> list[Triple]:
    triples = []
    if version.import_iri:
        triples.append(Triple(node, _n(PROV, "wasGeneratedBy"), NamedNode(version.import_iri)))
    if version.sha256:
        triples.append(Triple(node, _n(EIT, "sha256"), Literal(version.sha256)))
    if version.rows is not None:
        triples.append(Triple(node, _n(EIT, "rowCount"), _typed(str(version.rows), "integer")))
    if version.triples is not None:
        triples.append(
            Triple(node, _n(EIT, "tripleCount"), _typed(str(version.triples), "integer"))
        )
    return triples


def record_subjects(iris: DatasetIris, state: DatasetState, numbers: list[int]) -> list[NamedNode]:
    """The catalogue subjects a commit rewrites: the dataset and every version record."""
    known = {v.number for v in state.versions} | set(numbers)
    return [iris.dataset, *(iris.version(n) for n in sorted(known))]
