"""How big a content file may be, so a mistaken or hostile file is refused
before it costs memory, the database and every reader's download.

One setting, ``RECURRENCE_CONTENT_CONTENT_LIMITS``, a dict that changes any
of the defaults below; the defaults are far above any real article (the
shipped one is 16 KB, 28 blocks, 547 characters in its longest field).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from django.core.exceptions import ImproperlyConfigured

from ..conf import PREFIX, get_setting

SETTING = "CONTENT_LIMITS"


@dataclass(frozen=True)
class ContentLimits:
    """The limits a content file must keep to."""

    # Bytes of the file on disk.
    file_bytes: int = 2_000_000
    # Blocks in an article's body.
    blocks: int = 500
    # Characters in one text field (a title, a paragraph's rich text...).
    field_characters: int = 50_000
    # Items in one list (patterns, factors, resources...).
    list_items: int = 200

    def refusal(self, name: str, found: int, unit: str) -> str:
        """The one line that says which limit ``found`` passes and how to
        change it."""
        return (
            f"{found:,} {unit}, over the limit of {getattr(self, name):,} "
            f"({PREFIX}{SETTING}[{name!r}]); shorten the content or raise the "
            "limit in settings"
        )


def content_limits() -> ContentLimits:
    """The limits in force: the defaults, changed by the setting."""
    changes = get_setting(SETTING) or {}
    known = {f.name for f in fields(ContentLimits)}
    unknown = sorted(set(changes) - known)
    if unknown:
        raise ImproperlyConfigured(
            f"{PREFIX}{SETTING} has unknown limit {unknown[0]!r}; "
            f"use one of: {', '.join(sorted(known))}"
        )
    for name, value in changes.items():
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ImproperlyConfigured(
                f"{PREFIX}{SETTING}[{name!r}] must be a whole number above 0"
            )
    return ContentLimits(**changes)
