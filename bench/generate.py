"""Seeded generator of synthetic EIT territories for the load benchmark.

Each actor is a company with one site (SIRET with a valid Luhn key, WGS84 point, address) and
3 to 8 flows (needs and availabilities) described with the terms of ``docs/model.md``. Triples are
produced one actor at a time and streamed to the serialiser, so 100,000 actors never sit in
memory at once. Only IRIs fixed by the contract are used (top resource concepts, official EWC
entries and NAF sub-classes, QUDT units, periods), so the output does not depend on how the
shipped vocabularies evolve.

    python bench/generate.py --actors 10000 --seed 7 --format nt   # -> bench/out/territory-10000.nt
"""

from __future__ import annotations

import sys
from pathlib import Path

# bench/ also holds http.py (the HTTP benchmark): keep this folder off the import path so that
# ``http`` stays the standard library's package.
if sys.path and Path(sys.path[0] or ".").resolve() == Path(__file__).resolve().parent:
    del sys.path[0]

import argparse
import random
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, serialize

from eitkg.namespaces import (
    DCTERMS,
    GEO,
    ORG,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    SKOS,
    UNIT,
    WGS,
    XSD,
    eit,
    eitv,
)
from eitkg.rdf.iris import IriMinter, luhn_valid

DEFAULT_BASE = "http://localhost:8000/"
DEFAULT_SEED = 20240312
OUT_DIR = Path(__file__).resolve().parent / "out"
FORMATS = {"nt": RdfFormat.N_TRIPLES, "ttl": RdfFormat.TURTLE}

_A = NamedNode(RDF + "type")
_DECIMAL = NamedNode(XSD + "decimal")
_BOOLEAN = NamedNode(XSD + "boolean")
_WKT = NamedNode(GEO + "wktLiteral")

#: NAF rév. 2 sub-classes (all exist in the INSEE list) with a label stem for the firm name.
_ACTIVITIES = (
    ("20.14Z", "Chimie organique"),
    ("20.16Z", "Plasturgie primaire"),
    ("22.22Z", "Emballages plastiques"),
    ("25.62B", "Mécanique"),
    ("38.11Z", "Collecte"),
    ("38.21Z", "Valorisation"),
    ("10.51C", "Fromagerie"),
    ("10.82Z", "Chocolaterie"),
    ("16.10A", "Scierie"),
    ("23.51Z", "Cimenterie"),
    ("49.41A", "Transports"),
    ("71.12B", "Ingénierie"),
)

#: (top resource concept, label, EWC entry or None, hazardous, unit local name, period).
_FLOW_KINDS = (
    ("energy", "vapeur basse pression", None, False, "MegaW-HR", "month"),
    ("energy", "chaleur fatale", None, False, "MegaW-HR", "year"),
    ("water", "eaux de refroidissement", None, False, "M3", "day"),
    ("materials", "matière première secondaire", None, False, "TONNE", "year"),
    ("waste", "chutes de bois non traité", "030105", False, "TONNE", "year"),
    ("waste", "palettes et emballages bois", "150103", False, "TONNE", "month"),
    ("waste", "emballages plastiques souillés", "150110", True, "KiloGM", "month"),
    ("waste", "solvants usagés", "070104", True, "L", "week"),
    ("waste", "boues de station d'épuration", "190812", False, "TONNE", "year"),
    ("equipment", "chariot élévateur disponible", None, False, "HR", "week"),
    ("expertise", "compétence en maintenance", None, False, "HR", "month"),
    ("services", "collecte mutualisée des déchets", None, False, "NUM", "year"),
)

_QTYPES = ("estimated", "measured")
_SIREN_STEP = 7_919_113
_TIMES_PER_YEAR = {"year": 1, "month": 12, "week": 52, "day": 365, "once": 1}
#: Conversion to the canonical unit (tonne, m3, MWh, hour, number), as in data/vocab/unit.ttl.
_CANONICAL = {
    "TONNE": ("TONNE", Decimal(1)),
    "KiloGM": ("TONNE", Decimal("0.001")),
    "M3": ("M3", Decimal(1)),
    "L": ("M3", Decimal("0.001")),
    "MegaW-HR": ("MegaW-HR", Decimal(1)),
    "HR": ("HR", Decimal(1)),
    "NUM": ("NUM", Decimal(1)),
}

#: Industrial zones (name, INSEE commune code, postal code, commune, lon, lat).
_ZONES = (
    ("Zone Lyon Sud", "69149", "69190", "Saint-Fons", 4.855, 45.705),
    ("Zone Nord-Isère", "38053", "38300", "Bourgoin-Jallieu", 5.275, 45.600),
    ("Zone Plaine de l'Ain", "01365", "01150", "Saint-Vulbas", 5.285, 45.835),
    ("Zone Roussillon", "38344", "38150", "Roussillon", 4.790, 45.370),
    ("Zone Drôme", "26058", "26400", "Crest", 5.020, 44.728),
    ("Zone Grenoble", "38185", "38000", "Grenoble", 5.720, 45.170),
)


def with_luhn_key(prefix: str) -> str:
    """``prefix`` followed by the digit that makes the whole number pass the Luhn check.

    >>> with_luhn_key("55208131")
    '552081317'
    """
    for key in "0123456789":
        if luhn_valid(prefix + key):
            return prefix + key
    raise AssertionError("unreachable: one Luhn key always exists")


@dataclass(frozen=True)
class TerritoryShape:
    """What a generation produced: actors, flows and triples written."""

    actors: int
    flows: int
    triples: int


class TerritoryGenerator:
    """Streams the triples of a synthetic territory, actor by actor, from a seed."""

    def __init__(self, actors: int, *, seed: int = DEFAULT_SEED, base: str = DEFAULT_BASE) -> None:
        self.actors = actors
        self.seed = seed
        self.minter = IriMinter(base)
        self.dataset = f"bench-{actors}"
        self.siren_offset = random.Random(f"siren:{seed}").randrange(70_000_000)
        self.flows = 0
        self.triples = 0

    def triples_iter(self) -> Iterator[Triple]:
        """Every triple of the territory; counts actors, flows and triples as it goes."""
        rng = random.Random(self.seed)
        dataset = self.minter.dataset(self.dataset)
        yield from self._counted(self._dataset_triples(dataset))
        parks = [self.minter.actor_for_name(zone[0]) for zone in _ZONES]
        for zone, park in zip(_ZONES, parks, strict=True):
            yield from self._counted(self._park_triples(park, zone[0]))
        for index in range(self.actors):
            yield from self._counted(self._actor_triples(rng, index, dataset, parks))

    def shape(self) -> TerritoryShape:
        return TerritoryShape(self.actors, self.flows, self.triples)

    def _counted(self, triples: Iterator[Triple]) -> Iterator[Triple]:
        for triple in triples:
            self.triples += 1
            yield triple

    def _dataset_triples(self, dataset: NamedNode) -> Iterator[Triple]:
        yield Triple(dataset, _A, NamedNode(PREFIXES["dcat"] + "Dataset"))
        yield Triple(dataset, NamedNode(DCTERMS + "identifier"), Literal(self.dataset))
        title = f"Territoire synthétique de {self.actors} acteurs (banc d'essai)"
        yield Triple(dataset, NamedNode(DCTERMS + "title"), Literal(title, language="fr"))

    def _park_triples(self, park: NamedNode, name: str) -> Iterator[Triple]:
        yield Triple(park, _A, eit("IndustrialPark"))
        yield Triple(park, NamedNode(SKOS + "prefLabel"), Literal(name, language="fr"))
        yield Triple(park, eit("fictional"), Literal(True))

    def _actor_triples(
        self, rng: random.Random, index: int, dataset: NamedNode, parks: list[NamedNode]
    ) -> Iterator[Triple]:
        # A bijection of the index onto 8-digit stems (the multiplier is prime to 70,000,000):
        # every actor gets its own SIREN, so the same actor IRI is never minted twice.
        stem = 30_000_000 + (index * _SIREN_STEP + self.siren_offset) % 70_000_000
        siren = with_luhn_key(str(stem))
        siret = with_luhn_key(f"{siren}{rng.randrange(1, 10_000):04d}")
        actor = self.minter.actor_for_siret(siret)
        site = self.minter.site_for_siret(siret)
        naf, stem = rng.choice(_ACTIVITIES)
        zone_index = rng.randrange(len(_ZONES))
        _, commune_code, postal, commune, lon0, lat0 = _ZONES[zone_index]
        name = f"{stem} {index + 1:06d} (fictif)"
        yield Triple(actor, _A, eit("Company"))
        yield Triple(actor, NamedNode(SKOS + "prefLabel"), Literal(name, language="fr"))
        yield Triple(actor, eit("siren"), Literal(siren))
        yield Triple(actor, eit("nafActivity"), eitv(f"naf/{naf}"))
        yield Triple(actor, eit("fictional"), Literal(True))
        yield Triple(actor, NamedNode(ORG + "memberOf"), parks[zone_index])
        yield Triple(actor, NamedNode(ORG + "hasSite"), site)
        lon = Decimal(f"{lon0 + rng.uniform(-0.02, 0.02):.6f}")
        lat = Decimal(f"{lat0 + rng.uniform(-0.015, 0.015):.6f}")
        geometry = self.minter.geometry(site)
        yield Triple(site, _A, eit("Site"))
        yield Triple(site, NamedNode(ORG + "siteOf"), actor)
        yield Triple(site, eit("siret"), Literal(siret))
        street = f"{rng.randrange(1, 200)} rue de l'Industrie"
        yield Triple(site, eit("streetAddress"), Literal(street))
        yield Triple(site, eit("postalCode"), Literal(postal))
        yield Triple(site, eit("communeCode"), Literal(commune_code))
        yield Triple(site, eit("communeName"), Literal(commune))
        yield Triple(site, eit("inPark"), parks[zone_index])
        yield Triple(site, NamedNode(WGS + "lat"), Literal(str(lat), datatype=_DECIMAL))
        yield Triple(site, NamedNode(WGS + "long"), Literal(str(lon), datatype=_DECIMAL))
        yield Triple(site, NamedNode(GEO + "hasGeometry"), geometry)
        yield Triple(geometry, _A, NamedNode(GEO + "Geometry"))
        wkt = Literal(f"POINT({lon} {lat})", datatype=_WKT)
        yield Triple(geometry, NamedNode(GEO + "asWKT"), wkt)
        for number in range(rng.randint(3, 8)):
            record = f"BENCH-{index + 1:06d}-{number + 1}"
            yield from self._flow_triples(rng, record, actor, site, dataset)

    def _flow_triples(
        self, rng: random.Random, record: str, actor: NamedNode, site: NamedNode, dataset: NamedNode
    ) -> Iterator[Triple]:
        self.flows += 1
        top, label, ewc, hazardous, unit, period = rng.choice(_FLOW_KINDS)
        is_need = top != "waste" and rng.random() < 0.5
        flow = self.minter.flow(self.dataset, record)
        quantity = Decimal(rng.randrange(1, 5000))
        canonical, factor = _CANONICAL[unit]
        per_year = quantity * factor * _TIMES_PER_YEAR[period]
        yield Triple(flow, _A, eit("Need" if is_need else "Availability"))
        yield Triple(flow, NamedNode(RDFS + "label"), Literal(label, language="fr"))
        yield Triple(flow, eit("site"), site)
        yield Triple(flow, eit("actor"), actor)
        yield Triple(flow, eit("resourceCategory"), eitv(f"resource/{top}"))
        if ewc is not None:
            yield Triple(flow, eit("wasteCode"), eitv(f"ewc/{ewc}"))
            yield Triple(flow, eit("hazardous"), Literal(hazardous))
        yield Triple(flow, eit("quantity"), Literal(str(quantity), datatype=_DECIMAL))
        yield Triple(flow, eit("unit"), NamedNode(UNIT + unit))
        yield Triple(flow, eit("period"), eitv(f"period/{period}"))
        per_year_literal = Literal(f"{per_year.normalize():f}", datatype=_DECIMAL)
        yield Triple(flow, eit("quantityPerYear"), per_year_literal)
        yield Triple(flow, eit("canonicalUnit"), NamedNode(UNIT + canonical))
        yield Triple(flow, eit("quantityType"), eitv(f"quantity-type/{rng.choice(_QTYPES)}"))
        yield Triple(flow, eit("recordId"), Literal(record))
        yield Triple(flow, NamedNode(PROV + "wasDerivedFrom"), dataset)


def generate(
    actors: int,
    out: Path,
    *,
    seed: int = DEFAULT_SEED,
    syntax: str = "nt",
    base: str = DEFAULT_BASE,
) -> TerritoryShape:
    """Write a territory of ``actors`` companies to ``out`` (N-Triples or Turtle), streaming."""
    generator = TerritoryGenerator(actors, seed=seed, base=base)
    out.parent.mkdir(parents=True, exist_ok=True)
    prefixes = PREFIXES if syntax == "ttl" else None
    serialize(generator.triples_iter(), out, format=FORMATS[syntax], prefixes=prefixes)
    return generator.shape()


def default_path(actors: int, syntax: str = "nt") -> Path:
    """Where ``generate.py`` writes a territory of ``actors`` actors by default."""
    return OUT_DIR / f"territory-{actors}.{syntax}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=1000, help="number of companies")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--format", choices=sorted(FORMATS), default="nt")
    parser.add_argument("--base", default=DEFAULT_BASE, help="base of the instance IRIs")
    parser.add_argument("--out", type=Path, help="output file (default bench/out/territory-N.EXT)")
    args = parser.parse_args(argv)
    if args.actors < 1:
        parser.error("--actors must be at least 1")
    out = args.out or default_path(args.actors, args.format)
    shape = generate(args.actors, out, seed=args.seed, syntax=args.format, base=args.base)
    print(f"{out}: {shape.actors} actors, {shape.flows} flows, {shape.triples} triples")


if __name__ == "__main__":
    main()
