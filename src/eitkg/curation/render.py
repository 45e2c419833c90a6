"""The curator report for people: plain text, HTML (escaped) and CSV, in French or English.

Findings are grouped by spreadsheet row (or by entity when there is no row). Every value a
spreadsheet could run as a formula is written with a leading apostrophe in CSV and HTML.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterator

from eitkg.curation.cells import neutralise
from eitkg.curation.findings import SEVERITIES, Finding
from eitkg.curation.report import ImportReport

WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "title": "Rapport d'import",
        "file": "Fichier",
        "dataset": "Jeu de données",
        "rows": "lignes",
        "triples": "triplets",
        "verdict_ok": "Import possible : aucune violation.",
        "verdict_ko": "Import refusé : corrigez les violations et réessayez.",
        "row": "Ligne",
        "file_level": "Fichier",
        "entity": "Entité",
        "value": "valeur",
        "fix": "à faire",
        "column": "colonne",
        "Violation": "Violation",
        "Warning": "Avertissement",
        "Info": "Info",
        "none": "Rien à signaler.",
        "severity": "gravité",
        "rule": "règle",
        "message": "message",
        "encoding": "encodage",
        "separator": "séparateur",
        "flows": "flux",
    },
    "en": {
        "title": "Import report",
        "file": "File",
        "dataset": "Dataset",
        "rows": "rows",
        "triples": "triples",
        "verdict_ok": "Can be imported: no violation.",
        "verdict_ko": "Rejected: fix the violations and try again.",
        "row": "Row",
        "file_level": "File",
        "entity": "Entity",
        "value": "value",
        "fix": "fix",
        "column": "column",
        "Violation": "Violation",
        "Warning": "Warning",
        "Info": "Info",
        "none": "Nothing to report.",
        "severity": "severity",
        "rule": "rule",
        "message": "message",
        "encoding": "encoding",
        "separator": "separator",
        "flows": "flows",
    },
}
_SEPARATORS = {";": "';'", ",": "','", "\t": "tab"}


def groups(report: ImportReport, lang: str) -> Iterator[tuple[str, list[Finding]]]:
    """Findings grouped under a heading: ``Ligne 4``, ``Fichier``, or ``Entité <iri>``."""
    words = WORDS[lang]
    current: str | None = None
    items: list[Finding] = []
    for item in report.sorted_findings():
        if item.row is not None and item.row > 1:
            heading = f"{words['row']} {item.row}"
        elif item.row == 1 or item.focus is None:
            heading = words["file_level"]
        else:
            heading = f"{words['entity']} {item.focus}"
        if heading != current and items:
            yield current or "", items
            items = []
        current = heading
        items.append(item)
    if items:
        yield current or "", items


def _summary(report: ImportReport, lang: str) -> list[str]:
    words = WORDS[lang]
    counts = report.counts
    tally = ", ".join(_count(counts[s], words[s].lower() + "s") for s in SEVERITIES)
    lines = [
        f"{words['title']} — {words['dataset']} {report.dataset}",
        f"{words['file']}: {report.source} ({report.kind}, "
        f"{_count(report.rows, words['rows'])}, {_count(report.triples, words['triples'])})",
    ]
    if report.encoding:
        separator = _SEPARATORS.get(report.delimiter or "", report.delimiter or "")
        lines.append(f"{words['encoding']}: {report.encoding}; {words['separator']}: {separator}")
    lines.append(f"{words['verdict_ok'] if report.conforms else words['verdict_ko']} ({tally})")
    return lines


def _count(number: int, plural: str) -> str:
    return f"{number} {plural if number > 1 else plural.removesuffix('s')}"


def _where(item: Finding, lang: str) -> str:
    words = WORDS[lang]
    column = item.header or item.column
    return f"{words['column']} {column}" if column else ""


def to_text(report: ImportReport, lang: str = "fr") -> str:
    """The report as plain text."""
    words = WORDS[lang]
    lines = _summary(report, lang)
    if not report.findings:
        lines.append(words["none"])
    for heading, items in groups(report, lang):
        lines.append("")
        lines.append(heading)
        for item in items:
            where = _where(item, lang)
            value = f" {words['value']} « {item.value} »" if item.value else ""
            lead = f"  [{words[item.severity]}] {where}{value}".rstrip()
            lines.append(f"{lead}: {item.message(lang)}")
            if item.fix(lang):
                lines.append(f"      → {words['fix']}: {item.fix(lang)}")
    return "\n".join(lines) + "\n"


def to_html(report: ImportReport, lang: str = "fr") -> str:
    """The report as a standalone HTML page; every value is escaped and neutralised."""
    words = WORDS[lang]
    e = html.escape
    summary = _summary(report, lang)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        f"<title>{e(summary[0])}</title>",
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}"
        ".Violation{color:#a00}.Warning{color:#a60}.Info{color:#357}</style>",
        "</head><body>",
        f"<h1>{e(summary[0])}</h1>",
    ]
    parts += [f"<p>{e(line)}</p>" for line in summary[1:]]
    if not report.findings:
        parts.append(f"<p>{e(words['none'])}</p>")
    for heading, items in groups(report, lang):
        parts.append(
            f"<h2>{e(heading)}</h2><table><tr><th>{e(words['severity'])}</th>"
            f"<th>{e(words['column'])}</th><th>{e(words['value'])}</th>"
            f"<th>{e(words['message'])}</th><th>{e(words['fix'])}</th></tr>"
        )
        for item in items:
            parts.append(
                f'<tr class="{e(item.severity)}"><td>{e(words[item.severity])}</td>'
                f"<td>{e(item.header or item.column or '')}</td>"
                f"<td><code>{e(neutralise(item.value or ''))}</code></td>"
                f"<td>{e(item.message(lang))}</td><td>{e(item.fix(lang))}</td></tr>"
            )
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def to_csv(report: ImportReport, lang: str = "fr") -> str:
    """The findings as CSV (one per line); formula-like cells are neutralised."""
    words = WORDS[lang]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        [
            words["severity"],
            words["row"].lower(),
            words["column"],
            words["value"],
            words["rule"],
            words["message"],
            words["fix"],
            "focus",
        ]
    )
    for item in report.sorted_findings():
        cells = [
            words[item.severity],
            "" if item.row is None else str(item.row),
            item.header or item.column or "",
            item.value or "",
            item.rule,
            item.message(lang),
            item.fix(lang),
            item.focus or "",
        ]
        writer.writerow([neutralise(cell) for cell in cells])
    return buffer.getvalue()
