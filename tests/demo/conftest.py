"""Fixtures for the demo territory tests: the vocabularies and demo.ttl in a real store."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pyoxigraph
import pytest

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "data" / "demo" / "demo.ttl"
VOCAB_DIR = REPO / "data" / "vocab"
BASE = "http://localhost:8000/"


@pytest.fixture(scope="session")
def make_demo() -> ModuleType:
    """tools/make_demo.py, imported as a module."""
    name = "eitkg_tools_make_demo"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, REPO / "tools" / "make_demo.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def demo_store() -> pyoxigraph.Store:
    """Every vocabulary and the committed demo.ttl, in the default graph, resolved at BASE."""
    store = pyoxigraph.Store()
    for path in sorted(VOCAB_DIR.glob("*.ttl")):
        store.load(path=path, format=pyoxigraph.RdfFormat.TURTLE)
    store.load(path=DEMO, format=pyoxigraph.RdfFormat.TURTLE, base_iri=BASE)
    return store
