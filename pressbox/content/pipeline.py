"""Render pipelines: ordered lists of `(text, ctx) -> text` steps, as WordPress's filters.

Steps run by ascending priority, then in registration order (WordPress's rule). A pipeline is
built once at start-up and never changed during a request.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pressbox.content.context import RenderContext

Step = Callable[[str, RenderContext], str]


@dataclass(frozen=True)
class Pipeline:
    """An immutable, sorted list of render steps."""

    name: str
    steps: tuple[tuple[int, int, str, Step], ...]

    @classmethod
    def build(cls, name: str, entries: Iterable[tuple[int, Step]]) -> Pipeline:
        ordered = sorted(
            (
                (priority, order, getattr(step, "__name__", repr(step)), step)
                for order, (priority, step) in enumerate(entries)
            ),
            key=lambda e: (e[0], e[1]),
        )
        return cls(name, tuple(ordered))

    def __call__(self, text: str, ctx: RenderContext) -> str:
        for _priority, _order, _name, step in self.steps:
            text = step(text, ctx)
        return text

    @property
    def signature(self) -> str:
        """A stable description of the steps, part of the render cache key."""
        return ";".join(f"{p}:{n}" for p, _o, n, _s in self.steps)
