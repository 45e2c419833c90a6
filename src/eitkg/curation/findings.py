"""What the import found: one :class:`Finding` per problem, from reading the file or from SHACL."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

Severity = Literal["Violation", "Warning", "Info"]
Origin = Literal["import", "shacl"]
SEVERITIES: tuple[Severity, ...] = ("Violation", "Warning", "Info")


@dataclass(frozen=True)
class Finding:
    """One problem: where (row, column, entity), what (value, rule) and how to fix it (fr/en).

    ``column`` is the contract key (``quantity``); ``header`` is the header as the file wrote it.
    ``focus`` and ``path`` are IRIs (the entity and property concerned), when there is one.
    """

    severity: Severity
    rule: str
    message_fr: str
    message_en: str
    fix_fr: str = ""
    fix_en: str = ""
    row: int | None = None
    column: str | None = None
    header: str | None = None
    value: str | None = None
    focus: str | None = None
    path: str | None = None
    shape: str | None = None
    component: str | None = None
    origin: Origin = "import"

    def message(self, lang: str) -> str:
        return self.message_fr if lang == "fr" else self.message_en

    def fix(self, lang: str) -> str:
        return self.fix_fr if lang == "fr" else self.fix_en

    def at(self, **changes: object) -> Finding:
        """A copy with some fields changed (row, column, focus…)."""
        return replace(self, **changes)  # type: ignore[arg-type]


def count(findings: list[Finding], severity: Severity) -> int:
    """How many findings have ``severity``."""
    return sum(1 for f in findings if f.severity == severity)


def sort_key(finding: Finding) -> tuple[int, int, str, str, str]:
    """Order for reports: by row (entity findings last), then severity, then column."""
    return (
        finding.row if finding.row is not None else 1 << 30,
        SEVERITIES.index(finding.severity),
        finding.focus or "",
        finding.column or "",
        finding.rule,
    )
