"""``eitkg``: one command with verbs. Exit codes: 0 done, 1 data does not conform, 2 bad input."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from pyoxigraph import DefaultGraph, NamedNode

from eitkg.cli.curation import register as register_curation
from eitkg.cli.output import compact, render
from eitkg.config import Settings
from eitkg.errors import EitkgError, ValidationFailedError
from eitkg.queries import NamedQuery, load_catalogue, run_named_query
from eitkg.rdf.formats import rdf_syntax
from eitkg.rdf.io import RdfSource
from eitkg.resources import queries_dir
from eitkg.store import Store, open_store
from eitkg.store.graphs import visible_graphs
from eitkg.store.seed import seed_store

app = typer.Typer(
    name="eitkg",
    help="Knowledge graph for industrial and territorial ecology (EIT): load, query, validate.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@dataclass
class Context:
    """What every command gets: the settings, and the store opened on demand."""

    settings: Settings

    @contextmanager
    def store(self) -> Iterator[Store]:
        store = open_store(self.settings)
        try:
            yield store
        finally:
            store.close()


def fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"eitkg: {message}", err=True)
    raise typer.Exit(code)


def say(message: str) -> None:
    typer.echo(message)


@app.callback()
def configure(
    ctx: typer.Context,
    store: Annotated[
        Path | None,
        typer.Option(
            "--store",
            envvar="EITKG_STORE",
            help="Store directory (default: in memory, gone at exit).",
        ),
    ] = None,
    base_iri: Annotated[
        str | None,
        typer.Option("--base-iri", envvar="EITKG_BASE_IRI", help="Base of instance IRIs."),
    ] = None,
) -> None:
    """Knowledge graph for industrial and territorial ecology (EIT)."""
    values: dict[str, object] = {"store": store}
    if base_iri:
        values["base_iri"] = base_iri
    try:
        ctx.obj = Context(Settings(**values))  # type: ignore[arg-type]
    except ValueError as error:
        fail(f"bad settings: {error}")


@app.command()
def init(
    ctx: typer.Context,
    demo: Annotated[bool, typer.Option(help="Also load the demo territory.")] = True,
) -> None:
    """Build the store from what eitkg ships: ontology, vocabularies, shapes, demo territory."""
    context: Context = ctx.obj
    with context.store() as store:
        counts = seed_store(store, context.settings.base_iri, demo=demo)
        for graph, count in counts.items():
            say(f"{count:>8} triples  {graph}")
        say(f"{len(store):>8} quads in the store")


@app.command()
def load(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help="RDF files (Turtle, TriG, N-Triples, …).")],
    graph: Annotated[
        str | None, typer.Option(help="Named graph for triples (default: the default graph).")
    ] = None,
    format: Annotated[
        str | None, typer.Option("--format", help="RDF format if the extension does not tell.")
    ] = None,
) -> None:
    """Load RDF files into the store: all of them, or none if one is malformed."""
    context: Context = ctx.obj
    syntax = rdf_syntax(format) if format else None
    target = _graph(graph)
    sources = [RdfSource.from_path(path, syntax) for path in files]
    with context.store() as store:
        summary = store.load(sources, graph=target, base_iri=context.settings.base_iri)
    for name, count in summary.sources:
        say(f"{count:>8} quads  {name}")
    added = summary.quads_after - summary.quads_before
    say(f"{added} new quads; {summary.quads_after} in the store")


@app.command()
def query(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="A .rq file, a named query id, or '-' for stdin.")],
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="Parameter as name=value.")
    ] = None,
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="table, json, xml, csv, tsv (SELECT/ASK); turtle, ntriples, jsonld",
        ),
    ] = "table",
    union: Annotated[
        bool,
        typer.Option(
            help="Query the union of the current graphs (confidential included, earlier "
            "versions and staging left out) as the default graph."
        ),
    ] = True,
) -> None:
    """Run a SPARQL query or a named query from queries/."""
    context: Context = ctx.obj
    values = _parse_params(param or [])
    named = _named_query(query)
    with context.store() as store:
        graphs = current_graphs(store) if union else None
        if named is not None:
            result = run_named_query(store, named, values, default_graphs=graphs)
        else:
            if values:
                fail("--param is only for named queries (their header declares the parameters)")
            text = sys.stdin.read() if query == "-" else Path(query).read_text(encoding="utf-8")
            result = store.query(text, default_graphs=graphs)
        try:
            output = render(result, format)
        except ValueError as error:
            fail(str(error))
    sys.stdout.buffer.write(output)


@app.command("queries")
def list_queries() -> None:
    """List the named queries and their parameters."""
    catalogue = load_catalogue(queries_dir())
    for query_id in catalogue:
        named = catalogue[query_id]
        say(f"{query_id}\n    {named.summary}")
        for p in named.params:
            need = "required" if p.required else "optional"
            say(f"    --param {p.name}=<{p.type}>  ({need}) {p.description}")


@app.command()
def export(
    ctx: typer.Context,
    format: Annotated[
        str, typer.Option("--format", "-f", help="nquads, trig, or a triple format")
    ] = "nquads",
    graph: Annotated[str | None, typer.Option(help="Only this named graph.")] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File (default: stdout).")
    ] = None,
) -> None:
    """Write the store (or one graph) as RDF."""
    context: Context = ctx.obj
    syntax = rdf_syntax(format)
    target = _graph(graph)
    if target is None and not syntax.supports_datasets:
        fail(f"{syntax.key} holds one graph: name it with --graph, or use nquads or trig")
    with context.store() as store:
        if output is None:
            store.dump(sys.stdout.buffer, syntax, graph=target)
        else:
            with output.open("wb") as handle:
                store.dump(handle, syntax, graph=target)


@app.command()
def stats(ctx: typer.Context) -> None:
    """What the store holds: graphs and their size, instances per class."""
    context: Context = ctx.obj
    catalogue = load_catalogue(queries_dir())
    with context.store() as store:
        say(f"store: {context.settings.store or 'in memory'}  ({len(store)} quads)")
        say("\ngraphs:")
        for row in run_named_query(store, catalogue["system/graphs"], {}):  # type: ignore[union-attr]
            say(f"  {int(row['triples'].value):>8}  {row['graph'].value}")
        say("\ninstances:")
        result = run_named_query(
            store, catalogue["system/counts"], {}, default_graphs=current_graphs(store)
        )
        for row in result:  # type: ignore[union-attr]
            say(f"  {int(row['count'].value):>8}  {compact(row['class'])}")


@app.command()
def validate(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help="RDF files to check against the shapes.")],
    lang: Annotated[str, typer.Option(help="Language of the report: fr or en.")] = "fr",
    format: Annotated[
        str, typer.Option("--format", "-f", help="text, json or turtle (sh:ValidationReport).")
    ] = "text",
    with_store: Annotated[
        bool,
        typer.Option(
            "--with-store",
            help="Also use the store's content as context (actors and sites defined earlier).",
        ),
    ] = False,
) -> None:
    """Check RDF files against the SHACL shapes. Exit 0 conforms, 1 does not, 2 unreadable."""
    from eitkg.validation import load_context
    from eitkg.validation import validate as shacl_validate

    context: Context = ctx.obj
    sources = [RdfSource.from_path(path) for path in files]
    extra: list[object] = []
    if with_store:
        with context.store() as store:
            extra = list(store.quads())
    report = shacl_validate(
        sources,
        context=[load_context(), *extra] if extra else None,  # type: ignore[list-item]
        base_iri=context.settings.base_iri,
    )
    if format == "json":
        say(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    elif format == "turtle":
        say(report.to_turtle())
    else:
        say(report.text("en" if lang == "en" else "fr"))
    if not report.conforms:
        raise typer.Exit(1)


@app.command("check-ontology")
def check_ontology_command(
    files: Annotated[
        list[Path] | None,
        typer.Argument(help="Extra ontology or vocabulary files to check with the shipped ones."),
    ] = None,
    lang: Annotated[str, typer.Option(help="Language of the report: fr or en.")] = "en",
) -> None:
    """Check the ontology and vocabularies with the HermiT reasoner (OWL 2 DL consistency)."""
    from eitkg.reasoning import check_ontology, default_ontology_files

    report = check_ontology([*default_ontology_files(), *(files or [])])
    for line in report.lines("fr" if lang == "fr" else "en"):
        say(line)
    if not report.ok:
        raise typer.Exit(1)


@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    demo: Annotated[
        bool, typer.Option(help="Build the store from the shipped data first (eitkg init).")
    ] = False,
    store_path: Annotated[
        Path | None, typer.Option("--store", help="Store directory (same as the global --store).")
    ] = None,
) -> None:
    """Serve the graph: SPARQL endpoint, linked data, catalogue, query editor."""
    import uvicorn

    from eitkg.http import create_app

    context: Context = ctx.obj
    settings = context.settings
    if store_path is not None:
        settings = settings.model_copy(update={"store": store_path})
    if "base_iri" not in settings.model_fields_set:
        # The default base follows the address served, so minted IRIs dereference here.
        shown = "localhost" if host in ("127.0.0.1", "0.0.0.0", "::") else host
        settings = settings.model_copy(update={"base_iri": f"http://{shown}:{port}/"})
    store = open_store(settings)
    if demo:
        seed_store(store, settings.base_iri, demo=True)
    say(f"eitkg serving {settings.store or 'an in-memory store'} on http://{host}:{port}/")
    say(f"base IRI: {settings.base_iri}")
    uvicorn.run(create_app(settings, store=store), host=host, port=port, log_level="info")
    store.close()


def current_graphs(store: Store) -> list[NamedNode | DefaultGraph]:
    """The default graph of a local (curator) query: the default graph and the current graphs."""
    return [DefaultGraph(), *visible_graphs(store, curator=True)]


def _graph(iri: str | None) -> NamedNode | None:
    if iri is None:
        return None
    try:
        return NamedNode(iri)
    except ValueError:
        fail(f"not a valid IRI for --graph: {iri!r}")


def _parse_params(items: list[str]) -> dict[str, str]:
    values = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep:
            fail(f"--param takes name=value, got {item!r}")
        values[name.strip()] = value
    return values


def _named_query(name: str) -> NamedQuery | None:
    if name == "-" or name.endswith((".rq", ".sparql")) or Path(name).is_file():
        return None
    return load_catalogue(queries_dir())[name]


register_curation(app)


def main() -> None:
    """Entry point: EitkgError becomes a message and an exit code, never a traceback."""
    try:
        app()
    except ValidationFailedError as error:
        typer.echo(f"eitkg: {error}", err=True)
        sys.exit(1)
    except EitkgError as error:
        typer.echo(f"eitkg: {error}", err=True)
        sys.exit(2)
