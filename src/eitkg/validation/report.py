"""Read a pyshacl ``sh:ValidationReport`` graph into :class:`ValidationReport` values."""

from __future__ import annotations

import re
from collections.abc import Collection

from rdflib import RDF, SH, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection as RdfList
from rdflib.term import Node

from eitkg.validation.model import (
    SEVERITIES,
    Severity,
    ValidationReport,
    ValidationResult,
    sort_results,
)

_PATH_OPERATORS = {
    SH.zeroOrMorePath: "*",
    SH.oneOrMorePath: "+",
    SH.zeroOrOnePath: "?",
}


def node_text(node: Node | None) -> str:
    """An IRI as itself, a blank node as ``_:id``, a literal as its lexical form.

    >>> node_text(BNode("b1")), node_text(Literal(4.5))
    ('_:b1', '4.5')
    """
    if node is None:
        return ""
    if isinstance(node, BNode):
        return f"_:{node}"
    return str(node)


def path_text(graph: Graph, path: Node, *, top: bool = True) -> str:
    """A SHACL property path in SPARQL syntax; a plain IRI at the top is written bare.

    >>> g = Graph()
    >>> alt, items = BNode(), BNode()
    >>> _ = RdfList(g, items, [URIRef("http://x/a"), URIRef("http://x/b")])
    >>> _ = g.add((alt, SH.alternativePath, items))
    >>> path_text(g, alt)
    '<http://x/a>|<http://x/b>'
    """
    if isinstance(path, URIRef):
        return str(path) if top else f"<{path}>"
    if (path, RDF.first, None) in graph:
        parts = [path_text(graph, p, top=False) for p in RdfList(graph, path)]
        return "/".join(parts) if top else "(" + "/".join(parts) + ")"
    inverse = graph.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + path_text(graph, inverse, top=False)
    alternatives = graph.value(path, SH.alternativePath)
    if alternatives is not None:
        parts = [path_text(graph, p, top=False) for p in RdfList(graph, alternatives)]
        return "|".join(parts) if top else "(" + "|".join(parts) + ")"
    for operator, suffix in _PATH_OPERATORS.items():
        inner = graph.value(path, operator)
        if inner is not None:
            return path_text(graph, inner, top=False) + suffix
    return node_text(path)


_PLACEHOLDER = re.compile(r"\{[$?][^{}]+\}")


def _template_pattern(template: str) -> re.Pattern[str]:
    parts = _PLACEHOLDER.split(template)
    return re.compile("(?s)" + ".*".join(re.escape(part) for part in parts))


def _tag_messages(graph: Graph, result: Node) -> None:
    """Give back their language to messages pyshacl filled in (it drops the tag).

    SHACL-SPARQL messages such as ``"Le SIRET {?value} …"@fr`` come back untagged once
    ``{?value}`` is replaced; the template they match tells their language.
    """
    templates: list[tuple[re.Pattern[str], str]] = []
    for source in (graph.value(result, SH.sourceConstraint), graph.value(result, SH.sourceShape)):
        if source is None:
            continue
        for template in graph.objects(source, SH.message):
            if isinstance(template, Literal) and template.language:
                templates.append((_template_pattern(str(template)), template.language))
    for message in list(graph.objects(result, SH.resultMessage)):
        if not isinstance(message, Literal) or message.language:
            continue
        for pattern, language in templates:
            if pattern.fullmatch(str(message)):
                graph.remove((result, SH.resultMessage, message))
                graph.add((result, SH.resultMessage, Literal(str(message), lang=language)))
                break


def _messages(graph: Graph, result: Node) -> tuple[str, str]:
    by_lang: dict[str | None, str] = {}
    for message in sorted(graph.objects(result, SH.resultMessage), key=str):
        if isinstance(message, Literal):
            by_lang.setdefault(message.language, str(message))
    fallback = by_lang.get(None) or next(iter(by_lang.values()), "")
    return by_lang.get("fr", fallback), by_lang.get("en", fallback)


def _severity(node: Node | None) -> Severity:
    for severity in SEVERITIES:
        if node == SH[severity]:
            return severity
    return "Violation"


def _result(graph: Graph, node: Node) -> ValidationResult:
    path = graph.value(node, SH.resultPath)
    value = graph.value(node, SH.value)
    message_fr, message_en = _messages(graph, node)
    return ValidationResult(
        focus_node=node_text(graph.value(node, SH.focusNode)),
        path=None if path is None else path_text(graph, path),
        severity=_severity(graph.value(node, SH.resultSeverity)),
        message_fr=message_fr,
        message_en=message_en,
        value=None if value is None else node_text(value),
        source_shape=node_text(graph.value(node, SH.sourceShape)),
        constraint=node_text(graph.value(node, SH.sourceConstraintComponent)),
    )


def _copy_description(source: Graph, target: Graph, node: Node) -> None:
    """Copy the triples about ``node``, following blank nodes (its concise bounded description)."""
    pending, done = [node], set()
    while pending:
        current = pending.pop()
        if current in done:
            continue
        done.add(current)
        for s, p, o in source.triples((current, None, None)):
            target.add((s, p, o))
            if isinstance(o, BNode):
                pending.append(o)


def read_report(graph: Graph, *, keep: Collection[Node]) -> ValidationReport:
    """The results of ``graph`` whose focus node is in ``keep``, as a report.

    ``conforms`` (and ``sh:conforms`` in the returned graph) is false only when a kept
    result is a ``sh:Violation``.
    """
    kept = [
        node
        for node in graph.subjects(RDF.type, SH.ValidationResult)
        if graph.value(node, SH.focusNode) in keep
    ]
    for node in kept:
        _tag_messages(graph, node)
    results = sort_results([_result(graph, node) for node in kept])
    conforms = all(r.severity != "Violation" for r in results)
    out = Graph()
    report = BNode()
    out.add((report, RDF.type, SH.ValidationReport))
    out.add((report, SH.conforms, Literal(conforms)))
    for node in kept:
        out.add((report, SH.result, node))
        _copy_description(graph, out, node)
    return ValidationReport(conforms=conforms, results=results, graph=out)
