"""``eitkg import / datasets / diff / rollback`` on an on-disk store, with their exit codes."""

from __future__ import annotations

import gc
import json
import shutil
from pathlib import Path

import pytest
import typer
from pyoxigraph import RdfFormat, Store
from typer.testing import CliRunner

from eitkg.cli.app import configure
from eitkg.cli.curation import register, write_report
from eitkg.queries import QueryCatalogue
from eitkg.store import OxigraphStore

from .conftest import BASE, Snapshot, disk_copy
from .helpers import prepare
from .inventory import FRENCH, inventory_rows, to_csv

BAD = Path(__file__).parent / "bad"


def command() -> typer.Typer:
    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
    app.callback()(configure)
    register(app)
    return app


@pytest.fixture(scope="module")
def seeded_template(tmp_path_factory: pytest.TempPathFactory, seeded_store: OxigraphStore) -> Path:
    path = tmp_path_factory.mktemp("template") / "store"
    disk_copy(seeded_store, path)
    gc.freeze()  # later collections (one per command) skip the session's long-lived objects
    return path


@pytest.fixture
def store_path(seeded_template: Path, tmp_path: Path) -> Path:
    """A seeded on-disk store of the test's own (a copy of a closed template)."""
    return Path(shutil.copytree(seeded_template, tmp_path / "store"))


def snapshot(path: Path) -> Snapshot:
    store = OxigraphStore(path)
    try:
        return Snapshot.of(store)
    finally:
        store.close()
        del store


def run(store: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(command(), ["--store", str(store), "--base-iri", BASE, *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    outcome = result.exit_code, result.stdout, result.stderr
    del result
    gc.collect()  # frames kept by the runner hold the store open (an on-disk store is locked)
    return outcome


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_import_commits_and_lists(store_path: Path, tmp_path: Path) -> None:
    inventory = write(tmp_path, "pipa-2024.csv", to_csv(inventory_rows(6)))
    code, out, _ = run(store_path, "import", str(inventory), "--curator", "Alice", "--lang", "en")
    assert code == 0, out
    assert "Can be imported: no violation." in out
    assert "version 1 de pipa-2024 écrite / committed" in out
    code, out, _ = run(store_path, "datasets", "--format", "json")
    assert code == 0
    [listed] = json.loads(out)
    assert (listed["identifier"], listed["version"], listed["rows"], listed["curator"]) == (
        "pipa-2024",
        1,
        6,
        "Alice",
    )
    code, out, _ = run(store_path, "datasets")
    assert out.splitlines()[0].split() == [
        "dataset",
        "version",
        "kept",
        "rows",
        "triples",
        "modified",
        "curator",
        "source",
    ]
    assert out.splitlines()[2].startswith("pipa-2024") and "(1 dataset)" in out


def test_dry_run_reports_and_writes_nothing(store_path: Path, tmp_path: Path) -> None:
    inventory = write(tmp_path, "x.csv", to_csv(inventory_rows(3)))
    before = snapshot(store_path)
    code, out, _ = run(store_path, "import", str(inventory), "--dry-run")
    assert code == 0 and "Import possible" in out and "nothing written" in out
    assert snapshot(store_path) == before


def test_rejected_import_exits_1_and_writes_the_report(store_path: Path, tmp_path: Path) -> None:
    before = snapshot(store_path)
    report = tmp_path / "report.html"
    code, out, _ = run(
        store_path, "import", str(BAD / "unknown-unit.csv"), "--report", str(report), "--lang", "en"
    )
    assert code == 1
    assert "Row 3" in out and "Unknown unit: 'bennes'." in out
    assert "<h2>Row 3</h2>" in report.read_text(encoding="utf-8")
    assert snapshot(store_path) == before


def test_report_files_take_the_format_of_their_extension(
    seeded_store: OxigraphStore, catalogue: QueryCatalogue, tmp_path: Path
) -> None:
    prepared = prepare(seeded_store, catalogue, (BAD / "unknown-unit.csv").read_bytes(), "u.csv")
    for suffix in (".html", ".json", ".ttl", ".csv", ".txt"):
        write_report(prepared.report, tmp_path / f"report{suffix}", "fr")
    body = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert body["conforms"] is False and body["counts"]["Violation"] == 1
    graph = Store()
    graph.load((tmp_path / "report.ttl").read_bytes(), format=RdfFormat.TURTLE)
    assert len(graph) > 5
    assert (tmp_path / "report.csv").read_text(encoding="utf-8").startswith("gravité,ligne")
    assert "Unité inconnue : « bennes »." in (tmp_path / "report.txt").read_text(encoding="utf-8")
    assert '<html lang="fr">' in (tmp_path / "report.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["empty.csv", "wrong-encoding.csv", "truncated.ttl"])
def test_unreadable_input_exits_2_naming_the_place(store_path: Path, name: str) -> None:
    before = snapshot(store_path)
    code, out, err = run(store_path, "import", str(BAD / name))
    assert code == 2 and out == ""
    assert f"{name}" in err
    assert snapshot(store_path) == before


def test_a_file_over_the_cap_exits_2(
    store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EITKG_MAX_UPLOAD_BYTES", "4096")
    big = write(tmp_path, "big.csv", to_csv(inventory_rows(60)))
    code, _, err = run(store_path, "import", str(big))
    assert code == 2 and "more than the limit of 4096" in err


def test_diff_and_rollback(store_path: Path, tmp_path: Path) -> None:
    rows = inventory_rows(4)
    run(store_path, "import", str(write(tmp_path, "pipa.csv", to_csv(rows))))
    rows[0][FRENCH.index("quantite")] = "777"
    code, out, _ = run(store_path, "import", str(write(tmp_path, "pipa.csv", to_csv(rows[:3]))))
    assert code == 0 and "version 2" in out
    code, out, _ = run(store_path, "diff", "pipa")
    assert code == 0
    assert out.splitlines()[0] == "pipa: version 1 → 2: 0 added, 1 removed, 1 changed"
    assert "- PIPA-2024-0004" in out and "~ PIPA-2024-0001" in out
    code, out, _ = run(store_path, "diff", "pipa", "--format", "json")
    assert json.loads(out)["removed"][0]["record_id"] == "PIPA-2024-0004"
    code, out, _ = run(store_path, "rollback", "pipa", "--curator", "Bob")
    assert code == 0 and "version 1 rétablie / restored (version 2 kept)" in out
    code, out, _ = run(store_path, "datasets", "--format", "json")
    assert json.loads(out)[0]["version"] == 1
    code, _, err = run(store_path, "rollback", "nothing-here")
    assert code == 2 and "no imported dataset 'nothing-here'" in err


def test_importing_into_a_store_never_built_exits_2(tmp_path: Path) -> None:
    inventory = write(tmp_path, "x.csv", to_csv(inventory_rows(2)))
    code, out, err = run(tmp_path / "empty-store", "import", str(inventory))
    assert code == 2 and out == ""
    assert "eitkg init" in err


def test_the_real_entry_point_gives_the_exit_codes(store_path: Path, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("EITKG_")}

    def eitkg(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "eitkg", "--store", str(store_path), *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )

    rejected = eitkg("import", str(BAD / "unknown-unit.csv"), "--dry-run")
    assert rejected.returncode == 1 and "Unité inconnue : « bennes »." in rejected.stdout
    unreadable = eitkg("import", str(BAD / "binary-garbage.csv"))
    assert unreadable.returncode == 2 and "binary-garbage.csv:1:1" in unreadable.stderr
