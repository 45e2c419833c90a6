"""The routers of the service, in the order they are matched."""

from __future__ import annotations

from fastapi import APIRouter

from eitkg.http.routes import (
    catalogue,
    curation,
    graph_store,
    pages,
    queries,
    resources,
    sparql,
    update,
)

ROUTERS: list[APIRouter] = [
    # Linked data, catalogue, pages and named queries.
    resources.router,
    catalogue.router,
    queries.router,
    pages.router,
    # SPARQL 1.1 Protocol: query, update and Graph Store.
    sparql.router,
    update.router,
    graph_store.router,
    # Curators' import gate.
    curation.router,
]
