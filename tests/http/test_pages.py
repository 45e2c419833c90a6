"""HTML pages: resource pages in French and English, maps, landing page, query editor."""

from __future__ import annotations

import html
import json
import re

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape
from pyoxigraph import Literal, NamedNode, Quad

from eitkg.config import Settings
from eitkg.http import create_app
from eitkg.http.templating import STATIC_DIR
from eitkg.namespaces import EIT, RDF, SKOS
from eitkg.store import OxigraphStore

from ..conftest import BASE
from .ld_facts import label_of, located_actor, public_count, secret_flow


def esc(text: str) -> str:
    """HTML-escaped as the pages escape (markupsafe, as Jinja's autoescape)."""
    return str(escape(text))


def path_of(iri: str) -> str:
    return "/" + iri[len(BASE) :]


def map_points(page: str) -> list[dict[str, object]]:
    match = re.search(r'data-points="([^"]*)"', page)
    assert match, "the page has a map"
    points: list[dict[str, object]] = json.loads(html.unescape(match.group(1)))
    return points


def test_resource_page_in_french_and_english(
    client: TestClient, seeded_store: OxigraphStore
) -> None:
    actor = located_actor(seeded_store)
    french = client.get(
        path_of(actor.iri), headers={"Accept": "text/html", "Accept-Language": "fr-FR,fr;q=0.9"}
    )
    assert french.headers["content-language"] == "fr"
    assert '<html lang="fr">' in french.text
    assert f"<h1>{esc(actor.label_fr)}</h1>" in french.text
    assert ">entreprise</a>" in french.text  # its class, labelled from the ontology
    assert "Ressources qui pointent ici" in french.text

    english = client.get(
        path_of(actor.iri), headers={"Accept": "text/html", "Accept-Language": "en"}
    )
    assert english.headers["content-language"] == "en"
    assert f"<h1>{esc(actor.label_en)}</h1>" in english.text
    assert ">company</a>" in english.text
    assert "Resources pointing here" in english.text
    assert english.headers["etag"] != french.headers["etag"]
    assert "Accept-Language" in english.headers["vary"]

    # ?lang= overrides the header (the FR/EN switch of every page).
    assert (
        f"<h1>{esc(actor.label_en)}</h1>"
        in client.get(path_of(actor.iri) + "?lang=en", headers={"Accept-Language": "fr"}).text
    )


def test_resource_page_links_to_related_resources(
    client: TestClient, seeded_store: OxigraphStore
) -> None:
    actor = located_actor(seeded_store)
    page = client.get(path_of(actor.iri), headers={"Accept": "text/html"}).text
    park_label = label_of(seeded_store, actor.park, "fr")
    assert f'<a href="{path_of(actor.park)}" title="{actor.park}">{esc(park_label)}</a>' in page
    assert f'href="{path_of(actor.site)}"' in page
    assert 'href="/def/vocab/naf/' in page  # its NAF activity, on this server
    assert 'href="/def/ontology#nafActivity"' in page  # the property, in the ontology document
    for ext in ("ttl", "jsonld", "nt", "rdf"):
        assert f'href="http://localhost:8000{path_of(actor.iri)}.{ext}"' in page


def test_site_page_has_a_map_of_the_site_and_its_territory(
    client: TestClient, seeded_store: OxigraphStore
) -> None:
    actor = located_actor(seeded_store)
    page = client.get(
        path_of(actor.site), headers={"Accept": "text/html", "Accept-Language": "fr"}
    ).text
    points = map_points(page)
    own = [p for p in points if p["own"]]
    assert own == [
        {
            "lat": float(actor.lat),
            "long": float(actor.long),
            "label": actor.label_fr,
            "url": path_of(actor.site),
            "own": True,
        }
    ]
    # The other sites of the same industrial park are on the map too.
    park_sites = {
        q.subject.value
        for q in seeded_store.quads()
        if q.predicate.value == EIT + "inPark"
        and q.object == NamedNode(actor.park)
        and q.subject.value.startswith(BASE + "id/site/")
    }
    assert {str(p["url"]) for p in points} == {path_of(s) for s in park_sites}
    # Readable without JavaScript or tiles: the coordinates are in the page as text.
    assert f'<td class="lat">{float(actor.lat)}</td>' in page
    assert f'<td class="long">{float(actor.long)}</td>' in page
    assert 'data-tiles="https://tile.openstreetmap.org/{z}/{x}/{y}.png"' in page
    assert '<script src="/static/leaflet/leaflet.js"></script>' in page
    assert not re.search(r'<script[^>]+src="https?://', page)  # no CDN


def test_tile_source_comes_from_the_settings(seeded_store: OxigraphStore) -> None:
    actor = located_actor(seeded_store)
    settings = Settings(
        base_iri=BASE,
        tile_url="https://tiles.example.org/{z}/{x}/{y}.png",
        tile_attribution="Example tiles",
    )
    with TestClient(
        create_app(settings, store=seeded_store), base_url="http://localhost:8000"
    ) as client:
        page = client.get(path_of(actor.site), headers={"Accept": "text/html"}).text
    assert 'data-tiles="https://tiles.example.org/{z}/{x}/{y}.png"' in page
    assert 'data-attribution="Example tiles"' in page


def test_values_are_escaped(write_client: TestClient, fresh_store: OxigraphStore) -> None:
    evil = NamedNode(BASE + "id/actor/evil")
    graph = NamedNode(BASE + "graph/dataset/demo")
    fresh_store.extend(
        [
            Quad(evil, NamedNode(RDF + "type"), NamedNode(EIT + "Company"), graph),
            Quad(
                evil,
                NamedNode(SKOS + "prefLabel"),
                Literal('<script>alert("x")</script>', language="fr"),
                graph,
            ),
        ]
    )
    page = write_client.get("/id/actor/evil", headers={"Accept": "text/html"}).text
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page


def test_confidential_flow_is_not_on_the_public_page(
    client: TestClient, seeded_store: OxigraphStore, curator_headers: dict[str, str]
) -> None:
    secret = secret_flow(seeded_store)
    public = client.get(path_of(secret.actor), headers={"Accept": "text/html"}).text
    assert esc(secret.label) not in public and path_of(secret.iri) not in public
    curator = client.get(
        path_of(secret.actor), headers={"Accept": "text/html", **curator_headers}
    ).text
    assert esc(secret.label) in curator and f'href="{path_of(secret.iri)}"' in curator


def test_landing_page_counts_public_data_only(
    client: TestClient, seeded_store: OxigraphStore, curator_headers: dict[str, str]
) -> None:
    availability = EIT + "Availability"
    expected = public_count(seeded_store, availability)
    total = len(
        {
            q.subject
            for q in seeded_store.quads()
            if q.predicate.value == RDF + "type" and q.object == NamedNode(availability)
        }
    )
    assert expected < total  # the demo has confidential availabilities
    page = client.get("/", headers={"Accept": "text/html", "Accept-Language": "fr"}).text
    assert "Ce que contient le graphe" in page
    assert re.search(
        rf'<tr data-class="{re.escape(availability)}"><td><a href="/def/ontology#Availability"'
        rf'[^>]*>disponibilité</a></td><td class="number">{expected}</td>',
        page,
    )
    for link in (
        "/query",
        "/queries",
        "/catalog",
        "/.well-known/void",
        "/dumps/public.nq.gz",
        "/def/ontology",
        "/sparql",
    ):
        assert f'href="{link}"' in page
    assert "/confidential" not in page
    assert "Parc Industriel de la Plaine de l&#39;Ain" in page

    data = client.get("/", headers={"Accept": "application/json", **curator_headers}).json()
    assert data["classes"][availability] == expected  # a curator token does not change the counts
    assert not [g for g in data["graphs"] if g.endswith("/confidential")]
    assert data["graphs"][BASE + "graph/dataset/demo"] > 1000


def test_query_editor_is_bundled_and_preloaded(client: TestClient) -> None:
    page = client.get("/query", headers={"Accept-Language": "en"}).text
    assert '<link rel="stylesheet" href="/static/yasgui/yasgui.min.css">' in page
    assert '<script src="/static/yasgui/yasgui.min.js"></script>' in page
    assert not re.search(
        r'(src|href)="https?://', page.split("<main>")[0] + page.split("</main>")[1]
    )
    config_text = re.search(
        r'<script id="eitkg-query-config" type="application/json">(.*?)</script>', page, re.S
    )
    assert config_text
    config = json.loads(config_text.group(1))
    assert config["endpoint"] == "http://localhost:8000/sparql"
    names = [tab["name"] for tab in config["tabs"]]
    assert "flows/by_category" in names and "synergy/substitution_candidates" in names
    by_category = next(tab for tab in config["tabs"] if tab["name"] == "flows/by_category")
    assert "# REST: /queries/flows/by_category" in by_category["query"]
    assert "?category" in by_category["query"]


def test_static_files_are_served_and_confined(client: TestClient) -> None:
    script = client.get("/static/yasgui/yasgui.min.js")
    assert script.status_code == 200
    assert script.headers["content-type"].startswith(("application/javascript", "text/javascript"))
    assert len(script.content) == (STATIC_DIR / "yasgui" / "yasgui.min.js").stat().st_size
    assert client.get("/static/leaflet/leaflet.css").text.startswith("/*")
    assert client.get("/static/..%2F..%2Fconfig.py").status_code == 404
    assert client.get("/static/nothing.js").status_code == 404


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_catalogue_and_vocabulary_pages_in_both_languages(client: TestClient, lang: str) -> None:
    catalog = client.get("/catalog", headers={"Accept": "text/html", "Accept-Language": lang}).text
    title = {
        "fr": "Catalogue eitkg : écologie industrielle et territoriale",
        "en": "eitkg catalogue: industrial and territorial ecology",
    }[lang]
    assert f"<h1>{title}</h1>" in catalog
    vocab = client.get("/def/vocab", headers={"Accept-Language": lang}).text
    assert {"fr": "Vocabulaires", "en": "Vocabularies"}[lang] in vocab
