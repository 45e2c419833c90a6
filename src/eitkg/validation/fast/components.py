"""SHACL Core constraint components that look at values, counts, strings and property pairs.

Each class checks every (focus node, value nodes) pair of a shape in one loop, and
follows pyshacl's reading of the specification where the two could differ (see
:mod:`eitkg.validation.fast.literals`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from eitkg.validation.fast import literals
from eitkg.validation.fast.model import Pair, Result, Shape
from eitkg.validation.fast.terms import (
    RDF_TYPE,
    RDFS_RESOURCE,
    BlankNode,
    Literal,
    NamedNode,
    Term,
    sh,
)

if TYPE_CHECKING:
    from eitkg.validation.fast.engine import Run

_KINDS: Final[dict[str, frozenset[type]]] = {
    "IRI": frozenset({NamedNode}),
    "BlankNode": frozenset({BlankNode}),
    "Literal": frozenset({Literal}),
    "BlankNodeOrIRI": frozenset({BlankNode, NamedNode}),
    "BlankNodeOrLiteral": frozenset({BlankNode, Literal}),
    "IRIOrLiteral": frozenset({NamedNode, Literal}),
}


class ClassConstraint:
    """``sh:class``: every value is a SHACL instance of the class."""

    per_value = True

    component = sh("ClassConstraintComponent")

    def __init__(self, cls: Term) -> None:
        self.cls = cls

    def check(self, run: Run, shape: Shape, pairs: Sequence[Pair], out: list[Result]) -> None:
        graph = run.graph
        subclasses = graph.subclasses(self.cls)
        types_of = graph.spo
        known: dict[Term, bool] = {}  # many focus nodes share their values (a site, a unit)
        for focus, values in pairs:
            for value in values:
                ok = known.get(value)
                if ok is None:
                    by_predicate = types_of.get(value)
                    types = by_predicate.get(RDF_TYPE) if by_predicate else None
                    ok = known[value] = bool(types) and not subclasses.isdisjoint(types or ())
                if not ok:
                    out.append(Result(shape, focus, value, self.component))


class DatatypeConstraint:
    """``sh:datatype``: every value is a well-formed literal of the datatype."""

    per_value = True

    component = sh("DatatypeConstraintComponent")

    def __init__(self, datatype: NamedNode) -> None:
        self.datatype = datatype

    def check(self, run: Run, shape: Shape, pairs: Sequence[Pair], out: list[Result]) -> None:
        rule = self.datatype
        matches = literals.datatype_matches
        well_formed = literals.well_formed
        for focus, values in pairs:
            for value in values:
                if type(value) is Literal and value.datatype == rule:
                    if well_formed(value):
                        continue
                elif matches(value, rule):
                    continue
                out.append(Result(shape, focus, value, self.component))


class NodeKindConstraint:
    """``sh:nodeKind``."""

    per_value = True

    component = sh("NodeKindConstraintComponent")

    def __init__(self, kind: Term) -> None:
        local = kind.value.removeprefix(sh("").value)
        self.allowed: frozenset[type] = _KINDS.get(local, frozenset())

    def check(self, run: Run, shape: Shape, pairs: Sequence[Pair], out: list[Result]) -> None:
        allowed = self.allowed
        for focus, values in pairs:
            for value in values:
                if type(value) not in allowed:
                    out.append(Result(shape, focus, value, self.component))


class MinCountConstraint:
    """``sh:minCount``."""

    per_value = False

    component = sh("MinCountConstraintComponent")

    def __init__(self, count: int) -> None:
        self.count = count

    def check(self, run: Run, shape: Shape, pairs: Sequence[Pair], out: list[Result]) -> None:
        count = self.count
        for focus, values in pairs:
            if len(values) < count:
                out.append(Result(shape, focus, None, self.component))


class MaxCountConstraint:
    """``sh:maxCount``."""

    per_value = True

    component = sh("MaxCountConstraintComponent")

    def __init__(self, count: int) -> None:
        self.count = count

    def check(self, run: Run, shape: Shape, pairs: Sequence[Pair], out: list[Result]) -> None:
        count = self.count
        for focus, values in pairs:
            if len(values) > count:
                out.append(Result(shape, focus, None, self.component))


class RangeConstraint:
    """``sh:minInclusive``, ``sh:minExclusive``, ``sh:maxInclusive``, ``sh:maxExclusive``."""

    per_value = True

    _ACCEPTED: Final[dict[str, frozenset[int]]] = {
        "minInclusive": frozenset({0, 1}),
        "minExclusive": frozenset({1}),
        "maxInclusive": frozenset({-1, 0}),
        "maxExclusive": frozenset({-1}),
    }

    def __init__(self, name: str, bound: Literal) -> None:
        self.component = sh(name[0].upper() + name[1:] + "ConstraintComponent")
        self.accepted = self._ACCEPTED[name]
        self.bound = bound

    def check(self, run: Run, shape: Shape, pairs: Sequence[Pair], out: list[Result]) -> None:
        compare = literals.compare
        bound, accepted = self.bound, self.accepted
        for focus, values in pairs:
            for value in values:
                if compare(value, bound) not in accepted:
                    out.append(Result(shape, focus, value, self.component))


class LengthConstraint:
    """``sh:minLength`` and ``sh:maxLength`` (blank nodes always fail, except a minimum of 0)."""

    per_value = True

    def __init__(self, name: str, length: int) -> None:
        self.component = sh(name[0].upper() + name[1:] + "ConstraintComponent")
        self.minimum = name == "minLength"
        self.length = length

    def check(self, run: Run, shape: Shape, pairs: Sequence[Pair], out: list[Result]) -> None:
        if self.minimum and self.length == 0:
            return
        text = literals.text
        for focus, values in pairs:
            for value in values:
                if type(value) is BlankNode:
                    ok = False
                elif self.minimum:
                    ok = len(text(value)) >= self.length
                else:
                    ok = len(text(value)) <= self.length
                if not ok:
                    out.append(Result(shape, focus, value, self.component))


def regex_flags(flags: str) -> int:
    """Python ``re`` flags for SHACL (XPath) regex flags ``i``, ``m``, ``s`` and ``x``."""
    result = 0
    for letter, flag in (("i", re.I), ("m", re.M), ("s", re.S), ("x", re.X)):
        if letter in flags:
            result |= flag
    return result


class PatternConstraint:
    """``sh:pattern`` (+ ``sh:flags``): a regex search on the string form; blank nodes fail."""

    per_value = True

    component = sh("PatternConstraintComponent")

    def __init__(self, pattern: str, flags: str) -> None:
        if "q" in flags:
            pattern = re.escape(pattern)
        self.regex = re.compile(pattern, regex_flags(flags))
        self._seen: dict[Term, bool] = {}

    def check(self, run: Run, shape: Shape, pairs: Sequence[Pair], out: list[Result]) -> None:
        seen = self._seen
        search = self.regex.search
        text = literals.text
        for focus, values in pairs:
            for value in values:
                ok = seen.get(value)
                if ok is None:
                    ok = type(value) is not BlankNode and search(text(value)) is not None
                    if len(seen) < 100_000:
                        seen[value] = ok
                if not ok:
                    out.append(Result(shape, focus, value, self.component))


def lang_matches(tag: str, ranges: frozenset[str]) -> bool:
    """SPARQL ``langMatches`` (basic filtering) of a language tag against several ranges."""
    if not tag:
        return False
    tag = tag.lower()
    return "*" in ranges or any(tag == r or tag.startswith(r + "-") for r in ranges)


class LanguageInConstraint:
    """``sh:languageIn``."""

    per_value = True

    component = sh("LanguageInConstraintComponent")

    def __init__(self, languages: list[str]) -> None:
        self.ranges = frozenset(language.lower() for language in languages)

    def check(self, run: Run, shape: Shape, pairs: Sequence[Pair], out: list[Result]) -> None:
        for focus, values in pairs:
            for value in values:
                language = value.language if type(value) is Literal else None
                if not language or not lang_matches(language, self.ranges):
                    out.append(Result(shape, focus, value, self.component))


class UniqueLangConstraint:
    """``sh:uniqueLang true``: one result per language tag used twice (case-insensitive)."""

    per_value = True

    component = sh("UniqueLangConstraintComponent")

    def check(self, run: Run, shape: Shape, pairs: Sequence[Pair], out: list[Result]) -> None:
        for focus, values in pairs:
            if len(values) < 2:
                continue
            seen: set[str] = set()
            duplicates: dict[str, None] = {}
            for value in values:
                if type(value) is Literal and value.language:
                    language = value.language.lower()
                    if language in seen:
                        duplicates[language] = None
                    seen.add(language)
            for _ in duplicates:
                out.append(Result(shape, focus, None, self.component))


class EqualsConstraint:
    """``sh:equals``: the values and the objects of the property are the same set."""

    per_value = False

    component = sh("EqualsConstraintComponent")

    def __init__(self, predicate: NamedNode) -> None:
        self.predicate = predicate

    def check(self, run: Run, shape: Shape, pairs: Sequence[Pair], out: list[Result]) -> None:
        for focus, values in pairs:
            others = run.graph.objects(focus, self.predicate)
            mine = set(values)
            for value in values:
                if value not in others:
                    out.append(Result(shape, focus, value, self.component))
            for other in others:
                if other not in mine:
                    out.append(Result(shape, focus, other, self.component))


class DisjointConstraint:
    """``sh:disjoint``: no value is also an object of the property."""

    per_value = True

    component = sh("DisjointConstraintComponent")

    def __init__(self, predicate: NamedNode) -> None:
        self.predicate = predicate

    def check(self, run: Run, shape: Shape, pairs: Sequence[Pair], out: list[Result]) -> None:
        for focus, values in pairs:
            others = run.graph.objects(focus, self.predicate)
            if not others:
                continue
            for value in values:
                if value in others:
                    out.append(Result(shape, focus, value, self.component))


class LessThanConstraint:
    """``sh:lessThan`` and ``sh:lessThanOrEquals``: one result per failing pair."""

    per_value = True

    def __init__(self, predicate: NamedNode, *, or_equal: bool) -> None:
        name = "LessThanOrEquals" if or_equal else "LessThan"
        self.component = sh(name + "ConstraintComponent")
        self.predicate = predicate
        self.or_equal = or_equal

    def check(self, run: Run, shape: Shape, pairs: Sequence[Pair], out: list[Result]) -> None:
        less_than = literals.less_than
        for focus, values in pairs:
            others = run.graph.objects(focus, self.predicate)
            if not others:
                continue
            for value in values:
                for other in others:
                    if not less_than(value, other, or_equal=self.or_equal):
                        out.append(Result(shape, focus, value, self.component))


class InConstraint:
    """``sh:in``."""

    per_value = True

    component = sh("InConstraintComponent")

    def __init__(self, members: list[Term]) -> None:
        self.members = frozenset(members)

    def check(self, run: Run, shape: Shape, pairs: Sequence[Pair], out: list[Result]) -> None:
        members = self.members
        for focus, values in pairs:
            for value in values:
                if value not in members:
                    out.append(Result(shape, focus, value, self.component))


class HasValueConstraint:
    """``sh:hasValue``: a result without value when the term is not among the values."""

    per_value = False

    component = sh("HasValueConstraintComponent")

    def __init__(self, value: Term) -> None:
        self.value = value

    def check(self, run: Run, shape: Shape, pairs: Sequence[Pair], out: list[Result]) -> None:
        for focus, values in pairs:
            if self.value not in values:
                out.append(Result(shape, focus, None, self.component))


class ClosedConstraint:
    """``sh:closed true``: every other property of a value node is a result (path, value)."""

    per_value = True

    component = sh("ClosedConstraintComponent")

    def __init__(self, allowed: set[Term]) -> None:
        self.allowed = frozenset(allowed)

    def check(self, run: Run, shape: Shape, pairs: Sequence[Pair], out: list[Result]) -> None:
        for focus, values in pairs:
            for value in values:
                for predicate, objects in run.graph.about(value).items():
                    if predicate in self.allowed:
                        continue
                    for obj in objects:
                        if predicate == RDF_TYPE and obj == RDFS_RESOURCE:
                            continue
                        out.append(Result(shape, focus, obj, self.component, path=predicate))
