"""Check that the ontology plus the vocabularies is consistent, with HermiT (OWL 2 DL).

The whole shipped set (``ontology/eit.ttl`` and every ``data/vocab/*.ttl``, about 2,700 SKOS
concepts) is classified at once: it takes a few seconds, so nothing is left out.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from eitkg.errors import InconsistentOntologyError
from eitkg.reasoning.hermit import DEFAULT_MEMORY_MB, run_hermit
from eitkg.reasoning.merge import read_triples, write_ntriples
from eitkg.reasoning.report import Lang, ReasonerReport
from eitkg.reasoning.signature import dl_violations, signature
from eitkg.resources import ontology_dir, resource_root, vocab_dir


def default_ontology_files() -> list[Path]:
    """``ontology/eit.ttl`` followed by every ``data/vocab/*.ttl``, sorted by name.

    >>> [path.name for path in default_ontology_files()][0]
    'eit.ttl'
    """
    return [ontology_dir() / "eit.ttl", *sorted(vocab_dir().glob("*.ttl"))]


def _display_name(path: Path) -> str:
    """The path relative to the resource root when it is inside it, else as given."""
    try:
        return str(path.resolve().relative_to(resource_root()))
    except ValueError:
        return str(path)


def check_ontology(
    files: Sequence[Path] | None = None,
    *,
    java: str | None = None,
    memory_mb: int = DEFAULT_MEMORY_MB,
) -> ReasonerReport:
    """Merge ``files`` (default: :func:`default_ontology_files`) and run HermiT on them.

    An inconsistent set gives ``consistent=False``; unsatisfiable classes are named in
    ``unsatisfiable``. Unreadable files raise :class:`~eitkg.errors.InputError`; a missing
    Java or a reasoner crash raises :class:`~eitkg.errors.ConfigurationError`.

    >>> check_ontology().ok
    True
    """
    started = time.perf_counter()
    paths = list(files) if files is not None else default_ontology_files()
    triples = read_triples(paths)
    sig = signature(triples)
    violations = dl_violations(triples, sig)
    with tempfile.TemporaryDirectory(prefix="eitkg-reasoner-") as folder:
        merged = write_ntriples(triples, Path(folder) / "merged.nt")
        outcome = run_hermit(merged, java=java, memory_mb=memory_mb)
    return ReasonerReport(
        consistent=outcome.consistent,
        unsatisfiable=outcome.unsatisfiable,
        files=tuple(_display_name(path) for path in paths),
        triples=len(triples),
        classes=len(sig.classes),
        object_properties=len(sig.object_properties),
        datatype_properties=len(sig.datatype_properties),
        annotation_properties=len(sig.annotation_properties),
        individuals=len(sig.individuals),
        elapsed_seconds=time.perf_counter() - started,
        reasoner_seconds=outcome.seconds,
        dl_violations=tuple(violations),
    )


def require_consistent(
    files: Sequence[Path] | None = None,
    *,
    java: str | None = None,
    lang: Lang = "en",
) -> ReasonerReport:
    """Like :func:`check_ontology`, but raise :class:`~eitkg.errors.InconsistentOntologyError`
    (naming the unsatisfiable classes) unless the set is consistent with every class satisfiable.

    >>> require_consistent().consistent
    True
    """
    report = check_ontology(files, java=java)
    if not report.ok:
        raise InconsistentOntologyError(report.message(lang), list(report.unsatisfiable))
    return report
