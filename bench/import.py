"""Import benchmark: validation grows with the import, not with the store; fast vs pyshacl.

    python bench/import.py                               # stores of 10,000 and 100,000 flows
    python bench/import.py --sizes 10000,100000,1000000  # 1M flows: ~20M triples, minutes
    python bench/import.py --only standalone             # only part 2

Part 1 imports a 1,000-flow CSV inventory (new companies in the territory's existing parks)
into on-disk stores that already hold 10k, 100k (and 1M) generated flows, with the curation
pipeline (``prepare_import`` then ``commit_import``), and prints the import time per store
size (goal: flat, within 1.2x). At 10k and 100k flows it also times pyshacl validating the
whole store (every dataset graph, with the shipped context), as a ratio to the import.

Part 2 validates a 5,000-flow inventory file on its own: pyoxigraph parse + the fast engine
against plain pyshacl over an rdflib graph of the same file (rdflib parse, then pyshacl on
that graph plus the context neighbourhood eitkg adds), and checks both give the same report.

Stores are built once with pyoxigraph's bulk loader in ``bench/out/stores/import-N`` (reused;
``--rebuild`` to redo) from ``bench/generate.py`` territories. Every measurement runs in a
fresh process; the graphs an import adds are dropped afterwards, so the store stays as built.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# bench/ also holds http.py (the HTTP benchmark): keep this folder off the import path so that
# ``http`` stays the standard library's package; the sibling modules are loaded by file below.
if sys.path and Path(sys.path[0] or ".").resolve() == HERE:
    del sys.path[0]

import argparse  # noqa: E402
import csv  # noqa: E402
import importlib.util  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import math  # noqa: E402
import random  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from types import ModuleType  # noqa: E402
from typing import Any  # noqa: E402

BASE = "http://localhost:8000/"
FLOWS_PER_ACTOR = 5.5  # generate.py gives each company 3 to 8 flows
DEFAULT_SIZES = "10000,100000"
PYSHACL_MAX_FLOWS = 100_000


def _sibling(name: str) -> ModuleType:
    """``bench/{name}.py`` as a module, without putting bench/ on the import path."""
    qualified = f"eitkg_bench_{name}"
    if qualified in sys.modules:
        return sys.modules[qualified]
    spec = importlib.util.spec_from_file_location(qualified, HERE / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[qualified] = module
    spec.loader.exec_module(module)
    return module


_generate = _sibling("generate")
OUT_DIR: Path = _generate.OUT_DIR
STORES = OUT_DIR / "stores"


# --- data -----------------------------------------------------------------------------------


def territory_file(flows: int) -> tuple[Path, int]:
    """A generated territory of about ``flows`` flows (its actor count names the file)."""
    actors = max(1, math.ceil(flows / FLOWS_PER_ACTOR))
    path: Path = _generate.default_path(actors, "nt")
    if not path.exists():
        shape = _generate.generate(actors, path)
        print(f"generated {path}: {shape.flows} flows, {shape.triples} triples", file=sys.stderr)
    return path, actors


def inventory_file(flows: int, syntax: str = "ttl") -> Path:
    """A standalone inventory of exactly ``flows`` flows, with their companies and sites, and
    a few broken rows (so that both engines have results to agree on)."""
    path = OUT_DIR / f"inventory-{flows}-broken.{syntax}"
    if path.exists():
        return path
    from pyoxigraph import serialize

    from eitkg.namespaces import PREFIXES

    actors = math.ceil(flows / FLOWS_PER_ACTOR) + 50  # enough: the stream stops at ``flows``
    generator = _generate.TerritoryGenerator(actors, seed=_generate.DEFAULT_SEED + 1)
    triples = []
    for triple in generator.triples_iter():
        if generator.flows > flows:  # the first triple of one flow too many
            break
        triples.append(triple)
    if generator.flows < flows:
        raise SystemExit(f"the generator gave only {generator.flows} flows")
    triples = _break_rows(triples)
    path.parent.mkdir(parents=True, exist_ok=True)
    prefixes = PREFIXES if syntax == "ttl" else None
    serialize(triples, path, format=_generate.FORMATS[syntax], prefixes=prefixes)
    return path


def _break_rows(triples: list[Any]) -> list[Any]:
    """Negative quantities, a unit that is a period, swapped coordinates, a wrong SIRET key."""
    from pyoxigraph import Literal, NamedNode, Triple

    from eitkg.namespaces import EIT, EITV, WGS, XSD

    def rewrite(triple: Any) -> Any:
        subject, predicate, obj = triple.subject, triple.predicate.value, triple.object
        number = subject.value.rsplit("-", 1)[-1]
        if "/id/flow/" in subject.value and subject.value.endswith(("00007-1", "00042-2")):
            if predicate == EIT + "quantity":
                return Triple(
                    subject, triple.predicate, Literal("-4", datatype=NamedNode(XSD + "decimal"))
                )
            if predicate == EIT + "unit":
                return Triple(subject, triple.predicate, NamedNode(EITV + "period/year"))
        if "/id/site/" in subject.value and not subject.value.endswith("/geometry"):
            if number.endswith("3") and predicate in (WGS + "lat", WGS + "long"):
                swapped = WGS + ("long" if predicate == WGS + "lat" else "lat")
                return Triple(subject, NamedNode(swapped), obj)
            if number.endswith("7") and predicate == EIT + "siret":
                wrong = obj.value[:-1] + str((int(obj.value[-1]) + 1) % 10)
                return Triple(subject, triple.predicate, Literal(wrong))
        return triple

    return [rewrite(triple) for triple in triples]


#: (direction, category, EWC code, label, unit, period, hazardous): rows that resolve.
_ROWS = (
    ("out", "Bois", "03 01 05", "Chutes de bois non traité", "t", "an", "non"),
    ("out", "Palettes", "150103", "Palettes usagées", "kg", "mois", "non"),
    ("in", "vapeur", "", "Vapeur basse pression", "MWh", "an", ""),
    ("out", "", "16 06 01*", "Batteries au plomb", "t", "an", "oui"),
    ("in", "eau de process", "", "Eau de refroidissement", "m³", "jour", ""),
    ("out", "chaleur fatale", "", "Chaleur des fours", "MWh", "an", ""),
)
_HEADERS = (
    *("record_id", "actor_name", "siret", "naf_code", "site_address", "postal_code"),
    *("commune_insee", "commune_name", "lat", "lon", "park", "direction", "category"),
    *("ewc_code", "flow_label", "quantity", "unit", "period", "quantity_type", "hazardous"),
    *("source", "collected_on", "collected_by"),
)


def inventory_csv(flows: int, *, seed: int = 11) -> bytes:
    """A CSV inventory of ``flows`` rows: about 180 new companies in the territory's parks."""
    rng = random.Random(seed)
    companies = max(1, flows // 6)
    places = [(rng.uniform(-0.01, 0.01), rng.uniform(-0.01, 0.01)) for _ in range(companies)]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(_HEADERS)
    for row in range(flows):
        company = row % companies
        siren = _generate.with_luhn_key(f"{20_000_000 + company * 37:08d}")
        siret = _generate.with_luhn_key(f"{siren}0001")
        zone = _generate._ZONES[company % len(_generate._ZONES)]
        direction, category, code, label, unit, period, hazardous = _ROWS[row % len(_ROWS)]
        writer.writerow(
            [
                f"INV-{row + 1:05d}",
                f"Entreprise importée {company + 1:04d}",
                siret,
                "20.14Z",
                f"{company % 90 + 1} avenue de l'Import",
                zone[2],
                zone[1],
                zone[3],
                f"{zone[5] + places[company][0]:.5f}",
                f"{zone[4] + places[company][1]:.5f}",
                zone[0],
                direction,
                category,
                code,
                label,
                str(rng.randrange(1, 900)),
                unit,
                period,
                "estimated",
                hazardous,
                "bench",
                "2024-03-12",
                "bench/import.py",
            ]
        )
    return buffer.getvalue().encode("utf-8")


# --- stores ---------------------------------------------------------------------------------


def store_dir(flows: int) -> Path:
    return STORES / f"import-{flows}"


def build_store(flows: int, *, rebuild: bool) -> dict[str, Any]:
    """The on-disk store of ``flows`` generated flows plus the shipped graphs (bulk loaded)."""
    path = store_dir(flows)
    marker = path / "bench-ready.json"
    if marker.exists() and not rebuild:
        info: dict[str, Any] = json.loads(marker.read_text())
        return info
    import pyoxigraph

    from eitkg.rdf.formats import syntax_for_path
    from eitkg.store.seed import shipped_graphs

    territory, actors = territory_file(flows)
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    start = time.perf_counter()
    store = pyoxigraph.Store(str(path))
    for seed in shipped_graphs(BASE, demo=False):
        fmt = syntax_for_path(seed.path).format
        store.bulk_load(path=seed.path, format=fmt, to_graph=seed.graph)
    graph = pyoxigraph.NamedNode(f"{BASE}graph/dataset/bench-{actors}")
    store.bulk_load(path=territory, format=pyoxigraph.RdfFormat.N_TRIPLES, to_graph=graph)
    store.flush()
    store.optimize()
    seconds = time.perf_counter() - start
    count = f"""SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph.value}> {{
        VALUES ?type {{ <https://w3id.org/eitkg/ontology#Need>
                        <https://w3id.org/eitkg/ontology#Availability> }} ?flow a ?type }} }}"""
    counted = next(iter(store.query(count)))[0]
    info = {
        "flows": int(counted.value),
        "actors": actors,
        "triples": len(store),
        "build_seconds": seconds,
    }
    del store
    marker.write_text(json.dumps(info))
    return info


# --- workers (each in a fresh process) ------------------------------------------------------


def _quiet() -> None:
    logging.getLogger("rdflib").setLevel(logging.CRITICAL)


def _warm_up(csv_data: bytes) -> None:
    """Read once what every import reads (shapes, context, queries) on a small store."""
    from eitkg.curation import prepare_import
    from eitkg.store import OxigraphStore
    from eitkg.store.seed import seed_store

    scratch = OxigraphStore()
    seed_store(scratch, BASE, demo=False)
    prepare_import(csv_data, "warmup.csv", store=scratch, base_iri=BASE, dataset="warmup")


def worker_import(path: Path, csv_path: Path, repeat: int) -> dict[str, Any]:
    """Import the inventory ``repeat`` times (new dataset ids); drop what was added.

    ``prepare_import`` reads the vocabularies from the store unless it is given a resolver
    (the CLI reads them on every import; a long-running service can keep one): they are read
    here before each import, timed apart, and handed over.
    """
    from eitkg.curation import commit_import, prepare_import
    from eitkg.curation.resolve import Resolver
    from eitkg.curation.vocab import load_vocabularies
    from eitkg.queries import load_catalogue
    from eitkg.resources import queries_dir
    from eitkg.store import OxigraphStore

    data = csv_path.read_bytes()
    catalogue = load_catalogue(queries_dir())
    _warm_up(data)
    store = OxigraphStore(path)
    before = set(store.named_graphs())
    size_before = len(store)
    runs = []
    try:
        for number in range(repeat):
            marks: dict[str, float] = {}

            def progress(
                stage: str, done: int, total: int, marks: dict[str, float] = marks
            ) -> None:
                marks.setdefault(f"{stage}:{done}", time.perf_counter())

            start = time.perf_counter()
            resolver = Resolver(load_vocabularies(store, catalogue))
            read_at = time.perf_counter()
            prepared = prepare_import(
                data,
                "inventory.csv",
                store=store,
                base_iri=BASE,
                dataset=f"import-bench-{number}",
                catalogue=catalogue,
                resolver=resolver,
                progress=progress,
            )
            prepared_at = time.perf_counter()
            if not prepared.report.conforms:
                raise SystemExit(f"the bench inventory does not conform: {prepared.report.counts}")
            commit_import(store, prepared, catalogue=catalogue, curator="bench")
            end = time.perf_counter()
            runs.append(
                {
                    "seconds": end - start,
                    "vocabularies": read_at - start,
                    "reused": end - read_at,
                    "prepare": prepared_at - read_at,
                    "validate": marks["validate:1"] - marks["validate:0"],
                    "commit": end - prepared_at,
                    "triples": prepared.triple_count,
                }
            )
    finally:
        for graph in set(store.named_graphs()) - before:
            store.drop_graph(graph)
        restored = len(store)
        store.close()
    if restored != size_before:
        raise SystemExit(f"store not restored: {size_before} then {restored} quads")
    return {"runs": runs, "store_quads": size_before}


def _dataset_quads(path: Path) -> list[Any]:
    from eitkg.store import OxigraphStore

    store = OxigraphStore(path)
    quads = [
        quad
        for graph in store.named_graphs()
        if "/graph/dataset/" in graph.value
        for quad in store.quads(graph)
    ]
    store.close()
    return quads


def worker_whole_store(path: Path, engine: str) -> dict[str, Any]:
    """Validate every dataset graph of the store at once (the context is the shipped one)."""
    from eitkg.validation import load_context, load_shapes, validate

    _quiet()
    load_shapes()
    if engine == "pyshacl":
        load_context()
    validate([], engine=engine)  # type: ignore[arg-type]
    quads = _dataset_quads(path)
    start = time.perf_counter()
    report = validate(quads, engine=engine, base_iri=BASE)  # type: ignore[arg-type]
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "triples": len(quads), "results": len(report.results)}


def worker_standalone(path: Path, vanilla: bool, repeat: int) -> dict[str, Any]:
    """Parse and validate one file with eitkg (fast) and with pyshacl; the same report.

    pyshacl gets an rdflib graph that parses each SHACL-SPARQL query once (eitkg's
    ``_PreparedQueryGraph``); ``vanilla`` gives it a plain ``rdflib.Graph``, on which rdflib
    parses the query again for every focus node (about 90 ms each for the SIRET check), and
    runs it once. Every other step keeps its best of ``repeat`` runs.
    """
    import pyoxigraph
    from pyshacl import validate as pyshacl_validate
    from rdflib import Graph

    from eitkg.rdf.formats import syntax_for_path
    from eitkg.validation import load_context, load_shapes, validate
    from eitkg.validation.context import DataNodes, add_neighbourhood, reportable_nodes
    from eitkg.validation.report import read_report
    from eitkg.validation.shacl import _PreparedQueryGraph

    _quiet()
    shapes = load_shapes()
    context = load_context()
    cold_start = time.perf_counter()
    validate([], engine="fast")  # compiles the shapes, reads the shipped context
    cold = time.perf_counter() - cold_start
    fmt = syntax_for_path(path)
    times: dict[str, list[float]] = {"ox": [], "fast": [], "rdflib": [], "pyshacl": []}

    def timed(key: str, action: Callable[[], Any]) -> Any:
        start = time.perf_counter()
        result = action()
        times[key].append(time.perf_counter() - start)
        return result

    for _ in range(repeat):
        quads = timed(
            "ox", lambda: list(pyoxigraph.parse(path=path, format=fmt.format, base_iri=BASE))
        )
        fast = timed("fast", lambda q=quads: validate(q, engine="fast", base_iri=BASE))
    syntax = "nt" if path.suffix == ".nt" else "turtle"
    for _ in range(repeat):
        graph = Graph() if vanilla else _PreparedQueryGraph()
        timed("rdflib", lambda g=graph: g.parse(path, format=syntax, publicID=BASE))
    nodes = DataNodes()
    for triple in graph:
        nodes.add(triple)
    add_neighbourhood(graph, nodes, [context])  # the same graph eitkg validates (not timed)
    for _ in range(1 if vanilla else repeat):
        _, report_graph, _ = timed(
            "pyshacl",
            lambda: pyshacl_validate(
                graph,
                shacl_graph=shapes.graph,
                inference="none",
                allow_infos=True,
                allow_warnings=True,
            ),
        )
    reference = read_report(report_graph, keep=reportable_nodes(nodes, [context]))
    return {
        "triples": len(quads),
        "ox_parse": min(times["ox"]),
        "fast_validate": min(times["fast"]),
        "fast_first_call_setup": cold,
        "rdflib_parse": min(times["rdflib"]),
        "pyshacl_validate": min(times["pyshacl"]),
        "results": len(fast.results),
        "same_report": fast.results == reference.results and fast.conforms == reference.conforms,
    }


def _in_fresh_process(args: list[str], timeout: float | None = None) -> dict[str, Any]:
    command = [sys.executable, str(HERE / "import.py"), "--worker", *args]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"timeout": timeout}
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {done.stderr.strip()[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# --- report ---------------------------------------------------------------------------------


def _best(runs: list[dict[str, float]], key: str) -> float:
    return min(run[key] for run in runs)


def part_one(sizes: list[int], repeat: int, rebuild: bool, pyshacl_timeout: float) -> list[str]:
    csv_path = OUT_DIR / "inventory-1000.csv"
    csv_path.parent.mkdir(parents=True, exist_ok=True)
    csv_path.write_bytes(inventory_csv(1000))
    lines = [
        "| store flows | store quads | import (s) | read vocabularies | import, vocabularies "
        "kept | prepare | of which validate | commit | fast, whole store (s) "
        "| pyshacl, whole store (s) | pyshacl whole store / import |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    columns = ("seconds", "vocabularies", "reused", "prepare", "validate", "commit")
    best: dict[int, dict[str, float]] = {}
    for flows in sizes:
        info = build_store(flows, rebuild=rebuild)
        print(f"store {flows}: {info}", file=sys.stderr)
        measured = _in_fresh_process(["import", str(store_dir(flows)), str(csv_path), str(repeat)])
        row = best[flows] = {key: _best(measured["runs"], key) for key in columns}
        try:
            whole_fast = _in_fresh_process(["whole", str(store_dir(flows)), "fast"])
            fast_text = f"{whole_fast['seconds']:.1f}"
        except RuntimeError as error:  # memory, most likely: report it and go on
            print(error, file=sys.stderr)
            fast_text = "failed"
        whole_pyshacl: dict[str, Any] = {}
        if flows <= PYSHACL_MAX_FLOWS:
            whole_pyshacl = _in_fresh_process(
                ["whole", str(store_dir(flows)), "pyshacl"], timeout=pyshacl_timeout
            )
        if "seconds" in whole_pyshacl:
            pyshacl_text = f"{whole_pyshacl['seconds']:.1f}"
            ratio = f"{whole_pyshacl['seconds'] / row['seconds']:.0f}×"
        elif "timeout" in whole_pyshacl:
            pyshacl_text = f"> {pyshacl_timeout:.0f}"
            ratio = f"> {pyshacl_timeout / row['seconds']:.0f}×"
        else:
            pyshacl_text, ratio = f"not run (> {PYSHACL_MAX_FLOWS:,} flows)", "n/a"
        cells = " | ".join(f"{row[key]:.2f}" for key in columns)
        lines.append(
            f"| {info['flows']:,} | {measured['store_quads']:,} | {cells} "
            f"| {fast_text} | {pyshacl_text} | {ratio} |"
        )
        print(lines[-1], file=sys.stderr)
    smallest, largest = min(best), max(best)
    lines.append("")
    for key, what in (
        ("seconds", "import"),
        ("reused", "import with the vocabularies kept"),
        ("validate", "validation"),
    ):
        growth = best[largest][key] / best[smallest][key]
        lines.append(
            f"- {what}, {largest:,}-flow store / {smallest:,}-flow store: {growth:.2f}× "
            "(goal ≤ 1.2×)"
        )
    return lines


def part_two(flows: int, syntax: str, vanilla: bool, repeat: int) -> list[str]:
    path = inventory_file(flows, syntax)
    kind = "vanilla" if vanilla else "cached"
    result = _in_fresh_process(["standalone", str(path), kind, str(repeat)])
    which = "plain pyshacl over rdflib" if vanilla else "pyshacl over rdflib, queries parsed once"
    parse = result["rdflib_parse"] / result["ox_parse"]
    check = result["pyshacl_validate"] / result["fast_validate"]
    total = (result["rdflib_parse"] + result["pyshacl_validate"]) / (
        result["ox_parse"] + result["fast_validate"]
    )
    return [
        f"Standalone {flows:,}-flow inventory ({path.name}, {result['triples']:,} triples):",
        "",
        "| | parse (s) | validate (s) | total (s) |",
        "|---|---:|---:|---:|",
        f"| eitkg: pyoxigraph + fast engine | {result['ox_parse']:.2f} "
        f"| {result['fast_validate']:.2f} | {result['ox_parse'] + result['fast_validate']:.2f} |",
        f"| {which} | {result['rdflib_parse']:.2f} "
        f"| {result['pyshacl_validate']:.2f} "
        f"| {result['rdflib_parse'] + result['pyshacl_validate']:.2f} |",
        f"| ratio (pyshacl / eitkg) | {parse:.1f}× | {check:.1f}× | {total:.1f}× |",
        "",
        f"Same report: {'yes' if result['same_report'] else 'NO'} ({result['results']} results); "
        f"one-time setup of the fast engine (shapes compiled, context read): "
        f"{result['fast_first_call_setup']:.2f} s.",
    ]


def _worker(argv: list[str]) -> None:
    kind, *rest = argv
    handlers: dict[str, Callable[..., dict[str, Any]]] = {
        "import": lambda p, c, r: worker_import(Path(p), Path(c), int(r)),
        "whole": lambda p, e: worker_whole_store(Path(p), e),
        "standalone": lambda p, v, r: worker_standalone(Path(p), v == "vanilla", int(r)),
    }
    print(json.dumps(handlers[kind](*rest)))


def parse_sizes(text: str) -> list[int]:
    """``"10000,100000"`` → ``[10000, 100000]``."""
    sizes = [int(part) for part in text.split(",") if part.strip()]
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError(f"sizes must be positive integers: {text!r}")
    return sizes


def main(argv: list[str] | None = None) -> None:
    arguments = sys.argv[1:] if argv is None else argv
    if arguments[:1] == ["--worker"]:
        _worker(arguments[1:])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        type=parse_sizes,
        default=parse_sizes(DEFAULT_SIZES),
        help="flows already in the store, comma-separated (default 10000,100000)",
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="imports per store, runs per step; the best counts"
    )
    parser.add_argument("--standalone-flows", type=int, default=5000)
    parser.add_argument(
        "--format",
        choices=("ttl", "nt"),
        default="ttl",
        help="syntax of the standalone inventory file",
    )
    parser.add_argument("--only", choices=("stores", "standalone"))
    parser.add_argument(
        "--vanilla",
        action="store_true",
        help="give pyshacl a plain rdflib Graph (re-parses SPARQL per focus node: minutes)",
    )
    parser.add_argument("--rebuild", action="store_true", help="rebuild the stores")
    parser.add_argument(
        "--pyshacl-timeout",
        type=float,
        default=1800.0,
        help="seconds before pyshacl on a whole store is given up",
    )
    args = parser.parse_args(arguments)
    if args.only != "standalone":
        print("\n".join(part_one(args.sizes, args.repeat, args.rebuild, args.pyshacl_timeout)))
        print()
    if args.only != "stores":
        lines = part_two(args.standalone_flows, args.format, args.vanilla, args.repeat)
        print("\n".join(lines))


if __name__ == "__main__":
    main()
