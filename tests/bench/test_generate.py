"""The benchmark's territory generator: deterministic for a seed, and the promised shape."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pyoxigraph
import pytest

from eitkg.rdf.iris import luhn_valid

ROOT = Path(__file__).resolve().parents[2]
GENERATE = ROOT / "bench" / "generate.py"
PREFIXES = """
PREFIX eit: <https://w3id.org/eitkg/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
"""


def _module() -> ModuleType:
    name = "eitkg_bench_generate"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, GENERATE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def _run(out: Path, *extra: str) -> str:
    completed = subprocess.run(
        [sys.executable, str(GENERATE), "--actors", "20", "--out", str(out), *extra],
        check=True,
        capture_output=True,
        text=True,
    )
    return completed.stdout


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> pyoxigraph.Store:
    out = tmp_path_factory.mktemp("bench") / "t.nt"
    _module().generate(20, out, seed=5)
    result = pyoxigraph.Store()
    result.load(path=out, format=pyoxigraph.RdfFormat.N_TRIPLES)
    return result


def test_same_seed_gives_identical_bytes_and_other_seed_differs(tmp_path: Path) -> None:
    first, second, other = tmp_path / "a.nt", tmp_path / "b.nt", tmp_path / "c.nt"
    report = _run(first, "--seed", "11")
    _run(second, "--seed", "11")
    _run(other, "--seed", "12")
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() != other.read_bytes()
    assert report.startswith(f"{first}: 20 actors, ")


def test_turtle_output_holds_the_same_triples(tmp_path: Path) -> None:
    module = _module()
    nt, ttl = tmp_path / "t.nt", tmp_path / "t.ttl"
    shape_nt = module.generate(20, nt, seed=3, syntax="nt")
    shape_ttl = module.generate(20, ttl, seed=3, syntax="ttl")
    from_nt = set(pyoxigraph.parse(path=nt, format=pyoxigraph.RdfFormat.N_TRIPLES))
    from_ttl = set(pyoxigraph.parse(path=ttl, format=pyoxigraph.RdfFormat.TURTLE))
    assert from_nt == from_ttl
    assert len(from_nt) == shape_nt.triples == shape_ttl.triples
    assert ttl.read_text(encoding="utf-8").startswith("@prefix")


def test_twenty_companies_each_with_one_site_and_three_to_eight_flows(
    store: pyoxigraph.Store,
) -> None:
    rows = list(
        store.query(
            PREFIXES
            + """
            SELECT ?actor (COUNT(DISTINCT ?site) AS ?sites) (COUNT(DISTINCT ?flow) AS ?flows)
            WHERE {
              ?actor a eit:Company ; org:hasSite ?site .
              ?flow eit:actor ?actor ; eit:site ?site .
            } GROUP BY ?actor
            """
        )
    )
    assert len(rows) == 20
    assert {int(row["sites"].value) for row in rows} == {1}
    flows = [int(row["flows"].value) for row in rows]
    assert min(flows) >= 3
    assert max(flows) <= 8


def test_flows_are_needs_or_availabilities_with_a_yearly_quantity(store: pyoxigraph.Store) -> None:
    untyped = store.query(
        PREFIXES
        + """
        ASK {
          ?flow eit:actor ?actor .
          FILTER NOT EXISTS { ?flow a ?kind . VALUES ?kind { eit:Need eit:Availability } }
        }
        """
    )
    assert not bool(untyped)
    without_quantity = store.query(
        PREFIXES + "ASK { ?flow eit:actor ?a . FILTER NOT EXISTS { ?flow eit:quantityPerYear ?q } }"
    )
    assert not bool(without_quantity)


def test_every_siret_and_siren_passes_luhn(store: pyoxigraph.Store) -> None:
    sirets = [r["v"].value for r in store.query(PREFIXES + "SELECT ?v { ?s eit:siret ?v }")]
    sirens = [r["v"].value for r in store.query(PREFIXES + "SELECT ?v { ?s eit:siren ?v }")]
    assert len(sirets) == len(sirens) == 20
    assert all(len(v) == 14 and luhn_valid(v) for v in sirets)
    assert all(len(v) == 9 and luhn_valid(v) for v in sirens)
    assert {v[:9] for v in sirets} == set(sirens)
    assert len(set(sirens)) == 20  # one legal unit per actor: no two actors share a SIREN
