"""Dataset descriptions: the DCAT catalogue, the VoID description, the public dumps."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import StreamingResponse
from pyoxigraph import NamedNode

from eitkg.http.dcat import CatalogIris, catalog_triples, void_triples
from eitkg.http.deps import CatalogueDep, CuratorDep, IsCuratorDep, SettingsDep, StoreDep
from eitkg.http.dereference import serve_triples
from eitkg.http.describe import reader_graphs
from eitkg.http.dumps import gzip_nquads
from eitkg.http.representations import TURTLE
from eitkg.http.routing import get_and_head
from eitkg.http.templating import local_links, render_page
from eitkg.http.view import document_page
from eitkg.namespaces import DCAT, EIT, PROV, VOID
from eitkg.store import Store

router = APIRouter(tags=["catalogue"])
_CATALOG_ORDER = (
    DCAT + "Catalog",
    DCAT + "DataService",
    DCAT + "Dataset",
    DCAT + "Distribution",
    EIT + "Import",
    PROV + "Activity",
    EIT + "ExperienceReport",
    EIT + "Methodology",
)


@get_and_head(router, "/catalog", summary="DCAT 3 catalogue")
@get_and_head(router, "/catalog.{ext}", include_in_schema=False)
def catalog(
    request: Request,
    settings: SettingsDep,
    store: StoreDep,
    catalogue: CatalogueDep,
    curator: IsCuratorDep,
    ext: str | None = None,
) -> Response:
    """Datasets with their provenance, experience reports, methodologies, the SPARQL service."""
    iris = CatalogIris(settings.base_iri)
    triples = catalog_triples(store, catalogue, settings.base_iri, _public(store))
    return serve_triples(
        request,
        settings,
        iri=iris.catalog.value,
        triples=triples,
        curator=curator,
        extension=ext,
        canonical=local_links(request, settings).url_for(iris.catalog.value),
        html=lambda lang, alternates: render_page(
            request,
            settings,
            "document.html",
            lang,
            page=document_page(
                triples,
                iris.catalog.value,
                lang,
                local_links(request, settings),
                type_order=_CATALOG_ORDER,
            ),
            alternates=alternates,
        ),
    )


@get_and_head(router, "/.well-known/void", summary="VoID description")
@get_and_head(router, "/.well-known/void.{ext}", include_in_schema=False)
def void(
    request: Request,
    settings: SettingsDep,
    store: StoreDep,
    catalogue: CatalogueDep,
    curator: IsCuratorDep,
    ext: str | None = None,
) -> Response:
    """Endpoint, dump, sizes, class partitions and subsets of the public graph (Turtle first)."""
    iris = CatalogIris(settings.base_iri)
    triples = void_triples(store, catalogue, settings.base_iri, _public(store))
    return serve_triples(
        request,
        settings,
        iri=iris.void.value,
        triples=triples,
        curator=curator,
        extension=ext,
        canonical=local_links(request, settings).root + "/.well-known/void",
        default=TURTLE,
        html=lambda lang, alternates: render_page(
            request,
            settings,
            "document.html",
            lang,
            page=document_page(
                triples,
                iris.void.value,
                lang,
                local_links(request, settings),
                type_order=(VOID + "DatasetDescription", VOID + "Dataset"),
            ),
            alternates=alternates,
        ),
    )


@router.get(
    "/dumps/public.nq.gz",
    summary="Dump of the public data (N-Quads, gzip)",
    response_class=StreamingResponse,
)
def public_dump(store: StoreDep) -> StreamingResponse:
    """Every public graph, streamed; confidential and staging graphs are never included."""
    return _dump(store, _public(store), "public.nq.gz")


@router.get(
    "/dumps/all.nq.gz",
    summary="Dump of all data, confidential included (curators)",
    response_class=StreamingResponse,
)
def full_dump(store: StoreDep, _: CuratorDep) -> StreamingResponse:
    """Every graph but staging ones, confidential included: needs the curator token."""
    return _dump(store, reader_graphs(store, curator=True), "all.nq.gz", private=True)


def _public(store: Store) -> list[NamedNode]:
    return reader_graphs(store, curator=False)


def _dump(
    store: Store, graphs: list[NamedNode], name: str, *, private: bool = False
) -> StreamingResponse:
    return StreamingResponse(
        gzip_nquads(store, graphs),
        media_type="application/gzip",
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "private, no-store" if private else "public, no-cache",
            "X-Content-Media-Type": "application/n-quads",
        },
    )
