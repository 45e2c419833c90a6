"""The named-query catalogue: ``queries/**/*.rq`` files with a ``#+`` YAML header."""

from eitkg.queries.binding import bind_parameters, run_named_query
from eitkg.queries.catalogue import QueryCatalogue, load_catalogue
from eitkg.queries.model import NamedQuery, QueryParam

__all__ = [
    "NamedQuery",
    "QueryCatalogue",
    "QueryParam",
    "bind_parameters",
    "load_catalogue",
    "run_named_query",
]
