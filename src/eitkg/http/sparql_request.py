"""Read a SPARQL 1.1 Protocol request: the operation text and its dataset parameters.

Three ways in (Protocol §2.1 and §2.2): GET with ``?query=``; POST form-encoded
(``application/x-www-form-urlencoded``, parameters in the body and the URL); POST with the
text as the body (``application/sparql-query`` or ``application/sparql-update``), parameters in
the URL. Bodies must be UTF-8. Anything else is refused with 4xx and a problem+json body.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qsl

from fastapi import Request

from eitkg.http.problems import HttpProblem

FORM = "application/x-www-form-urlencoded"
QUERY_BODY = "application/sparql-query"
UPDATE_BODY = "application/sparql-update"

Operation = Literal["query", "update"]

#: Protocol parameters that name the dataset, for queries and for updates.
DATASET_PARAMS: dict[Operation, tuple[str, str]] = {
    "query": ("default-graph-uri", "named-graph-uri"),
    "update": ("using-graph-uri", "using-named-graph-uri"),
}


@dataclass(frozen=True)
class ProtocolRequest:
    """What a protocol request asks: the text (``None``: none given) and its parameters."""

    text: str | None
    default_graphs: tuple[str, ...]
    named_graphs: tuple[str, ...]
    params: tuple[tuple[str, str], ...]

    def param(self, name: str) -> str | None:
        """The last value of a parameter, if given."""
        values = [v for k, v in self.params if k == name]
        return values[-1] if values else None


def media_type_of(content_type: str | None) -> tuple[str | None, str | None]:
    """The media type and charset of a ``Content-Type`` header, lower-cased.

    >>> media_type_of("application/sparql-query; charset=UTF-16")
    ('application/sparql-query', 'utf-16')
    >>> media_type_of(None)
    (None, None)
    """
    if not content_type or not content_type.strip():
        return None, None
    media_type, *params = (part.strip() for part in content_type.split(";"))
    charset = None
    for param in params:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return media_type.lower(), charset


def require_utf8(charset: str | None) -> None:
    """Refuse a body declared in another encoding than UTF-8 (415)."""
    if charset not in (None, "utf-8", "utf8"):
        raise HttpProblem(
            415,
            "Unsupported charset",
            f"bodies must be UTF-8, not {charset}",
            code="unsupported-media-type",
        )


async def read_body(request: Request, max_bytes: int) -> bytes:
    """The request body, refused with 413 beyond ``max_bytes``."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise _too_large(max_bytes)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_bytes:
            raise _too_large(max_bytes)
        chunks.append(chunk)
    return b"".join(chunks)


async def read_protocol_request(
    request: Request, operation: Operation, *, max_bytes: int
) -> ProtocolRequest:
    """Parse a query or update request; raises :class:`HttpProblem` (400, 413, 415)."""
    url_params = list(request.query_params.multi_items())
    if request.method == "GET":
        if operation == "query" and any(k == "update" for k, _ in url_params):
            raise _update_here()
        return _build(operation, _single(url_params, operation), url_params)
    media_type, charset = media_type_of(request.headers.get("content-type"))
    body_type = QUERY_BODY if operation == "query" else UPDATE_BODY
    if media_type not in (FORM, body_type):
        raise HttpProblem(
            415,
            "Unsupported media type",
            f"POST a {operation} as {FORM} (with '{operation}=') or as {body_type}, "
            f"not {media_type or 'a body without Content-Type'}",
            code="unsupported-media-type",
        )
    require_utf8(charset)
    body = _decode(await read_body(request, max_bytes))
    if media_type == FORM:
        try:
            form = parse_qsl(body, keep_blank_values=True, errors="strict")
        except UnicodeDecodeError as error:
            raise _not_utf8(error) from error
        params = url_params + form
        if operation == "query" and any(k == "update" for k, _ in params):
            raise _update_here()
        text = _single(params, operation)
        if text is None:
            raise HttpProblem(
                400, f"No {operation}", f"the form has no '{operation}' field", code="bad-request"
            )
        return _build(operation, text, params)
    if _single(url_params, operation) is not None:
        raise HttpProblem(
            400,
            f"Two {operation} texts",
            f"give the {operation} either in the body or in the URL, not both",
            code="bad-request",
        )
    return _build(operation, body, url_params)


def _build(
    operation: Operation, text: str | None, params: Sequence[tuple[str, str]]
) -> ProtocolRequest:
    default_key, named_key = DATASET_PARAMS[operation]
    return ProtocolRequest(
        text=text,
        default_graphs=tuple(v for k, v in params if k == default_key),
        named_graphs=tuple(v for k, v in params if k == named_key),
        params=tuple(params),
    )


def _single(params: Sequence[tuple[str, str]], name: str) -> str | None:
    values = [v for k, v in params if k == name]
    if len(values) > 1:
        raise HttpProblem(
            400,
            f"More than one {name}",
            f"the request carries {len(values)} '{name}' parameters; send exactly one",
            code="bad-request",
        )
    return values[0] if values else None


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _not_utf8(error) from error


def _not_utf8(error: UnicodeDecodeError) -> HttpProblem:
    return HttpProblem(
        400, "Body is not UTF-8", f"cannot decode the body as UTF-8: {error}", code="bad-encoding"
    )


def _update_here() -> HttpProblem:
    return HttpProblem(
        400,
        "Updates are not accepted here",
        "/sparql is read-only; POST updates to /sparql/update with a curator token",
        code="read-only",
    )


def _too_large(max_bytes: int) -> HttpProblem:
    return HttpProblem(
        413,
        "Request body too large",
        f"the body exceeds {max_bytes} bytes (max_upload_bytes)",
        code="too-large",
    )
