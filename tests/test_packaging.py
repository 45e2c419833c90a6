"""The wheel carries the ontology, shapes, queries, vocabularies and bundles, and runs from them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_the_wheel_ships_its_resources_and_uses_them(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("eitkg-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "eitkg/_resources/ontology/eit.ttl",
        "eitkg/_resources/shapes/eit.shacl.ttl",
        "eitkg/_resources/queries/vocab/resolve_label.rq",
        "eitkg/_resources/data/vocab/ewc.ttl",
        "eitkg/_resources/data/demo/demo.ttl",
        "eitkg/http/static/yasgui/yasgui.min.js",
        "eitkg/http/static/leaflet/leaflet.js",
    ):
        assert expected in names, expected
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    probe = (
        "import eitkg.resources as r, json; "
        "print(json.dumps([str(r.resource_root()), len(list(r.queries_dir().rglob('*.rq')))]))"
    )
    env = {**os.environ, "PYTHONPATH": str(unpacked)}
    out = subprocess.run(
        [sys.executable, "-c", probe],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    root, count = json.loads(out.stdout)
    assert root == str(unpacked / "eitkg" / "_resources")
    assert count == len(list((REPO / "queries").rglob("*.rq")))
