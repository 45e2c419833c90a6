"""Curator credential: a bearer token the operator configured. Reading needs none."""

from __future__ import annotations

import secrets

from fastapi import Request

from eitkg.config import Settings
from eitkg.http.problems import HttpProblem


def is_curator(request: Request, settings: Settings) -> bool:
    """Whether the request carries a valid curator token (compared in constant time)."""
    return authorizes_curator(request.headers.get("authorization", ""), settings)


def authorizes_curator(authorization: str, settings: Settings) -> bool:
    """Whether an ``Authorization`` header value holds a curator bearer token."""
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        return False
    return any(secrets.compare_digest(token.strip(), t) for t in settings.curator_tokens)


def require_curator(request: Request, settings: Settings) -> None:
    """Refuse the request unless it carries a curator token."""
    if not is_curator(request, settings):
        raise HttpProblem(
            401,
            "Curator credential required",
            "Writing needs a curator bearer token (Authorization: Bearer …). "
            "Il faut un jeton de curateur pour écrire.",
            code="unauthorized",
            headers={"WWW-Authenticate": 'Bearer realm="eitkg"'},
        )
