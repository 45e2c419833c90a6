"""Build a store from what eitkg ships: ontology, vocabularies, shapes and the demo territory."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import NamedNode

from eitkg.namespaces import eitg
from eitkg.rdf.confidential import split_confidential
from eitkg.rdf.io import RdfSource, iter_quads
from eitkg.rdf.iris import IriMinter
from eitkg.resources import demo_dir, ontology_dir, shapes_dir, vocab_dir
from eitkg.store.base import Store
from eitkg.store.graphs import confidential_graph

DEMO_DATASET = "demo"


@dataclass(frozen=True)
class SeedGraph:
    """A shipped file and the graph it goes to."""

    path: Path
    graph: NamedNode


def shipped_graphs(base_iri: str, *, demo: bool) -> list[SeedGraph]:
    """The shipped files and their graphs, in load order."""
    seeds = [SeedGraph(p, eitg("ontology")) for p in sorted(ontology_dir().glob("*.ttl"))]
    seeds += [SeedGraph(p, eitg(f"vocab/{p.stem}")) for p in sorted(vocab_dir().glob("*.ttl"))]
    seeds += [SeedGraph(p, eitg("shapes")) for p in sorted(shapes_dir().glob("*.ttl"))]
    if demo:
        graph = IriMinter(base_iri).dataset_graph(DEMO_DATASET)
        seeds += [SeedGraph(p, graph) for p in sorted(demo_dir().glob("*.ttl"))]
    return seeds


def seed_store(
    store: Store,
    base_iri: str,
    *,
    demo: bool = True,
    progress: Callable[[SeedGraph, int], None] | None = None,
) -> dict[str, int]:
    """Replace each shipped graph by the content of its files; returns triples per graph.

    Running it twice gives the same store: each graph is replaced whole, atomically.
    """
    by_graph: dict[str, list[Path]] = {}
    for seed in shipped_graphs(base_iri, demo=demo):
        by_graph.setdefault(seed.graph.value, []).append(seed.path)
    counts: dict[str, int] = {}
    for graph_iri, paths in by_graph.items():
        graph = NamedNode(graph_iri)
        quads = [
            quad
            for path in paths
            for quad in iter_quads(RdfSource.from_path(path), base_iri=base_iri, graph=graph)
        ]
        if graph_iri.startswith(base_iri):  # instance data: confidential flows kept apart
            secret_graph = confidential_graph(graph)
            quads, secret = split_confidential(quads, secret_graph)
            store.replace_graph(secret_graph, secret)
            counts[secret_graph.value] = len(secret)
        store.replace_graph(graph, quads)
        counts[graph_iri] = len(quads)
        if progress is not None:
            for path in paths:
                progress(SeedGraph(path, graph), len(quads))
    return counts
