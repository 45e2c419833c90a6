"""OWL reasoning: HermiT (through owlready2) checks the ontology plus the vocabularies.

owlready2 is imported only in :mod:`eitkg.reasoning.hermit`.
"""

from __future__ import annotations

from eitkg.reasoning.check import check_ontology, default_ontology_files, require_consistent
from eitkg.reasoning.hermit import find_java
from eitkg.reasoning.report import ReasonerReport

__all__ = [
    "ReasonerReport",
    "check_ontology",
    "default_ontology_files",
    "find_java",
    "require_consistent",
]
