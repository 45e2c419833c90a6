"""What a set of triples declares (its signature), and the OWL 2 DL declaration rules it breaks.

HermiT, through the OWL API, guesses the kind of an undeclared term, so a reasoner run alone
does not prove that the ontology plus the vocabularies stays in OWL 2 DL. These checks do,
without a reasoner: every property used has exactly one declared kind, object properties link
resources, datatype properties carry literals, and every class an individual is typed with is
declared. The built-in vocabulary (``rdf:``, ``rdfs:``, ``owl:``) needs no declaration.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, Triple

from eitkg.namespaces import OWL, RDF, RDFS

_TYPE = NamedNode(RDF + "type")
_CLASS = NamedNode(OWL + "Class")
_NAMED_INDIVIDUAL = NamedNode(OWL + "NamedIndividual")
_KINDS = {
    NamedNode(OWL + "ObjectProperty"): "object",
    NamedNode(OWL + "DatatypeProperty"): "datatype",
    NamedNode(OWL + "AnnotationProperty"): "annotation",
}
#: Built-in annotation properties of OWL 2 (usable without a declaration).
_BUILTIN_ANNOTATIONS = frozenset(
    [RDFS + name for name in ("label", "comment", "seeAlso", "isDefinedBy")]
    + [
        OWL + name
        for name in (
            "versionInfo",
            "deprecated",
            "priorVersion",
            "backwardCompatibleWith",
            "incompatibleWith",
        )
    ]
)
_RESERVED = (RDF, RDFS, OWL)


def _reserved(iri: str) -> bool:
    return iri.startswith(_RESERVED)


@dataclass(frozen=True)
class Signature:
    """The IRIs a graph declares, by kind; ``individuals`` are IRIs typed with a declared class."""

    classes: frozenset[str]
    object_properties: frozenset[str]
    datatype_properties: frozenset[str]
    annotation_properties: frozenset[str]
    individuals: frozenset[str]

    @property
    def properties(self) -> int:
        """How many properties of all three kinds."""
        return (
            len(self.object_properties)
            + len(self.datatype_properties)
            + len(self.annotation_properties)
        )

    def kinds_of(self, iri: str) -> list[str]:
        """The property kinds declared for ``iri`` (more than one breaks OWL 2 DL)."""
        kinds = [
            ("object", self.object_properties),
            ("datatype", self.datatype_properties),
            ("annotation", self.annotation_properties),
        ]
        found = [name for name, members in kinds if iri in members]
        if not found and iri in _BUILTIN_ANNOTATIONS:
            found.append("annotation")
        return found


def signature(triples: Iterable[Triple]) -> Signature:
    """Collect the declarations of ``triples``.

    >>> from pyoxigraph import NamedNode as N
    >>> c, i = N("http://x/C"), N("http://x/i")
    >>> sig = signature([Triple(c, _TYPE, _CLASS), Triple(i, _TYPE, c)])
    >>> sorted(sig.classes), sorted(sig.individuals)
    (['http://x/C'], ['http://x/i'])
    """
    declared: dict[str, set[str]] = defaultdict(set)
    typed: list[tuple[str, str]] = []
    for triple in triples:
        if triple.predicate != _TYPE or not isinstance(triple.subject, NamedNode):
            continue
        if not isinstance(triple.object, NamedNode):
            continue
        subject, kind = triple.subject.value, triple.object
        if kind == _CLASS:
            declared["class"].add(subject)
        elif kind in _KINDS:
            declared[_KINDS[kind]].add(subject)
        elif kind == _NAMED_INDIVIDUAL:
            declared["individual"].add(subject)
        elif not _reserved(kind.value):
            typed.append((subject, kind.value))
    classes = frozenset(declared["class"])
    individuals = set(declared["individual"])
    individuals.update(subject for subject, kind in typed if kind in classes)
    return Signature(
        classes=classes,
        object_properties=frozenset(declared["object"]),
        datatype_properties=frozenset(declared["datatype"]),
        annotation_properties=frozenset(declared["annotation"]),
        individuals=frozenset(individuals),
    )


def dl_violations(triples: Iterable[Triple], sig: Signature) -> list[str]:
    """Messages for each OWL 2 DL declaration rule the triples break, sorted; empty when clean.

    >>> from pyoxigraph import NamedNode as N
    >>> p = N("http://x/p")
    >>> dl_violations([Triple(N("http://x/a"), p, Literal("v"))], signature([]))
    ['<http://x/p> is used as a property but not declared (1 triple)']
    """
    problems: set[str] = set()
    undeclared: dict[str, int] = defaultdict(int)
    for iri in sorted(sig.object_properties | sig.datatype_properties | sig.annotation_properties):
        kinds = sig.kinds_of(iri)
        if len(kinds) > 1:
            problems.add(f"<{iri}> is declared as {' and '.join(kinds)} property")
    for triple in triples:
        predicate = triple.predicate.value
        if triple.predicate == _TYPE:
            kind = triple.object
            if (
                isinstance(kind, NamedNode)
                and not _reserved(kind.value)
                and kind.value not in sig.classes
            ):
                problems.add(f"<{kind.value}> is used as a class but not declared owl:Class")
            continue
        if _reserved(predicate) and predicate not in _BUILTIN_ANNOTATIONS:
            continue
        kinds = sig.kinds_of(predicate)
        if not kinds:
            undeclared[predicate] += 1
        elif kinds == ["object"] and isinstance(triple.object, Literal):
            problems.add(f"object property <{predicate}> has a literal value")
        elif kinds == ["datatype"] and not isinstance(triple.object, Literal):
            problems.add(f"datatype property <{predicate}> has a non-literal value")
    for predicate, count in undeclared.items():
        triples_text = "1 triple" if count == 1 else f"{count} triples"
        problems.add(f"<{predicate}> is used as a property but not declared ({triples_text})")
    return sorted(problems)
