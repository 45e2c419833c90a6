"""Render ``shapes/README.md`` from the shapes graph, so the page never drifts from the shapes.

Run ``.venv/bin/python -m tests.validation.readme`` after changing ``shapes/*.ttl``;
``test_shapes_graph.py`` fails while the page is stale.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, SH, Graph, Literal, URIRef
from rdflib.term import Node

from eitkg.resources import shapes_dir
from eitkg.validation import load_shapes
from eitkg.validation.report import path_text

from .conftest import short

INTRO = """\
# eitkg SHACL shapes / Formes SHACL d'eitkg

<!-- Generated from shapes/*.ttl by `.venv/bin/python -m tests.validation.readme`: do not edit. -->

**FR.** Ces formes contrôlent les données soumises à eitkg : acteurs, sites, flux (besoins
et disponibilités), synergies et gains (`eit.shacl.ttl`), retours d'expérience,
méthodologies et jeux de données (`catalogue.shacl.ttl`). Espace de noms
`https://w3id.org/eitkg/shapes#` (préfixe `eits:`). Gravités : une **Violation** bloque
l'import, un **Warning** (avertissement) et une **Info** informent seulement. Chaque
contrôle a un message en français et en anglais, et un conseil de correction
(`rdfs:comment`) repris ci-dessous.

**EN.** These shapes check the data submitted to eitkg: actors, sites, flows (needs and
availabilities), synergies and gains (`eit.shacl.ttl`), experience reports,
methodologies and datasets (`catalogue.shacl.ttl`). Namespace
`https://w3id.org/eitkg/shapes#` (prefix `eits:`). Severities: a **Violation** blocks an
import, a **Warning** and an **Info** only inform. Every check has a French and an English
message, and a fix hint (`rdfs:comment`) shown below.

## Using them / Utilisation

```python
from eitkg.rdf.io import RdfSource
from eitkg.validation import validate

report = validate(RdfSource.from_path(path), base_iri="http://localhost:8000/")
report.conforms          # False only if there is a Violation
print(report.text("fr"))  # or report.to_json(), report.to_turtle()
```

- **Context / contexte.** Vocabulary codes (`data/vocab/*.ttl`) and the class hierarchy
  (`ontology/*.ttl`) are read from the context, never validated: by default the shipped
  ontology and vocabularies; pass `context=[load_context(), *quads]` to add actors or
  sites of earlier datasets. Only the data's neighbourhood in the context (two hops, plus
  `rdfs:subClassOf`) is copied, and results are kept only for nodes the data describes
  (or mentions without the context describing them).
- **Vocabulary codes / codes des vocabulaires.** A code must be a `skos:Concept` of the
  context whose IRI follows the pattern of its scheme (`eitv:ewc/` + six digits for a List
  of Waste entry, `eitv:naf/` + `NN.NNX` for a NAF sub-class); units must be
  `skos:inScheme eitv:unit`.
- **Conformance / conformité.** `report.conforms` and the report's `sh:conforms` are false
  only when there is a Violation (pyshacl's `allow_warnings`): warnings never block.
- **Cost / coût.** Property shapes carry their own targets so pyshacl checks all focus
  nodes in one pass (about 0.1 to 0.3 s per shape for 5,000 flows). The six SHACL-SPARQL
  constraints (Luhn keys, SIRET/SIREN, position, hazardous flags) run once per focus node
  and target only the nodes that need them: about 1 ms per SIRET or SIREN, 0.7 ms per
  located site, 0.4 ms per flow with a waste code. 5,000 flows with 1,000 sites and
  1,000 companies (61,000 triples) validate in about 8 s of CPU, 1,000 flows in about 2 s.
- **Meta-validation.** `tests/validation` checks this graph against SHACL-SHACL and checks
  that every shape below has a failing and a passing example.
"""

_TARGET_WORDS = {
    SH.targetClass: "instances of",
    SH.targetSubjectsOf: "subjects of",
    SH.targetObjectsOf: "objects of",
}


def _text(graph: Graph, node: Node, predicate: URIRef, lang: str) -> str:
    for value in graph.objects(node, predicate):
        if isinstance(value, Literal) and value.language == lang:
            return str(value)
    return ""


def _cell(*parts: str) -> str:
    return "<br>".join(p.replace("|", "\\|").replace("\n", " ") for p in parts if p)


def _targets(graph: Graph, shape: Node) -> str:
    parts = []
    for predicate, words in _TARGET_WORDS.items():
        values = sorted(short(str(v)) or "" for v in graph.objects(shape, predicate))
        if values:
            parts.append(f"{words} " + ", ".join(f"`{v}`" for v in values))
    return "; ".join(parts)


def _group_of(graph: Graph, shape: URIRef, groups: list[URIRef]) -> URIRef:
    group = graph.value(shape, SH.group)
    if isinstance(group, URIRef):
        return group
    prefix = str(shape).split("#")[1].split("-")[0]
    return next(g for g in groups if str(g).endswith(f"#{prefix}Group"))


def _row(graph: Graph, shape: URIRef, group_targets: str) -> str:
    name = str(shape).split("#")[1]
    path = graph.value(shape, SH.path)
    where = _cell(f"`{short(path_text(graph, path))}`") if path is not None else "(node)"
    severity = str(graph.value(shape, SH.severity)).split("#")[1]
    holder = graph.value(shape, SH.sparql) or shape
    checks = _cell(_text(graph, holder, SH.message, "fr"), _text(graph, holder, SH.message, "en"))
    fix = _cell(_text(graph, shape, RDFS.comment, "fr"), _text(graph, shape, RDFS.comment, "en"))
    targets = _targets(graph, shape)
    name_cell = f"`{name}` ({targets})" if targets != group_targets else f"`{name}`"
    kind = " (SPARQL)" if holder != shape else ""
    return f"| {name_cell} | {where} | {severity}{kind} | {checks} | {fix} |"


def render() -> str:
    """The whole README page."""
    graph = load_shapes().graph
    text = "".join(
        (shapes_dir() / name).read_text(encoding="utf-8")
        for name in ("eit.shacl.ttl", "catalogue.shacl.ttl")
    )
    groups = sorted(
        (g for g in graph.subjects(RDF.type, SH.PropertyGroup) if isinstance(g, URIRef)),
        key=lambda g: text.index(f"eits:{str(g).split('#')[1]}\n"),
    )
    shapes = sorted(
        {s for p in _TARGET_WORDS for s in graph.subjects(p, None) if isinstance(s, URIRef)},
        key=lambda s: text.index(f"eits:{str(s).split('#')[1]}\n"),
    )
    lines = [INTRO]
    for group in groups:
        members = [s for s in shapes if _group_of(graph, s, groups) == group]
        property_members = [s for s in members if (s, SH.path, None) in graph] or members
        targets = _targets(graph, property_members[0])
        label_fr = _text(graph, group, RDFS.label, "fr")
        label_en = _text(graph, group, RDFS.label, "en")
        lines.append(f"## {label_fr} / {label_en} (`{short(str(group))}`)\n")
        lines.append(_text(graph, group, RDFS.comment, "fr") + "  ")
        lines.append(_text(graph, group, RDFS.comment, "en") + "\n")
        lines.append(f"Targets / cibles: {targets}.\n")
        lines.append("| Shape | Path | Severity | Checks (fr / en) | How to fix (fr / en) |")
        lines.append("|---|---|---|---|---|")
        lines.extend(_row(graph, s, targets) for s in members)
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    """Write ``shapes/README.md``."""
    (shapes_dir() / "README.md").write_text(render(), encoding="utf-8")


if __name__ == "__main__":
    main()
