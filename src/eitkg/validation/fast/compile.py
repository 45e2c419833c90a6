"""Read a SHACL shapes graph into :class:`Shape` objects with their constraints."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from eitkg.errors import ConfigurationError
from eitkg.validation.fast import components as core
from eitkg.validation.fast import logical
from eitkg.validation.fast.index import TripleIndex
from eitkg.validation.fast.model import Constraint, Shape, Targets
from eitkg.validation.fast.paths import read_path
from eitkg.validation.fast.sparql import SparqlConstraint, read_sparql_constraints
from eitkg.validation.fast.terms import (
    RDF_TYPE,
    RDFS_CLASS,
    SH_VIOLATION,
    TRUE,
    Literal,
    NamedNode,
    Term,
    sh,
)

_NODE_SHAPE: Final = sh("NodeShape")
_PROPERTY_SHAPE: Final = sh("PropertyShape")
_TARGETS: Final = (
    sh("targetNode"),
    sh("targetClass"),
    sh("targetSubjectsOf"),
    sh("targetObjectsOf"),
)
_SHAPE_VALUED: Final = (sh("property"), sh("node"), sh("not"), sh("qualifiedValueShape"))
_SHAPE_LISTS: Final = (sh("and"), sh("or"), sh("xone"))
_RANGES: Final = ("minInclusive", "minExclusive", "maxInclusive", "maxExclusive")


def _integer(term: Term, name: str, shape: Term) -> int:
    try:
        return int(term.value)
    except ValueError as error:
        raise ConfigurationError(f"sh:{name} of {shape} must be an integer: {term}") from error


class CompiledShapes:
    """The shapes of a shapes graph: the top-level ones (with targets) and, on demand,
    any node used as a shape by another one."""

    def __init__(self, graph: TripleIndex) -> None:
        custom = graph.subjects(RDF_TYPE, sh("ConstraintComponent"))
        if custom:
            raise ConfigurationError(
                f"custom constraint components ({custom[0]}…) are not supported by the fast "
                "engine: validate with engine='pyshacl'"
            )
        self.graph = graph
        self._shapes: dict[Term, Shape] = {}
        self.roots: list[Shape] = [self.shape_at(node) for node in self._root_nodes()]

    def shape(self, node: Term) -> Shape | None:
        """The shape at ``node`` (compiled on first use)."""
        return self.shape_at(node)

    def shape_at(self, node: Term) -> Shape:
        shape = self._shapes.get(node)
        if shape is None:
            shape = _compile_shape(self.graph, node)
            self._shapes[node] = shape
        return shape

    def _root_nodes(self) -> list[Term]:
        graph = self.graph
        known: dict[Term, None] = {}
        for kind in (_NODE_SHAPE, _PROPERTY_SHAPE):
            known.update(dict.fromkeys(graph.subjects(RDF_TYPE, kind)))
        for predicate in (*_TARGETS, sh("property"), sh("node")):
            known.update(dict.fromkeys(graph.subjects_of(predicate)))
        for predicate in _SHAPE_VALUED:
            known.update(dict.fromkeys(graph.objects_of(predicate)))
        for predicate in _SHAPE_LISTS:
            for head in graph.objects_of(predicate):
                known.update(dict.fromkeys(graph.items(head)))
        return [node for node in known if _targets(graph, node)]


def _is_class(graph: TripleIndex, node: Term) -> bool:
    return any(RDFS_CLASS in graph.superclasses(t) for t in graph.objects(node, RDF_TYPE))


def _targets(graph: TripleIndex, node: Term) -> Targets:
    classes = list(graph.objects(node, sh("targetClass")))
    if _is_class(graph, node) and node not in classes:
        classes.append(node)
    return Targets(
        nodes=tuple(graph.objects(node, sh("targetNode"))),
        classes=tuple(classes),
        subjects_of=tuple(
            p for p in graph.objects(node, sh("targetSubjectsOf")) if isinstance(p, NamedNode)
        ),
        objects_of=tuple(
            p for p in graph.objects(node, sh("targetObjectsOf")) if isinstance(p, NamedNode)
        ),
    )


def _compile_shape(graph: TripleIndex, node: Term) -> Shape:
    path_node = graph.value(node, sh("path"))
    path = read_path(graph, path_node) if path_node is not None else None
    messages = tuple(m for m in graph.objects(node, sh("message")) if isinstance(m, Literal))
    shape = Shape(
        node=node,
        path=path,
        severity=graph.value(node, sh("severity")) or SH_VIOLATION,
        messages=messages,
        deactivated=graph.value(node, sh("deactivated")) == TRUE,
        targets=_targets(graph, node),
    )
    shape.constraints = _constraints(graph, node, is_property=path is not None)
    return shape


def _constraints(graph: TripleIndex, node: Term, *, is_property: bool) -> list[Constraint]:
    found: list[Constraint] = []
    for reader in _READERS:
        found.extend(reader(graph, node, is_property))
    return found


def _cardinality(graph: TripleIndex, node: Term, is_property: bool) -> list[Constraint]:
    if not is_property:
        return []
    found: list[Constraint] = []
    for value in graph.objects(node, sh("minCount")):
        found.append(core.MinCountConstraint(_integer(value, "minCount", node)))
    for value in graph.objects(node, sh("maxCount")):
        found.append(core.MaxCountConstraint(_integer(value, "maxCount", node)))
    return found


def _value_type(graph: TripleIndex, node: Term, is_property: bool) -> list[Constraint]:
    found: list[Constraint] = []
    for kind in graph.objects(node, sh("nodeKind")):
        found.append(core.NodeKindConstraint(kind))
    for datatype in graph.objects(node, sh("datatype")):
        if isinstance(datatype, NamedNode):
            found.append(core.DatatypeConstraint(datatype))
    for members in graph.objects(node, sh("in")):
        found.append(core.InConstraint(graph.items(members)))
    for value in graph.objects(node, sh("hasValue")):
        found.append(core.HasValueConstraint(value))
    for cls in graph.objects(node, sh("class")):
        found.append(core.ClassConstraint(cls))
    return found


def _values(graph: TripleIndex, node: Term, is_property: bool) -> list[Constraint]:
    found: list[Constraint] = []
    for name in _RANGES:
        for bound in graph.objects(node, sh(name)):
            if isinstance(bound, Literal):
                found.append(core.RangeConstraint(name, bound))
    for name in ("minLength", "maxLength"):
        for value in graph.objects(node, sh(name)):
            found.append(core.LengthConstraint(name, _integer(value, name, node)))
    flags = graph.value(node, sh("flags"))
    for pattern in graph.objects(node, sh("pattern")):
        found.append(core.PatternConstraint(pattern.value, flags.value if flags else ""))
    for languages in graph.objects(node, sh("languageIn")):
        found.append(core.LanguageInConstraint([m.value for m in graph.items(languages)]))
    if is_property and graph.value(node, sh("uniqueLang")) == TRUE:
        found.append(core.UniqueLangConstraint())
    return found


def _pairs(graph: TripleIndex, node: Term, is_property: bool) -> list[Constraint]:
    found: list[Constraint] = []
    for predicate in graph.objects(node, sh("equals")):
        if isinstance(predicate, NamedNode):
            found.append(core.EqualsConstraint(predicate))
    for predicate in graph.objects(node, sh("disjoint")):
        if isinstance(predicate, NamedNode):
            found.append(core.DisjointConstraint(predicate))
    if is_property:
        for name, or_equal in (("lessThan", False), ("lessThanOrEquals", True)):
            for predicate in graph.objects(node, sh(name)):
                if isinstance(predicate, NamedNode):
                    found.append(core.LessThanConstraint(predicate, or_equal=or_equal))
    if graph.value(node, sh("closed")) == TRUE:
        allowed: set[Term] = set()
        for property_shape in graph.objects(node, sh("property")):
            path = graph.value(property_shape, sh("path"))
            if isinstance(path, NamedNode):
                allowed.add(path)
        for ignored in graph.objects(node, sh("ignoredProperties")):
            allowed.update(graph.items(ignored))
        found.append(core.ClosedConstraint(allowed))
    return found


def _shape_based(graph: TripleIndex, node: Term, is_property: bool) -> list[Constraint]:
    found: list[Constraint] = []
    for negated in graph.objects(node, sh("not")):
        found.append(logical.NotConstraint(negated))
    for head in graph.objects(node, sh("and")):
        found.append(logical.AndConstraint(graph.items(head)))
    for head in graph.objects(node, sh("or")):
        found.append(logical.OrConstraint(graph.items(head)))
    for head in graph.objects(node, sh("xone")):
        found.append(logical.XoneConstraint(graph.items(head)))
    for shape in graph.objects(node, sh("node")):
        found.append(logical.NodeConstraint(shape))
    if is_property:
        found.extend(_qualified(graph, node))
    for shape in graph.objects(node, sh("property")):
        found.append(logical.PropertyConstraint(shape))
    return found


def _qualified(graph: TripleIndex, node: Term) -> list[Constraint]:
    minimum = graph.value(node, sh("qualifiedMinCount"))
    maximum = graph.value(node, sh("qualifiedMaxCount"))
    if minimum is None and maximum is None:
        return []
    disjoint = graph.value(node, sh("qualifiedValueShapesDisjoint")) == TRUE
    found: list[Constraint] = []
    for shape in graph.objects(node, sh("qualifiedValueShape")):
        siblings: list[Term] = []
        if disjoint:
            for parent in graph.subjects(sh("property"), node):
                for sibling_property in graph.objects(parent, sh("property")):
                    for sibling in graph.objects(sibling_property, sh("qualifiedValueShape")):
                        if sibling != shape and sibling not in siblings:
                            siblings.append(sibling)
        found.append(
            logical.QualifiedConstraint(
                shape,
                None if minimum is None else _integer(minimum, "qualifiedMinCount", node),
                None if maximum is None else _integer(maximum, "qualifiedMaxCount", node),
                siblings,
            )
        )
    return found


def _sparql(graph: TripleIndex, node: Term, is_property: bool) -> list[Constraint]:
    found: list[SparqlConstraint] = read_sparql_constraints(graph, node)
    return list(found)


_READERS: Final[tuple[Callable[[TripleIndex, Term, bool], list[Constraint]], ...]] = (
    _cardinality,
    _value_type,
    _values,
    _pairs,
    _shape_based,
    _sparql,
)
