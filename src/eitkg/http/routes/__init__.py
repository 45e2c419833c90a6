"""The routers of the service, in the order they are matched."""

from __future__ import annotations

from fastapi import APIRouter

ROUTERS: list[APIRouter] = []
