"""RDF terms the fast engine works with: pyoxigraph terms and the SHACL vocabulary."""

from __future__ import annotations

from typing import Final, TypeAlias

from pyoxigraph import BlankNode, Literal, NamedNode

from eitkg.namespaces import RDF, RDFS, SH, XSD

__all__ = [
    "RDFS_CLASS",
    "RDFS_DATATYPE",
    "RDFS_LITERAL",
    "RDFS_RESOURCE",
    "RDFS_SUBCLASS_OF",
    "RDF_FIRST",
    "RDF_LANG_STRING",
    "RDF_NIL",
    "RDF_REST",
    "RDF_TYPE",
    "SH_VIOLATION",
    "TRUE",
    "XSD_BOOLEAN",
    "XSD_STRING",
    "BlankNode",
    "Literal",
    "NamedNode",
    "Resource",
    "Term",
    "TripleTuple",
    "sh",
]

#: A node of a graph: IRI, blank node or literal (RDF-star triples are not validated).
Term: TypeAlias = NamedNode | BlankNode | Literal
#: A node that can be a subject.
Resource: TypeAlias = NamedNode | BlankNode
#: One triple as a plain tuple (faster to build and unpack than pyoxigraph ``Triple``).
TripleTuple: TypeAlias = tuple[Term, Term, Term]


def sh(name: str) -> NamedNode:
    """The SHACL IRI ``sh:{name}``."""
    return NamedNode(SH + name)


RDF_TYPE: Final = NamedNode(RDF + "type")
RDF_FIRST: Final = NamedNode(RDF + "first")
RDF_REST: Final = NamedNode(RDF + "rest")
RDF_NIL: Final = NamedNode(RDF + "nil")
RDF_LANG_STRING: Final = NamedNode(RDF + "langString")
RDFS_SUBCLASS_OF: Final = NamedNode(RDFS + "subClassOf")
RDFS_CLASS: Final = NamedNode(RDFS + "Class")
RDFS_RESOURCE: Final = NamedNode(RDFS + "Resource")
RDFS_LITERAL: Final = NamedNode(RDFS + "Literal")
RDFS_DATATYPE: Final = NamedNode(RDFS + "Datatype")
XSD_STRING: Final = NamedNode(XSD + "string")
XSD_BOOLEAN: Final = NamedNode(XSD + "boolean")
TRUE: Final = Literal("true", datatype=XSD_BOOLEAN)

SH_VIOLATION: Final = sh("Violation")
