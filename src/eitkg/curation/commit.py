"""Atomic commits: a dataset's graphs, its earlier version and its provenance change together.

A commit is two writes. First every new graph is written to staging graphs
(``urn:eitkg:staging:curation:*``, never public) together with a *plan* (which graph replaces
which, what to archive, drop or forget), in one transaction. Then one SPARQL update
(``queries/curation/apply_plan.ru``, a fixed text that reads the plan as data) applies the
whole plan in one transaction. Killed before the update, the store is unchanged except for
staging graphs, which :func:`recover` removes; killed during it, nothing is applied.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cache

from pyoxigraph import BlankNode, NamedNode, Quad, Triple

from eitkg.curation.catalogue import (
    DatasetState,
    ImportRecord,
    VersionInfo,
    import_triples,
    read_state,
    record_subjects,
    record_triples,
    timestamp,
)
from eitkg.curation.datasets import DatasetIris
from eitkg.curation.pipeline import PreparedImport
from eitkg.errors import ConfigurationError, ValidationFailedError
from eitkg.queries import QueryCatalogue
from eitkg.resources import queries_dir
from eitkg.store.base import Store

STAGING = "urn:eitkg:staging:curation:"
PLAN_GRAPH = NamedNode(STAGING + "plan")
PLAN = "urn:eitkg:plan#"

#: ``on_stage(name)`` is told "staging", "staged", "applied", "done" as a commit goes.
StageHook = Callable[[str], None]


@cache
def apply_plan_text() -> str:
    """The fixed SPARQL update that applies a plan."""
    path = queries_dir() / "curation" / "apply_plan.ru"
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigurationError(f"cannot read {path}: {error}") from error


@dataclass
class Plan:
    """Graphs to stage and steps to apply, all written as data."""

    staged: dict[NamedNode, list[Quad]] = field(default_factory=dict)
    steps: list[Quad] = field(default_factory=list)
    touched: set[NamedNode] = field(default_factory=set)
    token: str = field(default_factory=lambda: uuid.uuid4().hex)

    def stage(self, triples: Iterable[Triple | Quad]) -> NamedNode:
        """A new staging graph holding ``triples``."""
        graph = NamedNode(f"{STAGING}{self.token}/{len(self.staged)}")
        self.staged[graph] = [Quad(t.subject, t.predicate, t.object, graph) for t in triples]
        self._step(staged=graph)
        return graph

    def _step(self, **links: NamedNode) -> None:
        step = BlankNode()
        for name, target in links.items():
            self.steps.append(Quad(step, NamedNode(PLAN + name), target, PLAN_GRAPH))

    def replace(self, target: NamedNode, source: NamedNode) -> None:
        self._step(replace=source, to=target)
        self.touched.add(target)

    def archive(self, source: NamedNode, target: NamedNode) -> None:
        self._step(archive=source, to=target)
        self.touched.add(target)

    def drop(self, graph: NamedNode) -> None:
        self._step(drop=graph)
        self.touched.add(graph)

    def forget(self, subject: NamedNode, graph: NamedNode) -> None:
        self._step(forget=subject, **{"in": graph})

    def add(self, target: NamedNode, source: NamedNode) -> None:
        self._step(add=source, to=target)


def recover(store: Store) -> int:
    """Remove what an interrupted commit left (its staging graphs); returns how many."""
    stale = [g for g in store.named_graphs() if g.value.startswith(STAGING)]
    for graph in stale:
        store.drop_graph(graph)
    return len(stale)


def apply(store: Store, plan: Plan, *, on_stage: StageHook | None = None) -> None:
    """Stage, then apply the plan in one update; tidy the names of emptied graphs afterwards."""
    hook = on_stage or (lambda _stage: None)
    recover(store)
    hook("staging")
    store.extend([q for quads in plan.staged.values() for q in quads] + plan.steps)
    hook("staged")
    store.update(apply_plan_text())
    hook("applied")
    for graph in [*plan.staged, PLAN_GRAPH]:
        store.drop_graph(graph)
    for graph in plan.touched:
        if next(iter(store.quads(graph)), None) is None:
            store.drop_graph(graph)
    hook("done")


def has_content(store: Store, graph: NamedNode) -> bool:
    return next(iter(store.quads(graph)), None) is not None


@dataclass(frozen=True)
class CommitResult:
    """What a commit changed."""

    dataset: str
    version: int
    previous: int | None
    public_triples: int
    confidential_triples: int
    dropped_versions: tuple[int, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {
            "dataset": self.dataset,
            "version": self.version,
            "previous": self.previous,
            "public_triples": self.public_triples,
            "confidential_triples": self.confidential_triples,
            "dropped_versions": list(self.dropped_versions),
        }


def archive_current(
    store: Store, plan: Plan, iris: DatasetIris, state: DatasetState
) -> list[VersionInfo]:
    """Plan the archiving of the current content; returns the versions kept before this commit.

    Content that no import recorded (loaded by other means) is archived as version 0.
    """
    earlier = list(state.earlier)
    current = state.current
    if current is None and (
        has_content(store, iris.graph) or has_content(store, iris.confidential)
    ):
        current = VersionInfo(0, current=True, source="(not imported)")
    if current is not None:
        plan.archive(iris.graph, iris.version_graph(current.number))
        plan.archive(iris.confidential, iris.version_confidential(current.number))
        earlier.append(replace(current, current=False))
    return sorted(earlier, key=lambda v: v.number)


def trim(
    plan: Plan, iris: DatasetIris, earlier: list[VersionInfo], depth: int
) -> list[VersionInfo]:
    """Plan dropping the oldest versions beyond ``depth``; returns the versions kept."""
    excess = max(0, len(earlier) - depth)
    for old in earlier[:excess]:
        plan.drop(iris.version_graph(old.number))
        plan.drop(iris.version_confidential(old.number))
    return earlier[excess:]


def commit_import(
    store: Store,
    prepared: PreparedImport,
    *,
    catalogue: QueryCatalogue,
    curator: str,
    history_depth: int = 5,
    lock: threading.Lock | None = None,
    on_stage: StageHook | None = None,
) -> CommitResult:
    """Write a validated import: its graphs, the previous version kept, its provenance.

    Raises :class:`ValidationFailedError` when the report has violations.
    """
    report = prepared.report
    if not report.conforms:
        raise ValidationFailedError(
            f"{report.source}: {report.counts['Violation']} violation(s); nothing was written",
            report,
        )
    iris = prepared.iris
    with lock or contextlib.nullcontext():
        state = read_state(store, catalogue, iris)
        plan = Plan()
        earlier = archive_current(store, plan, iris, state)
        kept = trim(plan, iris, earlier, history_depth)
        plan.replace(iris.graph, plan.stage(prepared.public))
        plan.replace(iris.confidential, plan.stage(prepared.confidential))
        ended = dt.datetime.now(dt.UTC)
        record = ImportRecord(
            started=prepared.started,
            ended=ended,
            curator=curator,
            source_name=prepared.source_name,
            sha256=prepared.sha256,
            rows=report.rows,
            triples=prepared.triple_count,
            counts={str(k): v for k, v in report.counts.items()},
            conforms=report.conforms,
        )
        activity, activity_triples = import_triples(iris, record)
        number = max([state.next_number, *(v.number + 1 for v in kept)])
        version = VersionInfo(
            number,
            True,
            activity.value,
            report.rows,
            prepared.triple_count,
            prepared.sha256,
            prepared.source_name,
        )
        records = record_triples(
            iris,
            [*kept, version],
            issued=state.issued or timestamp(prepared.started),
            modified=ended,
        )
        for subject in record_subjects(iris, state, [number]):
            plan.forget(subject, iris.catalogue)
        plan.add(iris.catalogue, plan.stage([*records, *activity_triples]))
        apply(store, plan, on_stage=on_stage)
    previous = state.current.number if state.current else (0 if earlier else None)
    dropped = tuple(v.number for v in earlier if v not in kept)
    return CommitResult(
        iris.id, number, previous, len(prepared.public), len(prepared.confidential), dropped
    )
