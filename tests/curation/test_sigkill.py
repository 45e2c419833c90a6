"""An import killed with SIGKILL at any point leaves the store exactly as before, or (killed
after its single committing update) exactly as committed: never half-written."""

from __future__ import annotations

import gc
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pyoxigraph import Quad

from eitkg.curation import DatasetIris, commit_import, list_datasets, prepare_import, recover
from eitkg.curation.commit import STAGING
from eitkg.queries import load_catalogue
from eitkg.resources import queries_dir
from eitkg.store import OxigraphStore

from .conftest import BASE, Snapshot, disk_copy
from .inventory import inventory_rows, to_csv

REPO = Path(__file__).resolve().parents[2]
IRIS = DatasetIris(BASE, "pipa")
ROWS = 300

pytestmark = pytest.mark.slow


def close(store: OxigraphStore) -> None:
    store.close()
    del store
    gc.collect()


@pytest.fixture(scope="module")
def template(
    tmp_path_factory: pytest.TempPathFactory, seeded_store: OxigraphStore
) -> tuple[Path, Path, Snapshot]:
    """A store with dataset ``pipa`` at version 1, the larger inventory that replaces it, and
    the store's snapshot."""
    root = tmp_path_factory.mktemp("sigkill")
    path = root / "store"
    disk_copy(seeded_store, path)
    store = OxigraphStore(path)
    catalogue = load_catalogue(queries_dir())
    first = prepare_import(
        to_csv(inventory_rows(50)), "pipa.csv", store=store, base_iri=BASE, catalogue=catalogue
    )
    commit_import(store, first, catalogue=catalogue, curator="setup")
    snapshot = Snapshot.of(store)
    close(store)
    inventory = root / "pipa.csv"
    inventory.write_bytes(to_csv(inventory_rows(ROWS, seed=11)))
    return path, inventory, snapshot


def start(store: Path, inventory: Path, pause: str | None) -> subprocess.Popen[str]:
    args = [sys.executable, "-m", "tests.curation.killable_import", str(store), str(inventory)]
    env = {k: v for k, v in os.environ.items() if not k.startswith("EITKG_")}
    return subprocess.Popen(
        [*args, *([pause] if pause else [])],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(process: subprocess.Popen[str], stage: str) -> None:
    assert process.stdout is not None
    deadline = time.monotonic() + 240
    for line in process.stdout:
        if line.strip() == f"STAGE {stage}":
            return
        assert time.monotonic() < deadline, f"no stage {stage}"
    raise AssertionError(f"the import ended before stage {stage}: {process.stderr.read()}")  # type: ignore[union-attr]


def kill(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL


def committed(store: OxigraphStore, inventory: Path) -> bool:
    """Whether the store holds the whole new version (and its kept previous version)."""
    catalogue = load_catalogue(queries_dir())
    [summary] = list_datasets(store, catalogue, BASE)
    if summary.version != 2:
        return False
    public = set(store.quads(IRIS.graph))
    secret = set(store.quads(IRIS.confidential))
    return (summary.rows, summary.versions) == (ROWS, 2) and len(public) + len(
        secret
    ) == summary.triples


@pytest.mark.parametrize(
    ("pause", "after", "delay"),
    [
        ("validate", None, 0.5),  # killed while validating: nothing written yet
        ("staged", None, 0.0),  # staging written, the committing update not run
        (None, "staging", 0.05),  # killed while staging (one transaction)
        (None, "staged", 0.05),  # killed while the committing update runs
        ("applied", None, 0.0),  # killed after the update, before tidying graph names
    ],
)
def test_a_killed_import_is_all_or_nothing(
    template: tuple[Path, Path, Snapshot],
    tmp_path: Path,
    pause: str | None,
    after: str | None,
    delay: float,
) -> None:
    source, inventory, before = template
    path = Path(shutil.copytree(source, tmp_path / "store"))
    process = start(path, inventory, pause)
    try:
        wait_for(process, pause or after or "")
        time.sleep(delay)
        kill(process)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()
    store = OxigraphStore(path)
    try:
        outside_staging = {q for q in store.quads() if not q.graph_name.value.startswith(STAGING)}  # type: ignore[union-attr]
        recover(store)
        assert not [g for g in store.named_graphs() if g.value.startswith("urn:eitkg:staging")]
        assert set(store.quads()) == outside_staging  # recovery only removes staging
        if Snapshot.of(store) == before:
            assert pause != "applied"
            return
        assert pause not in ("validate", "staged")  # nothing may have been written by then
        assert committed(store, inventory)
        old = {
            Quad(q.subject, q.predicate, q.object, IRIS.graph)
            for q in store.quads(IRIS.version_graph(1))
        }
        assert old and len(old) < len(set(store.quads(IRIS.graph)))
    finally:
        close(store)
