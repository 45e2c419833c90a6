"""Helpers for the validation tests: Turtle snippets validated against the shipped shapes.

Every snippet is prefixed with ``PREFIXES`` and added to ``BASE`` (two valid companies
with one site each), parsed with the base ``http://localhost:8000/`` and validated with
the real shipped context (ontology + data/vocab). Results are compared as a set of
``(focus, path, severity)`` with IRIs shortened: the base is dropped and the usual
namespaces become prefixes, so ``http://localhost:8000/id/flow/f1`` is ``id/flow/f1``
and a path ``<https://w3id.org/eitkg/ontology#unit>/<…#canonicalUnit>`` is
``eit:unit/eit:canonicalUnit``.
"""

from __future__ import annotations

import re
from functools import cache

from eitkg.rdf.io import RdfSource
from eitkg.validation import ValidationReport, validate

BASE_IRI = "http://localhost:8000/"

PREFIXES = """\
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix eit: <https://w3id.org/eitkg/ontology#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix geo: <http://www.opengis.net/ont/geosparql#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix unit: <http://qudt.org/vocab/unit/> .
@prefix wgs: <http://www.w3.org/2003/01/geo/wgs84_pos#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix lang: <http://publications.europa.eu/resource/authority/language/> .
@prefix ewc: <https://w3id.org/eitkg/vocab/ewc/> .
@prefix naf: <https://w3id.org/eitkg/vocab/naf/> .
@prefix res: <https://w3id.org/eitkg/vocab/resource/> .
@prefix period: <https://w3id.org/eitkg/vocab/period/> .
@prefix qt: <https://w3id.org/eitkg/vocab/quantity-type/> .
@prefix pf: <https://w3id.org/eitkg/vocab/physical-form/> .
@prefix ms: <https://w3id.org/eitkg/vocab/material-status/> .
@prefix ss: <https://w3id.org/eitkg/vocab/synergy-status/> .
@prefix ind: <https://w3id.org/eitkg/vocab/indicator/> .
@prefix treat: <https://w3id.org/eitkg/vocab/treatment/> .
"""

#: Two valid companies, each with one site: what most snippets refer to.
BASE = """\
<id/actor/552081317> a eit:Company ;
    skos:prefLabel "Cartonnerie du Rhône"@fr ;
    eit:siren "552081317" ;
    org:hasSite <id/site/55208131700026> .
<id/site/55208131700026> a eit:Site ;
    org:siteOf <id/actor/552081317> ;
    eit:siret "55208131700026" ;
    wgs:lat 45.7485 ;
    wgs:long 4.8467 .
<id/actor/732829320> a eit:Company ;
    skos:prefLabel "Chaufferie des Lilas"@fr ;
    eit:siren "732829320" .
<id/site/73282932000074> a eit:Site ;
    org:siteOf <id/actor/732829320> ;
    eit:siret "73282932000074" .
"""

_SHORT = {
    BASE_IRI: "",
    "https://w3id.org/eitkg/ontology#": "eit:",
    "https://w3id.org/eitkg/vocab/": "eitv:",
    "https://w3id.org/eitkg/shapes#": "eits:",
    "http://www.w3.org/2004/02/skos/core#": "skos:",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
    "http://www.w3.org/2003/01/geo/wgs84_pos#": "wgs:",
    "http://www.opengis.net/ont/geosparql#": "geo:",
    "http://www.w3.org/ns/org#": "org:",
    "http://purl.org/dc/terms/": "dcterms:",
    "http://www.w3.org/ns/prov#": "prov:",
    "http://xmlns.com/foaf/0.1/": "foaf:",
    "http://qudt.org/vocab/unit/": "unit:",
    "http://www.w3.org/ns/dcat#": "dcat:",
}

Triple3 = tuple[str, str | None, str]


def short(text: str | None) -> str | None:
    """Shorten the IRIs of a node or a path (``<iri>`` inside paths lose their brackets)."""
    if text is None:
        return None

    def one(iri: str) -> str:
        for namespace, prefix in _SHORT.items():
            if iri.startswith(namespace):
                return prefix + iri[len(namespace) :]
        return iri

    if "<" in text:
        return re.sub(r"<([^>]+)>", lambda m: one(m.group(1)), text)
    return one(text)


@cache
def run(snippet: str, *, with_base: bool = True) -> ValidationReport:
    """Validate ``snippet`` (plus ``BASE``) against the shipped shapes and context."""
    text = PREFIXES + (BASE if with_base else "") + snippet
    source = RdfSource.from_bytes(text.encode(), name="snippet.ttl")
    return validate(source, base_iri=BASE_IRI)


def triples(report: ValidationReport) -> set[Triple3]:
    """The results of ``report`` as a set of shortened ``(focus, path, severity)``."""
    return {(short(r.focus_node) or "", short(r.path), r.severity) for r in report.results}


def shapes_of(report: ValidationReport) -> set[str]:
    """The local names of the shapes that produced the results."""
    return {r.source_shape.split("#")[-1] for r in report.results}
