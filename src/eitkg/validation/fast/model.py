"""Compiled shapes and the results they produce."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from eitkg.validation.fast.paths import Path
from eitkg.validation.fast.terms import Literal, NamedNode, Term

if TYPE_CHECKING:
    from eitkg.validation.fast.engine import Run

#: A focus node and its value nodes (the focus itself for a node shape).
Pair = tuple[Term, Collection[Term]]


class Constraint(Protocol):
    """One constraint of a shape: it checks many focus nodes at once."""

    component: NamedNode
    #: True when only value nodes give results (focus nodes without values can be skipped).
    per_value: bool

    def check(self, run: Run, shape: Shape, pairs: Sequence[Pair], out: list[Result]) -> None:
        """Append to ``out`` one result per failure among ``pairs``."""


@dataclass(frozen=True)
class Targets:
    """The target declarations of a shape (explicit and implicit class targets)."""

    nodes: tuple[Term, ...] = ()
    classes: tuple[Term, ...] = ()
    subjects_of: tuple[NamedNode, ...] = ()
    objects_of: tuple[NamedNode, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.nodes or self.classes or self.subjects_of or self.objects_of)


@dataclass(eq=False)
class Shape:
    """A node shape (``path is None``) or a property shape."""

    node: Term
    path: Path | None
    severity: Term
    messages: tuple[Literal, ...]
    deactivated: bool
    targets: Targets
    constraints: list[Constraint] = field(default_factory=list)

    def __repr__(self) -> str:
        return f"<Shape {self.node}>"


class Result:
    """One validation result, before it is written as a ``sh:ValidationResult``.

    ``path`` is the shape's path (or a predicate for ``sh:closed``, a term for a
    SHACL-SPARQL ``?path``); ``messages`` replaces the shape's ``sh:message`` when set
    (SHACL-SPARQL messages with their ``{?var}`` filled in); ``details`` are the results
    that made a ``sh:node`` fail (``sh:detail``).
    """

    __slots__ = (
        "component",
        "details",
        "focus",
        "messages",
        "path",
        "shape",
        "source_constraint",
        "value",
    )

    def __init__(
        self,
        shape: Shape,
        focus: Term,
        value: Term | None,
        component: NamedNode,
        *,
        path: Path | Term | None = None,
        source_constraint: Term | None = None,
        messages: tuple[Literal, ...] | None = None,
        details: list[Result] | None = None,
    ) -> None:
        self.shape = shape
        self.focus = focus
        self.value = value
        self.component = component
        self.path = path if path is not None else shape.path
        self.source_constraint = source_constraint
        self.messages = messages
        self.details = details

    def __repr__(self) -> str:
        return f"<Result {self.shape.node} {self.focus} {self.value} {self.component}>"
