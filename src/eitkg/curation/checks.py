"""SHACL validation of an import, and its results turned into findings on rows and columns.

The data is validated with the context it references only (the shipped ontology and
vocabularies, plus the entities of other datasets it points to), never the whole store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from pyoxigraph import Quad, QuerySolutions, Triple

from eitkg.curation.columns import ColumnMap, column_for_path
from eitkg.curation.findings import Finding
from eitkg.namespaces import SH
from eitkg.queries import QueryCatalogue, run_named_query
from eitkg.store.base import Store
from eitkg.validation import ValidationReport, ValidationResult, load_context, validate

SHAPES = "https://w3id.org/eitkg/shapes#"
_IRI_IN_PATH = re.compile(r"<([^>]+)>")
#: Node-level shapes (no path) and the column that fixes them.
_SHAPE_COLUMNS = {
    SHAPES + "FlowDirectionShape": "direction",
    SHAPES + "SitePositionShape": "lat",
}


def run_shacl(
    triples: Iterable[Triple], context: Sequence[Quad], *, base_iri: str
) -> ValidationReport:
    """Validate the data with the shipped context and the referenced entities."""
    return validate(list(triples), context=[load_context(), *context], base_iri=base_iri)


@dataclass
class ShapeHelp:
    """The ``rdfs:comment`` (how to fix) of shapes, read from the store's shapes graph."""

    store: Store
    catalogue: QueryCatalogue
    cache: dict[str, tuple[str, str]] = field(default_factory=dict)

    def __call__(self, shape: str) -> tuple[str, str]:
        if shape.startswith("_:"):
            return "", ""
        if shape not in self.cache:
            result = run_named_query(
                self.store, self.catalogue["curation/shape_help"], {"shape": shape}
            )
            assert isinstance(result, QuerySolutions)
            texts = {
                getattr(row["comment"], "language", None) or "": str(row["comment"].value)
                for row in result
            }
            self.cache[shape] = (texts.get("fr", ""), texts.get("en", texts.get("", "")))
        return self.cache[shape]


def column_of(result: ValidationResult) -> str | None:
    """The inventory column a result is about, from its path or its shape.

    >>> from eitkg.namespaces import EIT
    >>> r = ValidationResult("x", EIT + "quantity", "Violation", "", "", "-1", "s", "c")
    >>> column_of(r)
    'quantity'
    """
    if result.path is None:
        return _SHAPE_COLUMNS.get(result.source_shape)
    for iri in _IRI_IN_PATH.findall(result.path) or [result.path]:
        column = column_for_path(iri)
        if column is not None:
            return column
    return None


def row_of(
    focus: str, flow_rows: Mapping[str, int], entity_rows: Mapping[str, list[int]]
) -> int | None:
    """The spreadsheet row of a focus node: its ``eit:sourceRow``, or the first row using it."""
    if focus in flow_rows:
        return flow_rows[focus]
    for node in (focus, focus.removesuffix("/geometry")):
        rows = entity_rows.get(node)
        if rows:
            return min(rows)
    return None


def shacl_findings(
    report: ValidationReport,
    *,
    help_text: ShapeHelp,
    flow_rows: Mapping[str, int],
    entity_rows: Mapping[str, list[int]],
    columns: ColumnMap | None,
    already: Iterable[Finding] = (),
) -> list[Finding]:
    """The SHACL results as findings; a cell already reported as unreadable is not repeated."""
    blocked = {(f.focus, f.column) for f in already if f.severity == "Violation" and f.column}
    findings = []
    for result in report.results:
        column = column_of(result)
        if (result.focus_node, column) in blocked:
            continue
        fix_fr, fix_en = help_text(result.source_shape)
        findings.append(
            Finding(
                severity=result.severity,
                rule=_local(result.source_shape) or _local(result.constraint),
                message_fr=result.message_fr,
                message_en=result.message_en,
                fix_fr=fix_fr,
                fix_en=fix_en,
                row=row_of(result.focus_node, flow_rows, entity_rows),
                column=column,
                header=columns.header_of(column) if columns is not None and column else None,
                value=result.value,
                focus=result.focus_node,
                path=result.path,
                shape=result.source_shape,
                component=result.constraint,
                origin="shacl",
            )
        )
    return findings


def _local(iri: str) -> str:
    for namespace in (SHAPES, SH):
        if iri.startswith(namespace):
            return iri[len(namespace) :]
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
