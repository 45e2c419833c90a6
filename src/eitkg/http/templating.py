"""Jinja2 pages: one environment per app (autoescape on), the reader's language, common context."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi import Request
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from eitkg import __version__
from eitkg.config import Settings
from eitkg.http.conneg import negotiate_language
from eitkg.http.i18n import LANGUAGES, message
from eitkg.http.links import LocalLinks

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
STATIC_DIR = Path(__file__).resolve().parent / "static"


def create_environment() -> Environment:
    """The page environment: templates shipped with the package, every value escaped."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=select_autoescape(["html", "xml"], default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["tojson_attr"] = _tojson_attr
    return env


def _tojson_attr(value: Any) -> Markup:
    # JSON for an HTML attribute: json.dumps, then escaped by Markup.escape (quotes, <, >, &).
    return Markup.escape(json.dumps(value, ensure_ascii=False))


def environment(request: Request) -> Environment:
    """The app's page environment, made on first use and kept in ``app.state``."""
    env: Environment | None = getattr(request.app.state, "page_environment", None)
    if env is None:
        env = create_environment()
        request.app.state.page_environment = env
    return env


def reader_language(request: Request, settings: Settings) -> str:
    """``?lang=`` if given and known, else the best of ``Accept-Language``, else the default."""
    asked = request.query_params.get("lang", "").lower()
    if asked in LANGUAGES:
        return asked
    return negotiate_language(
        request.headers.get("accept-language"), LANGUAGES, default=settings.lang
    )


def local_links(request: Request, settings: Settings) -> LocalLinks:
    """IRI → page URL for this request (honours the ASGI ``root_path`` behind a proxy)."""
    return LocalLinks(settings.base_iri, str(request.scope.get("root_path", "")).rstrip("/"))


def render_page(
    request: Request, settings: Settings, template: str, lang: str, **context: Any
) -> bytes:
    """Render one page to UTF-8 bytes with the common context (language, links, settings)."""
    links = local_links(request, settings)
    page = (
        environment(request)
        .get_template(template)
        .render(
            lang=lang,
            t=lambda key, **kw: message(key, lang).format(**kw) if kw else message(key, lang),
            root=links.root,
            links=links,
            settings=settings,
            version=__version__,
            request_path=request.url.path,
            **context,
        )
    )
    return page.encode("utf-8")
