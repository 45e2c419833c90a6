"""Namespace IRIs and the one prefix map shared by serialisers, queries and pages.

The contract for every term is ``docs/model.md``.
"""

from __future__ import annotations

from typing import Final

from pyoxigraph import NamedNode

EIT: Final = "https://w3id.org/eitkg/ontology#"
EITV: Final = "https://w3id.org/eitkg/vocab/"
EITG: Final = "https://w3id.org/eitkg/graph/"

RDF: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS: Final = "http://www.w3.org/2000/01/rdf-schema#"
OWL: Final = "http://www.w3.org/2002/07/owl#"
XSD: Final = "http://www.w3.org/2001/XMLSchema#"
SKOS: Final = "http://www.w3.org/2004/02/skos/core#"
ORG: Final = "http://www.w3.org/ns/org#"
DCAT: Final = "http://www.w3.org/ns/dcat#"
DCTERMS: Final = "http://purl.org/dc/terms/"
PROV: Final = "http://www.w3.org/ns/prov#"
GEO: Final = "http://www.opengis.net/ont/geosparql#"
GEOF: Final = "http://www.opengis.net/def/function/geosparql/"
QUDT: Final = "http://qudt.org/schema/qudt/"
UNIT: Final = "http://qudt.org/vocab/unit/"
TIME: Final = "http://www.w3.org/2006/time#"
WGS: Final = "http://www.w3.org/2003/01/geo/wgs84_pos#"
VCARD: Final = "http://www.w3.org/2006/vcard/ns#"
SCHEMA: Final = "https://schema.org/"
FOAF: Final = "http://xmlns.com/foaf/0.1/"
ADMS: Final = "http://www.w3.org/ns/adms#"
SH: Final = "http://www.w3.org/ns/shacl#"
VOID: Final = "http://rdfs.org/ns/void#"
LANG: Final = "http://publications.europa.eu/resource/authority/language/"

#: Every prefix eitkg writes and reads; queries get them for free.
PREFIXES: Final[dict[str, str]] = {
    "eit": EIT,
    "eitv": EITV,
    "eitg": EITG,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "skos": SKOS,
    "org": ORG,
    "dcat": DCAT,
    "dcterms": DCTERMS,
    "prov": PROV,
    "geo": GEO,
    "geof": GEOF,
    "qudt": QUDT,
    "unit": UNIT,
    "time": TIME,
    "wgs": WGS,
    "vcard": VCARD,
    "schema": SCHEMA,
    "foaf": FOAF,
    "adms": ADMS,
    "sh": SH,
    "void": VOID,
}


def eit(local: str) -> NamedNode:
    """A term of the eitkg ontology.

    >>> eit("Need").value
    'https://w3id.org/eitkg/ontology#Need'
    """
    return NamedNode(EIT + local)


def eitv(path: str) -> NamedNode:
    """A concept or scheme of a shipped vocabulary.

    >>> eitv("ewc/010304").value
    'https://w3id.org/eitkg/vocab/ewc/010304'
    """
    return NamedNode(EITV + path)


def eitg(path: str) -> NamedNode:
    """The name of a graph holding shipped content.

    >>> eitg("vocab/ewc").value
    'https://w3id.org/eitkg/graph/vocab/ewc'
    """
    return NamedNode(EITG + path)


def term(prefix: str, local: str) -> NamedNode:
    """A term from one of the known prefixes.

    >>> term("skos", "prefLabel").value
    'http://www.w3.org/2004/02/skos/core#prefLabel'
    """
    return NamedNode(PREFIXES[prefix] + local)
