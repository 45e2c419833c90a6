"""Deterministic IRIs for instances, minted under the deployment base.

The patterns are documented in ``docs/model.md`` and ``ontology/README.md``; the same input
always gives the same IRI, so the same SIRET always gives the same actor.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from pyoxigraph import NamedNode

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DIGITS = re.compile(r"\D")


def slugify(text: str) -> str:
    """Lower-case ASCII, accents removed, other runs replaced by ``-``.

    >>> slugify("Société Chimique de l'Isère  (SCI)")
    'societe-chimique-de-l-isere-sci'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NON_ALNUM.sub("-", ascii_text.lower()).strip("-")
    if not slug:
        raise ValueError(f"cannot make an identifier from {text!r}")
    return slug


def digits(text: str) -> str:
    """Only the digits of ``text`` (SIRET are often written with spaces).

    >>> digits("552 081 317 00026")
    '55208131700026'
    """
    return _DIGITS.sub("", text)


def luhn_valid(number: str) -> bool:
    """Whether a string of digits has a valid Luhn key (SIREN and SIRET use it).

    >>> luhn_valid("55208131700026"), luhn_valid("55208131700027")
    (True, False)
    """
    if not number.isdigit():
        return False
    total = 0
    for index, char in enumerate(reversed(number)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


@dataclass(frozen=True)
class IriMinter:
    """Mints instance IRIs under one base.

    >>> minter = IriMinter("http://localhost:8000/")
    >>> minter.actor_for_siret("552 081 317 00026").value
    'http://localhost:8000/id/actor/552081317'
    >>> minter.flow("pipa-2024", "PIPA-2024-0153").value
    'http://localhost:8000/id/flow/pipa-2024/pipa-2024-0153'
    """

    base: str

    def __post_init__(self) -> None:
        if not self.base.endswith("/"):
            object.__setattr__(self, "base", self.base + "/")

    def _iri(self, path: str) -> NamedNode:
        return NamedNode(self.base + path)

    def actor_for_siret(self, siret: str) -> NamedNode:
        """The legal unit of an establishment: keyed by SIREN, the first 9 digits of the SIRET."""
        number = digits(siret)
        if len(number) not in (9, 14):
            raise ValueError(f"a SIRET has 14 digits (a SIREN 9), got {siret!r}")
        return self._iri(f"id/actor/{number[:9]}")

    def actor_for_name(self, name: str) -> NamedNode:
        """An actor with no SIREN (park, public body, facilitator), keyed by its name."""
        return self._iri(f"id/actor/{slugify(name)}")

    def site_for_siret(self, siret: str) -> NamedNode:
        number = digits(siret)
        if len(number) != 14:
            raise ValueError(f"a SIRET has 14 digits, got {siret!r}")
        return self._iri(f"id/site/{number}")

    def site_for_actor(self, actor_key: str, place: str) -> NamedNode:
        """A site with no SIRET, keyed by its actor and its address (or name)."""
        return self._iri(f"id/site/{slugify(actor_key)}-{slugify(place)}")

    def geometry(self, site: NamedNode) -> NamedNode:
        return NamedNode(site.value + "/geometry")

    def flow(self, dataset: str, record_id: str) -> NamedNode:
        return self._iri(f"id/flow/{slugify(dataset)}/{slugify(record_id)}")

    def synergy(self, name: str) -> NamedNode:
        return self._iri(f"id/synergy/{slugify(name)}")

    def gain(self, synergy: NamedNode, indicator: str) -> NamedNode:
        return NamedNode(f"{synergy.value}/gain/{slugify(indicator)}")

    def report(self, name: str) -> NamedNode:
        return self._iri(f"id/report/{slugify(name)}")

    def methodology(self, name: str) -> NamedNode:
        return self._iri(f"id/methodology/{slugify(name)}")

    def dataset(self, dataset: str) -> NamedNode:
        return self._iri(f"id/dataset/{slugify(dataset)}")

    def dataset_import(self, dataset: str, timestamp: str) -> NamedNode:
        return self._iri(f"id/dataset/{slugify(dataset)}/import/{slugify(timestamp)}")

    def dataset_graph(self, dataset: str) -> NamedNode:
        return self._iri(f"graph/dataset/{slugify(dataset)}")
