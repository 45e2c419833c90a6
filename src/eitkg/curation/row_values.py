"""The cells of one row, read as values; a cell that cannot be read becomes a finding."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from pyoxigraph import NamedNode

from eitkg.curation.cells import (
    CellError,
    decimal_text,
    is_missing,
    parse_boolean,
    parse_date,
    parse_decimal,
    parse_quantity,
)
from eitkg.curation.columns import ColumnMap
from eitkg.curation.findings import Finding
from eitkg.curation.messages import finding
from eitkg.curation.resolve import Resolution, Resolver
from eitkg.curation.tabular import TableRow
from eitkg.curation.vocab import Concept


class RowValues:
    """Typed access to one row's cells; every failure is reported once, on its column."""

    def __init__(
        self,
        row: TableRow,
        columns: ColumnMap,
        resolver: Resolver,
        findings: list[Finding],
        focus: NamedNode | None = None,
    ) -> None:
        self.row = row
        self.columns = columns
        self.resolver = resolver
        self.findings = findings
        self.focus = focus
        self._failed: set[str] = set()
        self._period_from_unit: Concept | None = None

    def text(self, key: str) -> str:
        """The cell of column ``key``, stripped ("" when the column is absent)."""
        position = self.columns.positions.get(key)
        if position is None or position >= len(self.row.cells):
            return ""
        return self.row.cells[position].strip()

    def failed(self, key: str) -> bool:
        """Whether reading the cell of ``key`` produced a finding."""
        return key in self._failed

    def report(self, rule: str, column: str | None, **params: Any) -> None:
        """Add a finding for this row (and the current flow), on ``column``."""
        if column is not None:
            self._failed.add(column)
        params.setdefault("value", self.text(column) if column else None)
        params.setdefault("header", self.columns.header_of(column) if column else None)
        focus = params.pop("focus", self.focus)
        self.findings.append(
            finding(
                rule,
                row=self.row.number,
                column=column,
                focus=focus.value if isinstance(focus, NamedNode) else None,
                **params,
            )
        )

    # -- scalars ----------------------------------------------------------------------------

    def number(self, key: str) -> Decimal | None:
        text = self.text(key)
        if is_missing(text):
            return None
        try:
            return parse_decimal(text)
        except CellError as error:
            self.report(error.rule, key, value=text)
            return None

    def quantity(self) -> Decimal | None:
        """The quantity: ``NC`` or empty is a warning, a range keeps its middle, < 0 refused."""
        text = self.text("quantity")
        if is_missing(text):
            if "quantity" in self.columns.positions:
                self.report("quantity-missing", "quantity", value=text or "")
            return None
        try:
            quantity = parse_quantity(text)
        except CellError as error:
            self.report(error.rule, "quantity", value=text)
            return None
        if quantity.value < 0:
            self.report("negative-quantity", "quantity", value=text)
            return None
        if quantity.is_range:
            self.report(
                "quantity-range", "quantity", value=text, middle=decimal_text(quantity.value)
            )
        return quantity.value

    def boolean(self, key: str) -> bool | None:
        text = self.text(key)
        if is_missing(text) or key in self._failed:
            return None
        try:
            return parse_boolean(text)
        except CellError as error:
            self.report(error.rule, key, value=text)
            return None

    def date(self, key: str) -> dt.date | None:
        text = self.text(key)
        if is_missing(text):
            return None
        try:
            return parse_date(text)
        except CellError as error:
            self.report(error.rule, key, value=text)
            return None

    # -- vocabulary -------------------------------------------------------------------------

    def concept(self, key: str, resolve: Callable[[str], Resolution]) -> NamedNode | None:
        """The concept the cell of ``key`` names, or ``None`` (reported when unknown)."""
        text = self.text(key)
        if is_missing(text):
            return None
        resolution = resolve(text)
        if resolution.concept is None:
            self._unresolved(key, text, resolution)
            return None
        return NamedNode(resolution.concept.iri)

    def _unresolved(self, key: str, text: str, resolution: Resolution) -> None:
        assert resolution.rule is not None
        self.report(
            resolution.rule,
            key,
            value=text,
            suggestions=resolution.suggestions_fr,
            suggestions_en=resolution.suggestions_en,
            **resolution.params,
        )

    def waste_code(self) -> Concept | None:
        """The List of Waste entry; a star that disagrees with the entry is a warning."""
        text = self.text("ewc_code")
        if is_missing(text):
            return None
        resolution = self.resolver.waste_code(text)
        code = resolution.concept
        if code is None:
            self._unresolved("ewc_code", text, resolution)
            return None
        hazardous = code.fact("hazardous") == "true"
        star = resolution.params.get("star") == "yes"
        if star != hazardous and code.fact("mirrorEntry") != "true":
            spelled = max(code.notations, key=len)
            self.report(
                "waste-code-star",
                "ewc_code",
                value=text,
                code=spelled,
                written="avec" if star else "sans",
                written_en="with" if star else "without",
                kind="non dangereuse" if star else "dangereuse",
                kind_en="not hazardous" if star else "hazardous",
            )
        return code

    def unit_and_period(self) -> tuple[Concept | None, Concept | None]:
        """The unit and the period of the quantity (``t/an`` in the unit column gives both)."""
        unit_text, period_text = self.text("unit"), self.text("period")
        unit: Concept | None = None
        period: Concept | None = None
        from_unit: Concept | None = None
        if not is_missing(unit_text):
            resolved, embedded = self.resolver.unit_and_period(unit_text)
            if resolved.concept is None:
                self._unresolved("unit", unit_text, resolved)
            unit = resolved.concept
            from_unit = embedded.concept if embedded is not None else None
        if not is_missing(period_text):
            resolved_period = self.resolver.period(period_text)
            if resolved_period.concept is None:
                self._unresolved("period", period_text, resolved_period)
            period = resolved_period.concept
        elif from_unit is not None:
            period = from_unit
        return unit, period
