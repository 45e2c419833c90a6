"""Pick the store from the settings."""

from __future__ import annotations

from eitkg.config import Settings
from eitkg.store.base import Store
from eitkg.store.local import OxigraphStore


def open_store(settings: Settings) -> Store:
    """The store the settings name: on disk at ``settings.store``, else in memory."""
    return OxigraphStore(settings.store)
