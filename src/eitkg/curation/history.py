"""Imported datasets over time: list them, diff two versions, roll back to an earlier one."""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from pyoxigraph import Literal, NamedNode, QuerySolutions, Triple

from eitkg.curation.catalogue import read_state, record_subjects, record_triples, timestamp
from eitkg.curation.commit import CommitResult, Plan, StageHook, apply, archive_current, trim
from eitkg.curation.datasets import DatasetIris, catalogue_graph
from eitkg.errors import ConflictError, NotFoundError
from eitkg.namespaces import EIT, FOAF, PROV, RDF, RDFS, XSD
from eitkg.queries import QueryCatalogue, run_named_query
from eitkg.rdf.iris import slugify
from eitkg.store.base import Store

_FLOW_TYPES = {EIT + "Need", EIT + "Availability", EIT + "Flow"}
#: Properties that move with the spreadsheet layout, not with the flow itself.
_IGNORED = {EIT + "sourceRow"}


@dataclass(frozen=True)
class DatasetSummary:
    """One imported dataset, as ``eitkg datasets`` lists it."""

    identifier: str
    iri: str
    version: int
    versions: int
    issued: str | None
    modified: str | None
    rows: int | None
    triples: int | None
    sha256: str | None
    source: str | None
    curator: str | None
    graph: str
    violations: int | None = None
    warnings: int | None = None
    infos: int | None = None

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def list_datasets(store: Store, catalogue: QueryCatalogue, base_iri: str) -> list[DatasetSummary]:
    """Every imported dataset with its provenance, by identifier."""
    result = run_named_query(
        store, catalogue["curation/datasets"], {"catalogue": catalogue_graph(base_iri).value}
    )
    assert isinstance(result, QuerySolutions)
    found: dict[str, DatasetSummary] = {}
    for row in result:

        def text(name: str, row: Any = row) -> str | None:
            term = row[name]
            return None if term is None else str(term.value)

        def number(name: str) -> int | None:
            value = text(name)
            return None if value is None else int(value)

        identifier = text("identifier") or ""
        found.setdefault(
            identifier,
            DatasetSummary(
                identifier=identifier,
                iri=text("dataset") or "",
                version=number("version") or 0,
                versions=number("versions") or 0,
                issued=text("issued"),
                modified=text("modified"),
                rows=number("rows"),
                triples=number("triples"),
                sha256=text("sha256"),
                source=text("source"),
                curator=text("curator"),
                graph=text("graph") or "",
                violations=number("violations"),
                warnings=number("warnings"),
                infos=number("infos"),
            ),
        )
    return [found[k] for k in sorted(found)]


@dataclass(frozen=True)
class FlowChange:
    """One flow that differs between two versions: property → (before, after) values."""

    flow: str
    record_id: str | None
    changes: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)


@dataclass(frozen=True)
class DatasetDiff:
    """Flows added, removed and changed from version ``before`` to version ``after``."""

    dataset: str
    before: int
    after: int
    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[FlowChange, ...]
    record_ids: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "before": self.before,
            "after": self.after,
            "added": [{"flow": f, "record_id": self.record_ids.get(f)} for f in self.added],
            "removed": [{"flow": f, "record_id": self.record_ids.get(f)} for f in self.removed],
            "changed": [
                {
                    "flow": c.flow,
                    "record_id": c.record_id,
                    "changes": {
                        p: {"before": list(b), "after": list(a)} for p, (b, a) in c.changes.items()
                    },
                }
                for c in self.changed
            ],
        }

    def text(self) -> str:
        lines = [
            f"{self.dataset}: version {self.before} → {self.after}: {len(self.added)} added, "
            f"{len(self.removed)} removed, {len(self.changed)} changed"
        ]
        lines += [f"+ {self.record_ids.get(f, '')}  {f}" for f in self.added]
        lines += [f"- {self.record_ids.get(f, '')}  {f}" for f in self.removed]
        for change in self.changed:
            lines.append(f"~ {change.record_id or ''}  {change.flow}")
            for prop, (before, after) in sorted(change.changes.items()):
                lines.append(f"    {prop}: {', '.join(before) or '∅'} → {', '.join(after) or '∅'}")
        return "\n".join(lines) + "\n"


def _flows(store: Store, graphs: list[NamedNode]) -> dict[str, dict[str, set[str]]]:
    subjects: dict[str, dict[str, set[str]]] = {}
    for graph in graphs:
        for quad in store.quads(graph):
            props = subjects.setdefault(quad.subject.value, {})  # type: ignore[union-attr]
            props.setdefault(quad.predicate.value, set()).add(_term_text(quad.object))
    return {s: p for s, p in subjects.items() if p.get(RDF + "type", set()) & _FLOW_TYPES}


def _term_text(term: object) -> str:
    if isinstance(term, Literal):
        return term.value
    return str(getattr(term, "value", term))


def diff(
    store: Store, catalogue: QueryCatalogue, iris: DatasetIris, *, against: int | None = None
) -> DatasetDiff:
    """What changed from an earlier version (default: the latest kept) to the current one."""
    state = read_state(store, catalogue, iris)
    if state.current is None:
        raise NotFoundError(f"no imported dataset {iris.id!r}")
    earlier = [v.number for v in state.earlier]
    before = against if against is not None else (max(earlier) if earlier else None)
    if before is None:
        raise NotFoundError(f"dataset {iris.id!r} has no earlier version to compare with")
    if before not in earlier and before != state.current.number:
        raise NotFoundError(f"dataset {iris.id!r} keeps no version {before}; kept: {earlier}")
    old = _flows(store, _version_graphs(iris, before, state.current.number))
    new = _flows(store, [iris.graph, iris.confidential])
    changed = []
    for flow in sorted(set(old) & set(new)):
        changes = {
            prop: (tuple(sorted(old[flow].get(prop, ()))), tuple(sorted(new[flow].get(prop, ()))))
            for prop in sorted(set(old[flow]) | set(new[flow]))
            if prop not in _IGNORED and old[flow].get(prop) != new[flow].get(prop)
        }
        if changes:
            changed.append(FlowChange(flow, _record_id(new[flow]), changes))
    record_ids = {f: r for f, props in {**old, **new}.items() if (r := _record_id(props))}
    return DatasetDiff(
        iris.id,
        before,
        state.current.number,
        tuple(sorted(set(new) - set(old))),
        tuple(sorted(set(old) - set(new))),
        tuple(changed),
        record_ids,
    )


def _version_graphs(iris: DatasetIris, number: int, current: int) -> list[NamedNode]:
    if number == current:
        return [iris.graph, iris.confidential]
    return [iris.version_graph(number), iris.version_confidential(number)]


def _record_id(props: dict[str, set[str]]) -> str | None:
    values = props.get(EIT + "recordId")
    return min(values) if values else None


def rollback(
    store: Store,
    catalogue: QueryCatalogue,
    iris: DatasetIris,
    *,
    curator: str,
    to: int | None = None,
    history_depth: int = 5,
    lock: threading.Lock | None = None,
    on_stage: StageHook | None = None,
) -> CommitResult:
    """Make an earlier version current again (default: the latest kept); the current one is kept.

    Like an import, a rollback is one atomic update.
    """
    with lock or contextlib.nullcontext():
        state = read_state(store, catalogue, iris)
        if state.current is None:
            raise NotFoundError(f"no imported dataset {iris.id!r}")
        earlier = {v.number: v for v in state.earlier}
        target = to if to is not None else max(earlier, default=None)
        if target is None:
            raise ConflictError(f"dataset {iris.id!r} has no earlier version to roll back to")
        if target not in earlier:
            raise NotFoundError(
                f"dataset {iris.id!r} keeps no version {target}; kept: {sorted(earlier)}"
            )
        plan = Plan()
        kept = [v for v in archive_current(store, plan, iris, state) if v.number != target]
        plan.replace(iris.graph, iris.version_graph(target))
        plan.replace(iris.confidential, iris.version_confidential(target))
        plan.drop(iris.version_graph(target))
        plan.drop(iris.version_confidential(target))
        kept = trim(plan, iris, kept, history_depth)
        moment = dt.datetime.now(dt.UTC)
        restored = replace(earlier[target], current=True)
        records = record_triples(
            iris,
            sorted([*kept, restored], key=lambda v: v.number),
            issued=state.issued or timestamp(moment),
            modified=moment,
        )
        for subject in record_subjects(iris, state, []):
            plan.forget(subject, iris.catalogue)
        activity = list(_rollback_activity(iris, curator, target, state.current.number, moment))
        plan.add(iris.catalogue, plan.stage([*records, *activity]))
        apply(store, plan, on_stage=on_stage)
    public = sum(1 for _ in store.quads(iris.graph))
    secret = sum(1 for _ in store.quads(iris.confidential))
    return CommitResult(iris.id, target, state.current.number, public, secret)


def _rollback_activity(
    iris: DatasetIris, curator: str, target: int, undone: int, moment: dt.datetime
) -> Iterator[Triple]:
    activity = NamedNode(f"{iris.dataset.value}/rollback/{slugify(timestamp(moment))}")
    agent = NamedNode(iris.minter.base + "id/curator/" + slugify(curator or "curator"))
    stamp = Literal(timestamp(moment), datatype=NamedNode(XSD + "dateTime"))
    yield Triple(activity, NamedNode(RDF + "type"), NamedNode(PROV + "Activity"))
    yield Triple(activity, NamedNode(PROV + "startedAtTime"), stamp)
    yield Triple(activity, NamedNode(PROV + "wasAssociatedWith"), agent)
    yield Triple(agent, NamedNode(RDF + "type"), NamedNode(PROV + "Agent"))
    yield Triple(agent, NamedNode(FOAF + "name"), Literal(curator or "curator"))
    yield Triple(activity, NamedNode(PROV + "used"), iris.version(target))
    yield Triple(activity, NamedNode(PROV + "invalidated"), iris.version(undone))
    yield Triple(
        activity,
        NamedNode(RDFS + "label"),
        Literal(f"rollback of {iris.id} from version {undone} to {target}", language="en"),
    )
