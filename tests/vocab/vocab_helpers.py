"""Helpers for the vocabulary tests: paths, the query wrapper, literal checks."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from pyoxigraph import Literal, NamedNode, QuerySolutions, Triple

from eitkg.namespaces import PREFIXES
from eitkg.store import OxigraphStore
from eitkg.store.base import Term

REPO = Path(__file__).resolve().parents[2]
VOCAB_DIR = REPO / "data" / "vocab"
SHARED_VOCAB = REPO.parent / "shared" / "data" / "vocab"
GENERATED = ("ewc", "nace", "naf", "treatment")
HAND_AUTHORED = (
    "actor-role",
    "indicator",
    "material-status",
    "period",
    "physical-form",
    "quantity-type",
    "resource",
    "synergy-status",
    "unit",
)

#: Prefix declarations prepended to every test query (constant text, never values).
PROLOGUE = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())


class Vocab:
    """The store holding every vocabulary file, each in its graph ``eitg:vocab/{name}``."""

    def __init__(self, store: OxigraphStore) -> None:
        self.store = store

    def rows(self, sparql: str, **bindings: Term) -> list[dict[str, Term]]:
        """The solutions of a SELECT over the union of the graphs, as dicts."""
        result = self.store.query(
            PROLOGUE + sparql, substitutions=bindings, default_graph_as_union=True
        )
        assert isinstance(result, QuerySolutions)
        names = [v.value for v in result.variables]
        return [
            {name: solution[name] for name in names if solution[name] is not None}
            for solution in result
        ]

    def values(self, sparql: str, **bindings: Term) -> list[str]:
        """The one unbound variable of a SELECT, as sorted strings.

        pyoxigraph substitutes only projected variables: project the bound ones too.
        """
        found = []
        for row in self.rows(sparql, **bindings):
            (value,) = (term for name, term in row.items() if name not in bindings)
            assert not isinstance(value, Triple), value
            found.append(value.value)
        return sorted(found)

    def count(self, sparql: str, **bindings: Term) -> int:
        """The integer ``?n`` of a one-row aggregate SELECT."""
        (row,) = self.rows(sparql, **bindings)
        value = row["n"]
        assert isinstance(value, Literal)
        return int(value.value)


def as_decimal(term: Term) -> Decimal:
    """An xsd:decimal literal's value, checking its datatype."""
    assert isinstance(term, Literal), term
    assert term.datatype == NamedNode(PREFIXES["xsd"] + "decimal"), term
    return Decimal(term.value)
