"""What a resource page shows, built from its triples: labels in the reader's language, links.

Pure functions over pyoxigraph terms: no store, no HTTP; the templates only lay them out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from eitkg.http.describe import Description, MapPoint
from eitkg.http.i18n import TERM_LABELS
from eitkg.http.links import LocalLinks, compact_iri
from eitkg.namespaces import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

LABEL_PROPERTIES: tuple[str, ...] = (SKOS + "prefLabel", RDFS + "label", DCTERMS + "title")
_NOTATION = SKOS + "notation"
_TYPE = RDF + "type"
#: Properties shown first, in this order; the others follow by label.
_FIRST = (
    *LABEL_PROPERTIES,
    SKOS + "altLabel",
    _NOTATION,
    SKOS + "definition",
    RDFS + "comment",
    DCTERMS + "description",
)


@dataclass(frozen=True)
class Link:
    """A resource as a link: its page on this server, its label, its IRI."""

    url: str
    label: str
    iri: str


@dataclass(frozen=True)
class Value:
    """One value on a page: a link, or a literal with its language or datatype."""

    text: str
    link: Link | None = None
    lang: str | None = None
    datatype: str | None = None


@dataclass(frozen=True)
class Row:
    """A property and its values (or, for incoming links, the resources that point here)."""

    predicate: Link
    values: tuple[Value, ...]


@dataclass(frozen=True)
class PointView:
    """A site on the map, ready for the template and its script."""

    lat: float
    long: float
    label: str
    site_label: str
    url: str
    actor_url: str | None
    own: bool
    commune: str | None


@dataclass(frozen=True)
class ResourcePage:
    """Everything a resource page shows."""

    iri: str
    title: str
    types: tuple[Link, ...]
    rows: tuple[Row, ...]
    incoming: tuple[Row, ...]
    points: tuple[PointView, ...] = field(default_factory=tuple)


class Labeller:
    """Picks the best label of any term in the reader's language, from the triples at hand."""

    def __init__(self, triples: Iterable[Triple], lang: str, links: LocalLinks) -> None:
        self.lang = lang
        self.links = links
        self._labels: dict[str, list[Literal]] = {}
        self._notations: dict[str, str] = {}
        for triple in triples:
            predicate = triple.predicate.value
            obj = triple.object
            if not isinstance(obj, Literal):
                continue
            key = _key(triple.subject)
            if predicate in LABEL_PROPERTIES:
                self._labels.setdefault(key, []).append(obj)
            elif predicate == _NOTATION and key not in self._notations:
                self._notations[key] = obj.value

    def label(self, node: object) -> str:
        """The label in the reader's language, else the other one, else a readable name."""
        key = _key(node)
        best = pick_literal(self._labels.get(key, []), self.lang)
        if best is not None:
            return best.value
        builtin = TERM_LABELS.get(key)
        if builtin:
            return builtin.get(self.lang, builtin["en"])
        if key in self._notations:
            return self._notations[key]
        return readable_name(key)

    def has_label(self, node: object) -> bool:
        return _key(node) in self._labels

    def link(self, node: object) -> Link:
        key = _key(node)
        url = self.links.url_for(key) if isinstance(node, NamedNode) else ""
        return Link(url=url, label=self.label(node), iri=key)


def pick_literal(literals: Sequence[Literal], lang: str) -> Literal | None:
    """The literal in ``lang``, else French, English, untagged, then any (stable order).

    >>> pick_literal([Literal("a", language="fr"), Literal("b", language="en")], "en").value
    'b'
    """
    if not literals:
        return None

    def rank(literal: Literal) -> tuple[int, str]:
        tag = (literal.language or "").lower()
        order = [lang, "fr", "en", ""]
        primary = tag.split("-")[0]
        return (order.index(primary) if primary in order else len(order), literal.value)

    return min(literals, key=rank)


def readable_name(iri: str) -> str:
    """A name for an IRI without a label: prefixed name, or the end of its path.

    >>> readable_name("http://www.w3.org/ns/org#siteOf")
    'org:siteOf'
    >>> readable_name("http://localhost:8000/id/site/55208131700026")
    '55208131700026'
    """
    compact = compact_iri(iri)
    if compact != iri:
        return compact
    tail = iri.rstrip("/").rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    return tail or iri


def resource_page(
    description: Description,
    labels: Iterable[Triple],
    lang: str,
    links: LocalLinks,
    points: Sequence[MapPoint] = (),
) -> ResourcePage:
    """The page model of a description, with the labels of its properties and classes."""
    triples = description.triples
    labeller = Labeller([*triples, *labels], lang, links)
    iri = description.iri
    outgoing: dict[str, list[Value]] = {}
    incoming: dict[str, list[Value]] = {}
    types: list[Link] = []
    for triple in triples:
        predicate = triple.predicate.value
        if triple.subject == iri:
            if predicate == _TYPE and isinstance(triple.object, NamedNode):
                types.append(labeller.link(triple.object))
            else:
                outgoing.setdefault(predicate, []).append(_value(triple.object, labeller))
        elif triple.object == iri and triple.subject != iri:
            incoming.setdefault(predicate, []).append(_value(triple.subject, labeller))
    return ResourcePage(
        iri=iri.value,
        title=labeller.label(iri),
        types=tuple(sorted(set(types), key=lambda link: link.label.lower())),
        rows=_rows(outgoing, labeller, first=_FIRST),
        incoming=_rows(incoming, labeller, first=()),
        points=tuple(_point(p, labeller, links) for p in points),
    )


def _rows(
    by_predicate: dict[str, list[Value]], labeller: Labeller, *, first: Sequence[str]
) -> tuple[Row, ...]:
    def order(predicate: str) -> tuple[int, str]:
        rank = first.index(predicate) if predicate in first else len(first)
        return rank, labeller.label(NamedNode(predicate)).lower()

    rows = []
    for predicate in sorted(by_predicate, key=order):
        values = sorted(set(by_predicate[predicate]), key=_value_order)
        rows.append(Row(labeller.link(NamedNode(predicate)), tuple(values)))
    return tuple(rows)


def _value_order(value: Value) -> tuple[str, str, str]:
    return (value.lang or "", value.text.lower(), value.link.iri if value.link else "")


def _value(term: object, labeller: Labeller) -> Value:
    if isinstance(term, Literal):
        datatype = term.datatype.value
        shown = None if term.language or datatype == XSD + "string" else compact_iri(datatype)
        return Value(text=term.value, lang=term.language, datatype=shown)
    if isinstance(term, BlankNode):
        return Value(text=f"_:{term.value}")
    link = labeller.link(term)
    return Value(text=link.label, link=link)


def _point(point: MapPoint, labeller: Labeller, links: LocalLinks) -> PointView:
    actor = pick_literal(list(point.actor_labels), labeller.lang)
    site = pick_literal(list(point.site_labels), labeller.lang)
    site_label = site.value if site is not None else readable_name(point.site)
    return PointView(
        lat=point.lat,
        long=point.long,
        label=actor.value if actor is not None else site_label,
        site_label=site_label,
        url=links.url_for(point.site),
        actor_url=links.url_for(point.actor) if point.actor else None,
        own=point.own,
        commune=point.commune,
    )


def _key(node: object) -> str:
    if isinstance(node, NamedNode):
        return node.value
    if isinstance(node, BlankNode):
        return "_:" + node.value
    return str(node)


@dataclass(frozen=True)
class TermView:
    """One ontology term on the ontology page, under its own anchor."""

    anchor: str
    iri: str
    label: str
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class OntologyPage:
    """The ontology document: its metadata, then its terms by kind."""

    iri: str
    title: str
    rows: tuple[Row, ...]
    sections: tuple[tuple[str, tuple[TermView, ...]], ...]


#: Sections of the ontology page: (message key, OWL kind).
_KINDS = (
    ("classes", OWL + "Class"),
    ("object_properties", OWL + "ObjectProperty"),
    ("datatype_properties", OWL + "DatatypeProperty"),
    ("annotation_properties", OWL + "AnnotationProperty"),
)
_KIND_IRIS = frozenset(kind for _, kind in _KINDS)


def ontology_page(
    triples: Sequence[Triple], ontology_iri: str, namespace: str, lang: str, links: LocalLinks
) -> OntologyPage:
    """The ontology page model: the terms of ``namespace``, grouped by OWL kind."""
    labeller = Labeller(triples, lang, links)
    by_subject: dict[str, list[Triple]] = {}
    kinds: dict[str, str] = {}
    for triple in triples:
        if not isinstance(triple.subject, NamedNode):
            continue
        subject = triple.subject.value
        by_subject.setdefault(subject, []).append(triple)
        term_type = triple.object
        if (
            triple.predicate.value == _TYPE
            and isinstance(term_type, NamedNode)
            and term_type.value in _KIND_IRIS
        ):
            kinds[subject] = term_type.value
    sections = []
    for key, kind in _KINDS:
        terms = [
            _term_view(iri, by_subject[iri], labeller, namespace)
            for iri, term_kind in kinds.items()
            if term_kind == kind and iri.startswith(namespace)
        ]
        terms.sort(key=lambda term: term.anchor.lower())
        if terms:
            sections.append((key, tuple(terms)))
    head: dict[str, list[Value]] = {}
    for triple in by_subject.get(ontology_iri, []):
        head.setdefault(triple.predicate.value, []).append(_value(triple.object, labeller))
    return OntologyPage(
        iri=ontology_iri,
        title=labeller.label(NamedNode(ontology_iri)),
        rows=_rows(head, labeller, first=_FIRST),
        sections=tuple(sections),
    )


def _term_view(iri: str, triples: list[Triple], labeller: Labeller, namespace: str) -> TermView:
    values: dict[str, list[Value]] = {}
    for triple in triples:
        values.setdefault(triple.predicate.value, []).append(_value(triple.object, labeller))
    return TermView(
        anchor=iri[len(namespace) :],
        iri=iri,
        label=labeller.label(NamedNode(iri)),
        rows=_rows(values, labeller, first=_FIRST),
    )


@dataclass(frozen=True)
class NodeView:
    """One subject of a multi-resource document (catalogue, VoID)."""

    anchor: str
    link: Link
    types: tuple[Link, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class DocumentPage:
    """A document about several resources: the main one first, the others by type."""

    iri: str
    title: str
    nodes: tuple[NodeView, ...]


def document_page(
    triples: Sequence[Triple],
    main: str,
    lang: str,
    links: LocalLinks,
    *,
    type_order: Sequence[str] = (),
) -> DocumentPage:
    """The page model of a document: one section per subject, labelled in ``lang``."""
    labeller = Labeller(triples, lang, links)
    by_subject: dict[str, list[Triple]] = {}
    for triple in triples:
        by_subject.setdefault(_key(triple.subject), []).append(triple)
    nodes = []
    for key, items in by_subject.items():
        types = sorted(
            {labeller.link(t.object) for t in items if t.predicate.value == _TYPE},
            key=lambda link: link.label.lower(),
        )
        values: dict[str, list[Value]] = {}
        for triple in items:
            if triple.predicate.value != _TYPE:
                values.setdefault(triple.predicate.value, []).append(
                    _value(triple.object, labeller)
                )
        subject = items[0].subject
        nodes.append(
            NodeView(
                anchor=_anchor(key),
                link=labeller.link(subject),
                types=tuple(types),
                rows=_rows(values, labeller, first=_FIRST),
            )
        )

    def order(node: NodeView) -> tuple[int, int, str]:
        kinds = [type_order.index(t.iri) for t in node.types if t.iri in type_order]
        return (node.link.iri != main, min(kinds, default=len(type_order)), node.link.label.lower())

    nodes.sort(key=order)
    return DocumentPage(iri=main, title=labeller.label(NamedNode(main)), nodes=tuple(nodes))


def _anchor(key: str) -> str:
    fragment = key.rsplit("#", 1)[-1] if "#" in key else key.rstrip("/").rsplit("/", 1)[-1]
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in fragment) or "node"
