"""Query limits: timeout, result-size cap, bounded evaluation, runaways beside ordinary queries."""

from __future__ import annotations

import asyncio
import statistics
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import cast

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from eitkg.config import Settings
from eitkg.http import create_app
from eitkg.http.sparql_execution import query_runner, run_within
from eitkg.store import OxigraphStore
from eitkg.store.limits import (
    QueryDataset,
    QueryTimeoutError,
    ResultTooLargeError,
    ServiceBusyError,
    evaluate_bounded,
)
from eitkg.store.runner import QueryRunner

from ..conftest import BASE, CURATOR_TOKEN, free_port

#: COUNT over the cross product of two vocabularies (~20 million pairs): pyoxigraph computes it
#: in one uninterruptible next(), for seconds.
RUNAWAY = """SELECT (COUNT(*) AS ?n) WHERE {
  GRAPH <https://w3id.org/eitkg/graph/vocab/ewc> { ?a ?b ?c }
  GRAPH <https://w3id.org/eitkg/graph/vocab/resource> { ?d ?e ?f }
}"""
#: A cross product that streams rows: the deadline check between rows stops it.
STREAMING_RUNAWAY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"
PARKS = """PREFIX eit: <https://w3id.org/eitkg/ontology#>
SELECT (COUNT(?park) AS ?n) WHERE { ?park a eit:IndustrialPark }"""


def _limited_client(store: OxigraphStore, **limits: object) -> TestClient:
    settings = Settings(base_iri=BASE, curator_tokens=(CURATOR_TOKEN,), **limits)  # type: ignore[arg-type]
    return TestClient(create_app(settings, store=store), base_url=BASE.rstrip("/"))


def _problem(response: httpx.Response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["type"].endswith("/" + code) and body["status"] == status
    detail: str = body["detail"]
    return detail


# --- the result-size cap ----------------------------------------------------------------------


def test_result_cap_refuses_one_row_too_many(seeded_store: OxigraphStore) -> None:
    with _limited_client(seeded_store, max_result_rows=10) as client:
        ok = client.get("/sparql", params={"query": "SELECT ?s { ?s ?p ?o } LIMIT 10"})
        assert len(ok.json()["results"]["bindings"]) == 10
        refused = client.get("/sparql", params={"query": "SELECT ?s { ?s ?p ?o } LIMIT 11"})
        detail = _problem(refused, 422, "result-too-large")
        assert "more than 10 rows" in detail and "LIMIT" in detail
        construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 11"
        refused = client.get(
            "/sparql", params={"query": construct}, headers={"accept": "text/turtle"}
        )
        assert "more than 10 rows" in _problem(refused, 422, "result-too-large")


def test_evaluate_bounded_counts_triples_and_rows(seeded_store: OxigraphStore) -> None:
    deadline = time.monotonic() + 10
    with pytest.raises(ResultTooLargeError) as raised:
        evaluate_bounded(
            seeded_store,
            "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
            dataset=QueryDataset(),
            deadline=deadline,
            timeout_s=10,
            max_rows=5,
        )
    assert raised.value.max_rows == 5
    result = evaluate_bounded(
        seeded_store,
        "ASK { ?s ?p ?o }",
        dataset=QueryDataset(default_graphs=()),  # an empty default graph
        deadline=deadline,
        timeout_s=10,
        max_rows=5,
    )
    assert result is False


# --- the timeout ------------------------------------------------------------------------------


def test_deadline_stops_a_streaming_cross_product(seeded_store: OxigraphStore) -> None:
    # Rows keep coming, so the check between two rows stops the evaluation at the deadline: the
    # thread ends at once, nothing is left running.
    with _limited_client(seeded_store, query_timeout_s=0.3, max_result_rows=10**9) as client:
        started = time.monotonic()
        response = client.get("/sparql", params={"query": STREAMING_RUNAWAY})
        elapsed = time.monotonic() - started
        assert "0.3 s limit" in _problem(response, 503, "query-timeout")
        assert 0.3 <= elapsed < 2.0
        app = cast(FastAPI, client.app)
        runner = query_runner(app, app.state.settings)
        stopped = time.monotonic()
        while (runner.running, runner.runaways) != (0, 0) and time.monotonic() - stopped < 2:
            time.sleep(0.01)  # at most the time to drop the rows read so far
        assert (runner.running, runner.runaways) == (0, 0)


def test_a_past_deadline_never_starts_the_query(empty_store: OxigraphStore) -> None:
    with pytest.raises(QueryTimeoutError) as raised:
        evaluate_bounded(
            empty_store,
            "ASK {}",
            dataset=QueryDataset(),
            deadline=time.monotonic() - 1,
            timeout_s=2.5,
            max_rows=5,
        )
    assert "2.5 s limit" in str(raised.value)


# --- the runner: slots, runaways, refusal -----------------------------------------------------


def _settings(**limits: object) -> Settings:
    return Settings(base_iri=BASE, **limits)  # type: ignore[arg-type]


def test_runner_abandons_a_stuck_job_and_refuses_when_too_many_run() -> None:
    runner = QueryRunner(slots=2)
    settings = _settings(query_timeout_s=0.2, query_workers=2, max_runaway_queries=1)
    release = threading.Event()

    async def scenario() -> None:
        with pytest.raises(QueryTimeoutError):  # stuck in a call that cannot be interrupted
            await run_within(runner, release.wait, time.monotonic() + 0.2, settings)
        assert (runner.running, runner.runaways) == (0, 1)  # its slot is free again
        with pytest.raises(ServiceBusyError, match="1 timed-out queries"):
            await run_within(runner, lambda: 42, time.monotonic() + 0.2, settings)
        release.set()
        for _ in range(200):
            if runner.runaways == 0:
                break
            await asyncio.sleep(0.01)
        assert await run_within(runner, lambda: 42, time.monotonic() + 1, settings) == 42
        assert (runner.running, runner.runaways) == (0, 0)

    asyncio.run(scenario())


def test_runner_answers_busy_when_no_slot_frees_in_time() -> None:
    runner = QueryRunner(slots=1)
    settings = _settings(query_timeout_s=0.2, query_workers=1, max_runaway_queries=4)
    release = threading.Event()

    async def scenario() -> None:
        holder = asyncio.ensure_future(
            run_within(runner, release.wait, time.monotonic() + 5, settings)
        )
        await asyncio.sleep(0.05)
        with pytest.raises(ServiceBusyError, match="all 1 query slots stayed busy"):
            await run_within(runner, lambda: 1, time.monotonic() + 0.2, settings)
        release.set()
        assert await holder is True

    asyncio.run(scenario())


def test_runner_hands_errors_back() -> None:
    runner = QueryRunner(slots=1)
    assert runner.try_acquire()
    job = runner.start(lambda: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        job.future.result(timeout=5)
    assert runner.running == 0 and runner.try_acquire()


# --- a runaway beside ordinary queries, on the real server ------------------------------------


@dataclass
class LiveServer:
    url: str
    app: FastAPI


@pytest.fixture
def limited_server(seeded_store: OxigraphStore) -> Iterator[LiveServer]:
    settings = _settings(query_timeout_s=0.5, query_workers=4, max_runaway_queries=2)
    app = create_app(settings, store=seeded_store)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    yield LiveServer(f"http://127.0.0.1:{port}/", app)
    server.should_exit = True
    thread.join(timeout=10)


@pytest.mark.slow
def test_runaway_query_times_out_while_others_are_served(limited_server: LiveServer) -> None:
    runner = query_runner(limited_server.app, limited_server.app.state.settings)
    outcome: dict[str, object] = {}

    def runaway() -> None:
        started = time.monotonic()
        with httpx.Client(timeout=30) as client:
            outcome["response"] = client.post(
                limited_server.url + "sparql",
                content=RUNAWAY,
                headers={"content-type": "application/sparql-query"},
            )
        outcome["elapsed"] = time.monotonic() - started

    latencies: list[float] = []
    failures: list[str] = []

    def ordinary(stop: threading.Event) -> None:
        with httpx.Client(timeout=30) as client:
            while not stop.is_set():
                started = time.monotonic()
                response = client.get(limited_server.url + "sparql", params={"query": PARKS})
                latencies.append(time.monotonic() - started)
                bindings = response.json()["results"]["bindings"] if response.is_success else []
                if [b["n"]["value"] for b in bindings] != ["4"]:
                    failures.append(f"{response.status_code} {response.text[:200]}")

    stop = threading.Event()
    clients = [threading.Thread(target=ordinary, args=(stop,)) for _ in range(4)]
    runaway_thread = threading.Thread(target=runaway)
    runaway_thread.start()
    time.sleep(0.05)
    for client in clients:
        client.start()
    runaway_thread.join(timeout=10)
    still_running_after_answer = runner.runaways
    during = len(latencies)
    time.sleep(0.5)  # the runaway keeps evaluating in the background: ordinary queries go on
    stop.set()
    for client in clients:
        client.join(timeout=10)

    response = outcome["response"]
    assert isinstance(response, httpx.Response)
    assert "0.5 s limit" in _problem(response, 503, "query-timeout")
    assert 0.5 <= float(outcome["elapsed"]) < 2.0  # type: ignore[arg-type]
    assert still_running_after_answer == 1  # pyoxigraph could not stop the COUNT
    assert failures == []
    assert during >= 5 and len(latencies) > during
    assert max(latencies) < 1.0, f"slowest ordinary query: {max(latencies):.3f} s"
    print(  # the figures quoted in docs/sparql.md (run with -s)
        f"\nrunaway answered 503 after {outcome['elapsed']:.2f} s; {len(latencies)} ordinary "
        f"queries, median {statistics.median(latencies) * 1000:.1f} ms, "
        f"max {max(latencies) * 1000:.1f} ms"
    )
    drained = time.monotonic()
    while runner.runaways and time.monotonic() - drained < 60:  # leave the CPU to later tests
        time.sleep(0.05)
    assert runner.runaways == 0
    print(f"the runaway evaluation ended {time.monotonic() - drained:.2f} s after that")
