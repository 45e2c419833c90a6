"""The ``eitkg`` command."""

from eitkg.cli.app import app, main

__all__ = ["app", "main"]
