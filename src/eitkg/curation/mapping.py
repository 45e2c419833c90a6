"""Map inventory rows to RDF, following ``docs/model.md``.

One row gives one flow (``eit:Need`` or ``eit:Availability``) of one site of one actor. A cell
that cannot be read (an unknown unit, a number that is not one) becomes a finding and is left
out of the graph, so SHACL never reports the same cell twice.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from pyoxigraph import Literal, NamedNode, Triple

from eitkg.curation.cells import decimal_text, fold, formula_risk
from eitkg.curation.columns import COLUMNS, ColumnMap
from eitkg.curation.findings import Finding
from eitkg.curation.messages import finding
from eitkg.curation.resolve import Resolver, direction, direction_suggestions
from eitkg.curation.row_values import RowValues
from eitkg.curation.tabular import Table, TableRow
from eitkg.namespaces import DCTERMS, EIT, GEO, ORG, PROV, RDF, RDFS, SKOS, WGS, XSD
from eitkg.rdf.iris import IriMinter, digits, slugify

_MOJIBAKE = re.compile("Ã[\u0080-\u00bf]|â€[\u0080-\u00bf™œ\u009d]")
_TEXT_COLUMNS = (
    "record_id",
    "actor_name",
    "flow_label",
    "quality_notes",
    "site_address",
    "commune_name",
    "park",
    "source",
    "collected_by",
)


def iri(namespace: str, local: str) -> NamedNode:
    return NamedNode(namespace + local)


def typed(value: str, datatype: str) -> Literal:
    return Literal(value, datatype=NamedNode(XSD + datatype))


A = iri(RDF, "type")


@dataclass
class Park:
    """A park the rows name: an existing one (by label) or a new one."""

    iri: NamedNode
    label: str
    exists: bool


class ParkLookup(Protocol):
    """Finds a park by name (an existing one, or a new one to create)."""

    def __call__(self, name: str) -> Park: ...

    def suggestions(self, name: str) -> str: ...


@dataclass
class MappedRows:
    """What the rows became: triples, findings, and where each entity came from."""

    triples: dict[Triple, None] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    flow_rows: dict[str, int] = field(default_factory=dict)
    entity_rows: dict[str, list[int]] = field(default_factory=dict)
    actor_names: dict[str, tuple[str, int | None]] = field(default_factory=dict)
    actor_naf: dict[str, tuple[str, int | None]] = field(default_factory=dict)
    record_ids: dict[str, int] = field(default_factory=dict)
    parks: dict[str, Park] = field(default_factory=dict)

    def add(self, subject: NamedNode, predicate: NamedNode, obj: NamedNode | Literal) -> None:
        self.triples[Triple(subject, predicate, obj)] = None

    def used_by(self, entity: NamedNode, row: int) -> None:
        rows = self.entity_rows.setdefault(entity.value, [])
        if row not in rows:
            rows.append(row)


@dataclass
class RowMapper:
    """Maps the rows of one table into one dataset."""

    table: Table
    columns: ColumnMap
    resolver: Resolver
    minter: IriMinter
    dataset: str
    find_park: ParkLookup
    out: MappedRows = field(default_factory=MappedRows)

    def map_all(self, progress: Callable[[int, int], None] | None = None) -> MappedRows:
        """Map every row; ``progress(done, total)`` is called as rows go."""
        for position in self.columns.unknown:
            self.out.findings.append(self._unknown_column(position[1]))
        if not self.table.rows:
            self.out.findings.append(finding("no-rows", row=1))
        total = len(self.table.rows)
        for done, row in enumerate(self.table.rows, start=1):
            self.map_row(row)
            if progress is not None and (done % 200 == 0 or done == total):
                progress(done, total)
        return self.out

    def _unknown_column(self, header: str) -> Finding:
        names = {fold(n): c.key for c in COLUMNS for n in (c.key, c.fr)}
        close = difflib.get_close_matches(fold(header), list(names), n=3, cutoff=0.5)
        return finding(
            "unknown-column",
            row=1,
            header=header,
            value=header,
            suggestions=", ".join(dict.fromkeys(names[c] for c in close)),
        )

    def map_row(self, row: TableRow) -> None:
        values = RowValues(row, self.columns, self.resolver, self.out.findings)
        if row.extra:
            values.report("extra-cells", None, value=" | ".join(row.extra))
        record = self._record_id(values)
        if record is None:
            return
        flow = self.minter.flow(self.dataset, record)
        values.focus = flow
        self._check_text(values)
        if flow.value in self.out.flow_rows:
            first = self.out.flow_rows[flow.value]
            values.report("duplicate-record-id", "record_id", value=record, first=str(first))
            return
        self.out.flow_rows[flow.value] = row.number
        self.out.record_ids[record] = row.number
        actor = self._actor(values)
        if actor is None:
            values.report(
                "missing-actor", "actor_name", header=self.columns.header_of("actor_name")
            )
            return
        site = self._site(values, actor)
        self._flow(values, flow, actor, site, record)

    # -- identity ----------------------------------------------------------------------------

    def _check_text(self, values: RowValues) -> None:
        """Formulas a spreadsheet would run, and text mis-decoded upstream (``Ã©``)."""
        for key in _TEXT_COLUMNS:
            text = values.text(key)
            risk = formula_risk(text) if text else "none"
            if risk == "call":
                values.report("formula-call", key, value=text)
            elif risk == "formula":
                values.report("formula-text", key, value=text)
            elif text and _MOJIBAKE.search(text):
                values.report("mojibake", key, value=text)

    def _record_id(self, values: RowValues) -> str | None:
        raw = values.text("record_id")
        try:
            slugify(raw)
            return raw
        except ValueError:
            generated = f"row-{values.row.number}"
            values.report("missing-record-id", "record_id", value=generated)
            return generated

    def _actor(self, values: RowValues) -> NamedNode | None:
        name, siret = values.text("actor_name"), digits(values.text("siret"))
        out, row = self.out, values.row.number
        if len(siret) == 14:
            actor = self.minter.actor_for_siret(siret)
            out.add(actor, A, iri(EIT, "Company"))
            out.add(actor, iri(EIT, "siren"), Literal(siret[:9]))
        elif name:
            try:
                actor = self.minter.actor_for_name(name)
            except ValueError:
                return None
            out.add(actor, A, iri(EIT, "Actor"))
        else:
            return None
        out.used_by(actor, row)
        names = out.actor_names
        if name and self._remember(names, values, actor, name, "actor-name-conflict", "actor_name"):
            out.add(actor, iri(SKOS, "prefLabel"), Literal(name))
        naf = values.concept("naf_code", self.resolver.naf)
        if naf is not None:
            code = naf.value.rsplit("/", 1)[-1]
            if self._remember(out.actor_naf, values, actor, code, "naf-conflict", "naf_code"):
                out.add(actor, iri(EIT, "nafActivity"), naf)
        return actor

    def _remember(
        self,
        seen: dict[str, tuple[str, int | None]],
        values: RowValues,
        actor: NamedNode,
        value: str,
        rule: str,
        column: str,
    ) -> bool:
        """Keep the first value given for an actor; a different one later is a warning."""
        first = seen.setdefault(actor.value, (value, values.row.number))
        if first[0] == value:
            return True
        values.report(
            rule,
            column,
            value=value,
            other=first[0],
            siren=actor.value.rsplit("/", 1)[-1],
            where=f"ligne {first[1]}",
            where_en=f"row {first[1]}",
            focus=actor,
        )
        return False

    def _site(self, values: RowValues, actor: NamedNode) -> NamedNode:
        out, row = self.out, values.row.number
        siret = digits(values.text("siret"))
        address = values.text("site_address")
        if len(siret) == 14:
            site = self.minter.site_for_siret(siret)
        else:
            key = actor.value.rsplit("/", 1)[-1]
            place = address or values.text("commune_name") or values.text("postal_code") or "site"
            site = self.minter.site_for_actor(key, place)
        out.used_by(site, row)
        out.add(site, A, iri(EIT, "Site"))
        out.add(site, iri(ORG, "siteOf"), actor)
        out.add(actor, iri(ORG, "hasSite"), site)
        if siret:
            out.add(site, iri(EIT, "siret"), Literal(siret))
        for key, local in (
            ("site_address", "streetAddress"),
            ("postal_code", "postalCode"),
            ("commune_insee", "communeCode"),
            ("commune_name", "communeName"),
        ):
            text = values.text(key)
            if text:
                out.add(site, iri(EIT, local), Literal(text))
        self._position(values, site)
        park_name = values.text("park")
        if park_name:
            park = self.find_park(park_name)
            if park.iri.value not in self.out.parks:
                self.out.parks[park.iri.value] = park
                if not park.exists:
                    values.report(
                        "park-created",
                        "park",
                        value=park_name,
                        focus=park.iri,
                        suggestions=self.find_park.suggestions(park_name),
                    )
            if not park.exists:
                out.add(park.iri, A, iri(EIT, "IndustrialPark"))
                out.add(park.iri, iri(SKOS, "prefLabel"), Literal(park.label))
            out.used_by(park.iri, row)
            out.add(site, iri(EIT, "inPark"), park.iri)
            out.add(park.iri, iri(ORG, "hasMember"), actor)
        return site

    def _position(self, values: RowValues, site: NamedNode) -> None:
        lat, lon = values.number("lat"), values.number("lon")
        if lat is None and lon is None:
            return
        if (lat is None) != (lon is None):
            if not values.failed("lat") and not values.failed("lon"):
                values.report("lat-lon-incomplete", "lat" if lat is None else "lon")
            return
        assert lat is not None and lon is not None
        if not _in_france(lat, lon) and _in_france(lon, lat):
            values.report(
                "lat-lon-swapped", "lat", value=f"{lat}, {lon}", lat=str(lat), lon=str(lon)
            )
            return
        out = self.out
        out.add(site, iri(WGS, "lat"), typed(decimal_text(lat), "decimal"))
        out.add(site, iri(WGS, "long"), typed(decimal_text(lon), "decimal"))
        geometry = self.minter.geometry(site)
        out.add(site, iri(GEO, "hasGeometry"), geometry)
        out.add(geometry, A, iri(GEO, "Geometry"))
        wkt = f"POINT({decimal_text(lon)} {decimal_text(lat)})"
        out.add(geometry, iri(GEO, "asWKT"), Literal(wkt, datatype=iri(GEO, "wktLiteral")))

    # -- the flow ----------------------------------------------------------------------------

    def _flow(
        self, values: RowValues, flow: NamedNode, actor: NamedNode, site: NamedNode, record: str
    ) -> None:
        out = self.out
        out.add(flow, A, self._direction(values))
        label = values.text("flow_label")
        if label:
            out.add(flow, iri(RDFS, "label"), Literal(label))
        out.add(flow, iri(EIT, "site"), site)
        out.add(flow, iri(EIT, "actor"), actor)
        out.add(flow, iri(EIT, "recordId"), Literal(record))
        out.add(flow, iri(EIT, "sourceRow"), typed(str(values.row.number), "integer"))
        out.add(flow, iri(PROV, "wasDerivedFrom"), self.minter.dataset(self.dataset))
        self._resource(values, flow)
        self._quantity(values, flow)
        for key, local, scheme in (
            ("quantity_type", "quantityType", "quantity-type"),
            ("physical_form", "physicalForm", "physical-form"),
            ("material_status", "materialStatus", "material-status"),
        ):
            concept = values.concept(key, self.resolver.in_scheme(scheme))
            if concept is not None:
                out.add(flow, iri(EIT, local), concept)
        treatment = values.concept("current_treatment", self.resolver.treatment)
        if treatment is not None:
            out.add(flow, iri(EIT, "currentTreatment"), treatment)
        for key, predicate in (
            ("quality_notes", EIT + "qualityNotes"),
            ("source", DCTERMS + "source"),
            ("collected_by", DCTERMS + "contributor"),
        ):
            text = values.text(key)
            if text:
                out.add(flow, NamedNode(predicate), Literal(text))
        for key, predicate in (
            ("available_from", EIT + "availableFrom"),
            ("available_until", EIT + "availableUntil"),
            ("collected_on", DCTERMS + "created"),
        ):
            date = values.date(key)
            if date is not None:
                out.add(flow, NamedNode(predicate), typed(date.isoformat(), "date"))
        cost = values.number("annual_cost_eur")
        if cost is not None:
            out.add(flow, iri(EIT, "annualCostEur"), typed(decimal_text(cost), "decimal"))
        confidential = values.boolean("confidential")
        if confidential is not None:
            out.add(flow, iri(EIT, "confidential"), typed(str(confidential).lower(), "boolean"))

    def _direction(self, values: RowValues) -> NamedNode:
        text = values.text("direction")
        header = self.columns.header_of("direction")
        if not text:
            values.report("missing-direction", "direction", header=header)
            return iri(EIT, "Flow")
        kind = direction(text)
        if kind is None:
            values.report(
                "unknown-direction",
                "direction",
                value=text,
                suggestions=direction_suggestions(text),
            )
            return iri(EIT, "Flow")
        return iri(EIT, kind)

    def _resource(self, values: RowValues, flow: NamedNode) -> None:
        category = values.concept("category", self.resolver.category)
        code = values.waste_code()
        if code is not None:
            self.out.add(flow, iri(EIT, "wasteCode"), NamedNode(code.iri))
            hazardous = values.boolean("hazardous")
            if hazardous is None and not values.failed("hazardous"):
                flag = code.fact("hazardous")
                if flag is not None:
                    self.out.add(flow, iri(EIT, "hazardous"), typed(flag, "boolean"))
            if category is None and not values.text("category"):
                inferred = self.resolver.category_for_waste_code(code)
                if inferred is not None:
                    category = NamedNode(inferred.iri)
                    values.report(
                        "category-from-waste-code",
                        "category",
                        category=inferred.display("fr"),
                        category_en=inferred.display("en"),
                        value=values.text("ewc_code"),
                    )
        hazardous = values.boolean("hazardous")
        if hazardous is not None:
            self.out.add(flow, iri(EIT, "hazardous"), typed(str(hazardous).lower(), "boolean"))
        if category is not None:
            self.out.add(flow, iri(EIT, "resourceCategory"), category)

    def _quantity(self, values: RowValues, flow: NamedNode) -> None:
        out = self.out
        quantity = values.quantity()
        unit_text = values.text("unit")
        if quantity is None:
            if unit_text and not values.failed("quantity"):
                values.report("unit-without-quantity", "unit", value=unit_text)
            return
        out.add(flow, iri(EIT, "quantity"), typed(decimal_text(quantity), "decimal"))
        unit, period = values.unit_and_period()
        if unit is not None:
            out.add(flow, iri(EIT, "unit"), NamedNode(unit.iri))
        if period is not None:
            out.add(flow, iri(EIT, "period"), NamedNode(period.iri))
        if unit is None or period is None:
            return
        factor = self.resolver.vocabularies.factor(unit.iri)
        times = self.resolver.vocabularies.times_per_year(period.iri)
        if factor is None or times is None:
            return
        per_year = quantity * factor[0] * times
        out.add(flow, iri(EIT, "quantityPerYear"), typed(decimal_text(per_year), "decimal"))
        out.add(flow, iri(EIT, "canonicalUnit"), NamedNode(factor[1]))


def _in_france(lat: Decimal, lon: Decimal) -> bool:
    """Whether a point falls in metropolitan France or an overseas territory (rough boxes)."""
    boxes = (
        (41.2, 51.2, -5.3, 9.7),
        (14.3, 18.2, -63.2, -60.7),
        (2.1, 5.9, -54.7, -51.5),
        (-21.5, -20.8, 55.1, 55.9),
        (-13.1, -12.6, 44.9, 45.4),
        (46.7, 47.2, -56.5, -56.1),
        (-28.0, -7.0, -155.0, -134.0),
        (-23.0, -19.5, 163.5, 168.2),
        (-14.4, -13.1, -178.3, -176.0),
    )
    return any(a <= float(lat) <= b and c <= float(lon) <= d for a, b, c, d in boxes)
