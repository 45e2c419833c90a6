"""Resolve spreadsheet words and codes to vocabulary concepts; an unknown word names the closest.

Categories by notation or any French or English label; waste codes in any spacing, with or
without ``*``; NAF codes with or without the final letter; R/D codes with or without a space;
units by symbol or name, also written with their period (``t/an``).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from eitkg.curation.cells import fold
from eitkg.curation.vocab import Concept, Vocabularies

Direction = Literal["Need", "Availability"]

_NEED_WORDS = (
    "in",
    "entree",
    "entrant",
    "besoin",
    "need",
    "input",
    "intrant",
    "consommation",
    "achat",
    "demande",
    "e",
)
_OUT_WORDS = (
    "out",
    "sortie",
    "sortant",
    "disponible",
    "disponibilite",
    "availability",
    "output",
    "offre",
    "rejet",
    "production",
    "s",
)
_DIRECTIONS: dict[str, Direction] = {
    **{w: "Need" for w in _NEED_WORDS},
    **{w: "Availability" for w in _OUT_WORDS},
}
_PRIORITY = {"notation": 0, "symbol": 1, "prefLabel": 2, "altLabel": 3}
_PER = re.compile(r"^(?:par|per|a|an|each|chaque|/)\s+")


@dataclass(frozen=True)
class Resolution:
    """A resolved concept, or why not (``rule``) with the closest known values."""

    concept: Concept | None = None
    rule: str | None = None
    suggestions_fr: str = ""
    suggestions_en: str = ""
    params: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.concept is not None


def waste_code_key(text: str) -> tuple[str, bool]:
    """The digits of a waste code and whether it has a star.

    >>> waste_code_key(" 16 06 01 * "), waste_code_key("030105")
    (('160601', True), ('030105', False))
    """
    return re.sub(r"\D", "", text), "*" in text


def code_key(text: str) -> str:
    """Upper-case letters and digits only: ``20.14 z`` → ``2014Z``, ``R 3`` → ``R3``."""
    return re.sub(r"[^0-9A-Z]", "", text.upper())


def direction(text: str) -> Direction | None:
    """``Need`` or ``Availability`` from the words curators use.

    >>> direction("Entrée"), direction("OUT"), direction("disponible"), direction("?")
    ('Need', 'Availability', 'Availability', None)
    """
    return _DIRECTIONS.get(fold(text))


def direction_suggestions(text: str) -> str:
    close = difflib.get_close_matches(fold(text), list(_DIRECTIONS), n=3, cutoff=0.5)
    return ", ".join(close) or "entrée, sortie, in, out"


def _singular(key: str) -> str:
    return " ".join(w[:-1] if len(w) > 3 and w[-1] in "sx" else w for w in key.split())


class Resolver:
    """Indexes of the vocabularies, built once per import."""

    def __init__(self, vocabularies: Vocabularies) -> None:
        self.vocabularies = vocabularies
        self._folded: dict[str, dict[str, list[tuple[int, str]]]] = {}
        self._codes: dict[str, dict[str, str]] = {}
        for key, scheme in vocabularies.schemes.items():
            folded: dict[str, list[tuple[int, str]]] = {}
            codes: dict[str, str] = {}
            for concept in scheme.concepts.values():
                for kind, words in (
                    ("notation", concept.notations),
                    ("symbol", concept.symbols),
                    ("prefLabel", [w for ws in concept.labels.values() for w in ws]),
                    ("altLabel", concept.alt_labels),
                ):
                    for word in words:
                        folded_word = fold(word)
                        for variant in {folded_word, _singular(folded_word)}:
                            if variant:
                                folded.setdefault(variant, []).append(
                                    (_PRIORITY[kind], concept.iri)
                                )
                for notation in concept.notations:
                    codes.setdefault(code_key(notation), concept.iri)
            self._folded[key] = folded
            self._codes[key] = codes

    # -- generic ---------------------------------------------------------------------------

    def by_words(self, scheme: str, text: str, rule: str) -> Resolution:
        """A concept of ``scheme`` named by ``text`` (notation, label, symbol), or suggestions."""
        index = self._folded.get(scheme, {})
        key = fold(text)
        for candidate in (key, _singular(key), _PER.sub("", key)):
            hits = index.get(candidate)
            if hits:
                best = min(hits)[1]
                return Resolution(self.vocabularies[scheme].get(best))
        return self._unknown(scheme, key, rule)

    def in_scheme(self, scheme: str) -> Callable[[str], Resolution]:
        """A resolver of words for one scheme (rule ``unknown-{scheme}`` when not found)."""
        return lambda text: self.by_words(scheme, text, f"unknown-{scheme}")

    def _unknown(self, scheme: str, key: str, rule: str) -> Resolution:
        index = self._folded.get(scheme, {})
        close = difflib.get_close_matches(key, list(index), n=8, cutoff=0.5)
        seen: list[str] = []
        for word in close:
            iri = min(index[word])[1]
            if iri not in seen:
                seen.append(iri)
        return self._suggest(scheme, seen[:3], rule)

    def _suggest(self, scheme: str, iris: list[str], rule: str, **params: str) -> Resolution:
        concepts = [c for c in (self.vocabularies[scheme].get(i) for i in iris) if c is not None]
        return Resolution(
            None,
            rule,
            ", ".join(c.display("fr") for c in concepts),
            ", ".join(c.display("en") for c in concepts),
            params,
        )

    # -- per column --------------------------------------------------------------------------

    def category(self, text: str) -> Resolution:
        return self.by_words("resource", text, "unknown-category")

    def unit(self, text: str) -> Resolution:
        exact = self._exact("unit", text)
        return Resolution(exact) if exact else self.by_words("unit", text, "unknown-unit")

    def period(self, text: str) -> Resolution:
        return self.by_words("period", text, "unknown-period")

    def unit_and_period(self, text: str) -> tuple[Resolution, Resolution | None]:
        """A unit, possibly written with its period (``t/an``, ``m3 par jour``)."""
        unit = self.unit(text)
        if unit.ok:
            return unit, None
        for separator in ("/", " par ", " per "):
            if separator in text:
                left, _, right = text.rpartition(separator)
                split_unit, split_period = self.unit(left), self.period(right)
                if split_unit.ok and split_period.ok:
                    return split_unit, split_period
        return unit, None

    def _exact(self, scheme: str, text: str) -> Concept | None:
        wanted = text.strip()
        for concept in self.vocabularies[scheme].concepts.values():
            if wanted in concept.notations or wanted in concept.symbols:
                return concept
        return None

    def treatment(self, text: str) -> Resolution:
        iri = self._codes.get("treatment", {}).get(code_key(text))
        if iri:
            return Resolution(self.vocabularies["treatment"].get(iri))
        return self._close_codes("treatment", code_key(text), "unknown-treatment")

    def waste_code(self, text: str) -> Resolution:
        """A six-digit List of Waste entry; ``params`` tells whether a star was written."""
        digits, star = waste_code_key(text)
        if len(digits) != 6 or re.search(r"[^\d\s*.\-]", text):
            return self._close_waste_codes(digits, "malformed-waste-code")
        iri = self._codes.get("ewc", {}).get(digits)
        if iri is None:
            return self._close_waste_codes(digits, "unknown-waste-code")
        concept = self.vocabularies["ewc"].get(iri)
        return Resolution(concept, params={"star": "yes" if star else "no"})

    def naf(self, text: str) -> Resolution:
        """A NAF sub-class; a class written without its letter is taken when it has only one."""
        key = code_key(text)
        iri = self._codes.get("naf", {}).get(key)
        scheme = self.vocabularies["naf"]
        if iri is None:
            return self._close_codes("naf", key, "unknown-naf")
        concept = scheme.get(iri)
        assert concept is not None
        if re.fullmatch(r"\d{4}[A-Z]", key):
            return Resolution(concept)
        narrower = sorted(scheme.narrower(iri), key=lambda c: c.iri)
        if len(narrower) == 1 and re.fullmatch(r"\d{4}", key):
            return Resolution(narrower[0])
        return self._suggest("naf", [c.iri for c in narrower[:5]], "naf-class-only")

    def _close_waste_codes(self, digits: str, rule: str) -> Resolution:
        """Entries of the same sub-chapter (else chapter) nearest in number, else look-alikes."""
        codes = self._codes.get("ewc", {})
        entries = [c for c in codes if len(c) == 6 and c.isdigit()]
        for prefix in (4, 2):
            same = [c for c in entries if len(digits) >= prefix and c[:prefix] == digits[:prefix]]
            if same:
                target = int(digits.ljust(6, "0")[:6])
                nearest = sorted(same, key=lambda c: (abs(int(c) - target), c))[:3]
                return self._suggest("ewc", [codes[c] for c in sorted(nearest)], rule)
        return self._close_codes("ewc", digits, rule)

    def _close_codes(self, scheme: str, key: str, rule: str) -> Resolution:
        codes = self._codes.get(scheme, {})
        close = difflib.get_close_matches(key, list(codes), n=3, cutoff=0.5) if key else []
        return self._suggest(scheme, [codes[c] for c in close], rule)

    def category_for_waste_code(self, code: Concept) -> Concept | None:
        """The most specific resource category covering a waste entry, when it is unambiguous."""
        chain = [code.iri, *self._broader_chain("ewc", code)]
        categories = self.vocabularies["resource"].concepts.values()
        for level in chain:
            covering = [c for c in categories if level in c.facts.get("coversWasteCode", [])]
            if covering:
                depth = max(_depth(c) for c in covering)
                deepest = [c for c in covering if _depth(c) == depth]
                return deepest[0] if len(deepest) == 1 else None
        return None

    def _broader_chain(self, scheme: str, concept: Concept) -> list[str]:
        chain: list[str] = []
        current: Concept | None = concept
        while current is not None and current.facts.get("broader"):
            parent = current.facts["broader"][0]
            if parent in chain:
                break
            chain.append(parent)
            current = self.vocabularies[scheme].get(parent)
        return chain


def _depth(concept: Concept) -> int:
    notation = min(concept.notations, key=len) if concept.notations else ""
    return notation.count(".")
