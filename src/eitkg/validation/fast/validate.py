"""``validate(..., engine="fast")``: the fast engine behind eitkg's validation API.

The same graph as the pyshacl path is validated (data + context neighbourhood, see
:mod:`eitkg.validation.fast.inputs`), only the nodes the data describes are focus nodes,
and the report is read by the same :func:`~eitkg.validation.report.read_report`.
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import Graph

from eitkg.validation.convert import RdfInput
from eitkg.validation.fast.api import paused_gc, validate_index
from eitkg.validation.fast.compile import CompiledShapes
from eitkg.validation.fast.index import TripleIndex
from eitkg.validation.fast.inputs import (
    DataNodes,
    context_indexes,
    from_rdflib,
    load,
    neighbourhood,
)
from eitkg.validation.fast.literals import as_rdflib
from eitkg.validation.fast.model import Result
from eitkg.validation.model import ValidationReport
from eitkg.validation.report import read_report
from eitkg.validation.shapes import Shapes, load_shapes

_COMPILED: dict[int, tuple[Graph, int, CompiledShapes]] = {}


def compiled_shapes(shapes: Shapes) -> CompiledShapes:
    """The shapes of ``shapes.graph`` compiled for the fast engine (cached per graph)."""
    graph = shapes.graph
    known = _COMPILED.get(id(graph))
    if known is not None and known[0] is graph and known[1] == len(graph):
        return known[2]
    compiled = _compile(graph)
    if len(_COMPILED) >= 8:
        _COMPILED.pop(next(iter(_COMPILED)))
    _COMPILED[id(graph)] = (graph, len(graph), compiled)
    return compiled


def _compile(graph: Graph) -> CompiledShapes:
    triples = ((from_rdflib(s), from_rdflib(p), from_rdflib(o)) for s, p, o in graph)
    return CompiledShapes(TripleIndex(triples))


@lru_cache(maxsize=1)
def _shipped_shapes() -> CompiledShapes:
    return compiled_shapes(load_shapes())


def _with_details(results: list[Result]) -> list[Result]:
    found: list[Result] = []
    pending = list(results)
    while pending:
        result = pending.pop()
        found.append(result)
        pending.extend(result.details or ())
    return found


def validate_fast(
    data: RdfInput,
    *,
    context: RdfInput | None = None,
    shapes: Shapes | None = None,
    base_iri: str | None = None,
) -> ValidationReport:
    """Validate like :func:`eitkg.validation.validate`, with the fast engine."""
    with paused_gc():  # the index is freed when _validate returns, before the collector resumes
        return _validate(data, context, shapes, base_iri)


def _validate(
    data: RdfInput, context: RdfInput | None, shapes: Shapes | None, base_iri: str | None
) -> ValidationReport:
    loaded = load(data, base_iri=base_iri)
    nodes = DataNodes.of(loaded)
    contexts = context_indexes(context, base_iri)
    loaded.index.add_all(neighbourhood(nodes, contexts))
    reportable = nodes.reportable(contexts)
    compiled = _shipped_shapes() if shapes is None else compiled_shapes(shapes)
    outcome = validate_index(loaded.index, compiled, focus_filter=reportable)
    keep = {as_rdflib(r.focus) for r in _with_details(outcome.results) if r.focus in reportable}
    return read_report(outcome.graph, keep=keep)
