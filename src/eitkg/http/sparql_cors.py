"""CORS for reading: browsers on other origins may read SPARQL answers and public graphs.

Routes built with :class:`CorsRoute` add the CORS headers to every answer, errors included (so
that a web page can show the parser's message). Preflight (``OPTIONS``) allows only the reading
methods: cross-origin writes stay impossible from a browser.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Sequence
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute

from eitkg.config import Settings
from eitkg.errors import EitkgError
from eitkg.http.problems import HttpProblem, handle_eitkg_error, handle_http_problem

_EXPOSED = "Content-Type, Content-Length, Location, Vary"


def cors_headers(origin: str | None, allowed: Sequence[str]) -> dict[str, str]:
    """CORS response headers for a request from ``origin``.

    >>> cors_headers("https://a.example", ["*"])["Access-Control-Allow-Origin"]
    '*'
    >>> cors_headers("https://b.example", ["https://a.example"])
    {}
    """
    if "*" in allowed:
        return {"Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": _EXPOSED}
    if origin and origin in allowed:
        return {
            "Access-Control-Allow-Origin": origin,
            "Access-Control-Expose-Headers": _EXPOSED,
            "Vary": "Origin",
        }
    return {}


def preflight(request: Request, methods: Sequence[str]) -> Response:
    """The answer to a CORS preflight for a reading endpoint."""
    settings: Settings = request.app.state.settings
    headers = cors_headers(request.headers.get("origin"), settings.cors_origins)
    if headers:
        headers |= {
            "Access-Control-Allow-Methods": ", ".join(methods),
            "Access-Control-Allow-Headers": "Accept, Content-Type, Authorization",
            "Access-Control-Max-Age": "86400",
        }
    return Response(status_code=204, headers=headers | {"Allow": ", ".join(methods)})


class CorsRoute(APIRoute):
    """A route whose answers, errors included, carry the CORS headers."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()

        async def handler(request: Request) -> Response:
            try:
                response = await handle(request)
            except HttpProblem as problem:
                response = await handle_http_problem(request, problem)
            except EitkgError as error:
                response = await handle_eitkg_error(request, error)
            settings: Settings = request.app.state.settings
            for key, value in cors_headers(
                request.headers.get("origin"), settings.cors_origins
            ).items():
                if key == "Vary" and "vary" in response.headers:
                    value = response.headers["vary"] + ", " + value
                response.headers[key] = value
            return response

        return handler
