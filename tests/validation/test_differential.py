"""The fast engine against pyshacl, the reference: the same reports on the same data.

Every validation-test fixture, the demo territory, generated inventories (valid, with
broken rows, and split between data and context as an import into a store sees them)
and every W3C SHACL Core test. Results are compared whole: focus node, path, value,
source shape, constraint component, severity and both messages.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, Quad, Triple

from eitkg.namespaces import EIT, RDF
from eitkg.rdf.io import RdfSource, iter_quads
from eitkg.validation import ValidationReport, load_context, validate
from eitkg.validation.convert import RdfInput

from .cases import CONFORMING, FAILING, FLOW, NEED, SUBSTITUTION
from .conftest import BASE, BASE_IRI, PREFIXES
from .inventories import broken, territory
from .test_w3c_shacl_core import PYSHACL_FAILS
from .w3c import Case, cases, run_fast, run_pyshacl, same_report

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "data" / "demo" / "demo.ttl"
SNIPPETS = {c.name: c.snippet for c in FAILING} | {
    f"conforming: {name}": snippet for name, snippet in CONFORMING.items()
}


@pytest.fixture(autouse=True)
def _quiet_rdflib() -> Iterator[None]:
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    yield
    logger.setLevel(level)


def both(data: RdfInput, **options: object) -> tuple[ValidationReport, ValidationReport]:
    """The fast report, after checking it equals pyshacl's (results and conformance)."""
    fast = validate(data, engine="fast", base_iri=BASE_IRI, **options)  # type: ignore[arg-type]
    reference = validate(
        data,
        engine="pyshacl",
        base_iri=BASE_IRI,
        **options,  # type: ignore[arg-type]
    )
    missing = set(reference.results) - set(fast.results)
    extra = set(fast.results) - set(reference.results)
    assert not missing and not extra, f"only pyshacl: {missing}\nonly fast: {extra}"
    assert fast.results == reference.results
    assert fast.conforms == reference.conforms
    return fast, reference


def snippet_source(snippet: str) -> RdfSource:
    return RdfSource.from_bytes((PREFIXES + BASE + snippet).encode(), name="snippet.ttl")


@pytest.mark.parametrize("name", list(SNIPPETS))
def test_every_fixture_gives_the_same_report(name: str) -> None:
    fast, _ = both(snippet_source(SNIPPETS[name]))
    if not name.startswith("conforming"):
        assert fast.results, "every failing fixture has results"


def test_all_fixtures_at_once_give_the_same_report() -> None:
    text = "\n".join(c.snippet for c in FAILING)
    fast, _ = both(snippet_source(text))
    assert len({r.source_shape for r in fast.results}) >= 60


def test_minimal_dataset_and_demo_territory_give_the_same_empty_report() -> None:
    minimal, _ = both(RdfSource.from_path(ROOT / "tests" / "validation" / "data" / "minimal.ttl"))
    demo, _ = both(RdfSource.from_path(DEMO))
    assert minimal.results == () and demo.results == ()


def test_demo_territory_with_broken_rows_gives_the_same_report() -> None:
    quads = list(iter_quads(RdfSource.from_path(DEMO), base_iri=BASE_IRI))
    extra = RdfSource.from_bytes((PREFIXES + FLOW + NEED + SUBSTITUTION).encode(), name="x.ttl")
    broken_rows = (
        PREFIXES
        + """
        <id/flow/f1> eit:quantity -3 ; eit:unit <http://qudt.org/vocab/unit/TONNE> .
        <id/synergy/s1> eit:receiver <id/actor/552081317> ; eit:startDate "2024-02-01"^^xsd:date ;
            eit:endDate "2023-01-01"^^xsd:date .
    """
    )
    fast, _ = both([*quads, extra, RdfSource.from_bytes(broken_rows.encode(), name="b.ttl")])
    assert {r.source_shape.split("#")[1] for r in fast.results} >= {
        "Flow-quantityNonNegative",
        "Substitution-receiver",
        "Synergy-dateOrder",
    }


def test_generated_inventory_gives_the_same_empty_report() -> None:
    fast, _ = both(list(territory(60)))
    assert fast.results == ()


def test_generated_inventory_with_broken_rows_gives_the_same_report() -> None:
    fast, _ = both(broken(40))
    assert fast.counts == {"Violation": 30, "Warning": 6, "Info": 0}
    assert any(r.focus_node.startswith("_:") for r in fast.results)  # a blank-node flow
    assert any(r.value == "95.0" for r in fast.results)  # the lexical form, as written
    assert any("lat 95.0," in r.message_en for r in fast.results)  # a SHACL-SPARQL message


def test_import_into_a_store_gives_the_same_report_with_referenced_context() -> None:
    """Flows as the data; their actors and sites as context quads of an earlier dataset."""
    triples = list(broken(30))
    flow_types = {EIT + "Need", EIT + "Availability"}
    flows = {
        t.subject
        for t in triples
        if t.predicate.value == RDF + "type" and t.object.value in flow_types
    }
    data = [t for t in triples if t.subject in flows]
    earlier = [Quad(t.subject, t.predicate, t.object) for t in triples if t.subject not in flows]
    fast, _ = both(data, context=[load_context(), *earlier])
    focus = {r.focus_node for r in fast.results}
    assert focus and focus <= {
        f.value if isinstance(f, NamedNode) else f"_:{f.value}" for f in flows
    }


def test_triples_and_named_graph_quads_give_the_same_report() -> None:
    triples: list[Triple] = list(broken(20))
    fast_triples, _ = both(triples)
    graph = NamedNode(BASE_IRI + "graph/dataset/x")
    named = [Quad(t.subject, t.predicate, t.object, graph) for t in triples]
    fast_quads, _ = both(named + named[:50])  # some triples twice: still one result each
    assert fast_quads.results == fast_triples.results


W3C_CASES = cases()


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            c,
            id=c.id,
            marks=[pytest.mark.xfail(strict=True, reason=PYSHACL_FAILS[c.id])]
            if c.id in PYSHACL_FAILS
            else [],
        )
        for c in W3C_CASES
    ],
)
def test_every_w3c_test_gives_the_same_report(case: Case) -> None:
    assert same_report(run_fast(case), run_pyshacl(case))
