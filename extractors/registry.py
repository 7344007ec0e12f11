"""Family extractors registered by doc_type, the spaCy-registry way: config over code.

A family module decorates its entry point with `@register("action_plan", "action_plan_table")`;
the worker looks it up by the classifier's doc_type and falls back to "unknown" (the
generic sections-and-tables path).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extractors.context import ExtractionContext

ExtractorFn = Callable[["ExtractionContext"], None]

_REGISTRY: dict[str, tuple[str, ExtractorFn]] = {}


def register(doc_type: str, name: str) -> Callable[[ExtractorFn], ExtractorFn]:
    def decorate(fn: ExtractorFn) -> ExtractorFn:
        _REGISTRY[doc_type] = (name, fn)
        return fn

    return decorate


def extractor_for(doc_type: str) -> tuple[str, ExtractorFn] | None:
    import extractors.families  # noqa: F401  (registers the families)

    return _REGISTRY.get(doc_type) or _REGISTRY.get("unknown")


def registered() -> dict[str, str]:
    import extractors.families  # noqa: F401

    return {doc_type: name for doc_type, (name, _) in sorted(_REGISTRY.items())}
