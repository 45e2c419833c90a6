"""Validation results and reports: frozen values, renderable as text, JSON and Turtle."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from rdflib import Graph

from eitkg.namespaces import PREFIXES

Severity = Literal["Violation", "Warning", "Info"]
Lang = Literal["fr", "en"]

_IRI_IN_PATH = re.compile(r"<([^>]+)>")

#: Severities from the most to the least serious.
SEVERITIES: tuple[Severity, ...] = ("Violation", "Warning", "Info")

_SEVERITY_WORDS: dict[Lang, dict[Severity, tuple[str, str]]] = {
    "fr": {
        "Violation": ("violation", "violations"),
        "Warning": ("avertissement", "avertissements"),
        "Info": ("info", "infos"),
    },
    "en": {
        "Violation": ("violation", "violations"),
        "Warning": ("warning", "warnings"),
        "Info": ("info", "infos"),
    },
}
_TAGS: dict[Lang, dict[Severity, str]] = {
    "fr": {"Violation": "Violation", "Warning": "Avertissement", "Info": "Info"},
    "en": {"Violation": "Violation", "Warning": "Warning", "Info": "Info"},
}
_WORDS: dict[Lang, dict[str, str]] = {
    "fr": {
        "conforms": "Conforme",
        "yes": "oui",
        "no": "non",
        "value": "valeur",
        "node": "nœud",
        ":": " :",
    },
    "en": {
        "conforms": "Conforms",
        "yes": "yes",
        "no": "no",
        "value": "value",
        "node": "node",
        ":": ":",
    },
}


def compact(path: str) -> str:
    """A property IRI or a SPARQL path with the shared prefixes (``eit:unit/skos:inScheme``).

    >>> compact("https://w3id.org/eitkg/ontology#quantity")
    'eit:quantity'
    """

    def one(iri: str) -> str:
        for prefix, namespace in sorted(PREFIXES.items(), key=lambda p: -len(p[1])):
            if iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{prefix}:{iri[len(namespace) :]}"
        return f"<{iri}>" if "<" in path else iri

    if "<" in path:
        return _IRI_IN_PATH.sub(lambda m: one(m.group(1)), path)
    return one(path)


@dataclass(frozen=True, order=True)
class ValidationResult:
    """One SHACL validation result.

    ``path`` is the property IRI, or a SPARQL property path (``<a>|<b>``, ``^<a>``,
    ``<a>/<b>``) for complex paths, or ``None`` for a node-level check. Blank nodes
    are written ``_:id``; literal values are given by their lexical form.

    >>> r = ValidationResult("http://x/site", "http://www.w3.org/2003/01/geo/wgs84_pos#lat",
    ...     "Violation", "trop grand", "too large", "95", "https://w3id.org/eitkg/shapes#Site-lat",
    ...     "http://www.w3.org/ns/shacl#MaxInclusiveConstraintComponent")
    >>> r.message("en")
    'too large'
    """

    focus_node: str
    path: str | None
    severity: Severity
    message_fr: str
    message_en: str
    value: str | None
    source_shape: str
    constraint: str

    def message(self, lang: Lang = "fr") -> str:
        """The message in ``lang`` (``fr`` or ``en``)."""
        return self.message_fr if lang == "fr" else self.message_en

    def to_json(self) -> dict[str, Any]:
        """The result as a JSON-ready dict, keyed by the field names."""
        return asdict(self)


def _severity_word(lang: Lang, severity: Severity, count: int) -> str:
    singular = count <= 1 if lang == "fr" else count == 1  # « 0 avertissement », "0 warnings"
    return _SEVERITY_WORDS[lang][severity][0 if singular else 1]


def _severity_rank(result: ValidationResult) -> tuple[int, str, str, str, str, str]:
    return (
        SEVERITIES.index(result.severity),
        result.focus_node,
        result.path or "",
        result.source_shape,
        result.value or "",
        result.constraint,
    )


def sort_results(results: list[ValidationResult]) -> tuple[ValidationResult, ...]:
    """Results in a stable order: severity, then focus node, path, shape, value."""
    return tuple(sorted(set(results), key=_severity_rank))


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of validating data against the eitkg shapes.

    ``conforms`` is false only when there is at least one ``Violation``: warnings and
    infos never block an import. ``graph`` is the ``sh:ValidationReport`` graph (with
    the same results and the same meaning of ``sh:conforms``).

    >>> ValidationReport(conforms=True, results=()).counts
    {'Violation': 0, 'Warning': 0, 'Info': 0}
    """

    conforms: bool
    results: tuple[ValidationResult, ...]
    graph: Graph = field(default_factory=Graph, compare=False, repr=False)

    @property
    def counts(self) -> dict[Severity, int]:
        """How many results of each severity (every severity is a key)."""
        counts: dict[Severity, int] = dict.fromkeys(SEVERITIES, 0)
        for result in self.results:
            counts[result.severity] += 1
        return counts

    def by_severity(self, severity: Severity) -> tuple[ValidationResult, ...]:
        """The results of one severity."""
        return tuple(r for r in self.results if r.severity == severity)

    def by_focus_node(self) -> Mapping[str, tuple[ValidationResult, ...]]:
        """Results grouped by focus node, focus nodes in sorted order."""
        groups: dict[str, list[ValidationResult]] = {}
        for result in sorted(self.results, key=lambda r: r.focus_node):
            groups.setdefault(result.focus_node, []).append(result)
        return {node: sort_results(items) for node, items in groups.items()}

    def to_turtle(self) -> str:
        """The ``sh:ValidationReport`` graph as Turtle, with the shared prefixes."""
        for prefix, namespace in {**PREFIXES, "eits": "https://w3id.org/eitkg/shapes#"}.items():
            self.graph.bind(prefix, namespace, override=True, replace=True)
        return self.graph.serialize(format="turtle")

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: ``conforms``, ``counts`` (by severity) and ``results``."""
        return {
            "conforms": self.conforms,
            "counts": dict(self.counts),
            "results": [result.to_json() for result in self.results],
        }

    def text(self, lang: Lang = "fr") -> str:
        """Human-readable lines in ``lang``, grouped by focus node.

        >>> print(ValidationReport(conforms=True, results=()).text("en"))
        Conforms: yes (0 violations, 0 warnings, 0 infos)
        """
        words = _WORDS[lang]
        counts = self.counts
        summary = ", ".join(f"{n} {_severity_word(lang, s, n)}" for s, n in counts.items())
        verdict = words["yes"] if self.conforms else words["no"]
        colon = words[":"]
        lines = [f"{words['conforms']}{colon} {verdict} ({summary})"]
        for node, results in self.by_focus_node().items():
            lines.append(f"{node}")
            for result in results:
                where = compact(result.path) if result.path is not None else words["node"]
                line = f"  [{_TAGS[lang][result.severity]}] {where}{colon} {result.message(lang)}"
                if result.value is not None and result.value != result.focus_node:
                    line += f" ({words['value']}{colon} {result.value})"
                lines.append(line)
        return "\n".join(lines)
