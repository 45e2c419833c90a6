"""Settings: one explicit object, built by the CLI or the caller, passed down as an argument."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

StoreKind = Literal["oxigraph"]


class Settings(BaseSettings):
    """Every setting of eitkg; each one can be set by an ``EITKG_<NAME>`` environment variable."""

    model_config = SettingsConfigDict(env_prefix="EITKG_", frozen=True, extra="forbid")

    store: Path | None = Field(
        default=None,
        description="Directory of the on-disk store; empty means an in-memory store.",
    )
    base_iri: str = Field(
        default="http://localhost:8000/",
        description="Base under which instance IRIs are minted and dereferenced; ends with '/'.",
    )
    lang: Literal["fr", "en"] = Field(
        default="fr", description="Language of messages and labels when nothing else asks."
    )
    query_timeout_s: float = Field(
        default=30.0, gt=0, description="Wall-clock limit of one SPARQL query, in seconds."
    )
    max_result_rows: int = Field(
        default=100_000, gt=0, description="Most rows (or triples) one query may return."
    )

    curator_tokens: Annotated[tuple[str, ...], NoDecode] = Field(
        default=(),
        description="Bearer tokens that grant curator rights (writes, imports, confidential data); "
        "comma-separated in the environment. None: nobody can write over HTTP.",
    )
    max_upload_bytes: int = Field(
        default=50 * 1024 * 1024, gt=0, description="Largest accepted upload or request body."
    )
    cors_origins: Annotated[tuple[str, ...], NoDecode] = Field(
        default=("*",), description="Origins allowed to read with CORS."
    )
    tile_url: str = Field(
        default="https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        description="Map tile URL template for HTML pages; empty for no tiles.",
    )
    tile_attribution: str = Field(
        default="© OpenStreetMap contributors",
        description="Attribution shown on maps for the tiles of tile_url.",
    )
    query_workers: int = Field(
        default=4,
        gt=0,
        description="SPARQL queries evaluated at the same time; more wait for a free slot "
        "(within their timeout).",
    )
    max_runaway_queries: int = Field(
        default=4,
        gt=0,
        description="Timed-out queries whose evaluation could not be interrupted and still runs "
        "in the background; while this many run, new queries are refused with 503.",
    )
    federated_query: bool = Field(
        default=False,
        description="Let anonymous readers use SERVICE (the server then sends requests to the "
        "endpoints a query names); curators always may.",
    )
    history_versions: int = Field(
        default=5,
        ge=1,
        description="Earlier versions kept per imported dataset (for diff and rollback); "
        "older ones are dropped when a new version is committed.",
    )

    response_cache_entries: int = Field(
        default=4096,
        ge=0,
        description="Answers of reads (resources, documents, named queries) kept in memory until "
        "the next write; 0 turns the cache off.",
    )

    @field_validator("curator_tokens", "cors_origins", mode="before")
    @classmethod
    def _split_commas(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(v.strip() for v in value.split(",") if v.strip())
        return value

    @field_validator("base_iri")
    @classmethod
    def _base_ends_with_slash(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("base_iri must be an http(s) IRI")
        return value if value.endswith("/") else value + "/"
