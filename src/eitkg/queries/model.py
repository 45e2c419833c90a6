"""Named queries and their parameters, as frozen values."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

ParamType = Literal["iri", "string", "integer", "decimal", "boolean", "date"]
QueryForm = Literal["select", "construct", "describe", "ask"]

PARAM_TYPES: tuple[str, ...] = ("iri", "string", "integer", "decimal", "boolean", "date")


@dataclass(frozen=True)
class QueryParam:
    """One parameter of a named query, bound to the SPARQL variable of the same name."""

    name: str
    type: ParamType
    required: bool = False
    default: str | None = None
    description: str = ""
    enum: tuple[str, ...] = ()
    lang: str | None = None


@dataclass(frozen=True)
class NamedQuery:
    """A SPARQL query file with its metadata; ``id`` is its path without ``.rq``."""

    id: str
    path: Path
    sparql: str
    form: QueryForm
    summary: str
    description: str = ""
    tags: tuple[str, ...] = ()
    params: tuple[QueryParam, ...] = field(default_factory=tuple)
    header_lines: int = 0

    def param(self, name: str) -> QueryParam | None:
        return next((p for p in self.params if p.name == name), None)
