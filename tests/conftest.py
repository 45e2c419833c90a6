"""Shared fixtures: real stores, real settings, the app in process and on a real socket."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from eitkg.config import Settings
from eitkg.store import OxigraphStore
from eitkg.store.seed import seed_store

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
BASE = "http://localhost:8000/"
CURATOR_TOKEN = "test-curator-token"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings(base_iri=BASE, curator_tokens=(CURATOR_TOKEN,))


@pytest.fixture(scope="session")
def seeded_store(settings: Settings) -> OxigraphStore:
    """Ontology, vocabularies, shapes and the demo territory, in memory. Read-only by convention:
    tests that write use ``fresh_store``."""
    store = OxigraphStore()
    seed_store(store, settings.base_iri, demo=True)
    return store


@pytest.fixture
def fresh_store(settings: Settings) -> OxigraphStore:
    """A seeded in-memory store of the test's own, to write to."""
    store = OxigraphStore()
    seed_store(store, settings.base_iri, demo=True)
    return store


@pytest.fixture
def empty_store() -> OxigraphStore:
    return OxigraphStore()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def live_server(seeded_store: OxigraphStore) -> Iterator[str]:
    """The service on a real uvicorn socket at 127.0.0.1, for real clients; yields its URL."""
    import uvicorn

    from eitkg.http import create_app

    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    live_settings = Settings(base_iri=BASE, curator_tokens=(CURATOR_TOKEN,))
    app = create_app(live_settings, store=seeded_store)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield url
    server.should_exit = True
    thread.join(timeout=10)
