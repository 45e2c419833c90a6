"""Run compiled shapes over a data graph: targets, value nodes, constraints, conformance."""

from __future__ import annotations

from collections.abc import Collection, Container, Iterable
from typing import Final

from pyoxigraph import Quad, Store

from eitkg.validation.fast.compile import CompiledShapes
from eitkg.validation.fast.index import TripleIndex
from eitkg.validation.fast.model import Pair, Result, Shape
from eitkg.validation.fast.paths import PredicatePath
from eitkg.validation.fast.terms import Term

_NOTHING: Final[tuple[Term, ...]] = ()
_NO_OBJECTS: Final[dict[Term, list[Term]]] = {}


class Run:
    """One validation of a data graph against compiled shapes.

    ``focus_filter`` restricts the target nodes of the top-level shapes (nested shapes
    still look at any node).
    """

    def __init__(
        self,
        graph: TripleIndex,
        shapes: CompiledShapes,
        *,
        focus_filter: Container[Term] | None = None,
    ) -> None:
        self.graph = graph
        self.shapes = shapes
        self.focus_filter = focus_filter
        self._store: Store | None = None
        self._stored: set[Term] | None = set()  # predicates copied to the store; None: all
        self._targets: dict[object, dict[Term, None]] = {}
        self._pairs: dict[tuple[object, object, bool], list[Pair]] = {}
        self._about: dict[object, list[tuple[Term, dict[Term, list[Term]]]]] = {}
        self._conforms: dict[tuple[Term, Term], bool] = {}
        self._active: set[tuple[Term, Term]] = set()
        self._assumed = 0  # how many recursive checks were assumed to conform

    def store(self, predicates: frozenset[Term] | None = None) -> Store:
        """A pyoxigraph store with the data's triples of ``predicates`` (``None``: all).

        SHACL-SPARQL queries whose predicates are all IRIs can only match triples with
        these predicates: copying only those keeps the store small. The store grows when
        a later query needs more.
        """
        if self._store is None:
            self._store = Store()
        stored = self._stored
        if stored is None:
            return self._store
        if predicates is None:
            self._store.bulk_extend(
                Quad(s, p, o)  # type: ignore[arg-type]
                for s, p, o in self.graph.triples()
                if p not in stored
            )
            self._stored = None
            return self._store
        missing = predicates - stored
        if missing:
            self._store.bulk_extend(_quads_of(self.graph, missing))
            stored.update(missing)
        return self._store

    def shape(self, node: Term) -> Shape | None:
        """The compiled shape at ``node`` (``None`` when the node is no shape)."""
        return self.shapes.shape(node)

    def run(self) -> list[Result]:
        """Validate every shape that has targets; return the results."""
        out: list[Result] = []
        for shape in self.shapes.roots:
            if shape.deactivated:
                continue
            for constraint in shape.constraints:
                pairs = self.target_pairs(shape, filled=constraint.per_value)
                constraint.check(self, shape, pairs, out)
        return out

    def targets(self, shape: Shape) -> dict[Term, None]:
        """The focus nodes of ``shape`` from its target declarations, filtered."""
        known = self._targets.get(shape.targets)
        if known is not None:
            return known
        graph = self.graph
        found: dict[Term, None] = dict.fromkeys(shape.targets.nodes)
        for cls in shape.targets.classes:
            found.update(dict.fromkeys(graph.instances(cls)))
        for predicate in shape.targets.subjects_of:
            found.update(dict.fromkeys(graph.subjects_of(predicate)))
        for predicate in shape.targets.objects_of:
            found.update(dict.fromkeys(graph.objects_of(predicate)))
        keep = self.focus_filter
        if keep is not None:
            found = {node: None for node in found if node in keep}
        self._targets[shape.targets] = found
        return found

    def target_pairs(self, shape: Shape, *, filled: bool) -> list[Pair]:
        """The focus nodes of a top-level shape with their value nodes; with ``filled``, only
        those that have values (shared by the shapes with the same targets and path)."""
        path = shape.path
        key = (shape.targets, path.sparql() if path is not None else None, filled)
        known = self._pairs.get(key)
        if known is not None:
            return known
        if isinstance(path, PredicatePath):
            predicate = path.predicate
            described = self._described(shape)
            if filled:
                known = [(n, v) for n, d in described if (v := d.get(predicate))]
            else:
                known = [(n, d.get(predicate, _NOTHING)) for n, d in described]
        elif filled:
            known = [pair for pair in self.target_pairs(shape, filled=False) if pair[1]]
        else:
            known = self.pairs(shape, self.targets(shape))
        self._pairs[key] = known
        return known

    def _described(self, shape: Shape) -> list[tuple[Term, dict[Term, list[Term]]]]:
        """The focus nodes of a top-level shape with their predicates and objects."""
        known = self._about.get(shape.targets)
        if known is None:
            spo = self.graph.spo
            known = [(node, spo.get(node) or _NO_OBJECTS) for node in self.targets(shape)]
            self._about[shape.targets] = known
        return known

    def pairs(self, shape: Shape, focus: Iterable[Term]) -> list[Pair]:
        """Each focus node with its value nodes."""
        path = shape.path
        if path is None:
            return [(node, (node,)) for node in focus]
        if isinstance(path, PredicatePath):
            spo = self.graph.spo
            predicate = path.predicate
            pairs: list[Pair] = []
            for node in focus:
                by_predicate = spo.get(node)
                pairs.append(
                    (node, by_predicate.get(predicate, _NOTHING) if by_predicate else _NOTHING)
                )
            return pairs
        return [(node, path.values(self.graph, node)) for node in focus]

    def validate(self, shape: Shape, focus: Collection[Term], out: list[Result]) -> None:
        """Check ``shape`` on every node of ``focus``, appending results to ``out``."""
        if shape.deactivated or not focus:
            return
        pairs = self.pairs(shape, focus)
        for constraint in shape.constraints:
            constraint.check(self, shape, pairs, out)

    def results_for(self, node: Term, focus: Term) -> list[Result] | None:
        """The results of validating ``focus`` against the shape at ``node``; ``None`` if it
        conforms (a recursive check of the same node against the same shape conforms)."""
        shape = self.shapes.shape(node)
        if shape is None or shape.deactivated:
            return None
        key = (node, focus)
        if key in self._active:
            self._assumed += 1
            return None
        assumed = self._assumed
        self._active.add(key)
        try:
            out: list[Result] = []
            self.validate(shape, (focus,), out)
        finally:
            self._active.discard(key)
        if assumed == self._assumed:
            self._conforms[key] = not out
        return out or None

    def conforms(self, node: Term, focus: Term) -> bool:
        """Whether ``focus`` conforms to the shape at ``node`` (any result is a failure)."""
        key = (node, focus)
        known = self._conforms.get(key)
        if known is not None:
            return known
        shape = self.shapes.shape(node)
        if shape is None or shape.deactivated:
            return True
        if key in self._active:
            self._assumed += 1
            return True
        assumed = self._assumed
        self._active.add(key)
        try:
            out: list[Result] = []
            pairs = self.pairs(shape, (focus,))
            for constraint in shape.constraints:
                constraint.check(self, shape, pairs, out)
                if out:
                    break
        finally:
            self._active.discard(key)
        if assumed == self._assumed:  # not cached when it relied on a recursive assumption
            self._conforms[key] = not out
        return not out


def _quads_of(graph: TripleIndex, predicates: Collection[Term]) -> Iterable[Quad]:
    for s, by_predicate in graph.spo.items():
        for p in predicates:
            objects = by_predicate.get(p)
            if objects:
                for o in objects:
                    yield Quad(s, p, o)  # type: ignore[arg-type]
