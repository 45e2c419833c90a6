"""The eitkg exception tree. No HTTP knowledge here: ``eitkg.http`` maps classes to statuses.

::

    EitkgError
    ├── ConfigurationError          bad settings or a broken shipped resource
    ├── NotFoundError               a graph, query, dataset or resource that does not exist
    ├── ParameterError              a named-query parameter missing, unknown or mistyped
    ├── QueryCatalogueError         a .rq file whose header is malformed (file and line)
    ├── InvalidQueryError           SPARQL that does not parse (message and position)
    ├── InputError                  an input file that cannot be read (file, line, column)
    │   └── RdfSyntaxError
    ├── ValidationFailedError       data that does not conform to the shapes (carries the report)
    ├── InconsistentOntologyError   the reasoner found the ontology inconsistent (names the classes)
    ├── ConflictError               the operation contradicts the current state
    ├── QueryLimitError             a query went past a service limit
    │   ├── QueryTimeoutError       it ran longer than the time limit
    │   ├── ResultTooLargeError     it returned more rows than the cap
    │   └── ServiceBusyError        no evaluation slot freed up in time
    └── StoreError                  the store failed
        └── StoreUnavailableError
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class EitkgError(Exception):
    """Base of every error eitkg raises on purpose."""


class ConfigurationError(EitkgError):
    """Settings or shipped resources are unusable."""


class NotFoundError(EitkgError):
    """Something named does not exist."""


class ParameterError(EitkgError):
    """A named-query parameter is missing, unknown or invalid."""


@dataclass(frozen=True)
class Location:
    """Where in an input something went wrong (1-based line and column)."""

    source: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = self.source
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where


class LocatedError(EitkgError):
    """An error that points at a place in a file."""

    def __init__(self, message: str, location: Location) -> None:
        super().__init__(f"{location}: {message}")
        self.message = message
        self.location = location


class QueryCatalogueError(LocatedError):
    """A named-query file is malformed."""


class InvalidQueryError(EitkgError):
    """SPARQL text does not parse or cannot be evaluated."""

    def __init__(self, message: str, *, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class InputError(LocatedError):
    """An input file cannot be read."""


class RdfSyntaxError(InputError):
    """An RDF file is malformed."""


class ValidationFailedError(EitkgError):
    """Data does not conform to the shapes; ``report`` holds the details."""

    def __init__(self, message: str, report: Any) -> None:
        super().__init__(message)
        self.report = report


class InconsistentOntologyError(EitkgError):
    """The reasoner found the ontology inconsistent or some classes unsatisfiable."""

    def __init__(self, message: str, unsatisfiable: list[str]) -> None:
        super().__init__(message)
        self.unsatisfiable = unsatisfiable


class ConflictError(EitkgError):
    """The operation contradicts the current state."""


class QueryLimitError(EitkgError):
    """A query went past one of the service limits."""


class QueryTimeoutError(QueryLimitError):
    """The query ran longer than its time limit."""

    def __init__(self, timeout_s: float) -> None:
        super().__init__(
            f"the query ran longer than the {timeout_s:g} s limit and was stopped; "
            "make it more selective or add a LIMIT"
        )
        self.timeout_s = timeout_s


class ResultTooLargeError(QueryLimitError):
    """The result has more rows (or triples) than the cap."""

    def __init__(self, max_rows: int) -> None:
        super().__init__(
            f"the result has more than {max_rows} rows (or triples), the most one query may "
            "return; add LIMIT and OFFSET to read it in pages"
        )
        self.max_rows = max_rows


class ServiceBusyError(QueryLimitError):
    """No evaluation slot freed up in time, or too many runaway queries are still running."""


class StoreError(EitkgError):
    """The store failed."""


class StoreUnavailableError(StoreError):
    """The store cannot be reached or opened."""
