"""The routers of the service, in the order they are matched."""

from __future__ import annotations

from fastapi import APIRouter

ROUTERS: list[APIRouter] = []

# Linked data, catalogue, pages and named queries (routes.{resources,catalogue,pages,queries}).
from eitkg.http.routes import catalogue as _catalogue  # noqa: E402
from eitkg.http.routes import pages as _pages  # noqa: E402
from eitkg.http.routes import queries as _queries  # noqa: E402
from eitkg.http.routes import resources as _resources  # noqa: E402

ROUTERS += [_resources.router, _catalogue.router, _queries.router, _pages.router]

# SPARQL 1.1 Protocol: query, update and Graph Store (routes.{sparql,update,graph_store}).
from eitkg.http.routes import graph_store as _graph_store  # noqa: E402
from eitkg.http.routes import sparql as _sparql  # noqa: E402
from eitkg.http.routes import update as _update  # noqa: E402

ROUTERS += [_sparql.router, _update.router, _graph_store.router]

# Curators' import gate (routes.curation).
from eitkg.http.routes import curation as _curation  # noqa: E402

ROUTERS += [_curation.router]
