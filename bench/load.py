"""Load benchmark: eitkg's OxigraphStore vs raw pyoxigraph vs rdflib on synthetic territories.

    python bench/load.py                          # sizes 1000,10000 (or $SIZES)
    python bench/load.py --sizes 1000,10000,100000 --repeat 1

For each size the same generated file (``bench/out/territory-N.nt``, made by ``generate.py`` if
missing) is loaded by every method, each run in a fresh subprocess (``measure.py``), and the
table reports the best time of ``--repeat`` runs, the triples per second and the peak resident
memory. The ratios printed after the table are the ones the README tracks.
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
import importlib.util  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import subprocess  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from types import ModuleType  # noqa: E402


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
_measure = _sibling("measure")
METHODS: tuple[str, ...] = _measure.METHODS
EXTRA_METHODS: tuple[str, ...] = _measure.EXTRA_METHODS
OUT_DIR: Path = _generate.OUT_DIR

DEFAULT_SIZES = "1000,10000"


@dataclass(frozen=True)
class Measurement:
    """The best of several runs of one method on one file."""

    method: str
    actors: int
    triples: int
    seconds: float
    cpu_seconds: float
    peak_rss_mib: float
    rss_before_mib: float

    @property
    def triples_per_second(self) -> float:
        return self.triples / self.seconds if self.seconds > 0 else 0.0


def run_once(method: str, path: Path, store_dir: Path) -> dict[str, float]:
    """One measurement in a fresh Python process."""
    command = [sys.executable, str(HERE / "measure.py"), method, str(path)]
    if method.endswith("-disk"):
        command += ["--store-dir", str(store_dir)]
    completed = subprocess.run(command, check=False, capture_output=True, text=True)
    if completed.returncode != 0:
        last = (completed.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"{method} on {path.name} failed: {last}")
    result: dict[str, float] = json.loads(completed.stdout)
    return result


def measure_method(method: str, actors: int, path: Path, repeat: int) -> Measurement:
    """Best time (and largest peak memory) of ``repeat`` fresh-process runs."""
    runs = [run_once(method, path, OUT_DIR / "stores" / method) for _ in range(repeat)]
    best = min(runs, key=lambda r: r["seconds"])
    return Measurement(
        method=method,
        actors=actors,
        triples=int(best["triples"]),
        seconds=best["seconds"],
        cpu_seconds=min(r["cpu_seconds"] for r in runs),
        peak_rss_mib=max(r["peak_rss_mib"] for r in runs),
        rss_before_mib=min(r["rss_before_mib"] for r in runs),
    )


def ensure_file(actors: int, *, regenerate: bool) -> Path:
    """The territory file for ``actors``, generated (seeded) if missing."""
    path: Path = _generate.default_path(actors, "nt")
    if regenerate or not path.exists():
        shape = _generate.generate(actors, path, seed=_generate.DEFAULT_SEED, syntax="nt")
        print(f"generated {path}: {shape.triples} triples", file=sys.stderr)
    return path


def format_table(rows: list[Measurement]) -> str:
    """A Markdown table of the measurements."""
    lines = [
        "| actors | method | triples | seconds | CPU seconds | triples/s | peak RSS MiB "
        "| RSS before MiB |",
        "|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row.actors} | {row.method} | {row.triples} | {row.seconds:.2f} "
            f"| {row.cpu_seconds:.2f} "
            f"| {row.triples_per_second:,.0f} | {row.peak_rss_mib:.0f} | {row.rss_before_mib:.0f} |"
        )
    return "\n".join(lines)


def format_ratios(rows: list[Measurement], *, cpu: bool = False) -> str:
    """Per size: eitkg/raw pyoxigraph time ratio (goal ≤ 1.2×), pyoxigraph speed-up over rdflib.

    On wall-clock seconds, or on CPU seconds with ``cpu=True``.
    """
    clock = "CPU" if cpu else "wall-clock"
    lines = [
        f"| actors ({clock}) | eitkg/pyoxigraph memory | eitkg/pyoxigraph disk "
        "| pyoxigraph vs rdflib memory | pyoxigraph vs rdflib disk |",
        "|---:|---:|---:|---:|---:|",
    ]
    for actors in sorted({r.actors for r in rows}):
        by = {r.method: r.cpu_seconds if cpu else r.seconds for r in rows if r.actors == actors}
        lines.append(
            f"| {actors} | {_ratio(by, 'eitkg-memory', 'pyoxigraph-memory')} "
            f"| {_ratio(by, 'eitkg-disk', 'pyoxigraph-disk')} "
            f"| {_ratio(by, 'rdflib-memory', 'pyoxigraph-memory')} "
            f"| {_ratio(by, 'rdflib-memory', 'pyoxigraph-disk')} |"
        )
    return "\n".join(lines)


def _ratio(seconds: dict[str, float], numerator: str, denominator: str) -> str:
    if numerator not in seconds or denominator not in seconds or seconds[denominator] <= 0:
        return "n/a"
    return f"{seconds[numerator] / seconds[denominator]:.2f}×"


def parse_sizes(text: str) -> list[int]:
    """``"1000,10000"`` → ``[1000, 10000]``."""
    sizes = [int(part) for part in text.split(",") if part.strip()]
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError(f"sizes must be positive integers: {text!r}")
    return sizes


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        type=parse_sizes,
        default=parse_sizes(os.environ.get("SIZES") or DEFAULT_SIZES),
        help="comma-separated numbers of actors (default $SIZES or 1000,10000)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        help="runs per method, the best counts (default 3, and 1 from 100,000 actors)",
    )
    parser.add_argument(
        "--methods",
        default=",".join(METHODS),
        help=f"comma-separated, among {','.join(METHODS + EXTRA_METHODS)}",
    )
    parser.add_argument(
        "--rdflib-max-actors",
        type=int,
        default=100_000,
        help="skip rdflib above this size (it needs several GB for 100,000 actors)",
    )
    parser.add_argument("--regenerate", action="store_true", help="rewrite the territory files")
    parser.add_argument("--json", type=Path, help="also write the measurements to this file")
    args = parser.parse_args(argv)
    methods = [m for m in args.methods.split(",") if m]
    unknown = set(methods) - set(METHODS + EXTRA_METHODS)
    if unknown:
        parser.error(f"unknown methods: {', '.join(sorted(unknown))}")
    rows: list[Measurement] = []
    for actors in args.sizes:
        path = ensure_file(actors, regenerate=args.regenerate)
        for method in methods:
            if method.startswith("rdflib") and actors > args.rdflib_max_actors:
                continue
            try:
                repeat = args.repeat or (1 if actors >= 100_000 else 3)
                row = measure_method(method, actors, path, repeat)
            except RuntimeError as error:  # report it and go on with the other methods
                print(error, file=sys.stderr)
                continue
            print(f"{actors} {method}: {row.seconds:.2f} s", file=sys.stderr)
            rows.append(row)
    print(format_table(rows))
    print()
    print(format_ratios(rows))
    print()
    print(format_ratios(rows, cpu=True))
    if args.json is not None:
        args.json.write_text(json.dumps([r.__dict__ for r in rows], indent=2) + "\n")


if __name__ == "__main__":
    main()
