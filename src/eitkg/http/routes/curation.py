"""``/curation``: upload an inventory or an RDF dataset, read its report, commit, list, diff and
roll back. Every route needs the curator credential.

An upload is validated and kept (in memory, the last few) under an id; its report is served in
JSON, HTML, Turtle, CSV or plain text; committing it writes the dataset atomically.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from eitkg.config import Settings
from eitkg.curation import (
    DatasetIris,
    PreparedImport,
    commit_import,
    dataset_id,
    diff,
    list_datasets,
    prepare_import,
    rollback,
    to_csv,
    to_html,
    to_text,
)
from eitkg.errors import NotFoundError
from eitkg.http.conneg import negotiate
from eitkg.http.deps import CatalogueDep, CuratorDep, SettingsDep, StoreDep
from eitkg.http.problems import HttpProblem
from eitkg.http.sparql_graph_store import Payload, read_payloads
from eitkg.rdf.formats import rdf_syntax

router = APIRouter(prefix="/curation", tags=["curation"])

#: Uploads kept for review before commit (the oldest is forgotten beyond this).
PENDING_LIMIT = 16
REPORT_TYPES = {
    "application/json": "json",
    "text/html": "html",
    "text/turtle": "ttl",
    "text/csv": "csv",
    "text/plain": "txt",
}
_ALIASES = {v: k for k, v in REPORT_TYPES.items()} | {"turtle": "text/turtle", "text": "text/plain"}
_TABLE_TYPES = {
    "text/csv": ".csv",
    "text/tab-separated-values": ".csv",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
}
_SETUP = threading.Lock()


@dataclass
class CurationState:
    """Uploads waiting for review, and the lock that serialises commits."""

    pending: OrderedDict[str, PreparedImport] = field(default_factory=OrderedDict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def keep(self, prepared: PreparedImport) -> str:
        key = uuid.uuid4().hex
        self.pending[key] = prepared
        while len(self.pending) > PENDING_LIMIT:
            self.pending.popitem(last=False)
        return key

    def get(self, key: str) -> PreparedImport:
        try:
            return self.pending[key]
        except KeyError:
            raise NotFoundError(f"no pending import {key!r} (reviewed uploads expire)") from None


def curation_state(request: Request) -> CurationState:
    """The curation state of this app (created on first use)."""
    with _SETUP:
        state = getattr(request.app.state, "curation", None)
        if state is None:
            state = CurationState()
            request.app.state.curation = state
    assert isinstance(state, CurationState)
    return state


def file_name(payload: Payload, request: Request) -> str:
    """The uploaded file's name: given, or guessed from its media type."""
    given = request.query_params.get("filename") or payload.name
    if given and given != "body" and Path(given).suffix:
        return Path(given).name
    media = (payload.content_type or "").split(";")[0].strip().lower()
    if media in _TABLE_TYPES:
        return "upload" + _TABLE_TYPES[media]
    try:
        return "upload." + rdf_syntax(media).extensions[0]
    except ValueError:
        return "upload.csv"


def _lang(lang: str | None, settings: Settings) -> str:
    return lang if lang in ("fr", "en") else settings.lang


def report_response(prepared: PreparedImport, request: Request, lang: str, key: str) -> Response:
    """The report in the negotiated format (``?format=`` or ``Accept``)."""
    chosen = negotiate(
        request.headers.get("accept"),
        list(REPORT_TYPES),
        default="application/json",
        requested=request.query_params.get("format"),
        aliases=_ALIASES,
    )
    if chosen is None:
        raise HttpProblem(
            406,
            "Not acceptable",
            f"the report exists as {', '.join(REPORT_TYPES)}",
            code="not-acceptable",
        )
    report = prepared.report
    if chosen == "application/json":
        body = json.dumps(_upload_json(prepared, key), ensure_ascii=False)
    elif chosen == "text/html":
        body = to_html(report, lang)
    elif chosen == "text/turtle":
        body = report.to_turtle()
    elif chosen == "text/csv":
        body = to_csv(report, lang)
    else:
        body = to_text(report, lang)
    return Response(body, media_type=chosen, headers={"Vary": "Accept"})


def _upload_json(prepared: PreparedImport, key: str) -> dict[str, Any]:
    return {
        "id": key,
        "report": prepared.report.to_json(),
        "links": {
            "report": f"/curation/imports/{key}",
            "commit": f"/curation/imports/{key}/commit",
        },
    }


@router.post("/imports", status_code=201, summary="Upload an inventory (CSV, XLSX) or RDF")
async def upload(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    catalogue: CatalogueDep,
    _: CuratorDep,
    dataset: Annotated[str | None, Query(description="Dataset id (default: file name)")] = None,
    lang: Annotated[str | None, Query(description="fr or en")] = None,
) -> Response:
    """Validate an upload (multipart field or raw body; size capped); nothing is written yet."""
    payloads = await read_payloads(request, settings)
    files = [p for p in payloads if p.data]
    if len(files) != 1:
        raise HttpProblem(
            400, "One file expected", f"got {len(files)} non-empty parts", code="bad-request"
        )
    name = file_name(files[0], request)
    prepared = await run_in_threadpool(
        prepare_import,
        files[0].data,
        name,
        store=store,
        base_iri=settings.base_iri,
        dataset=dataset,
        max_bytes=settings.max_upload_bytes,
        catalogue=catalogue,
    )
    key = curation_state(request).keep(prepared)
    response = report_response(prepared, request, _lang(lang, settings), key)
    response.status_code = 201
    response.headers["Location"] = f"/curation/imports/{key}"
    return response


@router.get("/imports/{key}", summary="The report of an upload")
def report(
    key: str, request: Request, settings: SettingsDep, _: CuratorDep, lang: str | None = None
) -> Response:
    """The report (JSON, HTML, Turtle, CSV or text, by ``Accept`` or ``?format=``)."""
    prepared = curation_state(request).get(key)
    return report_response(prepared, request, _lang(lang, settings), key)


@router.post("/imports/{key}/commit", summary="Commit a validated upload")
def commit(
    key: str,
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    catalogue: CatalogueDep,
    _: CuratorDep,
    curator: str = "curator",
) -> dict[str, Any]:
    """Write the upload's dataset atomically (422 when its report has violations)."""
    state = curation_state(request)
    prepared = state.get(key)
    result = commit_import(
        store,
        prepared,
        catalogue=catalogue,
        curator=curator,
        history_depth=settings.history_versions,
        lock=state.lock,
    )
    state.pending.pop(key, None)
    return result.to_json()


@router.get("/datasets", summary="Imported datasets with their provenance")
def datasets(
    store: StoreDep, settings: SettingsDep, catalogue: CatalogueDep, _: CuratorDep
) -> list[dict[str, Any]]:
    return [d.to_json() for d in list_datasets(store, catalogue, settings.base_iri)]


@router.get("/datasets/{name}/diff", summary="Flows added, removed, changed since a version")
def dataset_diff(
    name: str,
    store: StoreDep,
    settings: SettingsDep,
    catalogue: CatalogueDep,
    _: CuratorDep,
    against: int | None = None,
) -> dict[str, Any]:
    iris = _iris(settings, name)
    return diff(store, catalogue, iris, against=against).to_json()


@router.post("/datasets/{name}/rollback", summary="Make an earlier version current again")
def dataset_rollback(
    name: str,
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    catalogue: CatalogueDep,
    _: CuratorDep,
    to: int | None = None,
    curator: str = "curator",
) -> dict[str, Any]:
    result = rollback(
        store,
        catalogue,
        _iris(settings, name),
        curator=curator,
        to=to,
        history_depth=settings.history_versions,
        lock=curation_state(request).lock,
    )
    return result.to_json()


def _iris(settings: Settings, name: str) -> DatasetIris:
    try:
        return DatasetIris(settings.base_iri, dataset_id(name))
    except ValueError as error:
        raise HttpProblem(400, "Bad dataset id", str(error), code="bad-parameter") from error
