"""User-facing words of the pages, in French and English, and labels of the standard terms."""

from __future__ import annotations

from eitkg.namespaces import DCAT, DCTERMS, FOAF, GEO, ORG, OWL, PROV, RDF, RDFS, SKOS, VOID, WGS

LANGUAGES: tuple[str, ...] = ("fr", "en")

MESSAGES: dict[str, dict[str, str]] = {
    "site_name": {
        "fr": "eitkg · écologie industrielle et territoriale",
        "en": "eitkg · industrial and territorial ecology",
    },
    "home": {"fr": "Accueil", "en": "Home"},
    "query": {"fr": "Éditeur SPARQL", "en": "SPARQL editor"},
    "named_queries": {"fr": "Requêtes nommées", "en": "Named queries"},
    "catalog": {"fr": "Catalogue", "en": "Catalogue"},
    "ontology": {"fr": "Ontologie", "en": "Ontology"},
    "vocabularies": {"fr": "Vocabulaires", "en": "Vocabularies"},
    "api_docs": {"fr": "API (OpenAPI)", "en": "API (OpenAPI)"},
    "type": {"fr": "Type", "en": "Type"},
    "colon": {"fr": " :", "en": ":"},
    "property": {"fr": "Propriété", "en": "Property"},
    "value": {"fr": "Valeur", "en": "Value"},
    "referenced_by": {"fr": "Ressources qui pointent ici", "en": "Resources pointing here"},
    "via": {"fr": "par", "en": "via"},
    "formats": {"fr": "Autres formats", "en": "Other formats"},
    "map": {"fr": "Carte", "en": "Map"},
    "map_note": {
        "fr": (
            "Sites localisés (WGS84). La carte de fond peut manquer si le serveur de tuiles "
            "est injoignable ; les coordonnées restent ci-dessous."
        ),
        "en": (
            "Located sites (WGS84). The background map may be missing if the tile server "
            "cannot be reached; the coordinates are listed below."
        ),
    },
    "site": {"fr": "Site", "en": "Site"},
    "actor": {"fr": "Acteur", "en": "Actor"},
    "commune": {"fr": "Commune", "en": "Municipality"},
    "latitude": {"fr": "Latitude", "en": "Latitude"},
    "longitude": {"fr": "Longitude", "en": "Longitude"},
    "this_resource": {"fr": "cette ressource", "en": "this resource"},
    "not_found": {"fr": "Ressource inconnue", "en": "Unknown resource"},
    "not_found_detail": {
        "fr": "Le graphe ne contient rien (de public) sur cette IRI.",
        "en": "The graph holds nothing (public) about this IRI.",
    },
    "landing_intro": {
        "fr": (
            "Graphe de connaissances et catalogue de ressources sémantiques pour l'écologie "
            "industrielle et territoriale (EIT) : acteurs, sites, flux (besoins et "
            "disponibilités), synergies, retours d'expérience, vocabulaires SKOS."
        ),
        "en": (
            "Knowledge graph and semantic resource catalogue for industrial and territorial "
            "ecology (EIT): actors, sites, flows (needs and availabilities), synergies, "
            "experience reports, SKOS vocabularies."
        ),
    },
    "what_it_holds": {"fr": "Ce que contient le graphe", "en": "What the graph holds"},
    "class": {"fr": "Classe", "en": "Class"},
    "count": {"fr": "Nombre", "en": "Count"},
    "graphs": {"fr": "Graphes publics", "en": "Public graphs"},
    "graph": {"fr": "Graphe", "en": "Graph"},
    "triples": {"fr": "Triplets", "en": "Triples"},
    "access": {"fr": "Accès aux données", "en": "Data access"},
    "sparql_endpoint": {"fr": "Point d'accès SPARQL", "en": "SPARQL endpoint"},
    "dump": {
        "fr": "Export complet des données publiques (N-Quads, gzip)",
        "en": "Dump of the public data (N-Quads, gzip)",
    },
    "void": {"fr": "Description VoID", "en": "VoID description"},
    "context": {"fr": "Contexte JSON-LD", "en": "JSON-LD context"},
    "parks": {"fr": "Parcs d'activités", "en": "Industrial parks"},
    "datasets": {"fr": "Jeux de données", "en": "Datasets"},
    "reports": {
        "fr": "Retours d'expérience et méthodes",
        "en": "Experience reports and methodologies",
    },
    "services": {"fr": "Services de données", "en": "Data services"},
    "parameters": {"fr": "Paramètres", "en": "Parameters"},
    "run": {"fr": "Exécuter", "en": "Run"},
    "results": {"fr": "Résultats", "en": "Results"},
    "no_results": {"fr": "Aucun résultat.", "en": "No results."},
    "required": {"fr": "obligatoire", "en": "required"},
    "query_editor_intro": {
        "fr": (
            "Écrivez une requête SPARQL ou ouvrez un onglet d'exemple (les requêtes nommées "
            "du projet). Les requêtes sont envoyées à"
        ),
        "en": (
            "Write a SPARQL query or open an example tab (the project's named queries). "
            "Queries are sent to"
        ),
    },
    "examples": {"fr": "Exemples", "en": "Examples"},
    "classes": {"fr": "Classes", "en": "Classes"},
    "object_properties": {"fr": "Propriétés d'objet", "en": "Object properties"},
    "datatype_properties": {"fr": "Propriétés de données", "en": "Datatype properties"},
    "annotation_properties": {"fr": "Propriétés d'annotation", "en": "Annotation properties"},
    "more": {"fr": "et {n} autres", "en": "and {n} more"},
    "javascript_needed": {
        "fr": (
            "L'éditeur a besoin de JavaScript ; le point d'accès SPARQL reste utilisable "
            "directement."
        ),
        "en": "The editor needs JavaScript; the SPARQL endpoint can still be used directly.",
    },
}

#: Labels of standard properties and classes that the ontology does not label itself.
TERM_LABELS: dict[str, dict[str, str]] = {
    RDF + "type": {"fr": "type", "en": "type"},
    RDFS + "label": {"fr": "libellé", "en": "label"},
    RDFS + "comment": {"fr": "commentaire", "en": "comment"},
    RDFS + "seeAlso": {"fr": "voir aussi", "en": "see also"},
    RDFS + "subClassOf": {"fr": "sous-classe de", "en": "subclass of"},
    RDFS + "subPropertyOf": {"fr": "sous-propriété de", "en": "subproperty of"},
    RDFS + "domain": {"fr": "domaine", "en": "domain"},
    RDFS + "range": {"fr": "portée", "en": "range"},
    RDFS + "isDefinedBy": {"fr": "défini par", "en": "defined by"},
    OWL + "Class": {"fr": "classe OWL", "en": "OWL class"},
    OWL + "ObjectProperty": {"fr": "propriété d'objet", "en": "object property"},
    OWL + "DatatypeProperty": {"fr": "propriété de données", "en": "datatype property"},
    OWL + "inverseOf": {"fr": "inverse de", "en": "inverse of"},
    OWL + "sameAs": {"fr": "identique à", "en": "same as"},
    SKOS + "prefLabel": {"fr": "libellé préféré", "en": "preferred label"},
    SKOS + "altLabel": {"fr": "libellé alternatif", "en": "alternative label"},
    SKOS + "hiddenLabel": {"fr": "libellé caché", "en": "hidden label"},
    SKOS + "notation": {"fr": "notation", "en": "notation"},
    SKOS + "definition": {"fr": "définition", "en": "definition"},
    SKOS + "scopeNote": {"fr": "note d'application", "en": "scope note"},
    SKOS + "note": {"fr": "note", "en": "note"},
    SKOS + "broader": {"fr": "concept générique", "en": "broader"},
    SKOS + "narrower": {"fr": "concept spécifique", "en": "narrower"},
    SKOS + "related": {"fr": "concept associé", "en": "related"},
    SKOS + "inScheme": {"fr": "dans le schéma", "en": "in scheme"},
    SKOS + "topConceptOf": {"fr": "concept de tête de", "en": "top concept of"},
    SKOS + "hasTopConcept": {"fr": "concept de tête", "en": "top concept"},
    SKOS + "exactMatch": {"fr": "équivalence exacte", "en": "exact match"},
    SKOS + "closeMatch": {"fr": "équivalence proche", "en": "close match"},
    SKOS + "broadMatch": {"fr": "correspondance générique", "en": "broad match"},
    SKOS + "narrowMatch": {"fr": "correspondance spécifique", "en": "narrow match"},
    SKOS + "relatedMatch": {"fr": "correspondance associée", "en": "related match"},
    SKOS + "Concept": {"fr": "concept", "en": "concept"},
    SKOS + "ConceptScheme": {"fr": "schéma de concepts", "en": "concept scheme"},
    ORG + "hasMember": {"fr": "a pour membre", "en": "has member"},
    ORG + "memberOf": {"fr": "membre de", "en": "member of"},
    ORG + "hasSite": {"fr": "a pour site", "en": "has site"},
    ORG + "siteOf": {"fr": "site de", "en": "site of"},
    ORG + "classification": {"fr": "classification", "en": "classification"},
    DCTERMS + "title": {"fr": "titre", "en": "title"},
    DCTERMS + "description": {"fr": "description", "en": "description"},
    DCTERMS + "subject": {"fr": "sujet", "en": "subject"},
    DCTERMS + "spatial": {"fr": "couverture spatiale", "en": "spatial coverage"},
    DCTERMS + "source": {"fr": "source", "en": "source"},
    DCTERMS + "language": {"fr": "langue", "en": "language"},
    DCTERMS + "issued": {"fr": "publié le", "en": "issued"},
    DCTERMS + "modified": {"fr": "modifié le", "en": "modified"},
    DCTERMS + "identifier": {"fr": "identifiant", "en": "identifier"},
    DCTERMS + "publisher": {"fr": "éditeur", "en": "publisher"},
    DCTERMS + "license": {"fr": "licence", "en": "license"},
    DCTERMS + "conformsTo": {"fr": "conforme à", "en": "conforms to"},
    DCAT + "Dataset": {"fr": "jeu de données", "en": "dataset"},
    DCAT + "Catalog": {"fr": "catalogue", "en": "catalogue"},
    DCAT + "DataService": {"fr": "service de données", "en": "data service"},
    DCAT + "Distribution": {"fr": "distribution", "en": "distribution"},
    DCAT + "dataset": {"fr": "jeu de données", "en": "dataset"},
    DCAT + "service": {"fr": "service", "en": "service"},
    DCAT + "resource": {"fr": "ressource", "en": "resource"},
    DCAT + "distribution": {"fr": "distribution", "en": "distribution"},
    DCAT + "endpointURL": {"fr": "URL du point d'accès", "en": "endpoint URL"},
    DCAT + "downloadURL": {"fr": "URL de téléchargement", "en": "download URL"},
    PROV + "wasGeneratedBy": {"fr": "produit par", "en": "generated by"},
    PROV + "wasDerivedFrom": {"fr": "dérivé de", "en": "derived from"},
    PROV + "startedAtTime": {"fr": "début", "en": "started at"},
    PROV + "endedAtTime": {"fr": "fin", "en": "ended at"},
    PROV + "wasAssociatedWith": {"fr": "associé à", "en": "associated with"},
    PROV + "used": {"fr": "a utilisé", "en": "used"},
    GEO + "hasGeometry": {"fr": "géométrie", "en": "geometry"},
    GEO + "asWKT": {"fr": "géométrie (WKT)", "en": "geometry (WKT)"},
    WGS + "lat": {"fr": "latitude", "en": "latitude"},
    WGS + "long": {"fr": "longitude", "en": "longitude"},
    FOAF + "homepage": {"fr": "site web", "en": "home page"},
    VOID + "triples": {"fr": "triplets", "en": "triples"},
}


def message(key: str, lang: str) -> str:
    """One interface message in ``lang`` (French when the language is not known)."""
    entry = MESSAGES[key]
    return entry.get(lang) or entry["fr"]
