"""Dereferenceable linked data: instance IRIs, the ontology, vocabulary concepts, any IRI."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import FileResponse

from eitkg.http.deps import CatalogueDep, IsCuratorDep, SettingsDep, StoreDep
from eitkg.http.dereference import serve_description, serve_triples
from eitkg.http.describe import ONTOLOGY_GRAPH, graph_triples, reader_graphs
from eitkg.http.links import ONTOLOGY_IRI, split_extension
from eitkg.http.ontology_page import ontology_html, vocabularies_html
from eitkg.http.routing import get_and_head
from eitkg.http.templating import STATIC_DIR
from eitkg.namespaces import EITV

router = APIRouter(tags=["linked data"])


@get_and_head(router, "/id/{path:path}", summary="Dereference an instance IRI")
def instance(
    path: str,
    request: Request,
    settings: SettingsDep,
    store: StoreDep,
    catalogue: CatalogueDep,
    curator: IsCuratorDep,
) -> Response:
    """An actor, site, flow, synergy, report, dataset…: ``{base}id/…`` as HTML or RDF."""
    return _under_base(request, settings, store, catalogue, curator, "id/" + path)


@get_and_head(router, "/graph/{path:path}", summary="Dereference a graph IRI")
def graph(
    path: str,
    request: Request,
    settings: SettingsDep,
    store: StoreDep,
    catalogue: CatalogueDep,
    curator: IsCuratorDep,
) -> Response:
    """A named graph of a dataset, ``{base}graph/…``: what the store says about it."""
    return _under_base(request, settings, store, catalogue, curator, "graph/" + path)


@get_and_head(router, "/def/ontology", summary="The eitkg ontology")
@get_and_head(router, "/def/ontology.{ext}", include_in_schema=False)
def ontology(
    request: Request,
    settings: SettingsDep,
    store: StoreDep,
    catalogue: CatalogueDep,
    curator: IsCuratorDep,
    ext: str | None = None,
) -> Response:
    """``https://w3id.org/eitkg/ontology`` (and every ``eit:`` term): the ontology document."""
    triples = graph_triples(store, ONTOLOGY_GRAPH)
    return serve_triples(
        request,
        settings,
        iri=ONTOLOGY_IRI,
        triples=triples,
        curator=curator,
        extension=ext,
        canonical=str(request.scope.get("root_path", "")).rstrip("/") + "/def/ontology",
        html=lambda lang, alternates: ontology_html(
            request, settings, triples, lang=lang, alternates=alternates
        ),
    )


@get_and_head(router, "/def/vocab", summary="The shipped SKOS vocabularies")
def vocabularies(
    request: Request,
    settings: SettingsDep,
    store: StoreDep,
    catalogue: CatalogueDep,
    curator: IsCuratorDep,
) -> Response:
    """The concept schemes, with links to their pages."""
    return vocabularies_html(
        request, settings, store, catalogue, reader_graphs(store, curator=curator)
    )


@get_and_head(router, "/def/vocab/{path:path}", summary="A vocabulary scheme or concept")
def vocabulary_term(
    path: str,
    request: Request,
    settings: SettingsDep,
    store: StoreDep,
    catalogue: CatalogueDep,
    curator: IsCuratorDep,
) -> Response:
    """``https://w3id.org/eitkg/vocab/{path}``: a concept scheme or a concept."""
    path, ext = split_extension(path)
    root = str(request.scope.get("root_path", "")).rstrip("/")
    return serve_description(
        request,
        settings,
        store,
        catalogue,
        iri=EITV + path,
        curator=curator,
        extension=ext,
        canonical=f"{root}/def/vocab/{path}",
    )


@get_and_head(router, "/resource", summary="Describe any IRI the graph knows")
def any_resource(
    request: Request,
    settings: SettingsDep,
    store: StoreDep,
    catalogue: CatalogueDep,
    curator: IsCuratorDep,
    iri: str = Query(description="The IRI to describe", min_length=1),
) -> Response:
    """The page or RDF of any IRI, for the terms that have no path of their own here."""
    return serve_description(
        request,
        settings,
        store,
        catalogue,
        iri=iri,
        curator=curator,
        extension=None,
        canonical=None,
    )


@get_and_head(router, "/context.jsonld", summary="The JSON-LD context")
def jsonld_context() -> FileResponse:
    """The ``@context`` of every JSON-LD document this server writes."""
    return FileResponse(
        STATIC_DIR / "context.jsonld",
        media_type="application/ld+json",
        headers={"Cache-Control": "public, max-age=3600", "Access-Control-Allow-Origin": "*"},
    )


def _under_base(
    request: Request,
    settings: SettingsDep,
    store: StoreDep,
    catalogue: CatalogueDep,
    curator: bool,
    path: str,
) -> Response:
    path, ext = split_extension(path)
    root = str(request.scope.get("root_path", "")).rstrip("/")
    return serve_description(
        request,
        settings,
        store,
        catalogue,
        iri=settings.base_iri + path,
        curator=curator,
        extension=ext,
        canonical=f"{root}/{path}",
    )
