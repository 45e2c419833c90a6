"""SHACL property paths, read from a shapes graph and walked over a :class:`TripleIndex`.

Every path also renders as SPARQL 1.1 property-path text, for ``$PATH`` in SHACL-SPARQL
constraints. That text is generated only from the IRIs of the shapes graph, never from
data values: ``str(NamedNode)`` is its N-Triples form, with ``<``, ``>`` and the other
characters IRIs cannot hold already escaped by pyoxigraph.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from pyoxigraph import Literal, NamedNode

from eitkg.errors import ConfigurationError
from eitkg.validation.fast.index import TripleIndex
from eitkg.validation.fast.terms import Term, sh

_INVERSE = sh("inversePath")
_ALTERNATIVE = sh("alternativePath")
_ZERO_OR_MORE = sh("zeroOrMorePath")
_ONE_OR_MORE = sh("oneOrMorePath")
_ZERO_OR_ONE = sh("zeroOrOnePath")


class Path:
    """A property path: the nodes it reaches from a node, forwards and backwards."""

    __slots__ = ("node",)

    def __init__(self, node: Term) -> None:
        self.node = node  # the path's node in the shapes graph (for sh:resultPath)

    def values(self, graph: TripleIndex, start: Term) -> Collection[Term]:
        """The nodes reached from ``start``."""
        raise NotImplementedError

    def inverse(self, graph: TripleIndex, start: Term) -> Collection[Term]:
        """The nodes from which ``start`` is reached."""
        raise NotImplementedError

    def sparql(self) -> str:
        """The path in SPARQL syntax (always safe to embed: parenthesised when composite)."""
        raise NotImplementedError

    def predicates(self) -> set[NamedNode]:
        """Every predicate the path uses."""
        raise NotImplementedError


class PredicatePath(Path):
    """A single IRI."""

    __slots__ = ("predicate",)

    def __init__(self, node: NamedNode) -> None:
        super().__init__(node)
        self.predicate = node

    def values(self, graph: TripleIndex, start: Term) -> Collection[Term]:
        by_predicate = graph.spo.get(start)
        return by_predicate.get(self.predicate, ()) if by_predicate else ()

    def inverse(self, graph: TripleIndex, start: Term) -> Collection[Term]:
        return graph.subjects(self.predicate, start)

    def sparql(self) -> str:
        return str(self.predicate)

    def predicates(self) -> set[NamedNode]:
        return {self.predicate}


class InversePath(Path):
    """``sh:inversePath``."""

    __slots__ = ("inner",)

    def __init__(self, node: Term, inner: Path) -> None:
        super().__init__(node)
        self.inner = inner

    def values(self, graph: TripleIndex, start: Term) -> Collection[Term]:
        return self.inner.inverse(graph, start)

    def inverse(self, graph: TripleIndex, start: Term) -> Collection[Term]:
        return self.inner.values(graph, start)

    def sparql(self) -> str:
        return f"(^{self.inner.sparql()})"

    def predicates(self) -> set[NamedNode]:
        return self.inner.predicates()


class SequencePath(Path):
    """An RDF list of paths, followed one after the other."""

    __slots__ = ("_predicates", "steps")

    def __init__(self, node: Term, steps: list[Path]) -> None:
        super().__init__(node)
        self.steps = steps
        chain = [step.predicate for step in steps if isinstance(step, PredicatePath)]
        self._predicates = chain if len(chain) == len(steps) else None

    def values(self, graph: TripleIndex, start: Term) -> Collection[Term]:
        if self._predicates is not None:  # the common case, a chain of IRIs
            spo = graph.spo
            nodes: list[Term] = [start]
            for predicate in self._predicates:
                chained: list[Term] = []
                for node in nodes:
                    by_predicate = spo.get(node)
                    if by_predicate:
                        chained.extend(by_predicate.get(predicate, ()))
                nodes = chained
            return nodes if len(nodes) < 2 else list(dict.fromkeys(nodes))
        current: Collection[Term] = (start,)
        for step in self.steps:
            following: dict[Term, None] = {}
            for node in current:
                for reached in step.values(graph, node):
                    following[reached] = None
            current = following.keys()
        return current

    def inverse(self, graph: TripleIndex, start: Term) -> Collection[Term]:
        return _fold(graph, [start], [(step, True) for step in reversed(self.steps)])

    def sparql(self) -> str:
        return "(" + "/".join(step.sparql() for step in self.steps) + ")"

    def predicates(self) -> set[NamedNode]:
        return set().union(*(step.predicates() for step in self.steps))


class AlternativePath(Path):
    """``sh:alternativePath``: the union of its members."""

    __slots__ = ("members",)

    def __init__(self, node: Term, members: list[Path]) -> None:
        super().__init__(node)
        self.members = members

    def values(self, graph: TripleIndex, start: Term) -> Collection[Term]:
        found: list[Term] = []
        for member in self.members:
            found.extend(member.values(graph, start))
        return found if len(found) < 2 else list(dict.fromkeys(found))

    def inverse(self, graph: TripleIndex, start: Term) -> Collection[Term]:
        found: dict[Term, None] = {}
        for member in self.members:
            found.update(dict.fromkeys(member.inverse(graph, start)))
        return found.keys()

    def sparql(self) -> str:
        return "(" + "|".join(member.sparql() for member in self.members) + ")"

    def predicates(self) -> set[NamedNode]:
        return set().union(*(member.predicates() for member in self.members))


class RepeatPath(Path):
    """``sh:zeroOrMorePath``, ``sh:oneOrMorePath`` or ``sh:zeroOrOnePath``."""

    __slots__ = ("inner", "least", "most")

    def __init__(self, node: Term, inner: Path, *, least: int, most: int | None) -> None:
        super().__init__(node)
        self.inner = inner
        self.least = least
        self.most = most

    def values(self, graph: TripleIndex, start: Term) -> Collection[Term]:
        return self._walk(graph, start, inverse=False)

    def inverse(self, graph: TripleIndex, start: Term) -> Collection[Term]:
        return self._walk(graph, start, inverse=True)

    def _walk(self, graph: TripleIndex, start: Term, *, inverse: bool) -> Collection[Term]:
        step = self.inner.inverse if inverse else self.inner.values
        found: dict[Term, None] = {start: None} if self.least == 0 else {}
        frontier = [start]
        seen = {start}
        while frontier:
            following = []
            for node in frontier:
                for reached in step(graph, node):
                    found[reached] = None
                    if reached not in seen:
                        seen.add(reached)
                        following.append(reached)
            if self.most == 1:
                break
            frontier = following
        return found.keys()

    def sparql(self) -> str:
        suffix = "?" if self.most == 1 else ("*" if self.least == 0 else "+")
        return f"({self.inner.sparql()}){suffix}"

    def predicates(self) -> set[NamedNode]:
        return self.inner.predicates()


def _fold(graph: TripleIndex, starts: Iterable[Term], steps: list[tuple[Path, bool]]) -> list[Term]:
    current: dict[Term, None] = dict.fromkeys(starts)
    for step, backwards in steps:
        following: dict[Term, None] = {}
        for node in current:
            reached = step.inverse(graph, node) if backwards else step.values(graph, node)
            following.update(dict.fromkeys(reached))
        current = following
    return list(current)


def read_path(shapes: TripleIndex, node: Term, *, depth: int = 0) -> Path:
    """The path described at ``node`` in the shapes graph."""
    if depth > 32:
        raise ConfigurationError(f"SHACL path nested too deeply at {node}")
    if isinstance(node, NamedNode):
        return PredicatePath(node)
    if isinstance(node, Literal):
        raise ConfigurationError(f"a SHACL path cannot be a literal: {node}")
    members = shapes.items(node)
    if members:
        steps = [read_path(shapes, member, depth=depth + 1) for member in members]
        return steps[0] if len(steps) == 1 else SequencePath(node, steps)
    for predicate, kind in (
        (_INVERSE, "inverse"),
        (_ALTERNATIVE, "alternative"),
        (_ZERO_OR_MORE, "*"),
        (_ONE_OR_MORE, "+"),
        (_ZERO_OR_ONE, "?"),
    ):
        target = shapes.value(node, predicate)
        if target is None:
            continue
        if kind == "inverse":
            return InversePath(node, read_path(shapes, target, depth=depth + 1))
        if kind == "alternative":
            options = [read_path(shapes, m, depth=depth + 1) for m in shapes.items(target)]
            if not options:
                raise ConfigurationError(f"sh:alternativePath needs a non-empty list at {node}")
            return AlternativePath(node, options)
        inner = read_path(shapes, target, depth=depth + 1)
        least = 1 if kind == "+" else 0
        return RepeatPath(node, inner, least=least, most=1 if kind == "?" else None)
    raise ConfigurationError(f"not a SHACL property path: {node}")
