"""In-process HTTP: the ASGI app through Starlette's TestClient (runs the lifespan)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from eitkg.config import Settings
from eitkg.http import create_app
from eitkg.store import OxigraphStore

from ..conftest import CURATOR_TOKEN


@pytest.fixture
def client(settings: Settings, seeded_store: OxigraphStore) -> Iterator[TestClient]:
    """A client on the shared seeded store (reads only)."""
    app = create_app(settings, store=seeded_store)
    with TestClient(app, base_url="http://localhost:8000") as c:
        yield c


@pytest.fixture
def write_client(settings: Settings, fresh_store: OxigraphStore) -> Iterator[TestClient]:
    """A client on a store of the test's own, for writes."""
    with TestClient(create_app(settings, store=fresh_store), base_url="http://localhost:8000") as c:
        yield c


@pytest.fixture
def curator_headers() -> dict[str, str]:
    return {"Authorization": f"Bearer {CURATOR_TOKEN}"}
