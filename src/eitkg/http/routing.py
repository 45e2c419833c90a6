"""Route helpers shared by the linked-data routers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import APIRouter

F = TypeVar("F", bound=Callable[..., Any])


def get_and_head(router: APIRouter, path: str, **options: Any) -> Callable[[F], F]:
    """Register a GET route and its HEAD twin (kept out of the OpenAPI document)."""

    def decorate(endpoint: F) -> F:
        router.head(path, include_in_schema=False)(endpoint)
        router.get(path, **options)(endpoint)
        return endpoint

    return decorate
