"""A resource page in a real headless Chromium: content, links, map, with no tile server."""

from __future__ import annotations

import pytest
from pyoxigraph import NamedNode

from eitkg.store import OxigraphStore

from ..conftest import BASE
from .cdp import Chromium

pytestmark = pytest.mark.slow

ACTOR = "id/actor/553956368"
SITE = "id/site/55395636800797"


def test_actor_page_shows_labels_links_and_a_map(
    browser: Chromium, live_server: str, seeded_store: OxigraphStore
) -> None:
    actor = NamedNode(BASE + ACTOR)
    label_fr = next(
        q.object.value
        for q in seeded_store._store.quads_for_pattern(
            actor, NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"), None
        )
        if q.object.language == "fr"
    )
    browser.navigate(live_server + ACTOR + "?lang=fr")
    assert browser.evaluate("document.querySelector('h1').textContent.trim()") == label_fr
    assert browser.evaluate("document.documentElement.lang") == "fr"

    links = browser.evaluate(
        "Array.from(document.querySelectorAll('a')).map(a => a.getAttribute('href'))"
    )
    assert "/" + SITE in links  # its site
    assert "/id/actor/parc-industriel-de-la-plaine-de-l-ain" in links  # its park

    # Leaflet (bundled) drew the markers although no tile server can be reached from here.
    browser.wait_for("document.querySelector('#map[data-ready=true]') !== null")
    markers = browser.evaluate("document.querySelectorAll('#map path.leaflet-interactive').length")
    points = browser.evaluate("JSON.parse(document.getElementById('map').dataset.points).length")
    assert markers == points >= 2
    coordinates = browser.evaluate(
        "Array.from(document.querySelectorAll('table.points tr.own td'))"
        ".map(td => td.textContent.trim())"
    )
    assert "45.845655" in coordinates and "5.277682" in coordinates
    assert not [m for m in browser.console if m.startswith("exception")]


def test_page_in_english_by_accept_language(browser: Chromium, live_server: str) -> None:
    browser.call(
        "Network.setExtraHTTPHeaders",
        {"headers": {"Accept-Language": "en-GB,en;q=0.9"}},
        session=True,
    )
    browser.navigate(live_server + ACTOR)
    assert browser.evaluate("document.documentElement.lang") == "en"
    assert "(fictional)" in browser.evaluate("document.querySelector('h1').textContent")
    assert browser.evaluate("document.querySelector('section.map h2').textContent") == "Map"
