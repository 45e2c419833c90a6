"""The SPARQL editor in a real headless Chromium: YASGUI runs a query against /sparql."""

from __future__ import annotations

import pytest
from pyoxigraph import Literal, QuerySolutions

from eitkg.store import OxigraphStore
from eitkg.store.graphs import visible_graphs

from .cdp import Chromium

pytestmark = pytest.mark.slow

PARK_QUERY = """PREFIX eit: <https://w3id.org/eitkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?park ?label WHERE { ?park a eit:IndustrialPark ; skos:prefLabel ?label }
ORDER BY ?label"""


def park_labels(store: OxigraphStore) -> list[str]:
    result = store.query(PARK_QUERY, default_graphs=visible_graphs(store, curator=False))
    assert isinstance(result, QuerySolutions)
    return [row["label"].value for row in result if isinstance(row["label"], Literal)]


def test_yasgui_runs_a_query_and_shows_the_result_table(
    browser: Chromium, live_server: str, seeded_store: OxigraphStore
) -> None:
    browser.navigate(live_server + "query")
    browser.wait_for("document.querySelector('#yasgui[data-ready=true] .CodeMirror') !== null")

    # The named queries of queries/ are there as tabs, next to the editor's own tab.
    tabs = browser.evaluate(
        "Array.from(document.querySelectorAll('.tabsList .tab a'))"
        ".map(a => a.firstChild.textContent.trim())"
    )
    assert "SPARQL" in tabs
    assert "actors/by_park" in tabs and "flows/by_category" in tabs

    # Type a query in the active tab and press YASQE's run button, as a person would.
    browser.evaluate(f"window.eitkgYasgui.getTab().getYasqe().setValue({PARK_QUERY!r})")
    browser.evaluate("document.querySelector('.tabPanel.active .yasqe_queryButton').click()")
    rows = browser.wait_for(
        """(() => {
          const cells = document.querySelectorAll('.tabPanel.active .yasr table tbody tr');
          return cells.length ? Array.from(cells).map(tr =>
            Array.from(tr.querySelectorAll('td')).map(td => td.textContent.trim())) : null;
        })()""",
        timeout=30,
    )
    expected = park_labels(seeded_store)
    assert expected, "the demo territory has industrial parks"
    shown = [" ".join(row) for row in rows]
    assert len(rows) == len(expected)
    for label, line in zip(expected, shown, strict=True):
        assert label in line
    headers = browser.evaluate(
        "Array.from(document.querySelectorAll('.tabPanel.active .yasr table thead th'))"
        ".map(th => th.textContent.trim())"
    )
    assert "park" in headers and "label" in headers
    assert not [m for m in browser.console if m.startswith("exception")]
