"""The HTTP service: SPARQL 1.1 Protocol, linked data, catalogue, named queries, curation."""

from eitkg.http.app import create_app

__all__ = ["create_app"]
