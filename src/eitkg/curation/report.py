"""The curator report: findings of one import, machine-readable (SHACL Turtle, JSON).

The Turtle is a ``sh:ValidationReport``: one ``sh:ValidationResult`` per finding, with
``eit:sourceRow`` and ``eit:sourceColumn`` pointing at the spreadsheet cell, the rule id in
``dcterms:identifier`` and the way to fix it in ``rdfs:comment`` (French and English).
Human renderings (text, HTML, CSV) are in :mod:`eitkg.curation.render`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad

from eitkg.curation.findings import SEVERITIES, Finding, Severity, count, sort_key
from eitkg.namespaces import DCTERMS, EIT, RDF, RDFS, SH, XSD
from eitkg.rdf.formats import rdf_syntax
from eitkg.rdf.io import to_bytes

#: The constraint component of checks made while reading a file (not by a SHACL shape).
IMPORT_COMPONENT = EIT + "ImportConstraintComponent"


@dataclass(frozen=True)
class ImportReport:
    """Everything a curator needs to decide: what was read, what is wrong, whether it may go in."""

    source: str
    dataset: str
    dataset_iri: str
    kind: str
    sha256: str
    rows: int
    triples: int
    findings: tuple[Finding, ...]
    flows: dict[str, int] = field(default_factory=dict)
    encoding: str | None = None
    delimiter: str | None = None

    @property
    def conforms(self) -> bool:
        """True when nothing blocks the commit (no Violation)."""
        return self.counts["Violation"] == 0

    @property
    def counts(self) -> dict[Severity, int]:
        findings = list(self.findings)
        return {severity: count(findings, severity) for severity in SEVERITIES}

    def sorted_findings(self) -> list[Finding]:
        return sorted(self.findings, key=sort_key)

    def summary(self) -> dict[str, Any]:
        """Counts only: what the provenance record keeps."""
        return {"conforms": self.conforms, **{k.lower(): v for k, v in self.counts.items()}}

    def to_json(self) -> dict[str, Any]:
        """The report as a JSON-ready dict."""
        return {
            "dataset": self.dataset,
            "dataset_iri": self.dataset_iri,
            "source": self.source,
            "kind": self.kind,
            "sha256": self.sha256,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "rows": self.rows,
            "triples": self.triples,
            "flows": dict(self.flows),
            "conforms": self.conforms,
            "counts": dict(self.counts),
            "findings": [finding_json(f) for f in self.sorted_findings()],
        }

    def to_quads(self) -> list[Quad]:
        """The ``sh:ValidationReport`` as quads in the default graph."""
        report = BlankNode()
        quads = [
            _q(report, RDF + "type", NamedNode(SH + "ValidationReport")),
            _q(report, SH + "conforms", _typed(str(self.conforms).lower(), "boolean")),
        ]
        for item in self.sorted_findings():
            result = BlankNode()
            quads.append(_q(report, SH + "result", result))
            quads += _result_quads(result, item, self.dataset_iri)
        return quads

    def to_turtle(self) -> str:
        """The ``sh:ValidationReport`` in Turtle."""
        return to_bytes(self.to_quads(), rdf_syntax("turtle")).decode("utf-8")


def finding_json(item: Finding) -> dict[str, Any]:
    """One finding as a JSON-ready dict."""
    return {
        "severity": item.severity,
        "rule": item.rule,
        "row": item.row,
        "column": item.column,
        "header": item.header,
        "value": item.value,
        "focus": item.focus,
        "path": item.path,
        "shape": item.shape,
        "component": item.component,
        "origin": item.origin,
        "message": {"fr": item.message_fr, "en": item.message_en},
        "fix": {"fr": item.fix_fr, "en": item.fix_en},
    }


def _q(subject: NamedNode | BlankNode, predicate: str, obj: Any) -> Quad:
    return Quad(subject, NamedNode(predicate), obj, DefaultGraph())


def _typed(value: str, datatype: str) -> Literal:
    return Literal(value, datatype=NamedNode(XSD + datatype))


def _result_quads(result: BlankNode, item: Finding, dataset_iri: str) -> list[Quad]:
    quads = [
        _q(result, RDF + "type", NamedNode(SH + "ValidationResult")),
        _q(result, SH + "focusNode", NamedNode(item.focus or dataset_iri)),
        _q(result, SH + "resultSeverity", NamedNode(SH + item.severity)),
        _q(result, SH + "sourceConstraintComponent", NamedNode(item.component or IMPORT_COMPONENT)),
        _q(result, DCTERMS + "identifier", Literal(item.rule)),
        _q(result, SH + "resultMessage", Literal(item.message_fr, language="fr")),
        _q(result, SH + "resultMessage", Literal(item.message_en, language="en")),
    ]
    if item.path and not item.path.startswith(("<", "^", "(")) and "|" not in item.path:
        quads.append(_q(result, SH + "resultPath", NamedNode(item.path)))
    if item.shape and not item.shape.startswith("_:"):
        quads.append(_q(result, SH + "sourceShape", NamedNode(item.shape)))
    if item.value is not None:
        quads.append(_q(result, SH + "value", _value_term(item.value, item.origin)))
    if item.row is not None:
        quads.append(_q(result, EIT + "sourceRow", _typed(str(item.row), "integer")))
    if item.header or item.column:
        quads.append(_q(result, EIT + "sourceColumn", Literal(item.header or item.column or "")))
    for lang in ("fr", "en"):
        if item.fix(lang):
            quads.append(_q(result, RDFS + "comment", Literal(item.fix(lang), language=lang)))
    return quads


def _value_term(value: str, origin: str) -> NamedNode | Literal:
    if origin == "shacl" and value.startswith(("http://", "https://", "urn:")):
        try:
            return NamedNode(value)
        except ValueError:
            return Literal(value)
    return Literal(value)
