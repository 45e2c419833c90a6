"""Query limits: a deadline and a result-size cap, checked while the results are read.

pyoxigraph evaluates lazily: solutions and triples come one ``next()`` at a time, and each
``next()`` runs in Rust with the GIL released. :func:`evaluate_bounded` checks the deadline and
the row count between two ``next()`` calls and drops the iterator when a limit is hit, which
stops the evaluation. What it cannot stop is one ``next()`` that takes long by itself: an ASK, an
aggregate (``COUNT``) or an ``ORDER BY`` computes everything before its first answer. The caller
(:mod:`eitkg.store.runner`) stops waiting for those at the deadline; their result is dropped.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal, TypeAlias

from pyoxigraph import DefaultGraph, NamedNode, QueryBoolean, QuerySolution, QuerySolutions, Triple

from eitkg.errors import InvalidQueryError, QueryTimeoutError, ResultTooLargeError, StoreError
from eitkg.errors import QueryLimitError as QueryLimitError  # re-exported: limits live here
from eitkg.errors import ServiceBusyError as ServiceBusyError
from eitkg.store.base import Store

QueryForm: TypeAlias = Literal["solutions", "boolean", "graph"]


@dataclass(frozen=True)
class QueryDataset:
    """The RDF dataset a query runs on.

    ``default_graphs`` ``None`` means the union of every graph; ``named_graphs`` ``None`` means
    every named graph. Either one replaces what the query text asks with ``FROM``/``FROM NAMED``.
    """

    default_graphs: tuple[NamedNode | DefaultGraph, ...] | None = None
    named_graphs: tuple[NamedNode, ...] | None = None


@dataclass(frozen=True)
class Solutions:
    """The rows of a SELECT query, read in full."""

    variables: tuple[str, ...]
    rows: tuple[QuerySolution, ...]


BoundedResult: TypeAlias = Solutions | bool | tuple[Triple, ...]


def evaluate_bounded(
    store: Store,
    sparql: str,
    *,
    dataset: QueryDataset,
    deadline: float,
    timeout_s: float,
    max_rows: int,
    base_iri: str | None = None,
    on_form: Callable[[QueryForm], None] | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> BoundedResult:
    """Run ``sparql`` and read its whole result, within ``deadline`` (a ``clock()`` value).

    ``on_form`` is called with the query form as soon as it is known, before any result is read
    (so that the caller can refuse early, e.g. when it cannot serve the form in an acceptable
    format). Raises :class:`QueryTimeoutError` or :class:`ResultTooLargeError`.

    >>> from eitkg.store.local import OxigraphStore
    >>> result = evaluate_bounded(OxigraphStore(), "SELECT ?x { VALUES ?x { 1 2 } }",
    ...     dataset=QueryDataset(), deadline=time.monotonic() + 5, timeout_s=5, max_rows=10)
    >>> [row["x"].value for row in result.rows]
    ['1', '2']
    """
    if clock() > deadline:
        raise QueryTimeoutError(timeout_s)
    result = store.query(
        sparql,
        default_graph_as_union=dataset.default_graphs is None,
        default_graphs=dataset.default_graphs,
        named_graphs=dataset.named_graphs,
        base_iri=base_iri,
    )
    try:
        return _read_result(result, deadline, timeout_s, max_rows, on_form, clock)
    finally:
        # pyoxigraph result iterators may only be dropped on the thread that made them: never
        # leave one in a frame that an exception's traceback keeps alive.
        del result


def _read_result(
    result: object,
    deadline: float,
    timeout_s: float,
    max_rows: int,
    on_form: Callable[[QueryForm], None] | None,
    clock: Callable[[], float],
) -> BoundedResult:
    try:
        if isinstance(result, QueryBoolean):
            if on_form is not None:
                on_form("boolean")
            return bool(result)
        is_select = isinstance(result, QuerySolutions)
        if on_form is not None:
            on_form("solutions" if is_select else "graph")
        variables = tuple(v.value for v in result.variables) if is_select else ()  # type: ignore[attr-defined]
        items = _read_bounded(iter(result), deadline, timeout_s, max_rows, clock)  # type: ignore[call-overload]
    finally:
        del result
    if is_select:
        return Solutions(variables, tuple(items))  # type: ignore[arg-type]
    return tuple(items)  # type: ignore[arg-type]


def _read_bounded(
    items: Iterator[QuerySolution | Triple],
    deadline: float,
    timeout_s: float,
    max_rows: int,
    clock: Callable[[], float],
) -> list[QuerySolution | Triple]:
    read: list[QuerySolution | Triple] = []
    try:
        for item in items:
            read.append(item)
            if len(read) > max_rows:
                raise ResultTooLargeError(max_rows)
            if clock() > deadline:
                raise QueryTimeoutError(timeout_s)
    except RuntimeError as error:  # an evaluation error (e.g. a failed SERVICE call)
        raise InvalidQueryError(f"the query failed while running: {error}") from error
    except OSError as error:
        raise StoreError(f"query failed: {error}") from error
    finally:
        del items
    return read
