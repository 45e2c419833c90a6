"""Access to the files eitkg ships: ontology, shapes, queries, vocabularies, demo data.

In a wheel they live in ``eitkg/_resources``; in a source checkout, at the repository root.
"""

from __future__ import annotations

from pathlib import Path

from eitkg.errors import ConfigurationError

_PACKAGED = Path(__file__).resolve().parent / "_resources"
_CHECKOUT = Path(__file__).resolve().parents[2]


def resource_root() -> Path:
    """The folder that holds ``ontology/``, ``shapes/``, ``queries/`` and ``data/``."""
    for root in (_PACKAGED, _CHECKOUT):
        if (root / "ontology").is_dir():
            return root
    raise ConfigurationError(f"eitkg resources not found in {_PACKAGED} nor {_CHECKOUT}")


def ontology_dir() -> Path:
    return resource_root() / "ontology"


def shapes_dir() -> Path:
    return resource_root() / "shapes"


def queries_dir() -> Path:
    return resource_root() / "queries"


def vocab_dir() -> Path:
    return resource_root() / "data" / "vocab"


def demo_dir() -> Path:
    return resource_root() / "data" / "demo"
