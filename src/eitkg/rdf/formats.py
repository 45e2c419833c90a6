"""The one media-type table: RDF syntaxes and SPARQL result formats, with their extensions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import QueryResultsFormat, RdfFormat

from eitkg.errors import InputError, Location


@dataclass(frozen=True)
class RdfSyntax:
    """An RDF serialisation eitkg reads and writes."""

    key: str
    format: RdfFormat
    media_type: str
    extensions: tuple[str, ...]
    aliases: tuple[str, ...] = ()

    @property
    def supports_datasets(self) -> bool:
        return bool(self.format.supports_datasets)


RDF_SYNTAXES: tuple[RdfSyntax, ...] = (
    RdfSyntax("turtle", RdfFormat.TURTLE, "text/turtle", ("ttl",), ("application/x-turtle",)),
    RdfSyntax("trig", RdfFormat.TRIG, "application/trig", ("trig",)),
    RdfSyntax("ntriples", RdfFormat.N_TRIPLES, "application/n-triples", ("nt",), ("text/plain",)),
    RdfSyntax("nquads", RdfFormat.N_QUADS, "application/n-quads", ("nq",)),
    RdfSyntax(
        "jsonld",
        RdfFormat.JSON_LD,
        "application/ld+json",
        ("jsonld", "json"),
        ("application/json",),
    ),
    RdfSyntax("rdfxml", RdfFormat.RDF_XML, "application/rdf+xml", ("rdf", "owl", "xml")),
)


@dataclass(frozen=True)
class ResultsSyntax:
    """A SPARQL query results serialisation."""

    key: str
    format: QueryResultsFormat
    media_type: str
    extensions: tuple[str, ...]


RESULTS_SYNTAXES: tuple[ResultsSyntax, ...] = (
    ResultsSyntax("json", QueryResultsFormat.JSON, "application/sparql-results+json", ("srj",)),
    ResultsSyntax("xml", QueryResultsFormat.XML, "application/sparql-results+xml", ("srx",)),
    ResultsSyntax("csv", QueryResultsFormat.CSV, "text/csv", ("csv",)),
    ResultsSyntax("tsv", QueryResultsFormat.TSV, "text/tab-separated-values", ("tsv",)),
)


def rdf_syntax(key: str) -> RdfSyntax:
    """The RDF syntax named by a key, a media type or an extension.

    >>> rdf_syntax("ttl").media_type
    'text/turtle'
    >>> rdf_syntax("application/ld+json").key
    'jsonld'
    """
    wanted = key.lower().lstrip(".").split(";")[0].strip()
    for syntax in RDF_SYNTAXES:
        if wanted in (syntax.key, syntax.media_type, *syntax.extensions, *syntax.aliases):
            return syntax
    known = ", ".join(s.key for s in RDF_SYNTAXES)
    raise ValueError(f"unknown RDF format {key!r}; known formats: {known}")


def results_syntax(key: str) -> ResultsSyntax:
    """The SPARQL results syntax named by a key, a media type or an extension."""
    wanted = key.lower().lstrip(".").split(";")[0].strip()
    for syntax in RESULTS_SYNTAXES:
        if wanted in (syntax.key, syntax.media_type, *syntax.extensions):
            return syntax
    known = ", ".join(s.key for s in RESULTS_SYNTAXES)
    raise ValueError(f"unknown results format {key!r}; known formats: {known}")


def syntax_for_path(path: Path) -> RdfSyntax:
    """The RDF syntax of a file, from its extension (``.gz`` is not supported here)."""
    try:
        return rdf_syntax(path.suffix)
    except ValueError:
        known = ", ".join(f".{e}" for s in RDF_SYNTAXES for e in s.extensions)
        raise InputError(
            f"cannot tell the RDF format from the extension {path.suffix!r}; "
            f"use one of {known} or give the format explicitly",
            Location(str(path)),
        ) from None
