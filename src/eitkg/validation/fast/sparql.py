"""SHACL-SPARQL constraints (``sh:sparql`` with ``sh:select``), run by pyoxigraph.

pyshacl runs each query once per focus node with ``$this`` pre-bound. Here a query is
run once over the whole data when that gives the same solutions: when ``$this`` is
projected, bound by a triple pattern in every branch, and only used where it is already
bound (checked on the query's algebra, see :func:`runs_once`); its solutions are then
kept for the focus nodes of the shape. Other queries run once per focus node with
pyoxigraph ``substitutions`` (SEP-0007 pre-binding).

The query text comes from the shapes graph; ``$PATH`` is replaced by the SPARQL form of
the shape's path, which :mod:`eitkg.validation.fast.paths` writes from the shapes'
IRIs only. Data values never enter the text: the focus node is a substitution.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Final

from pyoxigraph import QuerySolutions, Variable
from rdflib import URIRef
from rdflib.paths import AlternativePath, InvPath, MulPath, SequencePath
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Variable as RdfVariable

from eitkg.errors import ConfigurationError
from eitkg.namespaces import OWL, RDF, RDFS, XSD
from eitkg.validation.fast.index import TripleIndex
from eitkg.validation.fast.literals import as_rdflib
from eitkg.validation.fast.model import Pair, Result, Shape
from eitkg.validation.fast.terms import (
    RDF_LANG_STRING,
    RDF_TYPE,
    TRUE,
    XSD_STRING,
    Literal,
    NamedNode,
    Term,
    sh,
)

if TYPE_CHECKING:
    from eitkg.validation.fast.engine import Run

_PATH_VARIABLE: Final = re.compile(r"([\s{}()])[$?]PATH")
_UNSUPPORTED_VARIABLE: Final = re.compile(r"[$?](currentShape|shapesGraph)\b")
_THIS: Final = Variable("this")
_RDF_THIS: Final = RdfVariable("this")
_ONTOLOGY: Final = NamedNode(OWL + "Ontology")
_DEFAULT_PREFIXES: Final = {"rdf": RDF, "rdfs": RDFS, "owl": OWL}
#: Below this many focus nodes, one query per node costs less than one global query.
_PER_NODE_BELOW: Final = 4
_NUMERIC: Final[dict[str, Any]] = {
    XSD + "decimal": Decimal,
    XSD + "integer": int,
    XSD + "double": float,
    XSD + "float": float,
}


class SparqlConstraint:
    """One ``sh:sparql`` constraint of a shape."""

    per_value = False

    component = sh("SPARQLConstraintComponent")

    def __init__(
        self, node: Term, select: str, prefixes: dict[str, str], messages: tuple[Literal, ...]
    ) -> None:
        self.node = node
        self.select = select
        self.prefixes = prefixes
        self.messages = messages
        self._texts: dict[str, tuple[str, bool, frozenset[Term] | None]] = {}

    def text(self, shape: Shape) -> tuple[str, bool, frozenset[Term] | None]:
        """The query for ``shape`` (``$PATH`` replaced), whether it may run once for all
        focus nodes, and the predicates it can match (``None``: any)."""
        key = shape.path.sparql() if shape.path is not None else ""
        found = self._texts.get(key)
        if found is None:
            if shape.path is not None:
                path = shape.path.sparql()
                text = _PATH_VARIABLE.sub(lambda m: m.group(1) + path, self.select)
            elif _PATH_VARIABLE.search(self.select):
                raise ConfigurationError(f"$PATH in the SPARQL constraint of node shape {shape}")
            else:
                text = self.select
            once, predicates = analyse(text, self.prefixes)
            found = (text, once, predicates)
            self._texts[key] = found
        return found

    def check(self, run: Run, shape: Shape, pairs: Sequence[Pair], out: list[Result]) -> None:
        focus = [node for node, _ in pairs]
        text, once, predicates = self.text(shape)
        rows: list[tuple[Term, dict[str, Term]]] = []
        if once and len(focus) >= _PER_NODE_BELOW:
            wanted = set(focus)
            for solution_this, bindings in self._solutions(run, text, predicates, None):
                if solution_this is None:  # a solution without $this: pre-bind instead
                    rows = []
                    break
                if solution_this in wanted:
                    rows.append((solution_this, bindings))
            else:
                self._emit(run, shape, rows, out)
                return
        for node in focus:
            rows.extend((node, b) for _, b in self._solutions(run, text, predicates, node))
        self._emit(run, shape, rows, out)

    def _solutions(
        self, run: Run, text: str, predicates: frozenset[Term] | None, node: Term | None
    ) -> list[tuple[Term | None, dict[str, Term]]]:
        try:
            solutions = run.store(predicates).query(
                text,
                prefixes=self.prefixes,
                substitutions=None if node is None else {_THIS: node},
            )
        except (SyntaxError, RuntimeError) as error:
            raise ConfigurationError(f"SPARQL constraint {self.node}: {error}") from error
        assert isinstance(solutions, QuerySolutions)
        variables = solutions.variables
        found = []
        for solution in solutions:
            bindings = {v.value: solution[v] for v in variables if solution[v] is not None}
            found.append((bindings.get("this", node), bindings))
        return found

    def _emit(
        self, run: Run, shape: Shape, rows: list[tuple[Term, dict[str, Term]]], out: list[Result]
    ) -> None:
        seen: set[tuple[Term, frozenset[tuple[str, Term]]]] = set()
        for focus, bindings in rows:
            key = (focus, frozenset(bindings.items()))
            if key in seen:
                continue
            seen.add(key)
            restored = {name: _restore(run.graph, focus, term) for name, term in bindings.items()}
            restored.pop("this", None)
            failure = restored.pop("failure", None)
            value = restored.get("value")
            if value is None and shape.path is None:
                value = focus
            path = restored.get("path") if failure is None else None
            variables = {"this": focus, **restored}
            if value is not None:
                variables["value"] = value
            out.append(
                Result(
                    shape,
                    focus,
                    value,
                    self.component,
                    path=path,
                    source_constraint=self.node,
                    messages=self._messages(shape, variables),
                )
            )

    def _messages(self, shape: Shape, variables: dict[str, Term]) -> tuple[Literal, ...]:
        texts = [*self.messages, *(m for m in shape.messages if m not in self.messages)]
        return tuple(_fill(message, variables) for message in texts)


def _fill(message: Literal, variables: dict[str, Term]) -> Literal:
    """``{?var}`` and ``{$var}`` replaced by the values (as pyshacl writes them)."""
    text = message.value
    for name, term in variables.items():
        rendered = str(as_rdflib(term))
        text = re.sub("{[?$]" + re.escape(name) + "}", _constant(rendered), text)
    if message.language:
        return Literal(text, language=message.language)
    return Literal(text)


def _constant(text: str) -> Callable[[re.Match[str]], str]:
    """A ``re.sub`` replacement taken as is (no backslash escapes processed)."""
    return lambda _match: text


def _value_key(term: Literal) -> object:
    converter = _NUMERIC.get(term.datatype.value)
    if converter is not None:
        try:
            return converter(term.value)
        except (ValueError, InvalidOperation):
            return term.value
    if term.datatype.value == XSD + "boolean":
        return term.value in ("true", "1")
    return term.value


def _restore(graph: TripleIndex, focus: Term, term: Term) -> Term:
    """The data's own form of a literal the store gave back canonicalised ("95" for "95.0").

    pyoxigraph stores numbers in canonical form; pyshacl shows them as written. The literal
    is looked up among the values up to two hops from the focus node.
    """
    if type(term) is not Literal or term.datatype in (XSD_STRING, RDF_LANG_STRING):
        return term
    key = _value_key(term)
    datatype = term.datatype
    nearby: list[Term] = [focus]
    for objects in graph.about(focus).values():
        nearby.extend(objects)
    for node in list(nearby):
        for objects in graph.about(node).values():
            for candidate in objects:
                if candidate == term:
                    return term
                if (
                    type(candidate) is Literal
                    and candidate.datatype == datatype
                    and _value_key(candidate) == key
                ):
                    return candidate
    return term


def read_sparql_constraints(graph: TripleIndex, shape: Term) -> list[SparqlConstraint]:
    """The active ``sh:sparql`` constraints of the shape at ``shape``."""
    found = []
    for node in graph.objects(shape, sh("sparql")):
        if graph.value(node, sh("deactivated")) == TRUE:
            continue
        select = graph.value(node, sh("select"))
        if not isinstance(select, Literal):
            raise ConfigurationError(f"the SPARQL constraint {node} of {shape} has no sh:select")
        unsupported = _UNSUPPORTED_VARIABLE.search(select.value)
        if unsupported:
            raise ConfigurationError(
                f"the SPARQL constraint {node} of {shape} uses ${unsupported.group(1)}, which the "
                "fast engine does not pre-bind: validate with engine='pyshacl'"
            )
        messages = tuple(m for m in graph.objects(node, sh("message")) if isinstance(m, Literal))
        found.append(SparqlConstraint(node, select.value, _prefixes(graph, node), messages))
    return found


def _prefixes(graph: TripleIndex, node: Term) -> dict[str, str]:
    """The prefixes of ``sh:prefixes`` (their ``sh:declare``), as pyshacl collects them."""
    prefixes = dict(_DEFAULT_PREFIXES)
    ontologies = graph.subjects(RDF_TYPE, _ONTOLOGY)
    every_ontology = [d for o in ontologies for d in graph.objects(o, sh("declare"))]
    for source in graph.objects(node, sh("prefixes")):
        own = list(graph.objects(source, sh("declare")))
        declares = own if own and source in ontologies else [*every_ontology, *own]
        for declare in declares:
            prefix = graph.value(declare, sh("prefix"))
            namespace = graph.value(declare, sh("namespace"))
            if prefix is None or namespace is None:
                raise ConfigurationError(f"sh:declare {declare} needs sh:prefix and sh:namespace")
            prefixes[prefix.value] = namespace.value
    return prefixes


@lru_cache(maxsize=256)
def _algebra(text: str, prefixes: tuple[tuple[str, str], ...]) -> Any:
    return prepareQuery(text, initNs=dict(prefixes)).algebra


def analyse(text: str, prefixes: dict[str, str]) -> tuple[bool, frozenset[Term] | None]:
    """Whether the query gives, run once with ``$this`` free, the solutions of every
    pre-bound run (then joined on ``$this``); and the predicates its patterns can match
    (``None`` when a pattern has a variable or negated predicate, or rdflib cannot tell)."""
    try:
        algebra = _algebra(text, tuple(sorted(prefixes.items())))
    except Exception:  # rdflib cannot read it: pyoxigraph will say why, per focus node
        return False, None
    predicates = _predicates(algebra)
    if algebra.name != "SelectQuery" or _RDF_THIS not in (algebra.get("PV") or []):
        return False, predicates
    safe, binds = _walk(algebra.p)
    return safe and binds, predicates


def _predicates(node: object) -> frozenset[Term] | None:
    found: set[Term] = set()

    def visit(item: object) -> bool:
        if isinstance(item, CompValue) and item.name == "BGP":
            for triple in item.triples:
                if not _path_predicates(triple[1], found):
                    return False
        if isinstance(item, CompValue) and item.name in ("ServiceGraphPattern", "Graph"):
            return False
        if isinstance(item, dict):
            return all(visit(v) for v in item.values())
        if isinstance(item, (list, tuple)):
            return all(visit(v) for v in item)
        return True

    return frozenset(found) if visit(node) else None


def _path_predicates(predicate: object, found: set[Term]) -> bool:
    if isinstance(predicate, URIRef):
        found.add(NamedNode(str(predicate)))
        return True
    if isinstance(predicate, (SequencePath, AlternativePath)):
        return all(_path_predicates(p, found) for p in predicate.args)
    if isinstance(predicate, InvPath):
        return _path_predicates(predicate.arg, found)
    if isinstance(predicate, MulPath):
        return _path_predicates(predicate.path, found)
    return False  # a variable, a negated property set


def _mentions(node: object) -> bool:
    if node == _RDF_THIS and isinstance(node, RdfVariable):
        return True
    if isinstance(node, dict):
        return any(_mentions(v) for v in node.values())
    if isinstance(node, (list, tuple)):
        return any(_mentions(v) for v in node)
    return False


def _walk(node: Any) -> tuple[bool, bool]:
    """(safe, binds ``$this``) for a graph pattern of rdflib's SPARQL algebra."""
    if not isinstance(node, CompValue):
        return False, False
    name = node.name
    if name == "BGP":
        return True, any(_RDF_THIS in (t[0], t[2]) for t in node.triples)
    if name in ("Project", "Distinct", "Reduced", "OrderBy"):
        return _walk(node.p)
    if name == "Join":
        safe_1, binds_1 = _walk(node.p1)
        safe_2, binds_2 = _walk(node.p2)
        return safe_1 and safe_2, binds_1 or binds_2
    if name == "Union":
        safe_1, binds_1 = _walk(node.p1)
        safe_2, binds_2 = _walk(node.p2)
        return safe_1 and safe_2 and binds_1 and binds_2, binds_1 and binds_2
    if name == "Filter":
        safe, binds = _walk(node.p)
        return safe and (binds or not _mentions(node.expr)), binds
    if name == "Extend":
        safe, binds = _walk(node.p)
        if node.var == _RDF_THIS:
            return False, binds
        return safe and (binds or not _mentions(node.expr)), binds
    if name == "LeftJoin":
        safe_1, binds_1 = _walk(node.p1)
        safe_2, _ = _walk(node.p2)
        uses = _mentions(node.p2) or _mentions(node.get("expr"))
        return safe_1 and safe_2 and (binds_1 or not uses), binds_1
    return False, False
