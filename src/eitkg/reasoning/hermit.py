"""Run HermiT through owlready2 on one N-Triples file (the only module that imports owlready2).

owlready2 keeps its settings in module globals (``owlready2.JAVA_EXE``,
``owlready2.reasoning.JAVA_MEMORY``) and writes the file it hands to HermiT with
``tempfile.NamedTemporaryFile(delete=False)``, which it does not remove when HermiT reports an
inconsistency. So one run at a time holds a lock, sets the globals, and points owlready2's
temporary file into the caller's folder (only inside ``owlready2.reasoning``), so that nothing
is left behind in the system temporary folder.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import tempfile
import threading
import time
import types
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import owlready2
import owlready2.reasoning

from eitkg.errors import ConfigurationError

_LOCK = threading.Lock()
_NOTHING = "http://www.w3.org/2002/07/owl#Nothing"

#: Heap given to the JVM, in MiB; ~2,700 SKOS concepts need far less.
DEFAULT_MEMORY_MB = 2048


@dataclass(frozen=True)
class HermitOutcome:
    """What HermiT found: consistency, unsatisfiable named classes, and the time it took."""

    consistent: bool
    unsatisfiable: tuple[str, ...]
    seconds: float


def find_java(java: str | None = None) -> str:
    """The Java executable to run HermiT with: ``java`` if given, else ``$JAVA_HOME/bin/java``,
    else ``java`` on the ``PATH``. Raises :class:`~eitkg.errors.ConfigurationError` if none.

    >>> Path(find_java()).name.startswith("java")
    True
    """
    candidates = [java] if java else []
    if not java and os.environ.get("JAVA_HOME"):
        candidates.append(str(Path(os.environ["JAVA_HOME"]) / "bin" / "java"))
    if not java:
        candidates.append("java")
    for candidate in candidates:
        found = shutil.which(candidate)
        if found:
            return found
    wanted = java or "java"
    raise ConfigurationError(
        f"cannot run the reasoner: no Java executable {wanted!r} found "
        "(install a JRE, e.g. `apt-get install default-jre-headless`, or pass its path)"
    )


@contextlib.contextmanager
def _owlready_settings(java: str, memory_mb: int, folder: Path) -> Iterator[None]:
    reasoning = owlready2.reasoning
    saved = (owlready2.JAVA_EXE, reasoning.JAVA_MEMORY, reasoning.tempfile)
    owlready2.JAVA_EXE = java
    reasoning.JAVA_MEMORY = memory_mb
    reasoning.tempfile = types.SimpleNamespace(
        NamedTemporaryFile=functools.partial(tempfile.NamedTemporaryFile, dir=folder)
    )
    try:
        yield
    finally:
        owlready2.JAVA_EXE, reasoning.JAVA_MEMORY, reasoning.tempfile = saved


def _java_message(error: Exception) -> str:
    """The useful line of a Java stack trace (the exception and its message)."""
    text = str(error)
    for line in text.splitlines():
        if "Exception" in line or "Error:" in line:
            return line.strip()
    return text.strip().splitlines()[-1] if text.strip() else type(error).__name__


def run_hermit(
    ntriples: Path, *, java: str | None = None, memory_mb: int = DEFAULT_MEMORY_MB
) -> HermitOutcome:
    """Load ``ntriples`` into a fresh owlready2 ``World`` and classify it with HermiT.

    An inconsistent input gives ``consistent=False``; unsatisfiable classes (equivalent to
    ``owl:Nothing``) are listed by IRI, sorted. A Java failure (missing Java, an unsupported
    datatype, a malformed axiom) raises :class:`~eitkg.errors.ConfigurationError`.
    """
    executable = find_java(java)
    world = owlready2.World()
    try:
        world.get_ontology(ntriples.resolve().as_uri()).load()
        started = time.perf_counter()
        with _LOCK, _owlready_settings(executable, memory_mb, ntriples.parent):
            try:
                owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
            except owlready2.OwlReadyInconsistentOntologyError:
                return HermitOutcome(False, (), time.perf_counter() - started)
            except owlready2.OwlReadyJavaError as error:
                raise ConfigurationError(f"the reasoner failed: {_java_message(error)}") from error
        seconds = time.perf_counter() - started
        unsatisfiable = sorted(
            {entity.iri for entity in world.inconsistent_classes() if entity.iri != _NOTHING}
        )
        return HermitOutcome(True, tuple(unsatisfiable), seconds)
    finally:
        world.close()
