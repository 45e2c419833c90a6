"""The docs stay in step with the code: CLI verbs, settings, named queries."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from eitkg.cli import app
from eitkg.queries import load_catalogue
from eitkg.resources import queries_dir

REPO = Path(__file__).resolve().parents[1]


def test_every_cli_command_is_in_the_readme_table() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    group = typer.main.get_group(app)
    table = {m.group(1) for m in re.finditer(r"^\| `eitkg ([a-z-]+)", readme, re.MULTILINE)}
    assert set(group.commands) == table


def test_configuration_doc_is_generated_from_the_settings() -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "gen_config_doc.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_every_named_query_is_documented_in_its_own_header() -> None:
    catalogue = load_catalogue(queries_dir())
    for query_id in catalogue:
        query = catalogue[query_id]
        assert query.summary, query_id
        for param in query.params:
            assert param.description or param.enum, f"{query_id}: {param.name} has no description"
