"""The eitkg command, run for real as a subprocess on an on-disk store (exit codes included)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pyoxigraph import CanonicalizationAlgorithm, Dataset

from eitkg.store import OxigraphStore

BASE = "http://localhost:8000/"


def eitkg(
    *args: str, store: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EITKG_")}
    prefix = ["--store", str(store)] if store is not None else []
    return subprocess.run(
        [sys.executable, "-m", "eitkg", *prefix, *args],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        timeout=120,
    )


@pytest.fixture(scope="module")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "store"
    result = eitkg("init", store=path)
    assert result.returncode == 0, result.stderr
    assert "quads in the store" in result.stdout
    return path


def quads_of(path: Path) -> set[object]:
    """The store's quads, blank nodes canonicalised so that two loads of a file compare equal."""
    store = OxigraphStore(path)
    try:
        dataset = Dataset(store.quads())
        dataset.canonicalize(CanonicalizationAlgorithm.UNSTABLE)
        return set(dataset)
    finally:
        store.close()
        del store


def test_init_builds_every_shipped_graph(built_store: Path) -> None:
    result = eitkg("stats", store=built_store)
    assert result.returncode == 0, result.stderr
    assert "https://w3id.org/eitkg/graph/ontology" in result.stdout
    assert "https://w3id.org/eitkg/graph/vocab/ewc" in result.stdout
    assert "instances:" in result.stdout
    assert "skos:Concept" in result.stdout


def test_init_twice_gives_the_same_store(built_store: Path) -> None:
    before = quads_of(built_store)
    assert eitkg("init", store=built_store).returncode == 0
    assert quads_of(built_store) == before


def test_named_query_with_parameter_as_json(built_store: Path) -> None:
    result = eitkg(
        "query",
        "vocab/resolve_label",
        "-p",
        "label=Vapeur",
        "-p",
        "scheme=eitv:resource",
        "-f",
        "json",
        store=built_store,
    )
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)["results"]["bindings"]
    assert [r["concept"]["value"] for r in rows] == ["https://w3id.org/eitkg/vocab/resource/steam"]


def test_query_file_as_csv_and_table(built_store: Path, tmp_path: Path) -> None:
    query = tmp_path / "count.rq"
    query.write_text(
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        "SELECT (COUNT(*) AS ?n) WHERE { ?c skos:inScheme <https://w3id.org/eitkg/vocab/ewc> ;"
        " skos:notation ?code FILTER(STRLEN(?code) = 6) }"
    )
    csv = eitkg("query", str(query), "--format", "csv", store=built_store)
    assert csv.returncode == 0, csv.stderr
    assert csv.stdout.splitlines() == ["n", "842"]
    table = eitkg("query", str(query), store=built_store)
    assert "842" in table.stdout and "(1 row)" in table.stdout


def test_construct_as_turtle_from_stdin(built_store: Path) -> None:
    sparql = (
        "CONSTRUCT { ?c ?p ?o } WHERE { BIND(<https://w3id.org/eitkg/vocab/ewc/010304> AS ?c) "
        "?c ?p ?o }"
    )
    result = eitkg("query", "-", "--format", "turtle", store=built_store, stdin=sparql)
    assert result.returncode == 0, result.stderr
    assert "01 03 04*" in result.stdout
    assert "@prefix skos:" in result.stdout


def test_load_then_export_a_graph(tmp_path: Path) -> None:
    store = tmp_path / "s"
    data = tmp_path / "data.ttl"
    data.write_text("<http://example.org/a> <http://example.org/p> 'x' .\n")
    result = eitkg("load", str(data), "--graph", "http://example.org/g", store=store)
    assert result.returncode == 0, result.stderr
    assert "1 new quads; 1 in the store" in result.stdout
    out = tmp_path / "out.nt"
    exported = eitkg(
        "export",
        "--format",
        "ntriples",
        "--graph",
        "http://example.org/g",
        "-o",
        str(out),
        store=store,
    )
    assert exported.returncode == 0, exported.stderr
    assert out.read_text() == '<http://example.org/a> <http://example.org/p> "x" .\n'
    refused = eitkg("export", "--format", "turtle", store=store)
    assert refused.returncode == 2
    assert "name it with --graph" in refused.stderr


def test_malformed_file_exits_2_names_the_place_and_changes_nothing(
    built_store: Path, tmp_path: Path
) -> None:
    before = quads_of(built_store)
    good = tmp_path / "good.ttl"
    good.write_text("<http://example.org/a> <http://example.org/p> 'x' .\n")
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "<http://example.org/a> <http://example.org/p> 'x' .\n<http://example.org/b> <p\n"
    )
    result = eitkg("load", str(good), str(bad), store=built_store)
    assert result.returncode == 2
    assert f"{bad}:2:" in result.stderr
    assert "Traceback" not in result.stderr
    assert quads_of(built_store) == before


def test_unknown_named_query_and_bad_parameter(built_store: Path) -> None:
    unknown = eitkg("query", "nope/nothing", store=built_store)
    assert unknown.returncode == 2
    assert "no named query 'nope/nothing'" in unknown.stderr
    missing = eitkg("query", "flows/by_category", store=built_store)
    assert missing.returncode == 2
    assert "'category' is required" in missing.stderr


def test_bad_query_reports_position(built_store: Path) -> None:
    result = eitkg("query", "-", store=built_store, stdin="SELEC * WHERE { ?s ?p ?o }")
    assert result.returncode == 2
    assert "1:10" in result.stderr


def test_queries_lists_the_catalogue() -> None:
    result = eitkg("queries")
    assert result.returncode == 0
    assert "synergy/substitution_candidates" in result.stdout
    assert "--param category=<iri>" in result.stdout


def test_store_in_use_is_a_clear_error(built_store: Path) -> None:
    holder = OxigraphStore(built_store)
    try:
        result = eitkg("stats", store=built_store)
    finally:
        holder.close()
        del holder
    assert result.returncode == 2
    assert "in use by another process" in result.stderr


BAD_SITE = """@prefix eit: <https://w3id.org/eitkg/ontology#> .
<http://localhost:8000/id/site/55208131700027> a eit:Site ; eit:siret "55208131700027" .
"""


def test_validate_exits_1_and_names_focus_node_and_property(tmp_path: Path) -> None:
    data = tmp_path / "site.ttl"
    data.write_text(BAD_SITE)
    text = eitkg("validate", str(data), "--lang", "en")
    assert text.returncode == 1, text.stderr
    assert "http://localhost:8000/id/site/55208131700027" in text.stdout
    assert "eit:siret" in text.stdout
    as_json = eitkg("validate", str(data), "--format", "json")
    assert as_json.returncode == 1
    results = json.loads(as_json.stdout)["results"]
    assert {(r["focus_node"], r["path"]) for r in results} >= {
        ("http://localhost:8000/id/site/55208131700027", "https://w3id.org/eitkg/ontology#siret")
    }
    turtle = eitkg("validate", str(data), "--format", "turtle")
    assert "sh:ValidationReport" in turtle.stdout


def test_validate_exits_0_on_the_demo_and_2_on_a_malformed_file(tmp_path: Path) -> None:
    demo = Path(__file__).resolve().parents[2] / "data" / "demo" / "demo.ttl"
    assert eitkg("validate", str(demo)).returncode == 0
    bad = tmp_path / "broken.ttl"
    bad.write_text("<http://example.org/a> <http://example.org/p> .\n")
    result = eitkg("validate", str(bad))
    assert result.returncode == 2
    assert f"{bad}:1:" in result.stderr


def test_check_ontology_reports_consistency() -> None:
    result = eitkg("check-ontology")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "consistent" in result.stdout
    assert "unsatisfiable classes: none" in result.stdout
