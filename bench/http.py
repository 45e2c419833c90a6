"""HTTP benchmark: eitkg's server against Oxigraph's own server, on the same public data.

    python bench/http.py [--seconds 4] [--concurrency 1,4,16] [--json out.json]

Two workloads, each at 1, 4 and 16 concurrent clients (one process per client, keep-alive):

* **lookup**: dereference a resource (actors, sites, flows in turn) as Turtle.
  eitkg: ``GET /id/…`` with ``Accept: text/turtle``. Oxigraph: ``GET /query`` with the same
  CONSTRUCT (``queries/linked_data/describe.rq``, the IRI in the text, since Oxigraph's protocol
  cannot bind parameters), on the union of its graphs.
* **named query**: ``actors/by_park`` for one park, as SPARQL JSON results.
  eitkg: ``GET /queries/actors/by_park?park=…``. Oxigraph: the same SELECT with the park bound by
  a trailing ``VALUES`` clause.

Both servers hold the same data: the store is built with ``eitkg init --demo`` and Oxigraph loads
this server's public dump (``/dumps/public.nq.gz``). eitkg runs in uvicorn (one process, no
access log), Oxigraph with ``oxigraph serve-read-only --union-default-graph``; both on
127.0.0.1 ports of this machine only. Prints median and p99 latency, throughput, and the ratios
eitkg / Oxigraph (goal: within 1.5× on lookups).
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file is named http.py: keep its folder off the import path, so that ``http`` is the
# standard library's package (in this process and in the spawned client processes).
if sys.path and Path(sys.path[0] or ".").resolve() == Path(__file__).resolve().parent:
    del sys.path[0]

import argparse
import gzip
import http.client
import json
import multiprocessing
import os
import shutil
import signal
import socket
import statistics
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from urllib.parse import urlencode

from pyoxigraph import NamedNode, QuerySolutions

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
BASE = "http://localhost:8000/"
STARTUP_TIMEOUT = 60.0

Request = tuple[str, dict[str, str]]  # path and query, headers


@dataclass(frozen=True)
class Measure:
    workload: str
    server: str
    clients: int
    requests: int
    errors: int
    median_ms: float
    p99_ms: float
    throughput: float


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_until_up(port: int, path: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server on port {port} exited with {process.returncode}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", path)
            if connection.getresponse().status < 500:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server on port {port} did not start in {STARTUP_TIMEOUT} s")


def serve_eitkg(store_dir: str, port: int) -> None:
    """The eitkg app in uvicorn, as ``eitkg serve`` runs it, without the access log."""
    import uvicorn

    from eitkg.config import Settings
    from eitkg.http import create_app

    cache = int(os.environ.get("EITKG_BENCH_CACHE", "4096"))
    settings = Settings(base_iri=BASE, store=Path(store_dir), response_cache_entries=cache)
    uvicorn.run(
        create_app(settings), host="127.0.0.1", port=port, log_level="warning", access_log=False
    )


def client_loop(
    port: int,
    requests: Sequence[Request],
    seconds: float,
    start: float,
    queue: multiprocessing.Queue,  # type: ignore[type-arg]
) -> None:
    """One client: keep-alive requests in turn until the time is up; reports its latencies."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    latencies: list[float] = []
    errors = 0
    while time.time() < start:
        time.sleep(0.001)
    end = start + seconds
    index = os.getpid()
    while time.time() < end:
        path, headers = requests[index % len(requests)]
        index += 1
        began = time.perf_counter()
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            body = response.read()
            if response.status != 200 or not body:
                errors += 1
        except (OSError, http.client.HTTPException):
            errors += 1
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            continue
        latencies.append(time.perf_counter() - began)
    queue.put((latencies, errors))


def measure(
    workload: str, server: str, port: int, requests: Sequence[Request], clients: int, seconds: float
) -> Measure:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    start = time.time() + 1.5  # every client process is up before the clock starts
    workers = [
        context.Process(target=client_loop, args=(port, requests, seconds, start, queue))
        for _ in range(clients)
    ]
    for worker in workers:
        worker.start()
    latencies: list[float] = []
    errors = 0
    for _ in workers:
        items, failed = queue.get(timeout=seconds + 60)
        latencies.extend(items)
        errors += failed
    for worker in workers:
        worker.join(timeout=10)
    latencies.sort()
    p99 = (
        latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
        if latencies
        else float("nan")
    )
    return Measure(
        workload=workload,
        server=server,
        clients=clients,
        requests=len(latencies),
        errors=errors,
        median_ms=statistics.median(latencies) * 1000 if latencies else float("nan"),
        p99_ms=p99 * 1000,
        throughput=len(latencies) / seconds,
    )


def sample_iris(store_dir: Path) -> tuple[list[str], str]:
    """Resources to look up (actors, sites, public flows) and a park, read from the store."""
    from eitkg.store import OxigraphStore
    from eitkg.store.graphs import visible_graphs

    store = OxigraphStore(store_dir)
    try:
        graphs = visible_graphs(store, curator=False)
        result = store.query(
            "PREFIX eit: <https://w3id.org/eitkg/ontology#> SELECT ?s WHERE { ?s a ?type "
            "VALUES ?type { eit:Company eit:Site eit:Need eit:Availability } } ORDER BY ?s",
            default_graphs=graphs,
        )
        assert isinstance(result, QuerySolutions)
        iris = [row["s"].value for row in result]  # type: ignore[union-attr]
        parks = store.query(
            "PREFIX eit: <https://w3id.org/eitkg/ontology#> "
            "SELECT ?p WHERE { ?p a eit:IndustrialPark } ORDER BY ?p",
            default_graphs=graphs,
        )
        assert isinstance(parks, QuerySolutions)
        park = next(iter(parks))["p"].value  # type: ignore[union-attr]
    finally:
        store.close()
        del store
    return iris[::3], park


def oxigraph_describe(template: str, iri: str) -> str:
    # Oxigraph's protocol cannot bind parameters: the IRI goes into the text, written by
    # pyoxigraph (escaped N-Triples form), as the store does for graph names in MOVE.
    return template.replace("?resource", str(NamedNode(iri)))


def oxigraph_values(sparql: str, name: str, iri: str) -> str:
    # A trailing VALUES clause binds ?name before grouping, like a substitution.
    return sparql + f"VALUES ?{name} {{ {NamedNode(iri)} }}\n"


def run(seconds: float, levels: Sequence[int]) -> list[Measure]:
    from eitkg.queries import load_catalogue
    from eitkg.resources import queries_dir

    catalogue = load_catalogue(queries_dir())
    work = Path(tempfile.mkdtemp(prefix="eitkg-bench-http-"))
    processes: list[subprocess.Popen[bytes]] = []
    try:
        store_dir, oxigraph_dir = work / "eitkg", work / "oxigraph"
        subprocess.run(
            [str(BIN / "eitkg"), "--store", str(store_dir), "--base-iri", BASE, "init", "--demo"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        iris, park = sample_iris(store_dir)
        eitkg_port, oxigraph_port = free_port(), free_port()
        eitkg = subprocess.Popen(
            [sys.executable, __file__, "--serve-eitkg", str(store_dir), str(eitkg_port)]
        )
        processes.append(eitkg)
        wait_until_up(eitkg_port, "/catalog.ttl", eitkg)
        dump = work / "public.nq"
        connection = http.client.HTTPConnection("127.0.0.1", eitkg_port, timeout=120)
        connection.request("GET", "/dumps/public.nq.gz")
        dump.write_bytes(gzip.decompress(connection.getresponse().read()))
        subprocess.run(
            [str(BIN / "oxigraph"), "load", "--location", str(oxigraph_dir), "--file", str(dump)],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        oxigraph = subprocess.Popen(
            [
                str(BIN / "oxigraph"),
                "serve-read-only",
                "--location",
                str(oxigraph_dir),
                "--bind",
                f"127.0.0.1:{oxigraph_port}",
                "--union-default-graph",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        processes.append(oxigraph)
        wait_until_up(oxigraph_port, "/query?query=ASK%7B%7D", oxigraph)

        turtle = {"Accept": "text/turtle"}
        results = {"Accept": "application/sparql-results+json"}
        describe = (Path(__file__).resolve().parent / "http_describe.rq").read_text()
        by_park = catalogue["actors/by_park"].sparql
        workloads: dict[str, dict[str, tuple[int, list[Request]]]] = {
            "lookup": {
                "eitkg": (eitkg_port, [("/" + iri[len(BASE) :], turtle) for iri in iris]),
                "oxigraph": (
                    oxigraph_port,
                    [
                        ("/query?" + urlencode({"query": oxigraph_describe(describe, iri)}), turtle)
                        for iri in iris
                    ],
                ),
            },
            "named query": {
                "eitkg": (
                    eitkg_port,
                    [("/queries/actors/by_park?" + urlencode({"park": park}), results)],
                ),
                "oxigraph": (
                    oxigraph_port,
                    [
                        (
                            "/query?"
                            + urlencode({"query": oxigraph_values(by_park, "park", park)}),
                            results,
                        )
                    ],
                ),
            },
        }
        check_same_answers(workloads)
        measures = []
        for workload, servers in workloads.items():
            for clients in levels:
                for server, (port, requests) in servers.items():
                    measures.append(measure(workload, server, port, requests, clients, seconds))
                    print(format_row(measures[-1]), flush=True)
        return measures
    finally:
        for process in processes:
            process.send_signal(signal.SIGINT)
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(work, ignore_errors=True)


def check_same_answers(workloads: dict[str, dict[str, tuple[int, list[Request]]]]) -> None:
    """Both servers answer the first request of each workload with the same triples or rows."""
    from pyoxigraph import QueryResultsFormat, RdfFormat, parse, parse_query_results

    for workload, servers in workloads.items():
        bodies = {}
        for server, (port, requests) in servers.items():
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            path, headers = requests[0]
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            assert response.status == 200, f"{server} {workload}: HTTP {response.status}"
            bodies[server] = response.read()
        if workload == "lookup":
            sizes = {s: len(list(parse(b, format=RdfFormat.TURTLE))) for s, b in bodies.items()}
        else:
            sizes = {
                s: len(list(parse_query_results(b, format=QueryResultsFormat.JSON)))
                for s, b in bodies.items()
            }  # type: ignore[arg-type]
        assert len(set(sizes.values())) == 1, f"{workload}: different answers {sizes}"


def format_row(m: Measure) -> str:
    return (
        f"{m.workload:<12} {m.clients:>3} clients  {m.server:<9} median {m.median_ms:7.2f} ms  "
        f"p99 {m.p99_ms:7.2f} ms  {m.throughput:8.1f} req/s  "
        f"({m.requests} requests, {m.errors} errors)"
    )


def ratios(measures: Sequence[Measure]) -> list[str]:
    lines = [
        "",
        "ratios: latency eitkg / oxigraph, throughput oxigraph / eitkg (1.0 = as fast)",
    ]
    index = {(m.workload, m.server, m.clients): m for m in measures}
    for workload in dict.fromkeys(m.workload for m in measures):
        for clients in sorted({m.clients for m in measures}):
            ours, theirs = (
                index[(workload, "eitkg", clients)],
                index[(workload, "oxigraph", clients)],
            )
            median = ours.median_ms / theirs.median_ms
            p99 = ours.p99_ms / theirs.p99_ms
            throughput = theirs.throughput / ours.throughput
            lines.append(
                f"{workload:<12} {clients:>3} clients  median ×{median:5.2f}  p99 ×{p99:5.2f}  "
                f"throughput ×{throughput:5.2f}"
            )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=4.0, help="duration of each measure")
    parser.add_argument("--concurrency", default="1,4,16", help="client counts, comma-separated")
    parser.add_argument("--json", type=Path, help="also write the measures as JSON")
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="serve eitkg with its response cache off (every answer computed from the store)",
    )
    parser.add_argument("--serve-eitkg", nargs=2, metavar=("STORE", "PORT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve_eitkg:
        serve_eitkg(args.serve_eitkg[0], int(args.serve_eitkg[1]))
        return 0
    levels = [int(c) for c in args.concurrency.split(",")]
    if args.no_cache:
        os.environ["EITKG_BENCH_CACHE"] = "0"  # read by the eitkg server process
    print(f"eitkg response cache: {'off' if args.no_cache else 'on'}")
    measures = run(args.seconds, levels)
    for line in ratios(measures):
        print(line)
    if args.json:
        args.json.write_text(json.dumps([asdict(m) for m in measures], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
