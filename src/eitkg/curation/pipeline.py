"""The import pipeline: parse → map → resolve → validate → report; then commit or reject.

:func:`prepare_import` never writes: it returns the report and the quads that a commit
would write (:func:`eitkg.curation.commit.commit_import`). ``--dry-run`` stops there.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import Quad, Triple

from eitkg.curation.checks import ShapeHelp, run_shacl, shacl_findings
from eitkg.curation.columns import ColumnMap, map_columns
from eitkg.curation.datasets import DatasetIris, dataset_id
from eitkg.curation.entities import ParkFinder, actor_conflicts, context_quads
from eitkg.curation.findings import Finding
from eitkg.curation.mapping import RowMapper
from eitkg.curation.rdf_input import RdfDataset, read_rdf_dataset
from eitkg.curation.report import ImportReport
from eitkg.curation.resolve import Resolver
from eitkg.curation.tabular import read_table
from eitkg.curation.vocab import load_vocabularies
from eitkg.errors import InputError, Location
from eitkg.namespaces import EIT, RDF
from eitkg.queries import QueryCatalogue, load_catalogue
from eitkg.rdf.confidential import split_confidential
from eitkg.rdf.formats import RDF_SYNTAXES
from eitkg.resources import queries_dir
from eitkg.store.base import Store

#: ``progress(stage, done, total)``: stages are read, map, validate.
Progress = Callable[[str, int, int], None]

_RDF_EXTENSIONS = {ext for syntax in RDF_SYNTAXES for ext in syntax.extensions}
_TABLE_EXTENSIONS = {"csv", "tsv", "txt", "xlsx", "xlsm"}


@dataclass(frozen=True)
class PreparedImport:
    """A validated import, ready to commit when its report conforms."""

    report: ImportReport
    iris: DatasetIris
    public: tuple[Quad, ...]
    confidential: tuple[Quad, ...]
    source_name: str
    sha256: str
    size: int
    started: dt.datetime

    @property
    def triple_count(self) -> int:
        return len(self.public) + len(self.confidential)


def is_rdf_name(name: str) -> bool:
    """Whether a file name says RDF (``.ttl``, ``.jsonld``…) rather than a spreadsheet."""
    return Path(name).suffix.lower().lstrip(".") in _RDF_EXTENSIONS


def prepare_import(
    data: bytes,
    name: str,
    *,
    store: Store,
    base_iri: str,
    dataset: str | None = None,
    max_bytes: int | None = None,
    catalogue: QueryCatalogue | None = None,
    resolver: Resolver | None = None,
    progress: Progress | None = None,
) -> PreparedImport:
    """Read, map, resolve and validate one file; nothing is written to ``store``.

    Raises :class:`~eitkg.errors.InputError` (naming file, line and column) when the file
    cannot be read at all; every other problem is a finding in the report. ``resolver`` may be
    reused between imports while the vocabularies do not change (else it is read from the store).
    """
    started = dt.datetime.now(dt.UTC)
    if max_bytes is not None and len(data) > max_bytes:
        raise InputError(
            f"the file has {len(data)} bytes, more than the limit of {max_bytes} "
            "(EITKG_MAX_UPLOAD_BYTES) / fichier trop gros",
            Location(name),
        )
    if not data.strip():
        raise InputError("the file is empty / le fichier est vide", Location(name))
    iris = DatasetIris(base_iri, dataset_id(dataset or Path(name).stem or "dataset"))
    catalogue = catalogue or load_catalogue(queries_dir())
    if is_rdf_name(name) and Path(name).suffix.lower() not in (".xlsx",):
        body = _prepare_rdf(data, name, store, iris, catalogue, progress)
    elif Path(name).suffix.lower().lstrip(".") in _TABLE_EXTENSIONS or not Path(name).suffix:
        resolver = resolver or Resolver(load_vocabularies(store, catalogue))
        body = _prepare_table(data, name, store, iris, catalogue, resolver, progress)
    else:
        raise InputError(
            f"cannot tell the kind of file from {Path(name).suffix!r}: use .csv, .xlsx or an RDF "
            "extension (.ttl, .trig, .nt, .nq, .jsonld, .rdf)",
            Location(name),
        )
    digest = hashlib.sha256(data).hexdigest()
    quads = [Quad(t.subject, t.predicate, t.object, iris.graph) for t in body.triples]
    public, secret = split_confidential(quads, iris.confidential)
    report = ImportReport(
        source=Path(name).name,
        dataset=iris.id,
        dataset_iri=iris.dataset.value,
        kind=body.kind,
        sha256=digest,
        rows=body.rows,
        triples=len(quads),
        findings=tuple(body.findings),
        flows=_flow_counts(body.triples, secret),
        encoding=body.encoding,
        delimiter=body.delimiter,
    )
    return PreparedImport(
        report, iris, tuple(public), tuple(secret), Path(name).name, digest, len(data), started
    )


@dataclass
class _Body:
    kind: str
    triples: list[Triple]
    findings: list[Finding]
    rows: int
    encoding: str | None = None
    delimiter: str | None = None


def _prepare_table(
    data: bytes,
    name: str,
    store: Store,
    iris: DatasetIris,
    catalogue: QueryCatalogue,
    resolver: Resolver,
    progress: Progress | None,
) -> _Body:
    table = read_table(data, name)
    if progress is not None:
        progress("read", len(table.rows), len(table.rows))
    columns = map_columns(table.headers, name)
    mapper = RowMapper(
        table, columns, resolver, iris.minter, iris.id, ParkFinder.load(store, catalogue, iris)
    )
    mapped = mapper.map_all(None if progress is None else lambda d, t: progress("map", d, t))
    triples = list(mapped.triples)
    findings = mapped.findings
    findings += [
        f.at(header=columns.header_of(f.column)) if f.column else f
        for f in actor_conflicts(store, catalogue, mapped.actor_names, mapped.actor_naf, iris)
    ]
    findings += _validate(
        store,
        catalogue,
        iris,
        triples,
        mapped.flow_rows,
        mapped.entity_rows,
        columns,
        findings,
        progress,
    )
    return _Body(table.kind, triples, findings, len(table.rows), table.encoding, table.delimiter)


def _prepare_rdf(
    data: bytes,
    name: str,
    store: Store,
    iris: DatasetIris,
    catalogue: QueryCatalogue,
    progress: Progress | None,
) -> _Body:
    rdf: RdfDataset = read_rdf_dataset(data, name, base_iri=iris.base_iri)
    if not rdf.triples:
        raise InputError(
            f"no RDF triple in the file (read as {rdf.syntax}) / aucun triplet RDF", Location(name)
        )
    if progress is not None:
        progress("read", len(rdf.triples), len(rdf.triples))
    findings = list(rdf.findings)
    findings += actor_conflicts(store, catalogue, rdf.actor_names, rdf.actor_naf, iris)
    findings += _validate(
        store, catalogue, iris, rdf.triples, rdf.flow_rows, {}, None, findings, progress
    )
    return _Body(rdf.syntax, rdf.triples, findings, len(rdf.flow_rows))


def _validate(
    store: Store,
    catalogue: QueryCatalogue,
    iris: DatasetIris,
    triples: list[Triple],
    flow_rows: dict[str, int],
    entity_rows: dict[str, list[int]],
    columns: ColumnMap | None,
    findings: list[Finding],
    progress: Progress | None,
) -> list[Finding]:
    if progress is not None:
        progress("validate", 0, 1)
    context = context_quads(store, catalogue, triples, iris)
    report = run_shacl(triples, context, base_iri=iris.base_iri)
    if progress is not None:
        progress("validate", 1, 1)
    return shacl_findings(
        report,
        help_text=ShapeHelp(store, catalogue),
        flow_rows=flow_rows,
        entity_rows=entity_rows,
        columns=columns,
        already=findings,
    )


def _flow_counts(triples: list[Triple], secret: list[Quad]) -> dict[str, int]:
    """Needs, availabilities and confidential flows among the mapped triples."""
    kinds = {EIT + "Need": "needs", EIT + "Availability": "availabilities"}
    counts = {"needs": 0, "availabilities": 0, "confidential": 0}
    for triple in triples:
        if triple.predicate.value == RDF + "type" and str(triple.object)[1:-1] in kinds:
            counts[kinds[str(triple.object)[1:-1]]] += 1
    marker = EIT + "confidential"
    counts["confidential"] = sum(
        1 for q in secret if q.predicate.value == marker and str(q.object).startswith('"true"')
    )
    return counts
