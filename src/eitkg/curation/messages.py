"""The texts of import findings, in French and English: what is wrong and how to fix it.

Each rule has a severity, a message and a fix; ``{value}``, ``{header}`` and ``{suggestions}``
(and any other keyword given to :func:`finding`) are filled in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eitkg.curation.findings import Finding, Severity


@dataclass(frozen=True)
class Rule:
    severity: Severity
    message_fr: str
    message_en: str
    fix_fr: str
    fix_en: str


_SUGGEST_FR = "Valeurs proches : {suggestions}."
_SUGGEST_EN = "Closest known values: {suggestions_en}."

RULES: dict[str, Rule] = {
    "unknown-column": Rule(
        "Warning",
        "La colonne « {header} » ne fait pas partie du modèle : elle est ignorée.",
        "Column '{header}' is not part of the contract: it is ignored.",
        "Renommez-la (colonnes proches : {suggestions}) ou supprimez-la.",
        "Rename it (closest columns: {suggestions_en}) or remove it.",
    ),
    "extra-cells": Rule(
        "Warning",
        "La ligne a plus de cellules que d'en-têtes : « {value} » est ignoré.",
        "The row has more cells than headers: '{value}' is ignored.",
        "Vérifiez le séparateur et les guillemets de cette ligne.",
        "Check the separator and the quotes of this row.",
    ),
    "missing-actor": Rule(
        "Violation",
        "Ni nom d'acteur ni SIRET : le flux ne peut être rattaché à personne.",
        "Neither actor name nor SIRET: the flow cannot be attached to anyone.",
        "Remplissez {header} (ou le SIRET).",
        "Fill in {header} (or the SIRET).",
    ),
    "missing-direction": Rule(
        "Violation",
        "Le sens du flux est vide.",
        "The flow direction is empty.",
        "Écrivez « entrée » (besoin) ou « sortie » (disponible) dans {header}.",
        "Write 'in' (a need) or 'out' (an availability) in {header}.",
    ),
    "unknown-direction": Rule(
        "Violation",
        "Sens du flux inconnu : « {value} ».",
        "Unknown flow direction: '{value}'.",
        "Écrivez « entrée » (besoin) ou « sortie » (disponible). " + _SUGGEST_FR,
        "Write 'in' (a need) or 'out' (an availability). " + _SUGGEST_EN,
    ),
    "unknown-category": Rule(
        "Violation",
        "Catégorie de ressource inconnue : « {value} ».",
        "Unknown resource category: '{value}'.",
        "Prenez une notation ou un libellé de la taxonomie des ressources. " + _SUGGEST_FR,
        "Use a notation or a label of the resource taxonomy. " + _SUGGEST_EN,
    ),
    "malformed-waste-code": Rule(
        "Violation",
        "« {value} » n'est pas un code déchet à six chiffres.",
        "'{value}' is not a six-digit waste code.",
        "Écrivez l'entrée complète de la nomenclature, par exemple 03 01 05 ou 16 06 01*.",
        "Write the full List of Waste entry, for example 03 01 05 or 16 06 01*.",
    ),
    "unknown-waste-code": Rule(
        "Violation",
        "Le code déchet « {value} » n'existe pas dans la nomenclature.",
        "Waste code '{value}' is not in the List of Waste.",
        "Vérifiez le code. " + _SUGGEST_FR,
        "Check the code. " + _SUGGEST_EN,
    ),
    "waste-code-star": Rule(
        "Warning",
        "Le code « {value} » est écrit {written} astérisque, mais l'entrée {code} est {kind}.",
        "Code '{value}' is written {written_en} an asterisk, but entry {code} is {kind_en}.",
        "Écrivez {code} tel que la nomenclature le donne ; vérifiez la colonne dangereux.",
        "Write {code} as the List of Waste gives it; check the hazardous column.",
    ),
    "unknown-naf": Rule(
        "Violation",
        "Code NAF inconnu : « {value} ».",
        "Unknown NAF code: '{value}'.",
        "Écrivez le code APE, par exemple 20.14Z. " + _SUGGEST_FR,
        "Write the APE code, for example 20.14Z. " + _SUGGEST_EN,
    ),
    "naf-class-only": Rule(
        "Warning",
        "Le code NAF « {value} » n'a pas de lettre finale et couvre plusieurs sous-classes : "
        "il n'est pas retenu.",
        "NAF code '{value}' has no final letter and covers several sub-classes: it is not kept.",
        "Ajoutez la lettre finale : {suggestions}.",
        "Add the final letter: {suggestions_en}.",
    ),
    "unknown-treatment": Rule(
        "Violation",
        "Code de traitement inconnu : « {value} ».",
        "Unknown treatment code: '{value}'.",
        "Écrivez un code R ou D, par exemple R 3 ou D 10. " + _SUGGEST_FR,
        "Write an R or D code, for example R 3 or D 10. " + _SUGGEST_EN,
    ),
    "unknown-unit": Rule(
        "Violation",
        "Unité inconnue : « {value} ».",
        "Unknown unit: '{value}'.",
        "Utilisez t, kg, m3, L, MWh, kWh ou GJ. " + _SUGGEST_FR,
        "Use t, kg, m3, L, MWh, kWh or GJ. " + _SUGGEST_EN,
    ),
    "unknown-period": Rule(
        "Violation",
        "Période inconnue : « {value} ».",
        "Unknown period: '{value}'.",
        "Écrivez an, mois, semaine, jour ou ponctuel. " + _SUGGEST_FR,
        "Write year, month, week, day or once. " + _SUGGEST_EN,
    ),
    "unknown-quantity-type": Rule(
        "Violation",
        "Type de quantité inconnu : « {value} ».",
        "Unknown quantity type: '{value}'.",
        "Écrivez estimée ou mesurée. " + _SUGGEST_FR,
        "Write estimated or measured. " + _SUGGEST_EN,
    ),
    "unknown-physical-form": Rule(
        "Violation",
        "Forme physique inconnue : « {value} ».",
        "Unknown physical form: '{value}'.",
        _SUGGEST_FR,
        _SUGGEST_EN,
    ),
    "unknown-material-status": Rule(
        "Violation",
        "Statut de matière inconnu : « {value} ».",
        "Unknown material status: '{value}'.",
        "Écrivez déchet, sous-produit, sortie de statut de déchet ou produit. " + _SUGGEST_FR,
        "Write waste, by-product, end-of-waste or product. " + _SUGGEST_EN,
    ),
    "not-a-number": Rule(
        "Violation",
        "« {value} » n'est pas un nombre.",
        "'{value}' is not a number.",
        "Écrivez un nombre (1 200,5 ou 1200.5) ; NC ou vide si la valeur est inconnue.",
        "Write a number (1 200,5 or 1200.5); NC or empty when the value is unknown.",
    ),
    "negative-quantity": Rule(
        "Violation",
        "La quantité {value} est négative.",
        "Quantity {value} is negative.",
        "Une quantité est positive ou nulle : le sens du flux dit s'il entre ou sort.",
        "A quantity is zero or more: the direction tells whether it comes in or goes out.",
    ),
    "quantity-missing": Rule(
        "Warning",
        "Quantité non renseignée (« {value} ») : le flux est importé sans quantité.",
        "No quantity ('{value}'): the flow is imported without one.",
        "Donnez une estimation, même grossière, et indiquez type_quantite = estimée.",
        "Give an estimate, even rough, and set quantity_type = estimated.",
    ),
    "quantity-range": Rule(
        "Warning",
        "La quantité « {value} » est une fourchette : sa valeur médiane {middle} est retenue.",
        "Quantity '{value}' is a range: its middle value {middle} is kept.",
        "Donnez une seule valeur si vous la connaissez.",
        "Give one value if you know it.",
    ),
    "unit-without-quantity": Rule(
        "Info",
        "Une unité est donnée sans quantité : elle est ignorée.",
        "A unit is given without a quantity: it is ignored.",
        "Renseignez la quantité ou videz l'unité.",
        "Fill in the quantity or clear the unit.",
    ),
    "not-a-boolean": Rule(
        "Violation",
        "« {value} » n'est ni oui ni non.",
        "'{value}' is neither yes nor no.",
        "Écrivez oui ou non (yes/no, true/false, 1/0).",
        "Write yes or no (oui/non, true/false, 1/0).",
    ),
    "not-a-date": Rule(
        "Violation",
        "« {value} » n'est pas une date.",
        "'{value}' is not a date.",
        "Écrivez la date en 2024-03-12 ou 12/03/2024.",
        "Write the date as 2024-03-12 or 12/03/2024.",
    ),
    "lat-lon-swapped": Rule(
        "Violation",
        "Latitude {lat} et longitude {lon} semblent inversées : le point tombe hors de France, "
        "et en France une fois inversé.",
        "Latitude {lat} and longitude {lon} look swapped: the point falls outside France, "
        "and inside it once swapped.",
        "Échangez les colonnes latitude et longitude (la latitude de la France est 41 à 51).",
        "Swap the latitude and longitude columns (France lies at latitude 41 to 51).",
    ),
    "lat-lon-incomplete": Rule(
        "Violation",
        "Une seule des deux coordonnées est donnée.",
        "Only one of the two coordinates is given.",
        "Donnez la latitude et la longitude, ou aucune des deux.",
        "Give both latitude and longitude, or neither.",
    ),
    "duplicate-record-id": Rule(
        "Violation",
        "L'identifiant « {value} » est déjà utilisé ligne {first}.",
        "Identifier '{value}' is already used on row {first}.",
        "Donnez à chaque ligne un identifiant unique.",
        "Give every row a unique identifier.",
    ),
    "missing-record-id": Rule(
        "Warning",
        "Pas d'identifiant : « {value} » est utilisé.",
        "No identifier: '{value}' is used.",
        "Donnez un identifiant stable à chaque ligne, pour suivre les flux d'un import à l'autre.",
        "Give every row a stable identifier, so flows can be followed from one import to the next.",
    ),
    "formula-call": Rule(
        "Violation",
        "La cellule contient une formule de tableur : « {value} ». Elle n'est pas exécutée, "
        "mais elle le serait à la réouverture du fichier dans un tableur.",
        "The cell holds a spreadsheet formula: '{value}'. It is not run here, but it would be "
        "when the data is opened in a spreadsheet.",
        "Remplacez la formule par sa valeur, ou retirez le =, +, - ou @ du début.",
        "Replace the formula by its value, or remove the leading =, +, - or @.",
    ),
    "formula-text": Rule(
        "Warning",
        "La cellule commence comme une formule de tableur : « {value} ». Le texte est gardé tel "
        "quel ; les exports le neutralisent.",
        "The cell starts like a spreadsheet formula: '{value}'. The text is kept as is; exports "
        "neutralise it.",
        "Vérifiez que ce texte est voulu.",
        "Check that this text is intended.",
    ),
    "actor-name-conflict": Rule(
        "Warning",
        "Le SIREN {siren} porte déjà le nom « {other} » ({where}) ; ici : « {value} ».",
        "SIREN {siren} already has the name '{other}' ({where_en}); here: '{value}'.",
        "Vérifiez le SIRET ou harmonisez le nom de l'entreprise.",
        "Check the SIRET or make the company name the same.",
    ),
    "naf-conflict": Rule(
        "Warning",
        "Le SIREN {siren} a déjà l'activité {other} ({where}) ; ici : {value}.",
        "SIREN {siren} already has activity {other} ({where_en}); here: {value}.",
        "Vérifiez le code NAF de l'entreprise.",
        "Check the company's NAF code.",
    ),
    "park-created": Rule(
        "Info",
        "Le parc « {value} » n'existe pas encore : il est créé.",
        "Park '{value}' does not exist yet: it is created.",
        "Si c'est un parc connu sous un autre nom, écrivez ce nom. " + _SUGGEST_FR,
        "If it is a known park under another name, write that name. " + _SUGGEST_EN,
    ),
    "category-from-waste-code": Rule(
        "Info",
        "Catégorie déduite du code déchet : {category}.",
        "Category taken from the waste code: {category_en}.",
        "Renseignez la catégorie si celle-ci ne convient pas.",
        "Fill in the category if this one does not fit.",
    ),
    "named-graphs-merged": Rule(
        "Warning",
        "Le fichier RDF contient des graphes nommés ({value}) : tout est importé dans le graphe "
        "du jeu de données.",
        "The RDF file has named graphs ({value}): everything goes into the dataset's graph.",
        "Importez chaque graphe comme un jeu de données distinct si vous voulez les séparer.",
        "Import each graph as its own dataset to keep them apart.",
    ),
    "mojibake": Rule(
        "Warning",
        "Le texte « {value} » semble mal décodé (UTF-8 lu comme Windows-1252).",
        "Text '{value}' looks mis-decoded (UTF-8 read as Windows-1252).",
        "Réenregistrez le fichier en UTF-8 depuis le tableur d'origine.",
        "Save the file again as UTF-8 from the original spreadsheet.",
    ),
    "no-rows": Rule(
        "Violation",
        "Le fichier n'a aucune ligne de données sous les en-têtes.",
        "The file has no data row below the headers.",
        "Ajoutez une ligne par flux sous la ligne d'en-têtes.",
        "Add one row per flow below the header row.",
    ),
}


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""


def finding(rule: str, **fields: Any) -> Finding:
    """A finding for ``rule`` with its texts filled in.

    Keywords that are :class:`Finding` fields (row, column, header, value, focus, path) are set
    on it; every keyword also fills the texts.

    >>> f = finding("unknown-unit", value="tonnes/j", suggestions="t, kg", row=4, column="unit")
    >>> f.severity, f.row, f.message_en
    ('Violation', 4, "Unknown unit: 'tonnes/j'.")
    >>> f.fix_fr
    'Utilisez t, kg, m3, L, MWh, kWh ou GJ. Valeurs proches : t, kg.'
    """
    spec = RULES[rule]
    params = _Blank(fields)
    fix_fr, fix_en = spec.fix_fr, spec.fix_en
    if not params.get("suggestions"):
        params["suggestions"] = "—"
        fix_fr = fix_fr.replace(_SUGGEST_FR, "").strip()  # no "closest values: —"
        fix_en = fix_en.replace(_SUGGEST_EN, "").strip()
    if not params.get("suggestions_en"):
        params["suggestions_en"] = params["suggestions"]
    base = Finding(
        severity=fields.get("severity", spec.severity),
        rule=rule,
        message_fr=spec.message_fr.format_map(params),
        message_en=spec.message_en.format_map(params),
        fix_fr=fix_fr.format_map(params),
        fix_en=fix_en.format_map(params),
    )
    own = {
        k: fields[k]
        for k in ("row", "column", "header", "value", "focus", "path")
        if fields.get(k) is not None
    }
    return base.at(**own) if own else base
