"""Entity resolution across datasets: the same SIRET is the same actor, a park is found by name.

IRIs are deterministic (``docs/model.md``), so the same SIREN always gives the same actor
IRI; what other datasets say about that actor is read here, and a different name or activity
becomes a warning. Only the entities the import names are read, one by one: the cost grows
with the import, not with the store.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode, Quad, QuerySolutions, Triple

from eitkg.curation.cells import fold
from eitkg.curation.datasets import DatasetIris, is_foreign
from eitkg.curation.findings import Finding
from eitkg.curation.mapping import Park
from eitkg.curation.messages import finding
from eitkg.namespaces import EIT, RDF, SKOS
from eitkg.queries import QueryCatalogue, run_named_query
from eitkg.rdf.iris import IriMinter
from eitkg.store.base import Store

_PREF_LABEL = SKOS + "prefLabel"
_NAF = EIT + "nafActivity"
_IDENTITY = {RDF + "type", _PREF_LABEL}


@dataclass
class ParkFinder:
    """Existing parks by folded label; a name not found gives a new park."""

    minter: IriMinter
    known: dict[str, tuple[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, store: Store, catalogue: QueryCatalogue, own: DatasetIris) -> ParkFinder:
        finder = cls(own.minter)
        result = run_named_query(store, catalogue["curation/parks"], {})
        assert isinstance(result, QuerySolutions)
        for row in result:
            if not is_foreign(row["graph"].value, own):
                continue
            label = row["label"].value
            finder.known.setdefault(fold(label), (row["park"].value, label))
        return finder

    def __call__(self, name: str) -> Park:
        hit = self.known.get(fold(name))
        if hit is not None:
            return Park(NamedNode(hit[0]), hit[1], exists=True)
        return Park(self.minter.actor_for_name(name), name.strip(), exists=False)

    def suggestions(self, name: str) -> str:
        close = difflib.get_close_matches(fold(name), list(self.known), n=3, cutoff=0.5)
        return ", ".join(self.known[c][1] for c in close)


def node_facts(
    store: Store, catalogue: QueryCatalogue, node: str, own: DatasetIris
) -> list[tuple[str, Triple]]:
    """What other datasets say about ``node``: (graph, triple) pairs."""
    result = run_named_query(store, catalogue["curation/node_facts"], {"node": node})
    assert isinstance(result, QuerySolutions)
    subject = NamedNode(node)
    facts = []
    for row in result:
        graph = row["graph"].value
        if is_foreign(graph, own):
            facts.append((graph, Triple(subject, row["property"], row["value"])))
    return facts


def context_quads(
    store: Store,
    catalogue: QueryCatalogue,
    triples: Iterable[Triple],
    own: DatasetIris,
) -> list[Quad]:
    """Triples from other graphs about the instances the data refers to but does not describe.

    Only what such an entity *is* is taken (its types and names): that is what SHACL needs
    to check a reference (an existing park is an ``eit:IndustrialPark`` with a name). The
    rest of what other datasets say (the park's other members), and anything about the
    entities the data describes itself, is left out, so that other datasets never turn into
    violations of this import: conflicting facts are warnings instead
    (:func:`actor_conflicts`).
    """
    items = list(triples)
    described = {t.subject for t in items if t.predicate.value == RDF + "type"}
    base = own.minter.base + "id/"
    referenced = sorted(
        {
            node.value
            for t in items
            for node in (t.subject, t.object)
            if isinstance(node, NamedNode) and node not in described and node.value.startswith(base)
        }
    )
    quads: list[Quad] = []
    for node in referenced:
        for graph, triple in node_facts(store, catalogue, node, own):
            if triple.predicate.value not in _IDENTITY:
                continue
            quads.append(Quad(triple.subject, triple.predicate, triple.object, NamedNode(graph)))
    return quads


def actor_conflicts(
    store: Store,
    catalogue: QueryCatalogue,
    names: Mapping[str, tuple[str, int | None]],
    nafs: Mapping[str, tuple[str, int | None]],
    own: DatasetIris,
) -> list[Finding]:
    """Warnings for actors that other datasets name or classify differently."""
    findings: list[Finding] = []
    for actor in sorted(set(names) | set(nafs)):
        facts = node_facts(store, catalogue, actor, own)
        if not facts:
            continue
        mine = names.get(actor)
        if mine is not None:
            findings += _differences(
                actor, mine, facts, _PREF_LABEL, "actor-name-conflict", "actor_name"
            )
        naf = nafs.get(actor)
        if naf is not None:
            findings += _differences(actor, naf, facts, _NAF, "naf-conflict", "naf_code")
    return findings


def _differences(
    actor: str,
    mine: tuple[str, int | None],
    facts: list[tuple[str, Triple]],
    predicate: str,
    rule: str,
    column: str,
) -> list[Finding]:
    """One warning when other datasets give ``actor`` values of which none is ``mine``."""
    value, row = mine
    others: dict[str, str] = {}
    for graph, triple in facts:
        if triple.predicate.value == predicate:
            others.setdefault(_text(triple.object), dataset_of_graph(graph))
    if not others or fold(value) in {fold(text) for text in others}:
        return []
    datasets = ", ".join(sorted(set(others.values())))
    return [
        finding(
            rule,
            row=row,
            column=column,
            value=value,
            other=" / ".join(sorted(others)),
            focus=actor,
            siren=actor.rsplit("/", 1)[-1],
            where=f"jeu de données {datasets}",
            where_en=f"dataset {datasets}",
        )
    ]


def dataset_of_graph(graph: str) -> str:
    """The dataset id of a dataset graph (its confidential part too), else the graph IRI.

    >>> dataset_of_graph("http://h/graph/dataset/demo/confidential")
    'demo'
    """
    _, found, rest = graph.partition("/graph/dataset/")
    return rest.split("/", 1)[0] if found else graph


def _text(term: object) -> str:
    if isinstance(term, NamedNode):
        return term.value.rsplit("/", 1)[-1]
    if isinstance(term, Literal):
        return term.value
    return str(term)
