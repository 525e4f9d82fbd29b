"""Paths that optional channels add to the feed's OpenAPI document.

The feed (``recurrence_content.api``) serves one OpenAPI document for
everything the app serves. Another channel, such as the Infobutton, registers
its part here from its ``AppConfig.ready()``, so neither app imports the other
and leaving one out leaves nothing of it in the document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class OpenAPIPart:
    """A channel's paths (absolute, as its NinjaAPI gives them), component
    schemas, tags and the security schemes its operations name (a channel
    that is not public says so on each operation)."""

    paths: dict
    components: dict = field(default_factory=dict)
    tags: list[dict] = field(default_factory=list)
    security_schemes: dict = field(default_factory=dict)


_parts: dict[str, Callable[[], OpenAPIPart]] = {}


def register_openapi_part(name: str, build: Callable[[], OpenAPIPart]) -> None:
    """Add a channel's part, built when the document is (settings may change)."""
    _parts[name] = build


def openapi_parts() -> list[OpenAPIPart]:
    """Every registered part, built now."""
    return [build() for build in _parts.values()]
