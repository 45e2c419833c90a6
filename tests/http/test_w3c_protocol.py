"""The W3C SPARQL 1.1 Protocol, Graph Store Protocol and Service Description tests.

The manifests (``../shared/suites/sparql11-protocol``) describe each test as HTTP requests with
expected responses (``ht:Request``, ``mf:expectedStatus``, ``mf:expectedFormat``, ...). Each
test runs here, under its own id, on a fresh store holding the graphs its ``ut:graphData``
names, through the ASGI app. Paths are mapped: ``/sparql/`` to ``/sparql`` for queries and to
``/sparql/update`` for updates (the manifest allows separate endpoints), ``/gsp`` to ``/store``.
Writes carry the curator token; reads are anonymous. No ``Accept`` header is sent unless the
test gives one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pyoxigraph import NamedNode, QueryBoolean, QueryResultsFormat, RdfFormat, parse_query_results
from rdflib import RDF, BNode, Graph, Namespace, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.term import Node

from eitkg.config import Settings
from eitkg.http import create_app
from eitkg.rdf.io import RdfSource
from eitkg.store import OxigraphStore

from ..conftest import CURATOR_TOKEN, SHARED

SUITE = SHARED / "suites" / "sparql11-protocol" / "sparql" / "sparql11"
if not (SUITE / "protocol" / "manifest.ttl").is_file():
    raise RuntimeError(f"the W3C protocol suite is missing: expected it under {SUITE}")

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
RDFS_LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")

HOST = "http://www.example"
STATUS = {"OK": {200}, "Created": {201}, "NoContent": {204}, "NotFound": {404}}
BOOLEAN_TYPES = {
    "application/sparql-results+json": QueryResultsFormat.JSON,
    "application/sparql-results+xml": QueryResultsFormat.XML,
}
TABULAR_TYPES = {
    **BOOLEAN_TYPES,
    "text/csv": QueryResultsFormat.CSV,
    "text/tab-separated-values": QueryResultsFormat.TSV,
}
RDF_TYPES = {
    "text/turtle": RdfFormat.TURTLE,
    "application/n-triples": RdfFormat.N_TRIPLES,
    "application/rdf+xml": RdfFormat.RDF_XML,
    "application/ld+json": RdfFormat.JSON_LD,
}
RDFLIB_FORMATS = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
}

#: Tests this server deliberately does not pass, and why (listed in docs/sparql.md).
UNSUPPORTED = {
    name: "pyoxigraph 0.5's Store.update takes no dataset, so using-graph-uri and "
    "using-named-graph-uri are refused with 400 (write USING in the update text instead)"
    for name in (
        "update_dataset_default_graph",
        "update_dataset_default_graphs",
        "update_dataset_named_graphs",
        "update_dataset_full",
    )
}


@dataclass(frozen=True)
class Expected:
    statuses: frozenset[int]
    classes: frozenset[int]  # 2, 3, 4 for StatusCode2xx...
    format: str | None = None
    boolean: bool | None = None
    headers: tuple[tuple[str, str], ...] = ()
    body: str | None = None
    location: str | None = None

    def accepts(self, status: int) -> bool:
        return status in self.statuses or status // 100 in self.classes


@dataclass(frozen=True)
class Step:
    method: str
    path: str
    headers: tuple[tuple[str, str], ...]
    body: bytes | None
    expected: Expected


@dataclass(frozen=True)
class W3cTest:
    suite: str
    name: str
    title: str
    steps: tuple[Step, ...]
    graphs: tuple[tuple[Path, str], ...] = field(default=())


def _value(graph: Graph, node: Node | None, predicate: URIRef) -> Node | None:
    return graph.value(node, predicate) if node is not None else None


def _list(graph: Graph, head: Node | None) -> list[Node]:
    return list(Collection(graph, head)) if head is not None else []


def _expected(graph: Graph, resp: Node | None) -> Expected:
    statuses: set[int] = set()
    classes: set[int] = set()
    for code in graph.objects(resp, MF.expectedStatus):
        local = str(code).removeprefix(str(HTS))
        if local.startswith("StatusCode"):
            classes.add(int(local[len("StatusCode")]))
        else:
            statuses |= STATUS[local]
    fmt = _value(graph, resp, MF.expectedFormat)
    boolean = _value(graph, resp, MF.expectedBoolean)
    body = _value(graph, _value(graph, resp, HT.body), CNT.chars)
    location = _value(graph, resp, MF.expectedLocation)
    return Expected(
        statuses=frozenset(statuses),
        classes=frozenset(classes),
        format=str(fmt) if fmt is not None else None,
        boolean=boolean.toPython() if isinstance(boolean, RdfLiteral) else None,
        headers=_headers(graph, resp),
        body=str(body) if body is not None else None,
        location=str(location) if location is not None else None,
    )


def _headers(graph: Graph, node: Node | None) -> tuple[tuple[str, str], ...]:
    return tuple(
        (str(_value(graph, h, HT.fieldName)).lower(), str(_value(graph, h, HT.fieldValue)))
        for h in _list(graph, _value(graph, node, HT.headers))
    )


def _step(graph: Graph, request: Node) -> Step:
    body_node = _value(graph, request, HT.body)
    body = None
    if body_node is not None:
        encoding = str(_value(graph, body_node, CNT.characterEncoding) or "UTF-8")
        body = str(_value(graph, body_node, CNT.chars)).encode(encoding)
    return Step(
        method=str(_value(graph, request, HT.methodName)),
        path=str(_value(graph, request, HT.absolutePath)),
        headers=_headers(graph, request),
        body=body,
        expected=_expected(graph, _value(graph, request, HT.resp)),
    )


def load_tests(manifest: Path, suite: str) -> list[W3cTest]:
    graph = Graph().parse(manifest, format="turtle")
    tests = []
    for manifest_node in graph.subjects(RDF.type, MF.Manifest):
        for entry in _list(graph, _value(graph, manifest_node, MF.entries)):
            action = _value(graph, entry, MF.action)
            steps = [_step(graph, r) for r in _list(graph, _value(graph, action, HT.requests))]
            graphs = tuple(
                (
                    manifest.parent / str(_value(graph, d, UT.graph)).rsplit("/", 1)[-1],
                    str(_value(graph, d, RDFS_LABEL)),
                )
                for d in graph.objects(entry, UT.graphData)
            )
            name = str(entry).rsplit("#", 1)[-1]
            title = str(_value(graph, entry, MF.name))
            tests.append(W3cTest(suite, name, title, tuple(steps), graphs))
    return tests


PROTOCOL_TESTS = load_tests(SUITE / "protocol" / "manifest.ttl", "protocol")
GSP_TESTS = [
    *load_tests(SUITE / "graph-store-protocol" / "manifest-direct.ttl", "gsp"),
    *load_tests(SUITE / "graph-store-protocol" / "manifest-indirect.ttl", "gsp"),
]
SD_TESTS = [t.name for t in load_tests(SUITE / "service-description" / "manifest.ttl", "sd")]


def _params(tests: list[W3cTest]) -> list[object]:
    params: list[object] = []
    for test in tests:
        marks = []
        if test.name in UNSUPPORTED:
            marks.append(pytest.mark.xfail(strict=True, reason=UNSUPPORTED[test.name]))
        params.append(pytest.param(test, id=f"{test.suite}/{test.name}", marks=marks))
    return params


@pytest.fixture
def w3c_client(request: pytest.FixtureRequest) -> Iterator[TestClient]:
    store = OxigraphStore()
    test: W3cTest | None = getattr(request, "param", None)
    for path, graph in test.graphs if test else ():
        store.load([RdfSource.from_path(path)], graph=NamedNode(graph))
    settings = Settings(base_iri=HOST + "/", curator_tokens=(CURATOR_TOKEN,))
    with TestClient(create_app(settings, store=store), base_url=HOST) as client:
        del client.headers["accept"]  # the manifests send no Accept unless they say so
        yield client


def _route(test: W3cTest, step: Step) -> tuple[str, bool]:
    """The path on this server, and whether the request writes (and so carries the token)."""
    if test.suite == "gsp":
        path = "/store" + step.path.removeprefix("/gsp")
        return path, step.method not in ("GET", "HEAD")
    content_type = dict(step.headers).get("content-type", "")
    is_update = test.name.startswith(("update_", "bad_update_")) and not content_type.startswith(
        "application/sparql-query"
    )
    rest = step.path.removeprefix("/sparql/")
    if rest and not rest.startswith("?"):
        raise AssertionError(f"unexpected path {step.path}")
    return ("/sparql/update" if is_update else "/sparql") + rest, is_update


def _media_type(content_type: str) -> str:
    return content_type.split(";")[0].strip().lower()


def _check_response(response: object, expected: Expected, where: str, *, head: bool) -> None:
    status: int = response.status_code  # type: ignore[attr-defined]
    text = response.text  # type: ignore[attr-defined]
    assert expected.accepts(status), f"{where}: status {status}, body {text[:300]!r}"
    headers = response.headers  # type: ignore[attr-defined]
    media_type = _media_type(headers.get("content-type", ""))
    if status >= 400 and not head:  # HEAD answers carry no body
        problem = response.json()  # type: ignore[attr-defined]
        assert media_type == "application/problem+json" and problem["status"] == status, where
        assert problem["detail"], where
    for name, value in expected.headers:
        wanted = value.replace(" ", "").lower()
        assert headers.get(name, "").replace(" ", "").lower() == wanted, f"{where}: {name}"
    content = response.content  # type: ignore[attr-defined]
    if expected.format == "boolean":
        assert media_type in BOOLEAN_TYPES, f"{where}: {media_type}"
        result = parse_query_results(content, BOOLEAN_TYPES[media_type])
        assert isinstance(result, QueryBoolean), where
        if expected.boolean is not None:
            assert bool(result) is expected.boolean, f"{where}: ASK answered {bool(result)}"
    elif expected.format == "tabular":
        assert media_type in TABULAR_TYPES, f"{where}: {media_type}"
        rows = list(parse_query_results(content, TABULAR_TYPES[media_type]))  # type: ignore[arg-type]
        assert [row["value"].value for row in rows] == ["1"], where
    elif expected.format == "RDF":
        assert media_type in RDF_TYPES, f"{where}: {media_type}"
        Graph().parse(data=content, format=RDFLIB_FORMATS[media_type])
    if expected.body is not None:
        expected_graph = Graph().parse(data=expected.body, format="turtle")
        actual = Graph().parse(data=content, format=RDFLIB_FORMATS[media_type])
        assert isomorphic(actual, expected_graph), f"{where}: got {text}"


def run_w3c_test(client: TestClient, test: W3cTest) -> None:
    variables: dict[str, str] = {}
    for index, step in enumerate(test.steps, start=1):
        path, writes = _route(test, step)
        body = step.body
        for name, value in variables.items():
            path = path.replace(name, value)
            body = body.replace(name.encode(), value.encode()) if body else body
        headers = dict(step.headers)
        if writes:
            headers["authorization"] = f"Bearer {CURATOR_TOKEN}"
        response = client.request(step.method, path, headers=headers, content=body)
        where = f"{test.name} request {index} ({step.method} {path})"
        _check_response(response, step.expected, where, head=step.method == "HEAD")
        if step.expected.location is not None:
            location = response.headers.get("location")
            assert location, f"{where}: no Location header"
            variables[step.expected.location] = location


@pytest.mark.parametrize("w3c_client", _params(PROTOCOL_TESTS), indirect=True)
def test_protocol(w3c_client: TestClient, request: pytest.FixtureRequest) -> None:
    run_w3c_test(w3c_client, request.node.callspec.params["w3c_client"])


@pytest.mark.parametrize("w3c_client", _params(GSP_TESTS), indirect=True)
def test_graph_store_protocol(w3c_client: TestClient, request: pytest.FixtureRequest) -> None:
    run_w3c_test(w3c_client, request.node.callspec.params["w3c_client"])


def test_the_suite_is_complete() -> None:
    assert len(PROTOCOL_TESTS) == 34
    assert len(GSP_TESTS) == 13
    assert SD_TESTS == ["has-endpoint-triple", "returns-rdf", "conforms-to-schema"]


# The Service Description tests are prose only ("GET on endpoint returns RDF", ...): here they
# are as concrete requests and assertions.


def _description(client: TestClient) -> Graph:
    response = client.get("/sparql")
    assert response.status_code == 200
    media_type = _media_type(response.headers["content-type"])
    assert media_type in RDF_TYPES
    return Graph().parse(data=response.content, format=RDFLIB_FORMATS[media_type])


@pytest.mark.parametrize("w3c_client", [None], indirect=True, ids=["sd/returns-rdf"])
def test_sd_returns_rdf(w3c_client: TestClient) -> None:
    description = _description(w3c_client)
    assert (None, RDF.type, SD.Service) in description


@pytest.mark.parametrize("w3c_client", [None], indirect=True, ids=["sd/has-endpoint-triple"])
def test_sd_has_endpoint_triple(w3c_client: TestClient) -> None:
    description = _description(w3c_client)
    assert (None, SD.endpoint, URIRef(HOST + "/sparql")) in description


SD_LANGUAGES = {SD.SPARQL10Query, SD.SPARQL11Query, SD.SPARQL11Update}
SD_FEATURES = {
    SD.DereferencesURIs,
    SD.UnionDefaultGraph,
    SD.RequiresDataset,
    SD.EmptyGraphs,
    SD.BasicFederatedQuery,
}


@pytest.mark.parametrize("w3c_client", [None], indirect=True, ids=["sd/conforms-to-schema"])
def test_sd_conforms_to_schema(w3c_client: TestClient) -> None:
    # The checks the SD vocabulary's domains and ranges imply, on every service described.
    w3c_client.put(
        "/store?graph=http%3A%2F%2Fwww.example%2Fg",
        content=b"<http://a> <http://b> <http://c> .",
        headers={
            "content-type": "application/n-triples",
            "authorization": f"Bearer {CURATOR_TOKEN}",
        },
    )
    description = _description(w3c_client)
    services = set(description.subjects(RDF.type, SD.Service))
    assert len(services) == 2
    for service in services:
        endpoints = list(description.objects(service, SD.endpoint))
        assert len(endpoints) == 1 and isinstance(endpoints[0], URIRef)
        assert set(description.objects(service, SD.supportedLanguage)) <= SD_LANGUAGES
        assert set(description.objects(service, SD.feature)) <= SD_FEATURES
        for fmt in description.objects(service, SD.resultFormat):
            assert str(fmt).startswith("http://www.w3.org/ns/formats/")
    datasets = list(description.objects(None, SD.defaultDataset))
    assert len(datasets) == 1 and (datasets[0], RDF.type, SD.Dataset) in description
    default_graph = description.value(datasets[0], SD.defaultGraph)
    assert (default_graph, RDF.type, SD.Graph) in description
    named = list(description.objects(datasets[0], SD.namedGraph))
    assert [description.value(n, SD.name) for n in named] == [URIRef(HOST + "/g")]
    assert all((n, RDF.type, SD.NamedGraph) in description for n in named)
    assert all(isinstance(n, BNode) for n in named)
