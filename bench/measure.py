"""One load measurement, run in a fresh process by ``bench/load.py``; prints one JSON object.

    python bench/measure.py eitkg-disk bench/out/territory-1000.nt --store-dir /tmp/s

The timed part is opening the store, loading the file and (on disk) flushing it: wall-clock
seconds, and the CPU seconds of this process (all threads), which a busy machine disturbs less.
Peak memory is
the process's maximum resident set size, read with ``getrusage`` at the end; the RSS before
the load (interpreter and libraries) is reported too so the growth can be told apart.
"""

from __future__ import annotations

import sys
from pathlib import Path

# bench/ also holds http.py (the HTTP benchmark): keep this folder off the import path so that
# ``http`` stays the standard library's package (urllib, rdflib and httpx import it).
if sys.path and Path(sys.path[0] or ".").resolve() == Path(__file__).resolve().parent:
    del sys.path[0]

import argparse
import json
import resource
import shutil
import time
from collections.abc import Callable

METHODS = (
    "eitkg-memory",
    "eitkg-disk",
    "pyoxigraph-memory",
    "pyoxigraph-disk",
    "rdflib-memory",
)
#: Not in the default runs: pyoxigraph's non-transactional bulk loader, for reference.
EXTRA_METHODS = ("pyoxigraph-bulk-disk",)


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _rss_mib() -> float:
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _eitkg(path: Path, store_dir: Path | None) -> Callable[[], int]:
    from eitkg.rdf.io import RdfSource
    from eitkg.store import OxigraphStore

    def run() -> int:
        store = OxigraphStore(store_dir)
        store.load([RdfSource.from_path(path)])
        store.close()
        return len(store)

    return run


def _pyoxigraph(path: Path, store_dir: Path | None, *, bulk: bool = False) -> Callable[[], int]:
    import pyoxigraph

    syntax = pyoxigraph.RdfFormat.from_extension(path.suffix.lstrip("."))

    def run() -> int:
        store = pyoxigraph.Store(str(store_dir)) if store_dir is not None else pyoxigraph.Store()
        if bulk:
            store.bulk_load(path=path, format=syntax)
        else:
            store.load(path=path, format=syntax)
        if store_dir is not None:
            store.flush()
        return len(store)

    return run


def _rdflib(path: Path) -> Callable[[], int]:
    import rdflib

    syntax = {".nt": "nt", ".ttl": "turtle"}[path.suffix]

    def run() -> int:
        graph = rdflib.Graph()
        graph.parse(path, format=syntax)
        return len(graph)

    return run


def prepare(method: str, path: Path, store_dir: Path | None) -> Callable[[], int]:
    """The load to time for ``method``; imports happen here, outside the timed part."""
    library, _, place = method.partition("-")
    bulk = place.startswith("bulk-")
    place = place.removeprefix("bulk-")
    directory = store_dir if place == "disk" else None
    if place == "disk" and directory is None:
        raise SystemExit(f"{method} needs --store-dir")
    if library == "eitkg":
        return _eitkg(path, directory)
    if library == "pyoxigraph":
        return _pyoxigraph(path, directory, bulk=bulk)
    return _rdflib(path)


def measure(method: str, path: Path, store_dir: Path | None) -> dict[str, object]:
    """Time one load and report triples, seconds, triples per second and memory."""
    if store_dir is not None and store_dir.exists():
        shutil.rmtree(store_dir)
    run = prepare(method, path, store_dir)
    rss_before = _rss_mib()
    cpu_before = _cpu_seconds()
    start = time.perf_counter()
    triples = run()
    seconds = time.perf_counter() - start
    cpu_seconds = _cpu_seconds() - cpu_before
    result: dict[str, object] = {
        "method": method,
        "file": str(path),
        "triples": triples,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "triples_per_second": triples / seconds if seconds > 0 else 0.0,
        "rss_before_mib": rss_before,
        "peak_rss_mib": _rss_mib(),
    }
    if store_dir is not None:
        shutil.rmtree(store_dir, ignore_errors=True)
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("method", choices=METHODS + EXTRA_METHODS)
    parser.add_argument("file", type=Path)
    parser.add_argument("--store-dir", type=Path, help="directory of the on-disk store (removed)")
    args = parser.parse_args(argv)
    json.dump(measure(args.method, args.file, args.store_dir), sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
