"""``create_app(settings, store=...)``: the whole service, no import-time globals."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI

from eitkg import __version__
from eitkg.config import Settings
from eitkg.errors import EitkgError
from eitkg.http.cache import ResponseCache, ResponseCacheMiddleware
from eitkg.http.problems import HttpProblem, handle_eitkg_error, handle_http_problem
from eitkg.queries import load_catalogue
from eitkg.resources import queries_dir
from eitkg.store import Store, open_store


def create_app(settings: Settings, *, store: Store | None = None) -> FastAPI:
    """Build the service on ``store`` (or the one the settings name, opened at startup)."""
    owns_store = store is None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if app.state.store is None:
            app.state.store = open_store(settings)
        try:
            yield
        finally:
            if owns_store and app.state.store is not None:
                app.state.store.close()
                app.state.store = None

    app = FastAPI(
        title="eitkg",
        version=__version__,
        description="Knowledge graph for industrial and territorial ecology (EIT).",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store = store
    app.state.catalogue = load_catalogue(queries_dir())
    app.state.response_cache = ResponseCache(max_entries=settings.response_cache_entries)
    if settings.response_cache_entries:
        app.add_middleware(
            ResponseCacheMiddleware, cache=app.state.response_cache, settings=settings
        )
    app.add_exception_handler(EitkgError, handle_eitkg_error)
    app.add_exception_handler(HttpProblem, handle_http_problem)
    for router in _routers():
        app.include_router(router)
    return app


def _routers() -> list[APIRouter]:
    # Imported here so that building the app is the only thing that loads the routes.
    from eitkg.http.routes import ROUTERS

    return list(ROUTERS)
