"""Refuse ``SERVICE`` (federated query) for readers who may not use it.

pyoxigraph sends the HTTP request of a ``SERVICE`` clause itself, to any address: on a public
endpoint that makes the server a proxy into its own network. pyoxigraph has no switch to turn it
off, so the text is checked: string literals, IRIs, comments and escapes are blanked out, and a
``SERVICE`` keyword in what is left refuses the query. The check errs on the side of refusing
(e.g. a prefixed name ``ex:a.service``); it never lets a real ``SERVICE`` keyword through, since
keywords can only appear outside literals, IRIs and comments.
"""

from __future__ import annotations

import re

_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'  # long string literals first
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'  # IRI references
    r"|\\."  # escapes in prefixed names (\# is not a comment)
    r"|#[^\n\r]*",  # comments
    re.DOTALL,
)
_SERVICE = re.compile(r"(?<![\w?$:\-])SERVICE(?![\w:\-])", re.IGNORECASE)


def uses_service(sparql: str) -> bool:
    """Whether a query may contain a ``SERVICE`` clause.

    >>> uses_service("SELECT * { SERVICE <http://10.0.0.1/sparql> { ?s ?p ?o } }")
    True
    >>> uses_service('SELECT ?service { ?service rdfs:label "Service de collecte" } # SERVICE')
    False
    >>> uses_service("SELECT * { ?s ?p <https://w3id.org/eitkg/vocab/resource/services> }")
    False
    """
    return _SERVICE.search(_OPAQUE.sub(" ", sparql)) is not None
