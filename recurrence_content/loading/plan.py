"""What a load does to each article, block by block: the lines ``--dry-run``
prints, and the stable JSON document of ``--format json`` (docs/updates.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.html import strip_tags
from django.utils.text import Truncator

from .merge import Action, Change

if TYPE_CHECKING:
    from .loader import LoadResult

# Bump when a key changes meaning or goes away; adding keys keeps it.
PLAN_FORMAT = 1


def change_label(change: Change) -> str:
    """``title`` for a field; ``paragraph “When the person is…” (6aa31d03)``
    for a block: its type, its first words, the start of its id."""
    if not change.block_id:
        return change.field
    # Named as the page will have it.
    if change.action in (Action.TAKEN, Action.ADDED):
        version = change.upstream
    else:
        version = change.local or change.upstream or change.base
    words = _first_text(version.get("value"))
    text = f" “{words}”" if words else ""
    return f"{change.block_type}{text} ({change.block_id[:8]})"


# Where blocks keep the words a reader sees first (ChoiceBlocks such as
# ``kind`` come before them in some blocks and name nothing).
_TEXT_KEYS = ("text", "title", "question", "term", "heading", "intro", "body")


def _first_text(value: Any) -> str:
    """The first words of a block's text, for a person to recognise it by."""
    if isinstance(value, str):
        return Truncator(" ".join(strip_tags(value).split())).chars(40)
    if isinstance(value, dict):
        if {"type", "value", "id"} <= value.keys():  # a list item
            children = [value["value"]]
        else:
            first = [value[key] for key in _TEXT_KEYS if key in value]
            children = first + list(value.values())
    elif isinstance(value, list):
        children = value
    else:
        return ""
    for child in children:
        text = _first_text(child)
        if text:
            return text
    return ""


def plan_lines(result: LoadResult) -> list[str]:
    """One indented line per field or block the merge does something with."""
    if result.merge is None:
        return []
    return [
        f"    {change.action}: {change_label(change)}"
        for change in result.merge.changes
    ]


def article_document(result: LoadResult) -> dict[str, Any]:
    """One article's outcome (or plan) as plain data."""
    changes = result.merge.changes if result.merge else []
    return {
        "title": result.article.title,
        "translation_key": str(result.article.translation_key),
        "locale": result.article.locale,
        "source": result.article.source,
        "status": str(result.status),
        "published": result.published,
        "page_id": result.page.id if result.page is not None else None,
        "url": result.url,
        "edit_url": result.edit_url,
        "detail": result.detail,
        "changes": [
            {
                "action": str(change.action),
                "field": change.field,
                "block_id": change.block_id or None,
                "block_type": change.block_type or None,
                "label": change_label(change),
            }
            for change in changes
        ],
    }
