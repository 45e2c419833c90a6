"""Fixtures for the vocabulary tests: every data/vocab file in one real pyoxigraph store."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest
from vocab_helpers import GENERATED, HAND_AUTHORED, REPO, VOCAB_DIR, Vocab

from eitkg.namespaces import eitg
from eitkg.rdf.io import RdfSource
from eitkg.store import OxigraphStore


@pytest.fixture(scope="session")
def vocab() -> Vocab:
    store = OxigraphStore()
    for name in (*GENERATED, *HAND_AUTHORED):
        path = VOCAB_DIR / f"{name}.ttl"
        store.load([RdfSource.from_path(path)], graph=eitg(f"vocab/{name}"))
    return Vocab(store)


@pytest.fixture(scope="session")
def build_vocab() -> ModuleType:
    """tools/build_vocab.py, imported as a module."""
    path = REPO / "tools" / "build_vocab.py"
    spec = importlib.util.spec_from_file_location("eitkg_tools_build_vocab", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
