"""Generated inventories for the differential tests: bench/generate.py territories, with
deliberately broken rows (each mutation names the rule it should break)."""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from eitkg.namespaces import EIT, EITV, GEO, RDF, RDFS, SKOS, UNIT, WGS, XSD

GENERATE = Path(__file__).resolve().parents[2] / "bench" / "generate.py"
_TYPE = NamedNode(RDF + "type")


def generator_module() -> ModuleType:
    """``bench/generate.py`` as a module (bench/ is not a package)."""
    name = "eitkg_bench_generate"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, GENERATE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@cache
def territory(actors: int, seed: int = 7) -> tuple[Triple, ...]:
    """The triples of a generated territory (valid: it validates without results)."""
    generator = generator_module().TerritoryGenerator(actors, seed=seed)
    return tuple(generator.triples_iter())


def _typed(value: str, datatype: str) -> Literal:
    return Literal(value, datatype=NamedNode(XSD + datatype))


def _subjects_of_type(triples: list[Triple], cls: str) -> list[NamedNode]:
    return [t.subject for t in triples if t.predicate == _TYPE and t.object == NamedNode(cls)]


def _replace(triples: list[Triple], subject: object, predicate: str, *objects: object) -> None:
    """Replace every ``subject predicate ?o`` by ``subject predicate o`` for each object."""
    iri = NamedNode(predicate)
    triples[:] = [t for t in triples if not (t.subject == subject and t.predicate == iri)]
    triples.extend(Triple(subject, iri, o) for o in objects)  # type: ignore[arg-type]


def broken(actors: int = 40, seed: int = 7) -> list[Triple]:
    """A generated territory with one broken row per rule below (flows, sites, actors)."""
    triples = list(territory(actors, seed))
    flows = _subjects_of_type(triples, EIT + "Availability") + _subjects_of_type(
        triples, EIT + "Need"
    )
    sites = _subjects_of_type(triples, EIT + "Site")
    companies = _subjects_of_type(triples, EIT + "Company")
    flows.sort(key=lambda n: n.value)
    decimal = "decimal"
    eit = EIT
    _replace(triples, flows[0], eit + "quantity", _typed("-5", decimal))
    _replace(triples, flows[1], eit + "quantity", Literal("douze"))
    _replace(triples, flows[2], RDFS + "label")
    _replace(triples, flows[3], eit + "unit", NamedNode(EITV + "period/year"))
    _replace(triples, flows[4], eit + "wasteCode", NamedNode(EITV + "ewc/17"))
    _replace(triples, flows[5], eit + "wasteCode", NamedNode(EITV + "ewc/070104"))
    _replace(triples, flows[5], eit + "hazardous", Literal(False))
    _replace(triples, flows[6], eit + "unit", NamedNode(UNIT + "KiloGM"))
    _replace(triples, flows[6], eit + "canonicalUnit", NamedNode(UNIT + "M3"))
    _replace(triples, flows[7], eit + "availableFrom", _typed("2024-06-01", "date"))
    _replace(triples, flows[7], eit + "availableUntil", _typed("2024-01-01", "date"))
    _replace(triples, flows[8], eit + "site", sites[0], sites[1])
    triples.append(Triple(flows[9], _TYPE, NamedNode(eit + "Need")))
    triples.append(Triple(flows[9], _TYPE, NamedNode(eit + "Availability")))
    _replace(triples, flows[10], eit + "sourceRow", _typed("012", "integer"))
    _replace(triples, flows[11], eit + "sourceRow", _typed("douze", "integer"))
    _replace(triples, flows[12], eit + "quantity", _typed("1e3", decimal))
    _replace(triples, flows[13], eit + "hazardous", _typed("1", "boolean"))
    _replace(triples, flows[14], eit + "availableFrom", Literal("2024-13-45"))
    _replace(triples, flows[15], eit + "quantityPerYear", _typed("-0.50", decimal))
    _replace(triples, flows[16], eit + "period", NamedNode(EITV + "resource/energy"))
    _replace(triples, flows[17], eit + "resourceCategory")
    _replace(triples, flows[17], eit + "wasteCode")
    siret = next(
        t.object for t in triples if t.subject == sites[2] and t.predicate.value.endswith("siret")
    )
    _replace(
        triples,
        sites[2],
        eit + "siret",
        Literal(siret.value[:-1] + str((int(siret.value[-1]) + 1) % 10)),
    )
    lat = next(
        t.object for t in triples if t.subject == sites[3] and t.predicate.value == WGS + "lat"
    )
    lon = next(
        t.object for t in triples if t.subject == sites[3] and t.predicate.value == WGS + "long"
    )
    _replace(triples, sites[3], WGS + "lat", lon)
    _replace(triples, sites[3], WGS + "long", lat)
    _replace(triples, sites[4], WGS + "lat", _typed("95.0", decimal))
    _replace(triples, sites[5], eit + "postalCode", Literal("6900"))
    _replace(triples, sites[6], GEO + "hasGeometry", NamedNode(sites[6].value + "/geometry"))
    triples.append(
        Triple(
            NamedNode(sites[6].value + "/geometry"),
            NamedNode(GEO + "asWKT"),
            Literal("POINT(4 45)"),
        )
    )
    _replace(
        triples,
        companies[0],
        SKOS + "prefLabel",
        Literal("A", language="fr"),
        Literal("B", language="fr"),
    )
    _replace(triples, companies[1], eit + "siren", Literal("55208131"))
    _replace(triples, companies[2], eit + "nafActivity", NamedNode(EITV + "naf/20.14"))
    orphan = BlankNode("orphanflow")
    triples += [
        Triple(orphan, _TYPE, NamedNode(eit + "Need")),
        Triple(orphan, NamedNode(eit + "quantity"), _typed("3", decimal)),
    ]
    return triples
