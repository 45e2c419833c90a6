"""Settings: one explicit object, built by the CLI or the caller, passed down as an argument."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

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

    @field_validator("base_iri")
    @classmethod
    def _base_ends_with_slash(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("base_iri must be an http(s) IRI")
        return value if value.endswith("/") else value + "/"
