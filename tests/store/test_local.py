"""The embedded store: loads are atomic, errors point at file, line and column."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, QuerySolutions

from eitkg.errors import InputError, InvalidQueryError, RdfSyntaxError, StoreUnavailableError
from eitkg.rdf.formats import rdf_syntax
from eitkg.rdf.io import RdfSource
from eitkg.store import OxigraphStore

G = NamedNode("http://example.org/g")
TURTLE = b"@prefix ex: <http://example.org/> .\nex:a ex:p ex:b .\nex:b ex:p 1 .\n"


def snapshot(store: OxigraphStore) -> set[Quad]:
    return set(store.quads())


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("a.ttl", TURTLE),
        ("a.nt", b"<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n"),
        ("a.nq", b'<http://example.org/a> <http://example.org/p> "x" <http://example.org/g> .\n'),
        ("a.trig", b"<http://example.org/g> { <http://example.org/a> <http://example.org/p> 1 }"),
        ("a.jsonld", b'{"@id": "http://example.org/a", "http://example.org/p": "x"}'),
        (
            "a.rdf",
            b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            b'xmlns:ex="http://example.org/"><rdf:Description rdf:about="http://example.org/a">'
            b"<ex:p>x</ex:p></rdf:Description></rdf:RDF>",
        ),
    ],
)
def test_every_standard_syntax_loads(name: str, data: bytes) -> None:
    store = OxigraphStore()
    summary = store.load([RdfSource.from_bytes(data, name=name)])
    assert summary.quads_after == summary.quads_parsed > 0
    subjects = {q.subject for q in store.quads()}
    assert NamedNode("http://example.org/a") in subjects


def test_triples_go_to_the_named_graph(tmp_path: Path) -> None:
    path = tmp_path / "data.ttl"
    path.write_bytes(TURTLE)
    store = OxigraphStore()
    store.load([RdfSource.from_path(path)], graph=G)
    assert store.named_graphs() == [G]
    assert {q.graph_name for q in store.quads()} == {G}


def test_relative_iris_resolve_against_the_base() -> None:
    store = OxigraphStore()
    data = b"<id/actor/1> <http://example.org/p> <id/site/2> ."
    store.load([RdfSource.from_bytes(data, name="d.ttl")], base_iri="http://localhost:8000/")
    (quad,) = store.quads()
    assert quad.subject == NamedNode("http://localhost:8000/id/actor/1")
    assert quad.object == NamedNode("http://localhost:8000/id/site/2")


def test_a_malformed_file_names_file_line_column_and_changes_nothing() -> None:
    store = OxigraphStore()
    store.load([RdfSource.from_bytes(TURTLE, name="good.ttl")], graph=G)
    before = snapshot(store)
    bad = b'@prefix ex: <http://example.org/> .\nex:c ex:p ex:d .\nex:c ex:p "open .\n'
    with pytest.raises(RdfSyntaxError) as caught:
        store.load([RdfSource.from_bytes(bad, name="bad.ttl")], graph=G)
    assert caught.value.location.source == "bad.ttl"
    assert caught.value.location.line == 3
    assert caught.value.location.column is not None
    assert str(caught.value).startswith("bad.ttl:3:")
    assert snapshot(store) == before


def test_several_files_load_all_or_nothing() -> None:
    store = OxigraphStore()
    good = RdfSource.from_bytes(TURTLE, name="good.ttl")
    bad = RdfSource.from_bytes(b"<http://example.org/x> <http://example.org/p> .", name="bad.nt")
    with pytest.raises(RdfSyntaxError) as caught:
        store.load([good, bad], graph=G)
    assert caught.value.location.source == "bad.nt"
    assert len(store) == 0
    summary = store.load([good, RdfSource.from_bytes(TURTLE, name="again.ttl")], graph=G)
    assert summary.sources == (("good.ttl", 2), ("again.ttl", 2))
    assert len(store) == 2


def test_unknown_extension_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "data.xyz"
    path.write_text("x")
    with pytest.raises(InputError, match="cannot tell the RDF format"):
        RdfSource.from_path(path)
    with pytest.raises(InputError, match="no such file"):
        RdfSource.from_path(tmp_path / "missing.ttl")


def test_binary_garbage_is_a_syntax_error_and_changes_nothing() -> None:
    store = OxigraphStore()
    with pytest.raises(RdfSyntaxError) as caught:
        store.load([RdfSource.from_bytes(b"\x00\xff\xfe garbage \x81", name="junk.ttl")])
    assert caught.value.location.source == "junk.ttl"
    assert len(store) == 0


def test_replace_graph_swaps_content_and_leaves_no_staging_graph() -> None:
    store = OxigraphStore()
    store.load([RdfSource.from_bytes(TURTLE, name="a.ttl")], graph=G)
    other = NamedNode("http://example.org/other")
    store.extend([Quad(other, other, other, other)])
    new = Quad(
        NamedNode("http://example.org/n"), NamedNode("http://example.org/p"), Literal("v"), G
    )
    store.replace_graph(G, [new])
    assert list(store.quads(G)) == [new]
    assert store.named_graphs() == [G, other]


def test_queries_bind_values_by_substitution() -> None:
    store = OxigraphStore()
    store.load([RdfSource.from_bytes(TURTLE, name="a.ttl")])
    result = store.query(
        "SELECT ?s ?o WHERE { ?s <http://example.org/p> ?o }",
        substitutions={"s": NamedNode("http://example.org/a")},
    )
    assert isinstance(result, QuerySolutions)
    assert [row["o"] for row in result] == [NamedNode("http://example.org/b")]


def test_default_graph_as_union_and_explicit_default_graphs() -> None:
    store = OxigraphStore()
    store.load([RdfSource.from_bytes(TURTLE, name="a.ttl")], graph=G)
    sparql = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert next(iter(store.query(sparql)))["n"].value == "0"  # type: ignore[arg-type]
    union = store.query(sparql, default_graph_as_union=True)
    assert next(iter(union))["n"].value == "2"  # type: ignore[arg-type]
    chosen = store.query(sparql, default_graphs=[G])
    assert next(iter(chosen))["n"].value == "2"  # type: ignore[arg-type]


def test_a_bad_query_reports_its_position() -> None:
    with pytest.raises(InvalidQueryError) as caught:
        OxigraphStore().query("SELECT * WHERE { ?s ?p }")
    assert caught.value.line == 1
    assert caught.value.column is not None


def test_dump_writes_what_was_loaded() -> None:
    store = OxigraphStore()
    store.load([RdfSource.from_bytes(TURTLE, name="a.ttl")], graph=G)
    out = io.BytesIO()
    store.dump(out, rdf_syntax("nquads"))
    again = OxigraphStore()
    again.load([RdfSource.from_bytes(out.getvalue(), name="dump.nq")])
    assert set(again.quads()) == set(store.quads())
    triples = io.BytesIO()
    store.dump(triples, rdf_syntax("turtle"), graph=G)
    assert b"<http://example.org/a>" in triples.getvalue()


def test_on_disk_store_persists_and_refuses_a_second_writer(tmp_path: Path) -> None:
    path = tmp_path / "store"
    store = OxigraphStore(path)
    store.load([RdfSource.from_bytes(TURTLE, name="a.ttl")], graph=G)
    with pytest.raises(StoreUnavailableError, match="in use"):
        OxigraphStore(path)
    store.close()
    del store
    reopened = OxigraphStore(path)
    assert len(reopened) == 2
    assert {q.graph_name for q in reopened.quads()} == {G}
    assert DefaultGraph() not in {q.graph_name for q in reopened.quads()}
