"""An in-memory triple index over pyoxigraph terms, built for SHACL evaluation.

``spo`` maps a subject to its predicates and their objects (each list without
duplicates); the reverse map (predicate → object → subjects) is built only for the
predicates that validation walks backwards (``rdf:type``, inverse paths, targets), on
first use. Plain dicts keep the per-lookup cost at a few tens of nanoseconds, far below
a call into the store, which matters when 100 shapes each visit 5,000 flows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Final

from pyoxigraph import Literal, Quad, Triple

from eitkg.validation.fast.terms import (
    RDF_FIRST,
    RDF_NIL,
    RDF_REST,
    RDF_TYPE,
    RDFS_SUBCLASS_OF,
    Term,
    TripleTuple,
)

_NO_OBJECTS: Final[dict[Term, list[Term]]] = {}
_NOTHING: Final[tuple[Term, ...]] = ()


class TripleIndex:
    """A set of triples indexed by subject, and by predicate and object on demand."""

    __slots__ = (
        "_incoming",
        "_pos",
        "_subclasses",
        "_subjects_of",
        "_superclasses",
        "size",
        "spo",
    )

    def __init__(self, triples: Iterable[TripleTuple] = ()) -> None:
        self.spo: dict[Term, dict[Term, list[Term]]] = {}
        self._pos: dict[Term, dict[Term, list[Term]]] = {}
        self._superclasses: dict[Term, frozenset[Term]] = {}
        self._subclasses: dict[Term, frozenset[Term]] = {}
        self._incoming: dict[Term, list[tuple[Term, Term]]] | None = None
        self._subjects_of: dict[Term, list[Term]] | None = None
        self.size = 0
        self.add_all(triples)

    def add_all(self, triples: Iterable[TripleTuple]) -> int:
        """Add triples (duplicates are skipped); return how many were new."""
        return self._add(triples)

    def add_quads(self, quads: Iterable[Quad], nodes: set[Term]) -> int:
        """Add the triples of pyoxigraph quads (graph names dropped) and put their non-literal
        objects in ``nodes``; RDF-star quoted triples are refused (``ValueError``)."""
        return self._add(_checked(quads, nodes))

    def _add(self, triples: Iterable[TripleTuple]) -> int:
        spo = self.spo
        added = 0
        for s, p, o in triples:
            by_predicate = spo.get(s)
            if by_predicate is None:
                spo[s] = {p: [o]}
            else:
                objects = by_predicate.get(p)
                if objects is None:
                    by_predicate[p] = [o]
                elif o in objects:
                    continue
                else:
                    objects.append(o)
            added += 1
        if added:
            self.size += added
            self._pos.clear()
            self._superclasses.clear()
            self._subclasses.clear()
            self._incoming = None
            self._subjects_of = None
        return added

    def __len__(self) -> int:
        return self.size

    def __contains__(self, triple: TripleTuple) -> bool:
        s, p, o = triple
        return o in self.spo.get(s, _NO_OBJECTS).get(p, _NOTHING)

    def triples(self) -> Iterator[TripleTuple]:
        """Every triple, subject by subject."""
        for s, by_predicate in self.spo.items():
            for p, objects in by_predicate.items():
                for o in objects:
                    yield s, p, o

    def about(self, subject: Term) -> dict[Term, list[Term]]:
        """The predicates of ``subject`` and their objects (empty when it is no subject)."""
        return self.spo.get(subject, _NO_OBJECTS)

    def objects(self, subject: Term, predicate: Term) -> Sequence[Term]:
        """The objects of ``subject predicate ?o``."""
        return self.spo.get(subject, _NO_OBJECTS).get(predicate, _NOTHING)

    def value(self, subject: Term, predicate: Term) -> Term | None:
        """One object of ``subject predicate ?o`` (the first added), or ``None``."""
        objects = self.objects(subject, predicate)
        return objects[0] if objects else None

    def by_object(self, predicate: Term) -> dict[Term, list[Term]]:
        """For ``predicate``: each object and the subjects that point to it."""
        reverse = self._pos.get(predicate)
        if reverse is None:
            reverse = {}
            for s, by_predicate in self.spo.items():
                objects = by_predicate.get(predicate)
                if objects is not None:
                    for o in objects:
                        subjects = reverse.get(o)
                        if subjects is None:
                            reverse[o] = [s]
                        else:
                            subjects.append(s)
            self._pos[predicate] = reverse
        return reverse

    def subjects(self, predicate: Term, obj: Term) -> Sequence[Term]:
        """The subjects of ``?s predicate obj``."""
        return self.by_object(predicate).get(obj, _NOTHING)

    def incoming(self, obj: Term) -> list[tuple[Term, Term]]:
        """The (subject, predicate) pairs of every triple whose object is ``obj``."""
        if self._incoming is None:
            incoming: dict[Term, list[tuple[Term, Term]]] = {}
            for s, by_predicate in self.spo.items():
                for p, objects in by_predicate.items():
                    for o in objects:
                        pairs = incoming.get(o)
                        if pairs is None:
                            incoming[o] = [(s, p)]
                        else:
                            pairs.append((s, p))
            self._incoming = incoming
        return self._incoming.get(obj, [])

    def subjects_of(self, predicate: Term) -> list[Term]:
        """Every subject that has ``predicate``, in insertion order."""
        if self._subjects_of is None:
            by_predicate: dict[Term, list[Term]] = {}
            for s, predicates in self.spo.items():
                for p in predicates:
                    subjects = by_predicate.get(p)
                    if subjects is None:
                        by_predicate[p] = [s]
                    else:
                        subjects.append(s)
            self._subjects_of = by_predicate
        return self._subjects_of.get(predicate, [])

    def objects_of(self, predicate: Term) -> list[Term]:
        """Every object of ``predicate``, without duplicates."""
        return list(self.by_object(predicate))

    def items(self, head: Term) -> list[Term]:
        """The members of the RDF list starting at ``head`` (cycles and forks end the walk)."""
        members: list[Term] = []
        seen: set[Term] = set()
        node = head
        while node != RDF_NIL and node not in seen:
            seen.add(node)
            first = self.objects(node, RDF_FIRST)
            if not first:
                break
            members.append(first[0])
            rest = self.objects(node, RDF_REST)
            if not rest:
                break
            node = rest[0]
        return members

    def superclasses(self, cls: Term) -> frozenset[Term]:
        """``cls`` and every class it is a ``rdfs:subClassOf*`` of."""
        found = self._superclasses.get(cls)
        if found is None:
            found = frozenset(_closure(cls, lambda c: self.objects(c, RDFS_SUBCLASS_OF)))
            self._superclasses[cls] = found
        return found

    def subclasses(self, cls: Term) -> frozenset[Term]:
        """``cls`` and every class that is a ``rdfs:subClassOf*`` it."""
        found = self._subclasses.get(cls)
        if found is None:
            found = frozenset(_closure(cls, lambda c: self.subjects(RDFS_SUBCLASS_OF, c)))
            self._subclasses[cls] = found
        return found

    def is_instance(self, node: Term, cls: Term) -> bool:
        """Whether ``node rdf:type/rdfs:subClassOf* cls`` holds (a SHACL instance)."""
        types = self.spo.get(node, _NO_OBJECTS).get(RDF_TYPE)
        if not types:
            return False
        subclasses = self.subclasses(cls)
        return any(t in subclasses for t in types)

    def instances(self, cls: Term) -> list[Term]:
        """Every SHACL instance of ``cls``, without duplicates."""
        by_type = self.by_object(RDF_TYPE)
        found: dict[Term, None] = {}
        for subclass in self.subclasses(cls):
            for node in by_type.get(subclass, _NOTHING):
                found[node] = None
        return list(found)


def _checked(quads: Iterable[Quad], nodes: set[Term]) -> Iterator[TripleTuple]:
    add = nodes.add
    for s, p, o, _ in quads:  # unpacking is much cheaper than the .subject… attributes
        if type(o) is not Literal:
            if type(o) is Triple or type(s) is Triple:
                raise ValueError(f"RDF-star triple terms are not validated: {s} {p} {o}")
            add(o)
        yield s, p, o


def _closure(start: Term, step: Callable[[Term], Iterable[Term]]) -> set[Term]:
    seen = {start}
    pending = [start]
    while pending:
        for following in step(pending.pop()):
            if following not in seen and not isinstance(following, Literal):
                seen.add(following)
                pending.append(following)
    return seen
