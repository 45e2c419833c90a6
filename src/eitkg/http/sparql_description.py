"""The SPARQL 1.1 Service Description of ``/sparql``, built as triples (no SPARQL text)."""

from __future__ import annotations

from collections.abc import Sequence

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from eitkg.namespaces import RDF, RDFS
from eitkg.rdf.formats import RESULTS_SYNTAXES

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
ENTAILMENT_SIMPLE = "http://www.w3.org/ns/entailment/Simple"

#: W3C format IRIs (http://www.w3.org/ns/formats/) of what the endpoint writes.
_FORMAT_NAMES = {
    "json": "SPARQL_Results_JSON",
    "xml": "SPARQL_Results_XML",
    "csv": "SPARQL_Results_CSV",
    "tsv": "SPARQL_Results_TSV",
    "turtle": "Turtle",
    "ntriples": "N-Triples",
    "jsonld": "JSON-LD",
    "rdfxml": "RDF_XML",
}


def _sd(name: str) -> NamedNode:
    return NamedNode(SD + name)


def service_description(
    query_endpoint: str,
    update_endpoint: str,
    named_graphs: Sequence[NamedNode],
    *,
    federated: bool,
) -> list[Triple]:
    """The description of the query service (and of its update service) for one reader.

    ``named_graphs`` are the graphs this reader may see; no other graph is named.

    >>> triples = service_description("http://h/sparql", "http://h/sparql/update", [],
    ...                               federated=False)
    >>> [t.object.value for t in triples if t.predicate.value == SD + "endpoint"]
    ['http://h/sparql', 'http://h/sparql/update']
    """
    a = NamedNode(RDF + "type")
    query_service, update_service = BlankNode(), BlankNode()
    dataset, default_graph = BlankNode(), BlankNode()
    triples = [
        Triple(query_service, a, _sd("Service")),
        Triple(query_service, _sd("endpoint"), NamedNode(query_endpoint)),
        Triple(query_service, _sd("supportedLanguage"), _sd("SPARQL11Query")),
        Triple(query_service, _sd("feature"), _sd("UnionDefaultGraph")),
        Triple(query_service, _sd("defaultEntailmentRegime"), NamedNode(ENTAILMENT_SIMPLE)),
        Triple(
            query_service,
            NamedNode(RDFS + "label"),
            Literal("eitkg SPARQL endpoint", language="en"),
        ),
        Triple(
            query_service,
            NamedNode(RDFS + "label"),
            Literal("point d'accès SPARQL d'eitkg", language="fr"),
        ),
        Triple(query_service, _sd("defaultDataset"), dataset),
        Triple(dataset, a, _sd("Dataset")),
        Triple(dataset, _sd("defaultGraph"), default_graph),
        Triple(default_graph, a, _sd("Graph")),
        Triple(update_service, a, _sd("Service")),
        Triple(update_service, _sd("endpoint"), NamedNode(update_endpoint)),
        Triple(update_service, _sd("supportedLanguage"), _sd("SPARQL11Update")),
    ]
    if federated:
        triples.append(Triple(query_service, _sd("feature"), _sd("BasicFederatedQuery")))
    keys = [s.key for s in RESULTS_SYNTAXES] + ["turtle", "ntriples", "jsonld", "rdfxml"]
    for key in keys:
        fmt = NamedNode(FORMATS + _FORMAT_NAMES[key])
        triples.append(Triple(query_service, _sd("resultFormat"), fmt))
    for graph in named_graphs:
        node = BlankNode()
        triples += [
            Triple(dataset, _sd("namedGraph"), node),
            Triple(node, a, _sd("NamedGraph")),
            Triple(node, _sd("name"), graph),
        ]
    return triples
