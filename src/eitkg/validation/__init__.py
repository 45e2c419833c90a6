"""SHACL validation of eitkg data (the only package that uses rdflib and pyshacl).

>>> from eitkg.validation import validate
>>> validate([]).conforms
True
"""

from __future__ import annotations

from eitkg.validation.convert import RdfInput, RdfItem
from eitkg.validation.model import (
    SEVERITIES,
    Lang,
    Severity,
    ValidationReport,
    ValidationResult,
)
from eitkg.validation.shacl import validate
from eitkg.validation.shapes import Shapes, context_files, load_context, load_shapes

__all__ = [
    "SEVERITIES",
    "Lang",
    "RdfInput",
    "RdfItem",
    "Severity",
    "Shapes",
    "ValidationReport",
    "ValidationResult",
    "context_files",
    "load_context",
    "load_shapes",
    "validate",
]
