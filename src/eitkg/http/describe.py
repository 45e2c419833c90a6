"""What a resource IRI dereferences to: its triples, read only from the graphs a reader may see."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pyoxigraph import BlankNode, Literal, NamedNode, QuerySolutions, QueryTriples, Triple

from eitkg.errors import NotFoundError
from eitkg.namespaces import EITG
from eitkg.queries import QueryCatalogue
from eitkg.store import Store
from eitkg.store.graphs import may_see, visible_graphs

DESCRIBE_QUERY = "linked_data/describe"
PAGE_LABELS_QUERY = "linked_data/page_labels"
TERRITORY_QUERY = "linked_data/territory"
ONTOLOGY_GRAPH = NamedNode(EITG + "ontology")


@dataclass(frozen=True)
class Description:
    """The triples served for one IRI."""

    iri: NamedNode
    triples: tuple[Triple, ...]

    @property
    def about(self) -> list[Triple]:
        """The triples whose subject is the resource."""
        return [t for t in self.triples if t.subject == self.iri]


@dataclass(frozen=True)
class MapPoint:
    """A located site on a resource's map."""

    site: str
    lat: float
    long: float
    own: bool
    actor: str | None
    actor_labels: tuple[Literal, ...]
    site_labels: tuple[Literal, ...]
    commune: str | None


def reader_graphs(store: Store, *, curator: bool) -> list[NamedNode]:
    """The graphs a reader may see (public ones, or all but staging for a curator)."""
    return visible_graphs(store, curator=curator)


def describe(store: Store, catalogue: QueryCatalogue, iri: str, *, curator: bool) -> Description:
    """The triples about ``iri`` (and pointing to it) that the reader may see; else NotFoundError.

    The query reports the graph of every triple it matches; a triple is kept only when its graph
    is visible, and a label only when both it and the link that brought it are. (Scanning all
    graphs by index and filtering here is several times faster than restricting the query to a
    list of default graphs.)

    >>> from eitkg.queries import load_catalogue
    >>> from eitkg.resources import queries_dir
    >>> from eitkg.store import OxigraphStore
    >>> from eitkg.rdf.io import RdfSource
    >>> store = OxigraphStore()
    >>> nt = b"<http://a> <http://b> <http://c> ."
    >>> _ = store.load([RdfSource.from_bytes(nt, name="x.nt")], graph=NamedNode("http://g"))
    >>> _ = store.load([RdfSource.from_bytes(nt.replace(b"c>", b"d>"), name="y.nt")],
    ...                graph=NamedNode("http://g/confidential"))
    >>> [str(t.object) for t in describe(store, load_catalogue(queries_dir()), "http://a",
    ...                                  curator=False).triples]
    ['<http://c>']
    """
    node = _node(iri)
    # The results are consumed (and dropped) inside the helper, on this thread: pyoxigraph
    # results must not travel with a traceback to another thread.
    kept = _visible_triples(
        store.query(catalogue[DESCRIBE_QUERY].sparql, substitutions={"resource": node}),
        node,
        curator=curator,
    )
    if not kept:
        raise NotFoundError(f"nothing is known about <{iri}>")
    return Description(node, tuple(kept))


def _visible_triples(result: object, node: NamedNode, *, curator: bool) -> dict[Triple, None]:
    assert isinstance(result, QuerySolutions)
    kept: dict[Triple, None] = {}
    for row in result:
        if not may_see(row["g"], curator=curator):
            continue
        predicate, obj = row["p"], row["o"]
        if isinstance(predicate, NamedNode) and obj is not None:
            kept[Triple(node, predicate, obj)] = None
            neighbour = obj
        else:
            subject, incoming = row["s"], row["ip"]
            if not isinstance(subject, NamedNode | BlankNode) or not isinstance(
                incoming, NamedNode
            ):
                continue
            kept[Triple(subject, incoming, node)] = None
            neighbour = subject
        label_predicate, label = row["lp"], row["lv"]
        if (
            isinstance(neighbour, NamedNode | BlankNode)
            and isinstance(label_predicate, NamedNode)
            and label is not None
            and may_see(row["lg"], curator=curator)
        ):
            kept[Triple(neighbour, label_predicate, label)] = None
    return kept


def page_labels(
    store: Store, catalogue: QueryCatalogue, iri: NamedNode, graphs: Sequence[NamedNode]
) -> list[Triple]:
    """Labels of the properties and classes shown on the page of ``iri``."""
    return _construct(store, catalogue, PAGE_LABELS_QUERY, iri, graphs)


def map_points(
    store: Store, catalogue: QueryCatalogue, iri: NamedNode, graphs: Sequence[NamedNode]
) -> list[MapPoint]:
    """The located sites that the map of ``iri`` shows, one point per site."""
    result = store.query(
        catalogue[TERRITORY_QUERY].sparql,
        substitutions={"resource": iri},
        default_graphs=list(graphs),
    )
    assert isinstance(result, QuerySolutions)
    points: dict[str, MapPoint] = {}
    for row in result:
        site = row["site"]
        lat, long = row["lat"], row["long"]
        if site is None or not isinstance(lat, Literal) or not isinstance(long, Literal):
            continue
        try:
            coordinates = float(lat.value), float(long.value)
        except ValueError:
            continue
        own = isinstance(row["own"], Literal) and row["own"].value == "true"
        previous = points.get(site.value)
        actor, commune = row["actor"], row["communeName"]
        points[site.value] = MapPoint(
            site=site.value,
            lat=coordinates[0],
            long=coordinates[1],
            own=own or bool(previous and previous.own),
            actor=actor.value if actor is not None else None,
            actor_labels=_add(previous.actor_labels if previous else (), row["actorLabel"]),
            site_labels=_add(previous.site_labels if previous else (), row["siteLabel"]),
            commune=commune.value if commune is not None else None,
        )
    return list(points.values())


def _add(labels: tuple[Literal, ...], label: object) -> tuple[Literal, ...]:
    if isinstance(label, Literal) and label not in labels:
        return (*labels, label)
    return labels


def graph_triples(store: Store, graph: NamedNode) -> list[Triple]:
    """Every triple of one graph (the ontology document)."""
    return [q.triple for q in store.quads(graph)]


def _construct(
    store: Store,
    catalogue: QueryCatalogue,
    query_id: str,
    node: NamedNode,
    graphs: Sequence[NamedNode],
) -> list[Triple]:
    # The IRI is already a term: bound directly, never written into the query text.
    result = store.query(
        catalogue[query_id].sparql, substitutions={"resource": node}, default_graphs=list(graphs)
    )
    assert isinstance(result, QueryTriples)
    return list(result)


def _node(iri: str) -> NamedNode:
    try:
        return NamedNode(iri)
    except ValueError:
        raise NotFoundError(f"{iri!r} is not an IRI") from None
