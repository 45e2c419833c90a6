"""Compact JSON-LD that reads as plain JSON, written with the context this server publishes.

pyoxigraph writes expanded JSON-LD only; this module writes the compact form itself from the
triples, with the term definitions of ``static/context.jsonld`` (served at ``/context.jsonld``).
It is serialisation only: values keep their exact lexical form, and a value that does not fit
its term's definition is written under its full ``prefix:name`` key with an explicit value object,
so the JSON-LD always expands back to the same triples.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from eitkg.namespaces import RDF, XSD

CONTEXT_PATH = Path(__file__).resolve().parent / "static" / "context.jsonld"
_RDF_TYPE = RDF + "type"
_STRING = XSD + "string"
_LANG_STRING = RDF + "langString"
#: Datatypes written as native JSON values by terms without a type coercion.
_NATIVE = {XSD + "boolean": "boolean", XSD + "integer": "integer"}

Node = NamedNode | BlankNode


@dataclass(frozen=True)
class TermDef:
    """One term of the context: the property it names and how its values are written."""

    name: str
    iri: str
    type: str | None  # "@id", a datatype IRI, or None
    language_map: bool
    always_array: bool


@dataclass(frozen=True)
class Context:
    """The published context, indexed for compaction."""

    document: dict[str, Any]
    prefixes: dict[str, str]
    terms: dict[str, tuple[TermDef, ...]]  # by property IRI, in context order
    class_names: dict[str, str]  # class IRI → term
    vocab: str

    def compact_iri(self, iri: str) -> str:
        """``prefix:local`` for a known namespace (longest first), else the IRI."""
        for prefix, namespace in sorted(self.prefixes.items(), key=lambda kv: -len(kv[1])):
            local = iri[len(namespace) :]
            if iri.startswith(namespace) and local and "#" not in local:
                return f"{prefix}:{local}"
        return iri

    def type_name(self, iri: str) -> str:
        if iri in self.class_names:
            return self.class_names[iri]
        if iri.startswith(self.vocab) and iri[len(self.vocab) :].isidentifier():
            return iri[len(self.vocab) :]
        return self.compact_iri(iri)


@cache
def load_context(path: Path = CONTEXT_PATH) -> Context:
    """Read and index the published context (a file shipped with the package)."""
    document = json.loads(path.read_text(encoding="utf-8"))
    raw: dict[str, Any] = document["@context"]
    prefixes = {k: v for k, v in raw.items() if isinstance(v, str) and v.endswith(("#", "/"))}

    def expand(value: str) -> str:
        prefix, sep, local = value.partition(":")
        return prefixes[prefix] + local if sep and prefix in prefixes else value

    terms: dict[str, tuple[TermDef, ...]] = {}
    class_names: dict[str, str] = {}
    for name, definition in raw.items():
        if name.startswith("@") or name in prefixes:
            continue
        if isinstance(definition, str):
            if not definition.startswith("@"):
                class_names[expand(definition)] = name
            continue
        container = definition.get("@container", [])
        containers = [container] if isinstance(container, str) else list(container)
        kind = definition.get("@type")
        iri = expand(definition["@id"])
        term = TermDef(
            name=name,
            iri=iri,
            type=kind if kind in (None, "@id") else expand(kind),
            language_map="@language" in containers,
            always_array="@set" in containers,
        )
        terms[iri] = (*terms.get(iri, ()), term)
    return Context(document, prefixes, terms, class_names, raw.get("@vocab", ""))


def compact_document(
    triples: Iterable[Triple], main: NamedNode, *, context_url: str, context: Context | None = None
) -> dict[str, Any]:
    """The triples as one JSON object about ``main``; other subjects go to ``included``.

    >>> doc = compact_document(
    ...     [Triple(NamedNode("http://x/f"), NamedNode("https://w3id.org/eitkg/ontology#site"),
    ...             NamedNode("http://x/s"))],
    ...     NamedNode("http://x/f"), context_url="http://x/context.jsonld")
    >>> doc["site"]
    'http://x/s'
    """
    ctx = context or load_context()
    by_subject: dict[Node, list[Triple]] = {}
    for triple in triples:
        subject = triple.subject
        if isinstance(subject, NamedNode | BlankNode):
            by_subject.setdefault(subject, []).append(triple)
    document: dict[str, Any] = {"@context": context_url}
    document.update(_node(main, by_subject.pop(main, []), ctx))
    others = sorted(by_subject.items(), key=lambda kv: (isinstance(kv[0], BlankNode), str(kv[0])))
    if others:
        document["included"] = [_node(subject, items, ctx) for subject, items in others]
    return document


def dumps(document: dict[str, Any]) -> bytes:
    """The JSON bytes of a document (UTF-8, indented for people)."""
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def _node(subject: Node, triples: list[Triple], ctx: Context) -> dict[str, Any]:
    node: dict[str, Any] = {"id": _id(subject)}
    values: dict[str, list[Any]] = {}
    always_array: set[str] = set()
    types: list[str] = []
    for triple in triples:
        predicate, obj = triple.predicate.value, triple.object
        if predicate == _RDF_TYPE and isinstance(obj, NamedNode):
            types.append(ctx.type_name(obj.value))
            continue
        key, value, as_array = _entry(predicate, obj, ctx)
        if key is None:
            continue
        if as_array:
            always_array.add(key)
        if isinstance(value, dict) and key in values and _is_language_map(key, predicate, ctx):
            _merge_language_map(values[key][0], value)
        else:
            values.setdefault(key, []).append(value)
    if types:
        node["type"] = sorted(types)
    for key in sorted(values):
        items = values[key]
        node[key] = items if (len(items) > 1 or key in always_array) else items[0]
    return node


def _entry(predicate: str, obj: object, ctx: Context) -> tuple[str | None, Any, bool]:
    for term in ctx.terms.get(predicate, ()):
        value = _fit(term, obj)
        if value is not _MISFIT:
            return term.name, value, term.always_array and not term.language_map
    return ctx.compact_iri(predicate), _value_object(obj, ctx), False


_MISFIT = object()


def _fit(term: TermDef, obj: object) -> Any:
    """The value as the term writes it, or _MISFIT when the term cannot carry it."""
    if term.type == "@id":
        return _id(obj) if isinstance(obj, NamedNode | BlankNode) else _MISFIT
    if not isinstance(obj, Literal):
        return _MISFIT
    datatype = obj.datatype.value
    if term.language_map:
        if obj.language:
            return {obj.language: [obj.value] if term.always_array else obj.value}
        if datatype == _STRING:
            return {"@none": [obj.value] if term.always_array else obj.value}
        return _MISFIT
    if term.type is not None:
        return obj.value if datatype == term.type else _MISFIT
    if datatype == _STRING:
        return obj.value
    native = _NATIVE.get(datatype)
    if native == "boolean" and obj.value in ("true", "false"):
        return obj.value == "true"
    if native == "integer" and obj.value.lstrip("-").isdigit() and obj.value == str(int(obj.value)):
        return int(obj.value)
    return _MISFIT


def _is_language_map(key: str, predicate: str, ctx: Context) -> bool:
    return any(t.name == key and t.language_map for t in ctx.terms.get(predicate, ()))


def _merge_language_map(target: dict[str, Any], addition: dict[str, Any]) -> None:
    for lang, value in addition.items():
        if lang not in target:
            target[lang] = value
            continue
        current = target[lang] if isinstance(target[lang], list) else [target[lang]]
        current.extend(value if isinstance(value, list) else [value])
        target[lang] = current


def _value_object(obj: object, ctx: Context) -> Any:
    if isinstance(obj, NamedNode | BlankNode):
        return {"id": _id(obj)}
    assert isinstance(obj, Literal)
    if obj.language:
        return {"@value": obj.value, "@language": obj.language}
    if obj.datatype.value == _STRING:
        return obj.value
    return {"@value": obj.value, "@type": ctx.compact_iri(obj.datatype.value)}


def _id(node: object) -> str:
    if isinstance(node, BlankNode):
        return f"_:{node.value}"
    assert isinstance(node, NamedNode)
    return node.value
