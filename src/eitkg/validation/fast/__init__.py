"""A fast SHACL Core + SHACL-SPARQL engine over pyoxigraph terms.

pyshacl stays the reference: this engine must give the same results on the eitkg
shapes (``tests/validation/test_differential.py``) and pass the W3C SHACL Core suite
(``tests/validation/test_w3c_shacl_core.py``). It reads data into a plain in-memory
index (:mod:`.index`), compiles each shape once (:mod:`.compile`), checks each
constraint over all focus nodes in one loop (:mod:`.components`, :mod:`.logical`) and
runs SHACL-SPARQL constraints with pyoxigraph (:mod:`.sparql`).

>>> from pyoxigraph import Literal, NamedNode
>>> from eitkg.validation.fast.terms import RDF_TYPE, sh
>>> ex = "http://example.org/"
>>> shapes = TripleIndex([
...     (NamedNode(ex + "S"), sh("targetClass"), NamedNode(ex + "C")),
...     (NamedNode(ex + "S"), sh("nodeKind"), sh("Literal")),
... ])
>>> outcome = validate_index(TripleIndex([(NamedNode(ex + "x"), RDF_TYPE, NamedNode(ex + "C"))]),
...     CompiledShapes(shapes))
>>> [(r.focus.value, r.component.value.split("#")[1]) for r in outcome.results]
[('http://example.org/x', 'NodeKindConstraintComponent')]
"""

from __future__ import annotations

from eitkg.validation.fast.api import Outcome, validate_index
from eitkg.validation.fast.compile import CompiledShapes
from eitkg.validation.fast.index import TripleIndex

__all__ = ["CompiledShapes", "Outcome", "TripleIndex", "validate_index"]
