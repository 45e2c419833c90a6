"""The store: one interface, an embedded pyoxigraph implementation, a remote one later."""

from eitkg.store.base import LoadSummary, QueryResult, Store
from eitkg.store.factory import open_store
from eitkg.store.local import OxigraphStore

__all__ = ["LoadSummary", "OxigraphStore", "QueryResult", "Store", "open_store"]
