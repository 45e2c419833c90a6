"""Content negotiation: one pure function, used by every endpoint.

Precedence: ``?_mediatype`` (or ``?format``) query parameter, then the URL extension, then
``Accept`` (with q-values and wildcards), then the default. ``None`` means 406.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class MediaRange:
    type: str
    subtype: str
    q: float
    params: tuple[tuple[str, str], ...] = ()

    def matches(self, media_type: str) -> bool:
        kind, _, sub = media_type.partition("/")
        return (self.type in ("*", kind)) and (self.subtype in ("*", sub))

    @property
    def specificity(self) -> int:
        return (self.type != "*") + (self.subtype != "*")


def parse_accept(header: str | None) -> list[MediaRange]:
    """Media ranges of an ``Accept`` header, highest preference first.

    >>> [(r.type, r.subtype, r.q) for r in parse_accept("text/html;q=0.9, text/turtle")]
    [('text', 'turtle', 1.0), ('text', 'html', 0.9)]
    """
    ranges: list[MediaRange] = []
    for part in (header or "").split(","):
        items = [p.strip() for p in part.split(";")]
        media = items[0].lower()
        if "/" not in media:
            continue
        kind, _, sub = media.partition("/")
        q = 1.0
        params = []
        for item in items[1:]:
            key, _, value = item.partition("=")
            key = key.strip().lower()
            if key == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
            elif key:
                params.append((key, value.strip().strip('"')))
        ranges.append(MediaRange(kind, sub, q, tuple(params)))
    return sorted(ranges, key=lambda r: (-r.q, -r.specificity))


def negotiate(
    accept: str | None,
    supported: Sequence[str],
    *,
    default: str,
    requested: str | None = None,
    aliases: dict[str, str] | None = None,
) -> str | None:
    """Pick a media type from ``supported``.

    ``requested`` is an explicit choice (query parameter or extension), resolved through
    ``aliases`` (``ttl`` → ``text/turtle``); it wins when supported, else nothing is acceptable.

    >>> supported = ["text/turtle", "application/ld+json", "text/html"]
    >>> negotiate("application/ld+json;q=0.9, text/turtle", supported, default="text/html")
    'text/turtle'
    >>> negotiate(None, supported, default="text/html")
    'text/html'
    >>> negotiate("*/*", supported, default="text/html")
    'text/html'
    >>> negotiate("image/png", supported, default="text/html") is None
    True
    >>> negotiate(None, supported, default="text/html", requested="ttl",
    ...           aliases={"ttl": "text/turtle"})
    'text/turtle'
    """
    if requested:
        wanted = (aliases or {}).get(requested.lower(), requested.lower())
        return wanted if wanted in supported else None
    ranges = parse_accept(accept)
    if not ranges:
        return default
    candidates = []
    for index, media_type in enumerate(supported):
        q, specificity = _quality(ranges, media_type)
        if q > 0:
            # Higher q wins; then the more specific range; then the default; then list order.
            candidates.append((q, specificity, media_type == default, -index, media_type))
    return max(candidates)[-1] if candidates else None


def _quality(ranges: Sequence[MediaRange], media_type: str) -> tuple[float, int]:
    matching = [r for r in ranges if r.matches(media_type)]
    if not matching:
        return 0.0, 0
    most_specific = max(matching, key=lambda r: r.specificity)
    return most_specific.q, most_specific.specificity


def vary_and_links(
    url_for_type: dict[str, str], chosen: str, *, vary: Sequence[str] = ("Accept",)
) -> dict[str, str]:
    """``Vary`` and ``Link`` headers: the chosen representation is ``self``, the others alternates.

    >>> headers = vary_and_links({"text/turtle": "/x.ttl", "text/html": "/x.html"}, "text/html")
    >>> headers["Vary"]
    'Accept'
    >>> headers["Link"]
    '</x.ttl>; rel="alternate"; type="text/turtle", </x.html>; rel="self"; type="text/html"'
    """
    links = [
        f'<{url}>; rel="{"self" if media_type == chosen else "alternate"}"; type="{media_type}"'
        for media_type, url in url_for_type.items()
    ]
    return {"Vary": ", ".join(vary), "Link": ", ".join(links)}


def negotiate_language(
    accept_language: str | None, supported: Sequence[str], *, default: str
) -> str:
    """The best of ``supported`` languages for an ``Accept-Language`` header, else ``default``.

    >>> negotiate_language("en-GB,en;q=0.9,fr;q=0.8", ["fr", "en"], default="fr")
    'en'
    >>> negotiate_language("de, *;q=0.1", ["fr", "en"], default="en")
    'en'
    >>> negotiate_language("de", ["fr", "en"], default="fr")
    'fr'
    """
    best: tuple[float, int, str] | None = None
    for index, part in enumerate((accept_language or "").split(",")):
        tag, _, rest = part.strip().partition(";")
        tag = tag.strip().lower()
        q = 1.0
        key, _, value = rest.strip().partition("=")
        if key.strip().lower() == "q":
            try:
                q = max(0.0, min(1.0, float(value)))
            except ValueError:
                q = 0.0
        if q <= 0 or not tag:
            continue
        if tag == "*":
            candidate = default
        else:
            primary = tag.split("-")[0]
            if primary not in supported:
                continue
            candidate = primary
        if best is None or (q, -index) > (best[0], best[1]):
            best = (q, -index, candidate)
    return best[2] if best else default
