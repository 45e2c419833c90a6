"""RDF datasets from partners, in any standard syntax, read for import.

Everything goes into the dataset's graph (named graphs of the file are merged, with a
warning); relative IRIs resolve against the deployment base. A syntax error stops the import
with the file, line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pyoxigraph import DefaultGraph, Literal, NamedNode, Triple

from eitkg.curation.findings import Finding
from eitkg.curation.messages import finding
from eitkg.namespaces import EIT, SKOS
from eitkg.rdf.io import RdfSource, iter_quads

_SOURCE_ROW = EIT + "sourceRow"
_SIREN = EIT + "siren"
_NAF = EIT + "nafActivity"
_PREF_LABEL = SKOS + "prefLabel"


@dataclass
class RdfDataset:
    """The triples of an RDF file and what the import needs to know about them."""

    syntax: str
    triples: list[Triple] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    flow_rows: dict[str, int] = field(default_factory=dict)
    actor_names: dict[str, tuple[str, int | None]] = field(default_factory=dict)
    actor_naf: dict[str, tuple[str, int | None]] = field(default_factory=dict)


def read_rdf_dataset(data: bytes, name: str, *, base_iri: str) -> RdfDataset:
    """Parse an RDF file (syntax from its extension); raise ``RdfSyntaxError`` on bad syntax."""
    source = RdfSource.from_bytes(data, name=name)
    result = RdfDataset(source.syntax.key)
    seen: dict[Triple, None] = {}
    graphs: set[str] = set()
    for quad in iter_quads(source, base_iri=base_iri):
        if not isinstance(quad.graph_name, DefaultGraph):
            graphs.add(str(quad.graph_name))
        seen[quad.triple] = None
    result.triples = list(seen)
    if graphs:
        result.findings.append(finding("named-graphs-merged", value=", ".join(sorted(graphs))))
    _index(result)
    return result


def _index(result: RdfDataset) -> None:
    actors = {str(t.subject) for t in result.triples if t.predicate.value == _SIREN}
    for triple in result.triples:
        if not isinstance(triple.subject, NamedNode):
            continue
        subject, predicate, obj = triple.subject.value, triple.predicate.value, triple.object
        if predicate == _SOURCE_ROW and isinstance(obj, Literal):
            try:
                result.flow_rows[subject] = int(obj.value)
            except ValueError:
                continue
        elif (
            str(triple.subject) in actors and predicate == _PREF_LABEL and isinstance(obj, Literal)
        ):
            result.actor_names.setdefault(subject, (obj.value, None))
        elif str(triple.subject) in actors and predicate == _NAF and isinstance(obj, NamedNode):
            result.actor_naf.setdefault(subject, (obj.value.rsplit("/", 1)[-1], None))
