"""The named-query catalogue: headers parse, bad files fail with file and line, values are bound."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, QuerySolutions

from eitkg.errors import ParameterError, QueryCatalogueError
from eitkg.queries import bind_parameters, load_catalogue, run_named_query
from eitkg.queries.catalogue import load_query
from eitkg.resources import queries_dir
from eitkg.store import OxigraphStore

GOOD = """#+ summary: Things of a kind
#+ description: Lists things.
#+ tags: [test]
#+ params:
#+   kind:
#+     type: iri
#+     required: true
#+   limit_date:
#+     type: date
SELECT ?kind ?limit_date ?thing WHERE { ?thing a ?kind }
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_header_and_params_are_read(tmp_path: Path) -> None:
    write(tmp_path, "things/by_kind.rq", GOOD)
    catalogue = load_catalogue(tmp_path)
    query = catalogue["things/by_kind"]
    assert query.summary == "Things of a kind"
    assert query.form == "select"
    assert query.tags == ("test",)
    assert [(p.name, p.type, p.required) for p in query.params] == [
        ("kind", "iri", True),
        ("limit_date", "date", False),
    ]
    assert query.sparql.startswith("SELECT ?kind")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("#+ summary: [unclosed\nSELECT * {}\n", 1, "malformed YAML header"),
        ("#+ summary: x\n#+ params:\n#+   a: {type: iri\n#+ tags: []\nSELECT ?a {}\n", 4, "YAML"),
        ("#+ summary: x\n#+ colour: red\nSELECT * {}\n", 2, "unknown header keys"),
        ("SELECT * {}\n", 1, "missing '#+' YAML header"),
        ("#+ summary: x\n#+ tags: [a]\nSELEC * WHERE { ?s ?p ?o }\n", 3, "SPARQL syntax error"),
        ("#+ description: no summary\nSELECT * {}\n", 1, "needs a 'summary'"),
    ],
)
def test_a_bad_file_fails_with_file_and_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = write(tmp_path, "bad.rq", text)
    with pytest.raises(QueryCatalogueError, match=re.escape(message)) as caught:
        load_catalogue(tmp_path)
    assert caught.value.location.source == str(path)
    assert caught.value.location.line == line


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ("#+   x:\n#+     type: colour\n", "type 'colour'"),
        ("#+   x:\n#+     type: iri\n#+     colour: red\n", "unknown keys"),
        ("#+   y:\n#+     type: iri\n", r"declared but \?y is not in the query"),
        ("#+   x:\n#+     type: iri\n", "must be projected"),
    ],
)
def test_bad_parameter_declarations_fail_at_load(tmp_path: Path, params: str, message: str) -> None:
    text = f"#+ summary: x\n#+ params:\n{params}SELECT ?s WHERE {{ ?s ?p ?x }}\n"
    path = write(tmp_path, "bad.rq", text)
    with pytest.raises(QueryCatalogueError, match=message) as caught:
        load_query(path, query_id="bad")
    assert caught.value.location.source == str(path)


def test_query_ids_must_be_snake_case(tmp_path: Path) -> None:
    write(tmp_path, "Bad-Name.rq", GOOD)
    with pytest.raises(QueryCatalogueError, match="snake_case"):
        load_catalogue(tmp_path)


def test_unknown_query_names_the_known_ones(tmp_path: Path) -> None:
    write(tmp_path, "things/by_kind.rq", GOOD)
    with pytest.raises(Exception, match="known queries: things/by_kind"):
        load_catalogue(tmp_path)["nope"]


def test_values_are_bound_as_typed_terms_never_spliced(tmp_path: Path) -> None:
    write(tmp_path, "things/by_kind.rq", GOOD)
    query = load_catalogue(tmp_path)["things/by_kind"]
    bound = bind_parameters(query, {"kind": "skos:Concept", "limit_date": "2024-03-12"})
    assert bound["kind"] == NamedNode("http://www.w3.org/2004/02/skos/core#Concept")
    assert bound["limit_date"] == Literal(
        "2024-03-12", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#date")
    )
    assert query.sparql == GOOD.split("\n", 9)[-1]  # the text is never touched


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({}, "'kind' is required"),
        ({"kind": "skos:Concept", "colour": "red"}, "unknown parameter"),
        ({"kind": "not an iri"}, "not a valid iri"),
        ({"kind": "skos:Concept", "limit_date": "12/03/2024"}, "not a valid date"),
    ],
)
def test_bad_values_are_refused_before_any_query(
    tmp_path: Path, values: dict[str, str], message: str
) -> None:
    write(tmp_path, "things/by_kind.rq", GOOD)
    query = load_catalogue(tmp_path)["things/by_kind"]
    with pytest.raises(ParameterError, match=message):
        bind_parameters(query, values)


def test_injection_attempt_stays_a_literal(tmp_path: Path) -> None:
    text = (
        "#+ summary: by label\n#+ params:\n#+   label: {type: string, required: true}\n"
        "SELECT ?label ?s WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label }\n"
    )
    write(tmp_path, "by_label.rq", text)
    query = load_catalogue(tmp_path)["by_label"]
    store = OxigraphStore()
    store.update('INSERT DATA { <http://x/a> <http://www.w3.org/2000/01/rdf-schema#label> "a" }')
    evil = '" } ?s ?p ?o { "'
    result = run_named_query(store, query, {"label": evil})
    assert isinstance(result, QuerySolutions)
    assert list(result) == []
    result = run_named_query(store, query, {"label": "a"})
    assert [row["s"] for row in result] == [NamedNode("http://x/a")]  # type: ignore[union-attr]


def test_every_shipped_query_loads_and_runs_on_the_demo(seeded_store: OxigraphStore) -> None:
    catalogue = load_catalogue(queries_dir())
    assert len(catalogue) >= 9
    samples = {"iri": "eitv:resource/energy", "string": "vapeur"}
    for query_id in catalogue:
        query = catalogue[query_id]
        values = {p.name: samples[p.type] for p in query.params if p.required}
        result = run_named_query(seeded_store, query, values, default_graph_as_union=True)
        assert result is not None, query_id
        assert (query.summary and query.description) or query.id.startswith("system/"), query_id
