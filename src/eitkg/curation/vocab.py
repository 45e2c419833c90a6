"""The vocabularies the import resolves words against, read from the store once per import.

Only vocabulary concepts are read (from ``skos:inScheme``): the cost does not grow with the data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from pyoxigraph import Literal, QuerySolutions

from eitkg.errors import ConfigurationError
from eitkg.namespaces import EIT, EITV, SKOS
from eitkg.queries import QueryCatalogue, run_named_query
from eitkg.store.base import Store

#: The schemes an inventory row refers to.
SCHEMES: tuple[str, ...] = (
    "resource",
    "ewc",
    "naf",
    "treatment",
    "unit",
    "period",
    "quantity-type",
    "physical-form",
    "material-status",
)


@dataclass
class Concept:
    """A concept with the words that name it and the facts the import uses."""

    iri: str
    notations: list[str] = field(default_factory=list)
    labels: dict[str, list[str]] = field(default_factory=dict)
    alt_labels: list[str] = field(default_factory=list)
    symbols: list[str] = field(default_factory=list)
    facts: dict[str, list[str]] = field(default_factory=dict)

    def label(self, lang: str) -> str:
        """The preferred label in ``lang`` (else any), or the notation."""
        for wanted in (lang, "fr", "en", ""):
            if self.labels.get(wanted):
                return self.labels[wanted][0]
        return self.notations[0] if self.notations else self.iri.rsplit("/", 1)[-1]

    def fact(self, local: str) -> str | None:
        """One value of a fact (``conversionFactor``, ``hazardous``…), by local name."""
        values = self.facts.get(local)
        return values[0] if values else None

    def display(self, lang: str) -> str:
        """How a person recognises it: notation and label."""
        notation = max(self.notations, key=len) if self.notations else ""
        label = self.label(lang)
        return f"{notation} ({label})" if notation and notation != label else label


@dataclass
class Scheme:
    """The concepts of one scheme, by IRI."""

    key: str
    concepts: dict[str, Concept] = field(default_factory=dict)

    def get(self, iri: str) -> Concept | None:
        return self.concepts.get(iri)

    def narrower(self, iri: str) -> list[Concept]:
        """Concepts whose ``skos:broader`` is ``iri``."""
        return [c for c in self.concepts.values() if iri in c.facts.get("broader", [])]


@dataclass
class Vocabularies:
    """Every scheme an inventory refers to."""

    schemes: dict[str, Scheme]

    def __getitem__(self, key: str) -> Scheme:
        return self.schemes.setdefault(key, Scheme(key))

    def concept(self, iri: str) -> Concept | None:
        for scheme in self.schemes.values():
            found = scheme.get(iri)
            if found is not None:
                return found
        return None

    def factor(self, unit: str) -> tuple[Decimal, str] | None:
        """Conversion factor to the canonical unit, and that unit, of a unit IRI."""
        concept = self["unit"].get(unit)
        if concept is None:
            return None
        factor, canonical = concept.fact("conversionFactor"), concept.fact("canonicalUnit")
        if factor is None or canonical is None:
            return None
        return Decimal(factor), canonical

    def times_per_year(self, period: str) -> Decimal | None:
        concept = self["period"].get(period)
        value = concept.fact("timesPerYear") if concept else None
        return Decimal(value) if value is not None else None


def load_vocabularies(
    store: Store, catalogue: QueryCatalogue, schemes: Iterable[str] = SCHEMES
) -> Vocabularies:
    """Read the words and facts of ``schemes`` from ``store``.

    The queries run over the union of the graphs: they start from ``skos:inScheme`` with the
    scheme bound, an index lookup that only vocabulary concepts answer, so the cost does not
    grow with the data (naming the vocabulary graphs instead is five times slower).
    """
    result = Vocabularies({})
    for key in schemes:
        scheme = result[key]
        values = {"scheme": EITV + key}
        terms = run_named_query(
            store, catalogue["curation/scheme_terms"], values, default_graph_as_union=True
        )
        for row in _solutions(terms):
            concept = scheme.concepts.setdefault(
                row["concept"].value, Concept(row["concept"].value)
            )
            _add_term(concept, row["kind"].value, row["text"])
        facts = run_named_query(
            store, catalogue["curation/scheme_facts"], values, default_graph_as_union=True
        )
        for row in _solutions(facts):
            concept = scheme.concepts.setdefault(
                row["concept"].value, Concept(row["concept"].value)
            )
            local = _local(row["property"].value)
            concept.facts.setdefault(local, []).append(row["object"].value)
    empty = [
        key for key in ("resource", "unit") if key in result.schemes and not result[key].concepts
    ]
    if empty:
        raise ConfigurationError(
            f"the store holds no {' nor '.join(empty)} vocabulary: build it first "
            "(eitkg init) / le store ne contient pas les vocabulaires"
        )
    return result


def _solutions(result: object) -> QuerySolutions:
    assert isinstance(result, QuerySolutions)
    return result


def _add_term(concept: Concept, kind: str, text: object) -> None:
    assert isinstance(text, Literal)
    if kind == "notation":
        concept.notations.append(text.value)
    elif kind == "prefLabel":
        concept.labels.setdefault(text.language or "", []).append(text.value)
    elif kind == "altLabel":
        concept.alt_labels.append(text.value)
    else:
        concept.symbols.append(text.value)


def _local(iri: str) -> str:
    for namespace in (EIT, SKOS):
        if iri.startswith(namespace):
            return iri[len(namespace) :]
    return iri
