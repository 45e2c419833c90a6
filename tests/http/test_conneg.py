"""Content negotiation: the pure functions as a table, then their use on real requests."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from eitkg.http.conneg import negotiate, negotiate_language, parse_accept, vary_and_links
from eitkg.http.links import LocalLinks, split_extension
from eitkg.http.representations import FORMAT_ALIASES, RESOURCE_MEDIA_TYPES, not_modified

HTML, TTL, JSONLD, NT, XML, JSON = RESOURCE_MEDIA_TYPES


@pytest.mark.parametrize(
    ("accept", "requested", "expected"),
    [
        (None, None, HTML),
        ("", None, HTML),
        ("*/*", None, HTML),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", None, HTML),
        ("text/turtle", None, TTL),
        ("application/ld+json", None, JSONLD),
        ("application/n-triples", None, NT),
        ("application/rdf+xml", None, XML),
        ("application/json", None, JSON),
        ("text/*", None, HTML),
        ("application/*", None, JSONLD),
        ("application/ld+json;q=0.5, text/turtle;q=0.9", None, TTL),
        ("text/turtle;q=0, */*;q=0.1", None, HTML),
        ("image/png", None, None),
        ("text/html;q=0", None, None),
        ("image/png", "ttl", TTL),  # an explicit choice wins over Accept
        ("text/turtle", "jsonld", JSONLD),
        (None, "nt", NT),
        (None, "rdf", XML),
        (None, "application/n-triples", NT),
        (None, "csv", None),  # an explicit choice that is not available: 406
    ],
)
def test_negotiate_table(accept: str | None, requested: str | None, expected: str | None) -> None:
    assert (
        negotiate(
            accept, RESOURCE_MEDIA_TYPES, default=HTML, requested=requested, aliases=FORMAT_ALIASES
        )
        == expected
    )


def test_parse_accept_orders_by_quality_then_specificity() -> None:
    ranges = parse_accept(
        "*/*;q=0.8, text/*;q=0.8, text/turtle;charset=utf-8, application/ld+json;q=0.9"
    )
    assert [(r.type, r.subtype, r.q) for r in ranges] == [
        ("text", "turtle", 1.0),
        ("application", "ld+json", 0.9),
        ("text", "*", 0.8),
        ("*", "*", 0.8),
    ]
    assert ranges[0].params == (("charset", "utf-8"),)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, "fr"),
        ("en", "en"),
        ("en-GB,en;q=0.9,fr;q=0.8", "en"),
        ("fr-CA, en;q=0.5", "fr"),
        ("de-DE, en;q=0.3", "en"),
        ("de", "fr"),
        ("*", "fr"),
        ("en;q=0, fr;q=0.1", "fr"),
    ],
)
def test_negotiate_language(header: str | None, expected: str) -> None:
    assert negotiate_language(header, ("fr", "en"), default="fr") == expected


def test_vary_and_links() -> None:
    headers = vary_and_links(
        {TTL: "/a.ttl", HTML: "/a.html"}, TTL, vary=("Accept", "Accept-Language")
    )
    assert headers == {
        "Vary": "Accept, Accept-Language",
        "Link": '</a.ttl>; rel="self"; type="text/turtle", '
        '</a.html>; rel="alternate"; type="text/html"',
    }


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("actor/552081317.ttl", ("actor/552081317", "ttl")),
        ("actor/552081317.JSONLD", ("actor/552081317", "jsonld")),
        ("flow/demo/x.rdf", ("flow/demo/x", "rdf")),
        ("naf/20.14Z", ("naf/20.14Z", None)),  # a dot that is not an extension
        ("ewc/010304", ("ewc/010304", None)),
        ("a.b/c", ("a.b/c", None)),
    ],
)
def test_split_extension(path: str, expected: tuple[str, str | None]) -> None:
    assert split_extension(path) == expected


def test_local_links() -> None:
    links = LocalLinks("https://eit.example.org/kg/", "/kg")
    assert links.url_for("https://eit.example.org/kg/id/site/1") == "/kg/id/site/1"
    assert links.url_for("https://w3id.org/eitkg/ontology") == "/kg/def/ontology"
    assert links.url_for("https://w3id.org/eitkg/ontology#Site") == "/kg/def/ontology#Site"
    assert links.url_for("https://w3id.org/eitkg/vocab/naf/20.14Z") == "/kg/def/vocab/naf/20.14Z"
    assert (
        links.url_for("http://www.w3.org/ns/org#Site")
        == "/kg/resource?iri=http%3A%2F%2Fwww.w3.org%2Fns%2Forg%23Site"
    )
    assert (
        links.alternates("https://eit.example.org/kg/id/site/1", "/kg/id/site/1")["text/turtle"]
        == "/kg/id/site/1.ttl"
    )


def test_if_none_match() -> None:
    assert not_modified('"a"', '"a"')
    assert not_modified('W/"a"', '"a"')
    assert not_modified('"b", "a"', '"a"')
    assert not_modified("*", '"a"')
    assert not not_modified('"b"', '"a"')
    assert not not_modified(None, '"a"')


@pytest.mark.parametrize(
    ("accept", "query", "content_type", "marker"),
    [
        ("text/html", "", "text/html; charset=utf-8", "<!DOCTYPE html>"),
        ("text/turtle", "", "text/turtle; charset=utf-8", "@prefix skos:"),
        ("application/ld+json", "", "application/ld+json; charset=utf-8", '"@context"'),
        (
            "application/n-triples",
            "",
            "application/n-triples; charset=utf-8",
            "<https://w3id.org/eitkg/vocab/ewc/010304> <",
        ),
        ("application/rdf+xml", "", "application/rdf+xml", "<rdf:RDF"),
        ("text/html", "?format=ttl", "text/turtle; charset=utf-8", "@prefix skos:"),
        ("text/turtle", "?_mediatype=application/rdf%2Bxml", "application/rdf+xml", "<rdf:RDF"),
    ],
)
def test_concept_in_each_representation(
    client: TestClient, accept: str, query: str, content_type: str, marker: str
) -> None:
    response = client.get("/def/vocab/ewc/010304" + query, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"] == content_type
    assert marker in response.text
    assert "010304" in response.text
    assert "Accept" in response.headers["vary"]
