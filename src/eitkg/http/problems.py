"""Errors as HTTP answers: one class → status table, one ``application/problem+json`` shape."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from eitkg import errors

#: Most specific first; the first match wins.
STATUS_BY_ERROR: tuple[tuple[type[Exception], int, str], ...] = (
    (errors.NotFoundError, 404, "not-found"),
    (errors.ParameterError, 400, "bad-parameter"),
    (errors.InvalidQueryError, 400, "invalid-query"),
    (errors.InputError, 400, "bad-input"),
    (errors.ValidationFailedError, 422, "validation-failed"),
    (errors.ConflictError, 409, "conflict"),
    (errors.QueryTimeoutError, 503, "query-timeout"),
    (errors.ResultTooLargeError, 422, "result-too-large"),
    (errors.ServiceBusyError, 503, "busy"),
    (errors.StoreUnavailableError, 503, "store-unavailable"),
    (errors.StoreError, 500, "store-error"),
    (errors.EitkgError, 500, "error"),
)


class HttpProblem(Exception):
    """An error raised inside ``eitkg.http`` with its own status."""

    def __init__(
        self,
        status: int,
        title: str,
        detail: str = "",
        *,
        code: str = "error",
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail or title)
        self.status = status
        self.title = title
        self.detail = detail
        self.code = code
        self.headers = headers or {}
        self.extra = extra or {}


def problem_response(
    status: int,
    title: str,
    detail: str = "",
    *,
    code: str = "error",
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> Response:
    body: dict[str, Any] = {
        "type": f"https://w3id.org/eitkg/problems/{code}",
        "title": title,
        "status": status,
        "detail": detail,
        **(extra or {}),
    }
    return JSONResponse(
        body, status_code=status, media_type="application/problem+json", headers=headers
    )


def status_for(error: Exception) -> tuple[int, str]:
    for cls, status, code in STATUS_BY_ERROR:
        if isinstance(error, cls):
            return status, code
    return 500, "error"


async def handle_eitkg_error(request: Request, error: Exception) -> Response:
    status, code = status_for(error)
    extra: dict[str, Any] = {}
    if isinstance(error, errors.InvalidQueryError) and error.line is not None:
        extra = {"line": error.line, "column": error.column}
    if isinstance(error, errors.LocatedError):
        extra = {"location": str(error.location)}
    headers = {"Retry-After": "5"} if isinstance(error, errors.ServiceBusyError) else None
    return problem_response(
        status, type(error).__name__, str(error), code=code, headers=headers, extra=extra
    )


async def handle_http_problem(request: Request, error: Exception) -> Response:
    assert isinstance(error, HttpProblem)
    return problem_response(
        error.status,
        error.title,
        error.detail,
        code=error.code,
        headers=error.headers,
        extra=error.extra,
    )
