"""Real SPARQL clients against the real server (uvicorn on 127.0.0.1, the seeded demo store).

SPARQLWrapper, rdflib's SPARQLStore and roqet (Debian's rasqal-utils) each read what the demo
territory holds. roqet 0.9.33 in protocol mode always asks for SPARQL XML results and reads
the answer as variable bindings, whatever the query form: it is exercised with SELECT.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from xml.dom.minidom import Document, Text

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, TURTLE, XML, SPARQLWrapper

from ..conftest import BASE, CURATOR_TOKEN

EIT = "https://w3id.org/eitkg/ontology#"
PARKS_QUERY = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX eit: <https://w3id.org/eitkg/ontology#>
SELECT ?park ?label WHERE { ?park a eit:IndustrialPark ; skos:prefLabel ?label }
ORDER BY ?label
"""
PARKS = [
    ("inspira", "Inspira"),
    ("parc-industriel-de-la-plaine-de-l-ain", "Parc Industriel de la Plaine de l'Ain"),
    ("plateforme-chimique-des-roches-roussillon", "Plateforme chimique des Roches-Roussillon"),
    ("vallee-de-la-chimie", "Vallée de la chimie"),
]
PARK_ROWS = [(f"{BASE}id/actor/{slug}", label) for slug, label in PARKS]
#: Asks for the label of a flow kept in the demo's confidential graph.
CONFIDENTIAL_ASK = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
ASK { ?flow rdfs:label "Acétone usagée en mélange aqueux"@fr }
"""


def _wrapper(live_server: str, query: str, fmt: str) -> SPARQLWrapper:
    sparql = SPARQLWrapper(live_server + "sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    sparql.setTimeout(30)
    return sparql


def test_sparqlwrapper_json(live_server: str) -> None:
    result = _wrapper(live_server, PARKS_QUERY, JSON).queryAndConvert()
    assert isinstance(result, dict)
    assert result["head"]["vars"] == ["park", "label"]
    rows = [(b["park"]["value"], b["label"]["value"]) for b in result["results"]["bindings"]]
    assert rows == PARK_ROWS


def test_sparqlwrapper_xml(live_server: str) -> None:
    document = _wrapper(live_server, PARKS_QUERY, XML).queryAndConvert()
    assert isinstance(document, Document)
    rows = []
    for result in document.getElementsByTagName("result"):
        values = {
            b.getAttribute("name"): "".join(
                t.data for t in b.getElementsByTagName("*")[0].childNodes if isinstance(t, Text)
            )
            for b in result.getElementsByTagName("binding")
        }
        rows.append((values["park"], values["label"]))
    assert rows == PARK_ROWS


def test_sparqlwrapper_csv(live_server: str) -> None:
    body = _wrapper(live_server, PARKS_QUERY, CSV).queryAndConvert()
    assert isinstance(body, bytes)
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    assert rows[0] == ["park", "label"]
    assert [tuple(r) for r in rows[1:]] == PARK_ROWS


def test_sparqlwrapper_construct(live_server: str) -> None:
    query = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    CONSTRUCT { ?park skos:prefLabel ?label }
    WHERE { ?park a <https://w3id.org/eitkg/ontology#IndustrialPark> ; skos:prefLabel ?label }"""
    body = _wrapper(live_server, query, TURTLE).queryAndConvert()
    assert isinstance(body, bytes)
    graph = Graph().parse(data=body, format="turtle")
    assert sorted((str(s), str(o)) for s, _, o in graph) == PARK_ROWS
    assert all(p == SKOS.prefLabel for p in graph.predicates())
    answer = _wrapper(live_server, query, XML).query()  # asks for RDF/XML
    assert answer.response.headers["content-type"].startswith("application/rdf+xml")
    rdfxml = Graph().parse(data=answer.response.read(), format="xml")
    assert sorted((str(s), str(o)) for s, _, o in rdfxml) == PARK_ROWS


def test_sparqlwrapper_ask_hides_confidential_data_from_anonymous(live_server: str) -> None:
    anonymous = _wrapper(live_server, CONFIDENTIAL_ASK, JSON).queryAndConvert()
    assert isinstance(anonymous, dict) and anonymous["boolean"] is False
    curator = _wrapper(live_server, CONFIDENTIAL_ASK, JSON)
    curator.addCustomHttpHeader("Authorization", f"Bearer {CURATOR_TOKEN}")
    answer = curator.queryAndConvert()
    assert isinstance(answer, dict) and answer["boolean"] is True


def test_rdflib_sparqlstore(live_server: str) -> None:
    store = SPARQLStore(live_server + "sparql", returnFormat="xml")
    graph = Graph(store=store)
    rows = [(str(r[0]), str(r[1])) for r in graph.query(PARKS_QUERY)]  # type: ignore[index]
    assert rows == PARK_ROWS
    park = URIRef(PARK_ROWS[0][0])
    assert (park, RDF.type, URIRef(EIT + "IndustrialPark")) in graph
    assert list(graph.objects(park, SKOS.prefLabel)) == [Literal("Inspira", lang="fr")]
    asked = graph.query("ASK { ?park a <https://w3id.org/eitkg/ontology#IndustrialPark> }")
    assert asked.askAnswer is True
    store.close()


def test_roqet(live_server: str) -> None:
    roqet = shutil.which("roqet")
    if roqet is None:
        pytest.fail(
            "roqet is missing: run tools/install_system_deps.sh (Debian package rasqal-utils)"
        )
    done = subprocess.run(
        [roqet, "-q", "-p", live_server + "sparql", "-e", PARKS_QUERY, "-r", "csv"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(done.stdout)))
    assert rows[0] == ["park", "label"]
    assert [tuple(r) for r in rows[1:]] == PARK_ROWS
