"""Load ``queries/**/*.rq`` into a typed catalogue; a malformed file fails with file and line."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import pyoxigraph
import yaml

from eitkg.errors import InvalidQueryError, Location, NotFoundError, QueryCatalogueError
from eitkg.queries.binding import to_term
from eitkg.queries.model import PARAM_TYPES, NamedQuery, ParamType, QueryForm, QueryParam
from eitkg.store.local import OxigraphStore

_HEADER_KEYS = {"summary", "description", "tags", "params"}
_PARAM_KEYS = {"type", "required", "default", "description", "enum", "lang"}
_FORM = re.compile(r"^\s*(SELECT|CONSTRUCT|DESCRIBE|ASK)\b", re.IGNORECASE | re.MULTILINE)
_ID = re.compile(r"^[a-z0-9_]+(/[a-z0-9_]+)*$")


@dataclass(frozen=True)
class QueryCatalogue(Mapping[str, NamedQuery]):
    """Named queries by id (``synergy/substitution_candidates``)."""

    queries: Mapping[str, NamedQuery]

    def __getitem__(self, key: str) -> NamedQuery:
        try:
            return self.queries[key]
        except KeyError:
            known = ", ".join(sorted(self.queries))
            raise NotFoundError(f"no named query {key!r}; known queries: {known}") from None

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self.queries))

    def __len__(self) -> int:
        return len(self.queries)


def load_catalogue(root: Path) -> QueryCatalogue:
    """Every ``.rq`` file under ``root``, parsed and checked."""
    queries = {}
    for path in sorted(root.rglob("*.rq")):
        query = load_query(path, query_id=path.relative_to(root).with_suffix("").as_posix())
        queries[query.id] = query
    return QueryCatalogue(queries)


def load_query(path: Path, *, query_id: str) -> NamedQuery:
    """Parse one query file: ``#+`` header lines, then SPARQL."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    header_lines = _header_length(lines)
    where = str(path)
    if not _ID.match(query_id):
        raise QueryCatalogueError(
            f"query id {query_id!r} must be lower-case snake_case path segments", Location(where)
        )
    header = _parse_header(lines[:header_lines], where)
    sparql = "\n".join(lines[header_lines:]) + "\n"
    _check_sparql(sparql, where, header_lines)
    form = _query_form(sparql, where, header_lines)
    params = _parse_params(header.get("params") or {}, where)
    _check_params_used(params, sparql, where)
    _check_params_bindable(params, sparql, where)
    summary = header.get("summary")
    if not isinstance(summary, str) or not summary.strip():
        raise QueryCatalogueError("the header needs a 'summary'", Location(where, 1))
    tags = header.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise QueryCatalogueError("'tags' must be a list of words", Location(where, 1))
    return NamedQuery(
        id=query_id,
        path=path,
        sparql=sparql,
        form=form,
        summary=summary.strip(),
        description=str(header.get("description") or "").strip(),
        tags=tuple(tags),
        params=params,
        header_lines=header_lines,
    )


def _header_length(lines: list[str]) -> int:
    count = 0
    for line in lines:
        if not line.startswith("#+"):
            break
        count += 1
    return count


def _parse_header(lines: list[str], where: str) -> dict[str, Any]:
    if not lines:
        raise QueryCatalogueError("missing '#+' YAML header (summary, params…)", Location(where, 1))
    document = "\n".join(line[2:].removeprefix(" ") for line in lines)
    try:
        header = yaml.safe_load(document)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        column = mark.column + 3 if mark is not None else None
        problem = getattr(error, "problem", None) or str(error)
        raise QueryCatalogueError(
            f"malformed YAML header: {problem}", Location(where, line, column)
        ) from error
    if not isinstance(header, dict):
        raise QueryCatalogueError("the '#+' header must be a YAML mapping", Location(where, 1))
    unknown = set(header) - _HEADER_KEYS
    if unknown:
        raise QueryCatalogueError(
            f"unknown header keys {sorted(unknown)}; allowed: {sorted(_HEADER_KEYS)}",
            Location(where, _line_of(lines, sorted(unknown)[0])),
        )
    return header


def _line_of(lines: list[str], key: str) -> int:
    for number, line in enumerate(lines, start=1):
        if line[2:].strip().startswith(f"{key}:"):
            return number
    return 1


def _parse_params(raw: object, where: str) -> tuple[QueryParam, ...]:
    if not isinstance(raw, dict):
        raise QueryCatalogueError("'params' must map names to definitions", Location(where))
    params = []
    for name, spec in raw.items():
        if not isinstance(name, str) or not name.isidentifier():
            raise QueryCatalogueError(f"bad parameter name {name!r}", Location(where))
        spec = spec or {}
        if not isinstance(spec, dict):
            raise QueryCatalogueError(f"parameter {name!r} needs a mapping", Location(where))
        unknown = set(spec) - _PARAM_KEYS
        if unknown:
            raise QueryCatalogueError(
                f"parameter {name!r}: unknown keys {sorted(unknown)}", Location(where)
            )
        kind = spec.get("type", "string")
        if kind not in PARAM_TYPES:
            raise QueryCatalogueError(
                f"parameter {name!r}: type {kind!r} is not one of {list(PARAM_TYPES)}",
                Location(where),
            )
        default = spec.get("default")
        params.append(
            QueryParam(
                name=name,
                type=cast(ParamType, kind),
                required=bool(spec.get("required", False)),
                default=None
                if default is None
                else str(default).lower()
                if isinstance(default, bool)
                else str(default),
                description=str(spec.get("description", "")),
                enum=tuple(str(v) for v in spec.get("enum", ()) or ()),
                lang=spec.get("lang"),
            )
        )
    return tuple(params)


def _query_form(sparql: str, where: str, offset: int) -> QueryForm:
    body = re.sub(r"#[^\n]*", "", sparql)
    match = _FORM.search(body)
    if not match:
        raise QueryCatalogueError(
            "no SELECT, CONSTRUCT, DESCRIBE or ASK found", Location(where, offset + 1)
        )
    return cast(QueryForm, match.group(1).lower())


def _check_sparql(sparql: str, where: str, offset: int) -> None:
    try:
        OxigraphStore().query(sparql)
    except InvalidQueryError as error:
        line = offset + error.line if error.line else None
        raise QueryCatalogueError(
            f"SPARQL syntax error: {error.message}", Location(where, line, error.column)
        ) from error


_SAMPLE_VALUES = {
    "iri": "http://example.org/x",
    "string": "x",
    "integer": "1",
    "decimal": "1.5",
    "boolean": "true",
    "date": "2024-01-01",
}


def _check_params_bindable(params: tuple[QueryParam, ...], sparql: str, where: str) -> None:
    # pyoxigraph substitutes only variables a SELECT projects; ask the engine itself.
    substitutions = {
        pyoxigraph.Variable(p.name): to_term(
            QueryParam(p.name, p.type, lang=p.lang), p.enum[0] if p.enum else _SAMPLE_VALUES[p.type]
        )
        for p in params
    }
    if not substitutions:
        return
    try:
        pyoxigraph.Store().query(sparql, substitutions=substitutions)
    except RuntimeError as error:
        raise QueryCatalogueError(
            f"parameters must be projected by the SELECT (or use SELECT *): {error}",
            Location(where),
        ) from error


def _check_params_used(params: tuple[QueryParam, ...], sparql: str, where: str) -> None:
    for param in params:
        if not re.search(rf"[?$]{re.escape(param.name)}\b", sparql):
            raise QueryCatalogueError(
                f"parameter {param.name!r} is declared but ?{param.name} is not in the query",
                Location(where),
            )
