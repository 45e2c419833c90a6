"""Small Turtle datasets for every shape: the failing ones with their exact results.

Each snippet is added to ``conftest.BASE`` (two valid companies with a site each).
``expected`` is the exact set of shortened ``(focus, path, severity)`` results and
``shapes`` the exact set of shapes that report them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

V, W, INFO = "Violation", "Warning", "Info"

A1, A2 = "id/actor/552081317", "id/actor/732829320"
S1, S2 = "id/site/55208131700026", "id/site/73282932000074"
F1, F2 = "id/flow/f1", "id/flow/f2"
SYN = "id/synergy/s1"

#: A valid availability of company A1 at site S1; cases add triples to it.
FLOW = """
<id/flow/f1> a eit:Availability ;
    rdfs:label "Chutes de carton"@fr ;
    eit:site <id/site/55208131700026> ;
    eit:actor <id/actor/552081317> ;
    eit:resourceCategory res:materials .
"""

#: A valid need of company A2 at site S2.
NEED = """
<id/flow/f2> a eit:Need ;
    rdfs:label "Combustible"@fr ;
    eit:site <id/site/73282932000074> ;
    eit:actor <id/actor/732829320> ;
    eit:resourceCategory res:materials .
"""

#: A valid substitution from A1 to A2.
SUBSTITUTION = """
<id/synergy/s1> a eit:SubstitutionSynergy ;
    skos:prefLabel "Carton vers la chaufferie"@fr ;
    eit:status ss:candidate ;
    eit:supplier <id/actor/552081317> ;
    eit:receiver <id/actor/732829320> .
"""


@dataclass(frozen=True)
class Case:
    """A snippet, the exact results it gives and the shapes that give them."""

    name: str
    snippet: str
    expected: frozenset[tuple[str, str | None, str]] = field(default_factory=frozenset)
    shapes: frozenset[str] = field(default_factory=frozenset)


def case(
    name: str, snippet: str, expected: set[tuple[str, str | None, str]], shapes: set[str]
) -> Case:
    return Case(name, snippet, frozenset(expected), frozenset(shapes))


FAILING: list[Case] = [
    # --- actors -------------------------------------------------------------
    case(
        "actor without a name",
        "<id/actor/adl> a eit:Facilitator .",
        {("id/actor/adl", "skos:prefLabel", V)},
        {"Actor-label"},
    ),
    case(
        "two names in the same language",
        """<id/actor/cci> a eit:PublicBody ;
            skos:prefLabel "CCI de l'Ain"@fr, "Chambre de commerce"@fr .""",
        {("id/actor/cci", "skos:prefLabel", W)},
        {"Actor-labelLanguage"},
    ),
    case(
        "NAF class instead of sub-class",
        "<id/actor/552081317> eit:nafActivity naf:20.14 .",
        {(A1, "eit:nafActivity", V)},
        {"Actor-naf"},
    ),
    case(
        "NAF code that does not exist",
        "<id/actor/552081317> eit:nafActivity naf:99.99Z .",
        {(A1, "eit:nafActivity", V)},
        {"Actor-naf"},
    ),
    case(
        "actor properties of the wrong kind",
        """<id/actor/552081317> eit:legalForm 12 ; foaf:homepage "https://cartonnerie.example" ;
            eit:fictional "oui" ; org:hasSite <id/site/unknown> ;
            org:hasMember <id/actor/unknown> ; org:memberOf <id/actor/nowhere> .""",
        {
            (A1, "eit:legalForm", V),
            (A1, "foaf:homepage", V),
            (A1, "eit:fictional", V),
            (A1, "org:hasSite", V),
            (A1, "org:hasMember", V),
            (A1, "org:memberOf", V),
        },
        {
            "Actor-legalForm",
            "Actor-homepage",
            "Actor-fictional",
            "Actor-site",
            "Actor-member",
            "Actor-memberOf",
        },
    ),
    case(
        "company without SIREN",
        '<id/actor/sans-siren> a eit:Company ; skos:prefLabel "Sans SIREN"@fr .',
        {("id/actor/sans-siren", "eit:siren", INFO)},
        {"Company-siren"},
    ),
    case(
        "park without member nor site",
        '<id/actor/parc> a eit:IndustrialPark ; skos:prefLabel "Parc des Lilas"@fr .',
        {("id/actor/parc", "org:hasMember|^org:memberOf|org:hasSite|^eit:inPark", INFO)},
        {"IndustrialPark-members"},
    ),
    case(
        "SIREN with 8 digits",
        '<id/actor/gie> a eit:Collaboration ; skos:prefLabel "GIE"@fr ; eit:siren "55208131" .',
        {("id/actor/gie", "eit:siren", V)},
        {"Siren-format"},
    ),
    case(
        "SIREN failing Luhn",
        '<id/actor/gie> a eit:Collaboration ; skos:prefLabel "GIE"@fr ; eit:siren "552081318" .',
        {("id/actor/gie", "eit:siren", V)},
        {"Siren-luhn"},
    ),
    # --- sites --------------------------------------------------------------
    case(
        "site without actor nor SIRET",
        "<id/site/orphelin> a eit:Site .",
        {
            ("id/site/orphelin", "org:siteOf|^org:hasSite", V),
            ("id/site/orphelin", "eit:siret", INFO),
        },
        {"Site-actor", "Site-siretMissing"},
    ),
    case(
        "site address fields of the wrong kind",
        """<id/site/73282932000074> eit:postalCode "1100" ; eit:communeCode "1283" ;
            eit:streetAddress <http://example.org/address> ; eit:inPark <id/actor/552081317> ;
            geo:hasGeometry <id/g1>, <id/g2> .
        <id/g1> geo:asWKT "POINT(4.85 45.74)" .
        <id/g2> geo:asWKT "POINT(4.85 45.74)"^^geo:wktLiteral .""",
        {
            (S2, "eit:postalCode", W),
            (S2, "eit:communeCode", V),
            (S2, "eit:streetAddress|eit:communeName", V),
            (S2, "eit:inPark", V),
            (S2, "geo:hasGeometry", V),
            ("id/g1", "geo:asWKT", V),
        },
        {
            "Site-postalCode",
            "Site-communeCode",
            "Site-address",
            "Site-park",
            "Site-geometry",
            "Geometry-wkt",
        },
    ),
    case(
        "geometry pointed to but not described",
        "<id/site/73282932000074> geo:hasGeometry <id/site/73282932000074/geometry> .",
        {("id/site/73282932000074/geometry", "geo:asWKT", V)},
        {"Geometry-wkt"},
    ),
    case(
        "malformed WKT",
        """<id/site/73282932000074> geo:hasGeometry <id/g1> .
        <id/g1> geo:asWKT "4.85 45.74"^^geo:wktLiteral .""",
        {("id/g1", "geo:asWKT", V)},
        {"Geometry-wkt"},
    ),
    case(
        "latitude out of range",
        "<id/site/73282932000074> wgs:lat 95.0 ; wgs:long 4.84 .",
        {(S2, "wgs:lat", V), (S2, None, W)},
        {"Site-lat", "Site-position"},
    ),
    case(
        "longitude with a comma",
        '<id/site/73282932000074> wgs:lat 45.74 ; wgs:long "4,84" .',
        {(S2, "wgs:long", V)},
        {"Site-long"},
    ),
    case(
        "latitude and longitude swapped",
        "<id/site/73282932000074> wgs:lat 4.8467 ; wgs:long 45.7485 .",
        {(S2, None, W)},
        {"Site-position"},
    ),
    case(
        "SIRET with 13 digits",
        """<id/site/x> a eit:Site ; org:siteOf <id/actor/552081317> ;
            eit:siret "5520813170002" .""",
        {("id/site/x", "eit:siret", V)},
        {"Siret-format"},
    ),
    case(
        "SIRET failing Luhn",
        """<id/site/x> a eit:Site ; org:siteOf <id/actor/552081317> ;
            eit:siret "55208131700027" .""",
        {("id/site/x", "eit:siret", V)},
        {"Siret-luhn"},
    ),
    case(
        "SIRET of another company",
        """<id/site/x> a eit:Site ; org:siteOf <id/actor/552081317> ;
            eit:siret "73282932000074" .""",
        {("id/site/x", "eit:siret", W)},
        {"Siret-siren"},
    ),
    case(
        "SIRET of another company, site linked by org:hasSite",
        """<id/actor/732829320> org:hasSite <id/site/55208131700026> .""",
        {(S1, "eit:siret", W)},
        {"Siret-siren"},
    ),
    # --- flows --------------------------------------------------------------
    case(
        "flow without direction",
        FLOW.replace("a eit:Availability", "a eit:Flow"),
        {(F1, "rdf:type", V)},
        {"Flow-direction"},
    ),
    case(
        "flow both need and availability",
        FLOW.replace("a eit:Availability", "a eit:Availability, eit:Need"),
        {(F1, "rdf:type", V)},
        {"Flow-direction"},
    ),
    case(
        "flow without label",
        FLOW.replace('rdfs:label "Chutes de carton"@fr ;', ""),
        {(F1, "rdfs:label", V)},
        {"Flow-label"},
    ),
    case(
        "flow without site, actor, resource nor waste code",
        '<id/flow/f2> a eit:Need ; rdfs:label "Combustible"@fr .',
        {
            (F2, "eit:site", V),
            (F2, "eit:actor", V),
            (F2, "eit:resourceCategory|eit:wasteCode", V),
        },
        {"Flow-site", "Flow-actor", "Flow-resourceOrWaste"},
    ),
    case(
        "flow site and actor swapped",
        FLOW.replace("eit:site <id/site/55208131700026>", "eit:site <id/actor/552081317>").replace(
            "eit:actor <id/actor/552081317>", "eit:actor <id/site/55208131700026>"
        ),
        {(F1, "eit:site", V), (F1, "eit:actor", V)},
        {"Flow-site", "Flow-actor"},
    ),
    case(
        "negative quantity",
        FLOW + "<id/flow/f1> eit:quantity -3.0 ; eit:unit unit:TONNE ; eit:period period:year .",
        {(F1, "eit:quantity", V)},
        {"Flow-quantityNonNegative"},
    ),
    case(
        "quantity as text",
        FLOW + '<id/flow/f1> eit:quantity "12 t" ; eit:unit unit:TONNE ; eit:period period:year .',
        {(F1, "eit:quantity", V)},
        {"Flow-quantity", "Flow-quantityNonNegative"},
    ),
    case(
        "unit not in the vocabulary",
        FLOW + "<id/flow/f1> eit:quantity 12.0 ; eit:unit unit:GM ; eit:period period:year .",
        {(F1, "eit:unit", V)},
        {"Flow-unit"},
    ),
    case(
        "unit from another vocabulary",
        FLOW
        + """<id/flow/f1> eit:quantity 12.0 ; eit:unit unit:GM ; eit:period period:year .
        unit:GM a skos:Concept ; skos:inScheme <https://w3id.org/eitkg/vocab/resource> .""",
        {(F1, "(eit:unit/skos:inScheme)|(eit:canonicalUnit/skos:inScheme)", V)},
        {"Unit-scheme"},
    ),
    case(
        "quantity without unit",
        FLOW + "<id/flow/f1> eit:quantity 12.0 ; eit:period period:year .",
        {(F1, "eit:unit", V)},
        {"QuantifiedFlow-unit"},
    ),
    case(
        "quantity without period",
        FLOW + "<id/flow/f1> eit:quantity 12.0 ; eit:unit unit:TONNE .",
        {(F1, "eit:period", W)},
        {"QuantifiedFlow-period"},
    ),
    case(
        "annual quantity in a unit that is not the canonical unit of the flow's unit",
        FLOW
        + """<id/flow/f1> eit:quantity 500.0 ; eit:unit unit:KiloGM ; eit:period period:month ;
            eit:quantityPerYear 6.0 ; eit:canonicalUnit unit:M3 .""",
        {(F1, "eit:unit/eit:canonicalUnit", V)},
        {"AnnualQuantity-canonicalUnit"},
    ),
    case(
        "annual quantity without the flow's unit",
        FLOW + "<id/flow/f1> eit:quantityPerYear 6.0 ; eit:canonicalUnit unit:TONNE .",
        {(F1, "eit:unit/eit:canonicalUnit", V)},
        {"AnnualQuantity-canonicalUnit"},
    ),
    case(
        "annual quantity negative, several canonical units",
        FLOW
        + """<id/flow/f1> eit:quantity 1.0 ; eit:unit unit:TONNE ; eit:period period:year ;
            eit:quantityPerYear -1.0 ; eit:canonicalUnit unit:TONNE, unit:M3 .""",
        {
            (F1, "eit:quantityPerYear", V),
            (F1, "eit:canonicalUnit", V),
            (F1, "eit:unit/eit:canonicalUnit", V),
        },
        {"Flow-quantityPerYear", "Flow-canonicalUnit", "AnnualQuantity-canonicalUnit"},
    ),
    case(
        "codes from the wrong vocabularies",
        FLOW.replace("eit:resourceCategory res:materials", "eit:resourceCategory ewc:150103")
        + """<id/flow/f1> eit:period period:fortnight ; eit:quantityType pf:solid ;
            eit:physicalForm qt:measured ; eit:materialStatus ms:garbage ;
            eit:currentTreatment treat:R14 .""",
        {
            (F1, "eit:resourceCategory", V),
            (F1, "eit:period", V),
            (F1, "eit:quantityType", V),
            (F1, "eit:physicalForm", V),
            (F1, "eit:materialStatus", V),
            (F1, "eit:currentTreatment", V),
        },
        {
            "Flow-resourceCategory",
            "Flow-period",
            "Flow-quantityType",
            "Flow-physicalForm",
            "Flow-materialStatus",
            "Flow-treatment",
        },
    ),
    case(
        "flow literals of the wrong type",
        FLOW
        + """<id/flow/f1> eit:qualityNotes <http://example.org/notes> ; eit:hazardous "oui" ;
            eit:availableFrom "2024-01-01" ; eit:confidential 1 ; eit:recordId 12 ;
            eit:sourceRow "2" ; eit:annualCostEur "4500 €" ; prov:wasDerivedFrom "demo" .""",
        {
            (F1, "eit:qualityNotes", V),
            (F1, "eit:hazardous", V),
            (F1, "eit:availableFrom|eit:availableUntil", V),
            (F1, "eit:confidential", V),
            (F1, "eit:recordId", V),
            (F1, "eit:sourceRow", V),
            (F1, "eit:annualCostEur", V),
            (F1, "prov:wasDerivedFrom", V),
        },
        {
            "Flow-qualityNotes",
            "Flow-hazardous",
            "Flow-dates",
            "Flow-flags",
            "Flow-recordId",
            "Flow-sourceRow",
            "Flow-annualCost",
            "Flow-derivedFrom",
        },
    ),
    case(
        "available until before available from",
        FLOW
        + """<id/flow/f1> eit:availableFrom "2024-12-31"^^xsd:date ;
            eit:availableUntil "2024-01-01"^^xsd:date .""",
        {(F1, "eit:availableFrom", V)},
        {"Flow-dateOrder"},
    ),
    case(
        "waste code that is a chapter",
        FLOW + "<id/flow/f1> eit:wasteCode ewc:03 .",
        {(F1, "eit:wasteCode", V)},
        {"Flow-wasteCode"},
    ),
    case(
        "waste code that is a sub-chapter",
        FLOW + "<id/flow/f1> eit:wasteCode ewc:0303 .",
        {(F1, "eit:wasteCode", V)},
        {"Flow-wasteCode"},
    ),
    case(
        "waste code that does not exist",
        FLOW + "<id/flow/f1> eit:wasteCode ewc:039999 .",
        {(F1, "eit:wasteCode", V)},
        {"Flow-wasteCode"},
    ),
    case(
        "absolute hazardous entry 01 03 04* said not hazardous",
        FLOW + "<id/flow/f1> eit:wasteCode ewc:010304 ; eit:hazardous false .",
        {(F1, "eit:hazardous", V)},
        {"WasteCodedFlow-absoluteHazard"},
    ),
    case(
        "mirror entries whose flag differs",
        FLOW
        + NEED
        + """<id/flow/f1> eit:wasteCode ewc:010305 ; eit:hazardous false .
        <id/flow/f2> eit:wasteCode ewc:010306 ; eit:hazardous true .""",
        {(F1, "eit:hazardous", W), (F2, "eit:hazardous", W)},
        {"WasteCodedFlow-mirrorHazard"},
    ),
    case(
        "absolute non-hazardous entry said hazardous",
        FLOW + "<id/flow/f1> eit:wasteCode ewc:030308 ; eit:hazardous true .",
        {(F1, "eit:hazardous", W)},
        {"WasteCodedFlow-mirrorHazard"},
    ),
    case(
        "by-product with a waste code",
        FLOW + "<id/flow/f1> eit:wasteCode ewc:030308 ; eit:materialStatus ms:by-product .",
        {(F1, "eit:materialStatus", W)},
        {"WasteCodedFlow-byProduct"},
    ),
    # --- synergies and gains ------------------------------------------------
    case(
        "synergy of no kind",
        '<id/synergy/s2> a eit:Synergy ; skos:prefLabel "Synergie"@fr ; eit:status ss:candidate .',
        {("id/synergy/s2", "rdf:type", V)},
        {"Synergy-kind"},
    ),
    case(
        "synergy properties of the wrong kind",
        SUBSTITUTION.replace('skos:prefLabel "Carton vers la chaufferie"@fr ;', "").replace(
            "ss:candidate", "ss:done"
        )
        + """<id/synergy/s1> dcterms:description <http://example.org/d> ;
            eit:startDate "2024" ; eit:hasGain <id/gain/unknown> ;
            eit:inPark <id/actor/552081317> .""",
        {
            (SYN, "skos:prefLabel", V),
            (SYN, "eit:status", V),
            (SYN, "dcterms:description", V),
            (SYN, "eit:startDate|eit:endDate", V),
            (SYN, "eit:hasGain", V),
            (SYN, "eit:inPark", V),
        },
        {
            "Synergy-label",
            "Synergy-status",
            "Synergy-description",
            "Synergy-dates",
            "Synergy-gain",
            "Synergy-park",
        },
    ),
    case(
        "synergy without status",
        SUBSTITUTION.replace("eit:status ss:candidate ;", ""),
        {(SYN, "eit:status", INFO)},
        {"Synergy-statusMissing"},
    ),
    case(
        "synergy ending before it starts",
        SUBSTITUTION
        + """<id/synergy/s1> eit:startDate "2024-06-01"^^xsd:date ;
            eit:endDate "2024-01-01"^^xsd:date .""",
        {(SYN, "eit:startDate", V)},
        {"Synergy-dateOrder"},
    ),
    case(
        "substitution without supplier nor receiver",
        """<id/synergy/s1> a eit:SubstitutionSynergy ; skos:prefLabel "S"@fr ;
            eit:status ss:candidate .""",
        {(SYN, "eit:supplier", V), (SYN, "eit:receiver", V)},
        {"Substitution-supplier", "Substitution-receiver"},
    ),
    case(
        "substitution supplier = receiver",
        SUBSTITUTION.replace(
            "eit:receiver <id/actor/732829320>", "eit:receiver <id/actor/552081317>"
        ),
        {(SYN, "eit:supplier", V)},
        {"Substitution-distinct"},
    ),
    case(
        "substitution flows swapped, waste code as category",
        SUBSTITUTION
        + FLOW
        + NEED
        + """<id/synergy/s1> eit:suppliedFlow <id/flow/f2> ; eit:receivedFlow <id/flow/f1> ;
            eit:resourceCategory ewc:150103 .""",
        {
            (SYN, "eit:suppliedFlow", V),
            (SYN, "eit:receivedFlow", V),
            (SYN, "eit:resourceCategory", V),
        },
        {"Substitution-suppliedFlow", "Substitution-receivedFlow", "Substitution-resource"},
    ),
    case(
        "mutualisation with one participant",
        """<id/synergy/m1> a eit:MutualisationSynergy ; skos:prefLabel "Collecte commune"@fr ;
            eit:status ss:candidate ; eit:participant <id/actor/552081317> ;
            eit:sharedResource ewc:150103 .""",
        {("id/synergy/m1", "eit:participant", V), ("id/synergy/m1", "eit:sharedResource", V)},
        {"Mutualisation-participants", "Mutualisation-sharedResource"},
    ),
    case(
        "gain with codes from the wrong vocabularies",
        """<id/gain/g1> a eit:Gain ; eit:indicator ss:candidate ; eit:value "12" ;
            eit:unit period:year .""",
        {
            ("id/gain/g1", "eit:indicator", V),
            ("id/gain/g1", "eit:value", V),
            ("id/gain/g1", "eit:unit", V),
            ("id/gain/g1", "(eit:unit/skos:inScheme)|(eit:canonicalUnit/skos:inScheme)", V),
        },
        {"Gain-indicator", "Gain-value", "Gain-unit", "Unit-scheme"},
    ),
    # --- catalogue ----------------------------------------------------------
    case(
        "experience report without source",
        '<id/report/r1> a eit:ExperienceReport ; dcterms:title "Retour d\'expérience"@fr .',
        {("id/report/r1", "dcterms:source", V)},
        {"ExperienceReport-source"},
    ),
    case(
        "experience report title without language",
        """<id/report/r1> a eit:ExperienceReport ; dcterms:title "Retour d'expérience" ;
            dcterms:source <https://www.optigede.ademe.fr/> .""",
        {("id/report/r1", "dcterms:title", V)},
        {"Entry-title"},
    ),
    case(
        "catalogue entry properties of the wrong kind",
        """<id/report/r1> a eit:ExperienceReport ;
            dcterms:title "Retour"@fr, "Retour d'expérience"@fr ;
            dcterms:description <http://example.org/d> ; dcterms:subject "déchets" ;
            dcterms:spatial <id/site/55208131700026> ;
            eit:describesActor <id/site/55208131700026> ;
            eit:describesSynergy <id/actor/552081317> ;
            dcterms:source "https://www.optigede.ademe.fr/" ; dcterms:language lang:DEU ;
            dcterms:issued "juin 2019" ; dcterms:publisher <id/site/55208131700026> .""",
        {
            ("id/report/r1", "dcterms:title", W),
            ("id/report/r1", "dcterms:description", V),
            ("id/report/r1", "dcterms:subject", V),
            ("id/report/r1", "dcterms:spatial", V),
            ("id/report/r1", "eit:describesActor", V),
            ("id/report/r1", "eit:describesSynergy", V),
            ("id/report/r1", "dcterms:source", V),
            ("id/report/r1", "dcterms:language", W),
            ("id/report/r1", "dcterms:issued", V),
            ("id/report/r1", "dcterms:publisher", V),
        },
        {
            "Entry-titleLanguage",
            "Entry-description",
            "Entry-subject",
            "Entry-spatial",
            "Entry-describesActor",
            "Entry-describesSynergy",
            "Entry-source",
            "Entry-language",
            "Entry-issued",
            "Entry-publisher",
        },
    ),
    case(
        "methodology without source",
        '<id/methodology/guide> a eit:Methodology ; dcterms:title "Guide EIT"@fr .',
        {("id/methodology/guide", "dcterms:source", W)},
        {"Methodology-source"},
    ),
    case(
        "dataset without title nor identifier, wrong literals",
        """<id/dataset/d1> a dcat:Dataset ; dcterms:issued "2024" ; eit:sha256 "ABC" ;
            eit:rowCount -1 ; eit:graph "graph/dataset/d1" ;
            prov:wasGeneratedBy <id/dataset/d1/import/x> .""",
        {
            ("id/dataset/d1", "dcterms:title", V),
            ("id/dataset/d1", "dcterms:identifier", V),
            ("id/dataset/d1", "dcterms:issued|dcterms:modified", V),
            ("id/dataset/d1", "eit:sha256", V),
            ("id/dataset/d1", "eit:rowCount|eit:tripleCount", V),
            ("id/dataset/d1", "eit:graph", V),
            ("id/dataset/d1", "prov:wasGeneratedBy", V),
        },
        {
            "Dataset-title",
            "Dataset-identifier",
            "Dataset-dates",
            "Dataset-sha256",
            "Dataset-counts",
            "Dataset-graph",
            "Dataset-generatedBy",
        },
    ),
]

#: Snippets that conform with zero results (added to BASE like the failing ones).
CONFORMING: dict[str, str] = {
    "base only": "",
    "actors of every kind": """
        <id/actor/cci-ain> a eit:PublicBody ; skos:prefLabel "CCI de l'Ain"@fr ;
            eit:siren "130017791" .
        <id/actor/adl> a eit:Facilitator ; skos:prefLabel "Agence de développement"@fr ;
            foaf:homepage <https://adl.example/> ; eit:legalForm "Association" .
        <id/actor/gie> a eit:Collaboration ; skos:prefLabel "GIE des Lilas"@fr, "Lilas EIG"@en ;
            org:hasMember <id/actor/552081317>, <id/actor/732829320> ; eit:fictional true .
        <id/actor/parc> a eit:IndustrialPark ; skos:prefLabel "Parc des Lilas"@fr ;
            org:hasSite <id/site/55208131700026> .
        <id/actor/552081317> eit:nafActivity naf:17.21A ; org:memberOf <id/actor/parc> .
        <id/site/73282932000074> eit:inPark <id/actor/parc> .
    """,
    "site fully described, La Poste SIRET, overseas site, site linked by org:hasSite": """
        <id/site/55208131700026> eit:streetAddress "12 rue des Lilas" ; eit:postalCode "69007" ;
            eit:communeCode "69387" ; eit:communeName "Lyon" ;
            geo:hasGeometry <id/site/55208131700026/geometry> .
        <id/site/55208131700026/geometry> geo:asWKT "POINT(4.8467 45.7485)"^^geo:wktLiteral .
        <id/actor/356000000> a eit:Company ; skos:prefLabel "La Poste"@fr ; eit:siren "356000000" ;
            org:hasSite <id/site/35600000000001> .
        <id/site/35600000000001> a eit:Site ; eit:siret "35600000000001" ;
            wgs:lat -20.88 ; wgs:long 55.45 ; eit:communeCode "97411" .
        <id/site/ajaccio> a eit:Site ; org:siteOf <id/actor/732829320> ;
            eit:siret "73282932000074" ; eit:communeCode "2A004" ; wgs:lat 41.92 ; wgs:long 8.74 .
    """,
    "flows fully described": FLOW
    + NEED
    + """
        <id/flow/f1> eit:wasteCode ewc:030308 ; eit:hazardous false ; eit:quantity 12.5 ;
            eit:unit unit:TONNE ; eit:period period:month ; eit:quantityPerYear 150.0 ;
            eit:canonicalUnit unit:TONNE ; eit:quantityType qt:measured ;
            eit:physicalForm pf:solid ; eit:qualityNotes "Carton sec, sans agrafes"@fr ;
            eit:materialStatus ms:waste ; eit:currentTreatment treat:R3, treat:D10 ;
            eit:availableFrom "2024-01-01"^^xsd:date ; eit:availableUntil "2024-01-01"^^xsd:date ;
            eit:confidential true ; eit:recordId "F-001" ; eit:sourceRow 2 ;
            eit:annualCostEur 4500.0 ; prov:wasDerivedFrom <id/dataset/demo> .
        <id/flow/f2> eit:quantity 3000.0 ; eit:unit unit:L ; eit:period period:week ;
            eit:quantityPerYear 156.0 ; eit:canonicalUnit unit:M3 ;
            eit:materialStatus ms:by-product .
    """,
    "hazardous flags consistent with the List of Waste": """
        <id/flow/h1> a eit:Availability ; rdfs:label "Stériles"@fr ;
            eit:site <id/site/55208131700026> ; eit:actor <id/actor/552081317> .
        <id/flow/h1> eit:wasteCode ewc:010304 ; eit:hazardous true .
        <id/flow/h2> a eit:Availability ; rdfs:label "Stériles miroir"@fr ;
            eit:site <id/site/55208131700026> ; eit:actor <id/actor/552081317> .
        <id/flow/h2> eit:wasteCode ewc:010305 ; eit:hazardous true .
        <id/flow/h3> a eit:Availability ; rdfs:label "Stériles inertes"@fr ;
            eit:site <id/site/55208131700026> ; eit:actor <id/actor/552081317> .
        <id/flow/h3> eit:wasteCode ewc:010306 ; eit:hazardous false .
    """,
    "substitution with flows, gains and a park": SUBSTITUTION
    + FLOW
    + NEED
    + """
        <id/actor/parc> a eit:IndustrialPark ; skos:prefLabel "Parc des Lilas"@fr ;
            org:hasMember <id/actor/552081317> .
        <id/synergy/s1> eit:suppliedFlow <id/flow/f1> ; eit:receivedFlow <id/flow/f2> ;
            eit:resourceCategory res:materials ; eit:inPark <id/actor/parc> ;
            dcterms:description "Le carton remplace du bois."@fr ;
            eit:startDate "2024-01-01"^^xsd:date ; eit:endDate "2024-12-31"^^xsd:date ;
            eit:hasGain <id/synergy/s1/gain/cost-saving> .
        <id/synergy/s1/gain/cost-saving> a eit:Gain ; eit:indicator ind:cost-saving ;
            eit:value 1200.0 ; eit:unit unit:CCY_EUR .
    """,
    "mutualisation with two participants": """
        <id/synergy/m1> a eit:MutualisationSynergy ; skos:prefLabel "Collecte commune"@fr ;
            eit:status ss:implemented ;
            eit:participant <id/actor/552081317>, <id/actor/732829320> ;
            eit:sharedResource res:equipment .
    """,
    "catalogue entries and a dataset": """
        <id/report/r1> a eit:ExperienceReport ; dcterms:title "Retour d'expérience"@fr ;
            dcterms:source <https://www.optigede.ademe.fr/> ;
            dcterms:description "Résumé."@fr ; dcterms:subject res:energy ;
            dcterms:spatial <id/actor/552081317> ; eit:describesActor <id/actor/552081317> ;
            dcterms:language lang:FRA ; dcterms:issued "2019-06-01"^^xsd:date ;
            dcterms:publisher <id/actor/552081317> ; eit:describesSynergy <id/synergy/m1> .
        <id/synergy/m1> a eit:MutualisationSynergy ; skos:prefLabel "Collecte commune"@fr ;
            eit:status ss:implemented ;
            eit:participant <id/actor/552081317>, <id/actor/732829320> .
        <id/methodology/guide> a eit:Methodology ; dcterms:title "EIT guide"@en ;
            dcterms:source <https://www.ademe.fr/> ; dcterms:issued "2018"^^xsd:gYear ;
            dcterms:publisher "ADEME" ; dcterms:language lang:ENG .
        <id/dataset/d1> a dcat:Dataset ; dcterms:title "Flux 2024"@fr ; dcterms:identifier "d1" ;
            dcterms:issued "2024-03-12"^^xsd:date ;
            dcterms:modified "2024-03-12T10:00:00Z"^^xsd:dateTime ;
            eit:sha256 "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" ;
            eit:rowCount 12 ; eit:tripleCount 240 ; eit:graph <graph/dataset/d1> ;
            prov:wasGeneratedBy <id/dataset/d1/import/20240312T100000Z> .
        <id/dataset/d1/import/20240312T100000Z> a eit:Import .
    """,
}
