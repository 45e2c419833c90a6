"""Curator commands: ``import``, ``datasets``, ``diff``, ``rollback``.

Exit codes of ``import``: 0 committed (or would commit with ``--dry-run``), 1 rejected by
validation, 2 unreadable input.
"""

from __future__ import annotations

import getpass
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, NoReturn

import typer

from eitkg.curation import (
    DatasetIris,
    ImportReport,
    commit_import,
    dataset_id,
    diff,
    list_datasets,
    prepare_import,
    recover,
    rollback,
    to_csv,
    to_html,
    to_text,
)
from eitkg.errors import EitkgError, NotFoundError
from eitkg.queries import load_catalogue
from eitkg.resources import queries_dir

if TYPE_CHECKING:
    from eitkg.cli.app import Context

Lang = Literal["fr", "en"]
_STAGES = {
    "read": "lecture / reading",
    "map": "lignes / rows",
    "validate": "validation",
    "commit": "écriture / commit",
}


def _fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"eitkg: {message}", err=True)
    raise typer.Exit(code)


def _curator(name: str | None) -> str:
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "curator"


def write_report(report: ImportReport, path: Path, lang: Lang) -> None:
    """Write the report in the format its extension names (.html, .json, .ttl, .csv, .txt)."""
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        text = to_html(report, lang)
    elif suffix == ".json":
        text = json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n"
    elif suffix == ".ttl":
        text = report.to_turtle()
    elif suffix == ".csv":
        text = to_csv(report, lang)
    else:
        text = to_text(report, lang)
    path.write_text(text, encoding="utf-8")


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[str, int, int], None] | None]:
    """A progress bar on stderr (only in a terminal); yields the callback for the pipeline."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn

    console = Console(stderr=True)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(_STAGES.get(stage, stage), total=total or 1)
            bar.update(tasks[stage], completed=done, total=total or 1)

        yield update


def import_command(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="CSV, XLSX or RDF file (Turtle, TriG, JSON-LD…).")],
    dataset: Annotated[
        str | None, typer.Option("--dataset", help="Dataset id (default: the file name).")
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Validate and report; write nothing.")
    ] = False,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the report.")] = "fr",
    report: Annotated[
        Path | None,
        typer.Option("--report", help="Also write the report (.html, .json, .ttl, .csv, .txt)."),
    ] = None,
    curator: Annotated[
        str | None, typer.Option("--curator", help="Who imports (default: the user name).")
    ] = None,
) -> None:
    """Import a flow inventory or an RDF dataset: validate, report, then commit or reject."""
    context: Context = ctx.obj
    settings = context.settings
    try:
        size = file.stat().st_size
    except OSError as error:
        _fail(f"{file}: cannot read: {error.strerror or error}")
    if size > settings.max_upload_bytes:
        _fail(
            f"{file}: {size} bytes, more than the limit of {settings.max_upload_bytes} "
            "(EITKG_MAX_UPLOAD_BYTES) / fichier trop gros"
        )
    catalogue = load_catalogue(queries_dir())
    with context.store() as store, _progress(sys.stderr.isatty()) as progress:
        try:
            prepared = prepare_import(
                file.read_bytes(),
                str(file),
                store=store,
                base_iri=settings.base_iri,
                dataset=dataset,
                max_bytes=settings.max_upload_bytes,
                catalogue=catalogue,
                progress=progress,
            )
        except EitkgError as error:  # unreadable input, or a store without vocabularies
            _fail(str(error), 2)
        result_report = prepared.report
        if report is not None:
            write_report(result_report, report, lang)
        typer.echo(to_text(result_report, lang), nl=False)
        if not result_report.conforms:
            raise typer.Exit(1)
        if dry_run:
            typer.echo("--dry-run: rien n'est écrit / nothing written")
            return
        if progress is not None:
            progress("commit", 0, 1)
        recover(store)
        result = commit_import(
            store,
            prepared,
            catalogue=catalogue,
            curator=_curator(curator),
            history_depth=settings.history_versions,
        )
        if progress is not None:
            progress("commit", 1, 1)
    typer.echo(
        f"version {result.version} de {result.dataset} écrite / committed "
        f"({result.public_triples} + {result.confidential_triples} confidential triples)"
    )


def datasets_command(
    ctx: typer.Context,
    format: Annotated[
        Literal["table", "json"], typer.Option("--format", "-f", help="table or json")
    ] = "table",
) -> None:
    """List imported datasets with their provenance."""
    context: Context = ctx.obj
    with context.store() as store:
        items = list_datasets(store, load_catalogue(queries_dir()), context.settings.base_iri)
    if format == "json":
        typer.echo(json.dumps([d.to_json() for d in items], ensure_ascii=False, indent=2))
        return
    header = ("dataset", "version", "kept", "rows", "triples", "modified", "curator", "source")
    rows = [
        (
            d.identifier,
            str(d.version),
            str(d.versions),
            str(d.rows or ""),
            str(d.triples or ""),
            (d.modified or "")[:19],
            d.curator or "",
            d.source or "",
        )
        for d in items
    ]
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(header)]
    for line in [header, tuple("-" * w for w in widths), *rows]:
        typer.echo("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())
    typer.echo(f"({len(rows)} dataset{'s' if len(rows) != 1 else ''})")


def diff_command(
    ctx: typer.Context,
    dataset: Annotated[str, typer.Argument(help="Dataset id.")],
    against: Annotated[
        int | None, typer.Option("--against", help="Version to compare with (default: previous).")
    ] = None,
    format: Annotated[
        Literal["text", "json"], typer.Option("--format", "-f", help="text or json")
    ] = "text",
) -> None:
    """Flows added, removed and changed since the previous version of a dataset."""
    context: Context = ctx.obj
    iris = DatasetIris(context.settings.base_iri, dataset_id(dataset))
    with context.store() as store:
        try:
            result = diff(store, load_catalogue(queries_dir()), iris, against=against)
        except NotFoundError as error:
            _fail(str(error))
    if format == "json":
        typer.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        typer.echo(result.text(), nl=False)


def rollback_command(
    ctx: typer.Context,
    dataset: Annotated[str, typer.Argument(help="Dataset id.")],
    to: Annotated[
        int | None, typer.Option("--to", help="Version to restore (default: the previous one).")
    ] = None,
    curator: Annotated[str | None, typer.Option("--curator", help="Who rolls back.")] = None,
) -> None:
    """Make an earlier version of a dataset current again (the current one is kept)."""
    context: Context = ctx.obj
    iris = DatasetIris(context.settings.base_iri, dataset_id(dataset))
    with context.store() as store:
        recover(store)
        try:
            result = rollback(
                store,
                load_catalogue(queries_dir()),
                iris,
                curator=_curator(curator),
                to=to,
                history_depth=context.settings.history_versions,
            )
        except EitkgError as error:
            _fail(str(error))
    typer.echo(
        f"{result.dataset}: version {result.version} rétablie / restored "
        f"(version {result.previous} kept)"
    )


def register(app: typer.Typer) -> None:
    """Add the curator commands to the ``eitkg`` command."""
    app.command("import")(import_command)
    app.command("datasets")(datasets_command)
    app.command("diff")(diff_command)
    app.command("rollback")(rollback_command)
