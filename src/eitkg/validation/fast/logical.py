"""Shape-based constraint components: sh:not, sh:and, sh:or, sh:xone, sh:node,
sh:property and qualified value shapes.

They refer to other shapes by their node and look them up when they run, so shapes
may refer to each other in any order (or recursively: see :meth:`Run.conforms`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from eitkg.validation.fast.model import Pair, Result, Shape
from eitkg.validation.fast.terms import Term, sh

if TYPE_CHECKING:
    from eitkg.validation.fast.engine import Run


class NotConstraint:
    """``sh:not``: a result for each value that conforms to the shape."""

    per_value = True

    component = sh("NotConstraintComponent")

    def __init__(self, shape: Term) -> None:
        self.shape = shape

    def check(self, run: Run, shape: Shape, pairs: Sequence[Pair], out: list[Result]) -> None:
        for focus, values in pairs:
            for value in values:
                if run.conforms(self.shape, value):
                    out.append(Result(shape, focus, value, self.component))


class AndConstraint:
    """``sh:and``: a result for each value that fails one of the shapes."""

    per_value = True

    component = sh("AndConstraintComponent")

    def __init__(self, shapes: list[Term]) -> None:
        self.shapes = shapes

    def check(self, run: Run, shape: Shape, pairs: Sequence[Pair], out: list[Result]) -> None:
        for focus, values in pairs:
            for value in values:
                if not all(run.conforms(member, value) for member in self.shapes):
                    out.append(Result(shape, focus, value, self.component))


class OrConstraint:
    """``sh:or``: a result for each value that conforms to none of the shapes."""

    per_value = True

    component = sh("OrConstraintComponent")

    def __init__(self, shapes: list[Term]) -> None:
        self.shapes = shapes

    def check(self, run: Run, shape: Shape, pairs: Sequence[Pair], out: list[Result]) -> None:
        for focus, values in pairs:
            for value in values:
                if not any(run.conforms(member, value) for member in self.shapes):
                    out.append(Result(shape, focus, value, self.component))


class XoneConstraint:
    """``sh:xone``: a result for each value that conforms to zero or several list members.

    A shape listed twice counts twice (W3C test ``xone-duplicate``).
    """

    per_value = True

    component = sh("XoneConstraintComponent")

    def __init__(self, shapes: list[Term]) -> None:
        self.shapes = shapes

    def check(self, run: Run, shape: Shape, pairs: Sequence[Pair], out: list[Result]) -> None:
        for focus, values in pairs:
            for value in values:
                if sum(1 for member in self.shapes if run.conforms(member, value)) != 1:
                    out.append(Result(shape, focus, value, self.component))


class NodeConstraint:
    """``sh:node``: a result for each value that does not conform, with the reasons as details."""

    per_value = True

    component = sh("NodeConstraintComponent")

    def __init__(self, shape: Term) -> None:
        self.shape = shape

    def check(self, run: Run, shape: Shape, pairs: Sequence[Pair], out: list[Result]) -> None:
        for focus, values in pairs:
            for value in values:
                details = run.results_for(self.shape, value)
                if details is not None:
                    result = Result(shape, focus, value, self.component, details=details)
                    out.append(result)


class PropertyConstraint:
    """``sh:property``: each value is validated against the property shape; its results count."""

    per_value = True

    component = sh("PropertyConstraintComponent")

    def __init__(self, shape: Term) -> None:
        self.shape = shape

    def check(self, run: Run, shape: Shape, pairs: Sequence[Pair], out: list[Result]) -> None:
        nested = run.shape(self.shape)
        if nested is None or nested.deactivated:
            return
        run.validate(nested, [value for _, values in pairs for value in values], out)


class QualifiedConstraint:
    """``sh:qualifiedValueShape`` with ``sh:qualifiedMinCount`` and/or ``sh:qualifiedMaxCount``."""

    per_value = False

    component = sh("QualifiedValueShapeConstraintComponent")
    _MIN = sh("QualifiedMinCountConstraintComponent")
    _MAX = sh("QualifiedMaxCountConstraintComponent")

    def __init__(
        self, shape: Term, minimum: int | None, maximum: int | None, siblings: list[Term]
    ) -> None:
        self.shape = shape
        self.minimum = minimum
        self.maximum = maximum
        self.siblings = siblings

    def check(self, run: Run, shape: Shape, pairs: Sequence[Pair], out: list[Result]) -> None:
        for focus, values in pairs:
            count = 0
            for value in values:
                if run.conforms(self.shape, value) and not any(
                    run.conforms(sibling, value) for sibling in self.siblings
                ):
                    count += 1
            if self.maximum is not None and count > self.maximum:
                out.append(Result(shape, focus, None, self._MAX))
            if self.minimum is not None and count < self.minimum:
                out.append(Result(shape, focus, None, self._MIN))
