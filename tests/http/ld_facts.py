"""Facts of the seeded demo territory that the linked-data tests check the HTTP answers against.

Read from the real store (not hard-coded), so the tests follow the demo data when it changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, QuerySolutions

from eitkg.store import OxigraphStore
from eitkg.store.graphs import is_confidential, visible_graphs

PREFIXES = """PREFIX eit: <https://w3id.org/eitkg/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX wgs: <http://www.w3.org/2003/01/geo/wgs84_pos#>
"""


@dataclass(frozen=True)
class SecretFlow:
    iri: str
    label: str
    actor: str
    category: str


@dataclass(frozen=True)
class LocatedActor:
    iri: str
    label_fr: str
    label_en: str
    site: str
    park: str
    lat: str
    long: str


def rows(store: OxigraphStore, sparql: str, **options: object) -> list[dict[str, str]]:
    result = store.query(PREFIXES + sparql, **options)  # type: ignore[arg-type]
    assert isinstance(result, QuerySolutions)
    names = [v.value for v in result.variables]
    out = []
    for row in result:
        out.append({n: row[n].value for n in names if row[n] is not None})
    return out


def secret_flow(store: OxigraphStore) -> SecretFlow:
    """A confidential flow of the demo (it lives in a ``…/confidential`` graph only)."""
    secret_graphs = [g for g in store.named_graphs() if is_confidential(g)]
    found = rows(
        store,
        """SELECT ?flow ?label ?actor ?category WHERE {
             ?flow eit:confidential true ; rdfs:label ?label ; eit:actor ?actor ;
                   eit:resourceCategory ?category .
           } ORDER BY ?flow LIMIT 1""",
        default_graphs=secret_graphs,
    )
    assert found, "the demo territory has confidential flows"
    row = found[0]
    return SecretFlow(row["flow"], row["label"], row["actor"], row["category"])


def located_actor(store: OxigraphStore) -> LocatedActor:
    """A company with French and English names and a located site in an industrial park."""
    found = rows(
        store,
        """SELECT ?actor ?fr ?en ?site ?park ?lat ?long WHERE {
             ?actor a eit:Company ; skos:prefLabel ?fr , ?en ; org:hasSite ?site .
             FILTER (lang(?fr) = "fr" && lang(?en) = "en")
             ?site eit:inPark ?park ; wgs:lat ?lat ; wgs:long ?long .
           } ORDER BY ?actor LIMIT 1""",
        default_graphs=visible_graphs(store, curator=False),
    )
    assert found, "the demo territory has located companies"
    row = found[0]
    return LocatedActor(
        row["actor"], row["fr"], row["en"], row["site"], row["park"], row["lat"], row["long"]
    )


def public_count(store: OxigraphStore, cls: str) -> int:
    found = rows(
        store,
        f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a <{cls}> }}",
        default_graphs=visible_graphs(store, curator=False),
    )
    return int(found[0]["n"])


def label_of(store: OxigraphStore, iri: str, lang: str) -> str:
    """The skos:prefLabel or rdfs:label of ``iri`` in ``lang``."""
    result = store.query(
        PREFIXES + "SELECT ?s ?label WHERE { ?s skos:prefLabel|rdfs:label ?label }",
        substitutions={"s": NamedNode(iri)},
        default_graph_as_union=True,
    )
    assert isinstance(result, QuerySolutions)
    for row in result:
        label = row["label"]
        if isinstance(label, Literal) and label.language == lang:
            return label.value
    raise AssertionError(f"no {lang} label for {iri}")
