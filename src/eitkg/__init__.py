"""eitkg: knowledge graph and semantic resource catalogue for industrial and territorial ecology."""

from __future__ import annotations

__version__ = "0.1.0"
