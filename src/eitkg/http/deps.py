"""Typed dependencies read from ``app.state``: nothing global."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from eitkg.config import Settings
from eitkg.http.auth import is_curator, require_curator
from eitkg.queries import QueryCatalogue
from eitkg.store import Store


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def get_catalogue(request: Request) -> QueryCatalogue:
    catalogue: QueryCatalogue = request.app.state.catalogue
    return catalogue


def get_is_curator(request: Request, settings: Annotated[Settings, Depends(get_settings)]) -> bool:
    return is_curator(request, settings)


def get_curator(request: Request, settings: Annotated[Settings, Depends(get_settings)]) -> None:
    require_curator(request, settings)


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[Store, Depends(get_store)]
CatalogueDep = Annotated[QueryCatalogue, Depends(get_catalogue)]
IsCuratorDep = Annotated[bool, Depends(get_is_curator)]
CuratorDep = Annotated[None, Depends(get_curator)]
