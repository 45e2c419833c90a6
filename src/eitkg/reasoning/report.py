"""The result of a reasoner check, and its plain-text rendering (for ``eitkg check-ontology``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Lang = Literal["fr", "en"]

_TEXT: dict[str, dict[Lang, str]] = {
    "title_ok": {
        "en": "Ontology check (HermiT): consistent",
        "fr": "Vérification de l'ontologie (HermiT) : cohérente",
    },
    "title_unsat": {
        "en": "Ontology check (HermiT): consistent, but {n} unsatisfiable class(es)",
        "fr": "Vérification de l'ontologie (HermiT) : cohérente, "
        "mais {n} classe(s) insatisfiable(s)",
    },
    "title_bad": {
        "en": "Ontology check (HermiT): INCONSISTENT",
        "fr": "Vérification de l'ontologie (HermiT) : INCOHÉRENTE",
    },
    "files": {"en": "files ({n}):", "fr": "fichiers ({n}) :"},
    "counts": {
        "en": "{triples} triples; {classes} classes; {properties} properties "
        "({obj} object, {data} datatype, {ann} annotation); {individuals} individuals",
        "fr": "{triples} triplets ; {classes} classes ; {properties} propriétés "
        "({obj} d'objet, {data} de données, {ann} d'annotation) ; {individuals} individus",
    },
    "unsat": {
        "en": "unsatisfiable classes (equivalent to owl:Nothing):",
        "fr": "classes insatisfiables (équivalentes à owl:Nothing) :",
    },
    "unsat_none": {"en": "unsatisfiable classes: none", "fr": "classes insatisfiables : aucune"},
    "dl": {
        "en": "OWL 2 DL declaration problems ({n}):",
        "fr": "problèmes de déclaration OWL 2 DL ({n}) :",
    },
    "time": {
        "en": "time: {total:.1f} s (reasoner {reasoner:.1f} s)",
        "fr": "durée : {total:.1f} s (raisonneur {reasoner:.1f} s)",
    },
}

INCONSISTENT_MESSAGE: dict[Lang, str] = {
    "en": "The ontology and vocabularies are inconsistent: no interpretation satisfies them "
    "all. Look for an individual typed with two disjoint classes (Need and Availability, "
    "Company and PublicBody, a vocabulary concept used as a flow or an actor...) or a value "
    "outside a property's range.",
    "fr": "L'ontologie et les vocabulaires sont incohérents : aucune interprétation ne les "
    "satisfait tous. Cherchez un individu typé par deux classes disjointes (Need et "
    "Availability, Company et PublicBody, un concept de vocabulaire employé comme flux ou "
    "acteur...) ou une valeur hors de la portée d'une propriété.",
}


@dataclass(frozen=True)
class ReasonerReport:
    """What HermiT said about the ontology plus the vocabularies, with the size of the input."""

    consistent: bool
    unsatisfiable: tuple[str, ...]
    files: tuple[str, ...]
    triples: int
    classes: int
    object_properties: int
    datatype_properties: int
    annotation_properties: int
    individuals: int
    elapsed_seconds: float
    reasoner_seconds: float
    dl_violations: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """Consistent and without unsatisfiable classes."""
        return self.consistent and not self.unsatisfiable

    @property
    def properties(self) -> int:
        """How many properties, all kinds together."""
        return self.object_properties + self.datatype_properties + self.annotation_properties

    def message(self, lang: Lang = "en") -> str:
        """One sentence for an error or a log line.

        >>> report = ReasonerReport(False, (), (), 0, 0, 0, 0, 0, 0, 0.0, 0.0)
        >>> report.message().split(":")[0]
        'The ontology and vocabularies are inconsistent'
        """
        if not self.consistent:
            return INCONSISTENT_MESSAGE[lang]
        if self.unsatisfiable:
            title = _TEXT["title_unsat"][lang].format(n=len(self.unsatisfiable))
            return f"{title}: {', '.join(self.unsatisfiable)}"
        return _TEXT["title_ok"][lang]

    def lines(self, lang: Lang = "en") -> list[str]:
        """The report as plain-text lines, in French or English.

        >>> report = ReasonerReport(True, (), ("eit.ttl",), 10, 2, 1, 1, 0, 3, 1.25, 1.0)
        >>> report.lines()[0]
        'Ontology check (HermiT): consistent'
        """
        text = {key: value[lang] for key, value in _TEXT.items()}
        if not self.consistent:
            lines = [text["title_bad"], f"  {INCONSISTENT_MESSAGE[lang]}"]
        elif self.unsatisfiable:
            lines = [text["title_unsat"].format(n=len(self.unsatisfiable))]
        else:
            lines = [text["title_ok"]]
        lines.append("  " + text["files"].format(n=len(self.files)))
        lines.extend(f"    {name}" for name in self.files)
        counts = text["counts"].format(
            triples=self.triples,
            classes=self.classes,
            properties=self.properties,
            obj=self.object_properties,
            data=self.datatype_properties,
            ann=self.annotation_properties,
            individuals=self.individuals,
        )
        lines.append(f"  {counts}")
        if self.unsatisfiable:
            lines.append("  " + text["unsat"])
            lines.extend(f"    {iri}" for iri in self.unsatisfiable)
        elif self.consistent:
            lines.append("  " + text["unsat_none"])
        if self.dl_violations:
            lines.append("  " + text["dl"].format(n=len(self.dl_violations)))
            lines.extend(f"    {problem}" for problem in self.dl_violations)
        timing = text["time"].format(total=self.elapsed_seconds, reasoner=self.reasoner_seconds)
        lines.append(f"  {timing}")
        return lines
