"""Review data in content files (format_version 2): read, checked and written.

A file either carries no review data (format_version 1, or the keys left out)
or states it. Loading writes it only when it creates a page: an existing
page's review is the hospital's record and is never changed by a load.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from wagtail import blocks

from ..models import PatientInfoPage
from .block_validation import validation_problems

# The keys, in the order files list them, with the value a file without
# review data stands for. Every one of them is optional.
REVIEW_KEYS: dict[str, Any] = {
    "condition_name": "",
    "audience": "patients",
    "last_reviewed": None,
    "next_review_due": None,
    "reviewers": [],
    "sources": [],
}
_ITEM_KEYS = {
    "reviewers": ("name", "role", "organisation"),
    "sources": ("title", "publisher", "url", "accessed"),
}


def _field(name: str):

    return PatientInfoPage._meta.get_field(name)


def parse_review(data: dict[str, Any]) -> tuple[dict[str, Any] | None, list]:
    """The review data ``data`` states (None if it states none), and problems."""
    if not any(key in data for key in REVIEW_KEYS):
        return None, []
    problems: list[tuple[str, str]] = []
    review = {key: data.get(key, default) for key, default in REVIEW_KEYS.items()}
    if not isinstance(review["condition_name"], str):
        problems.append(("$.condition_name", "must be a string"))
    elif len(review["condition_name"]) > 255:
        problems.append(("$.condition_name", "is longer than 255 characters"))
    choices = [value for value, _label in _field("audience").choices]
    if review["audience"] not in choices:
        problems.append(("$.audience", f"must be one of: {', '.join(choices)}"))
    for key in ("last_reviewed", "next_review_due"):
        value = review[key]
        if value is None:
            continue
        try:
            review[key] = datetime.date.fromisoformat(value)
        except (TypeError, ValueError):
            problems.append(
                (f"$.{key}", 'must be a date such as "2026-03-01", or null')
            )
    for key, item_keys in _ITEM_KEYS.items():
        review[key], item_problems = _stream(key, review[key], item_keys)
        problems.extend(item_problems)
    return review, problems


def _stream(key: str, items: Any, item_keys: tuple[str, ...]) -> tuple[list, list]:
    """File items (plain objects) as raw StreamField data, checked by the blocks."""
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        return [], [(f"$.{key}", "must be a list of objects")]
    problems = []
    for index, item in enumerate(items):
        for name in item:
            if name not in item_keys:
                problems.append(
                    (
                        f"$.{key}[{index}].{name}",
                        f"unknown field; use one of: {', '.join(item_keys)}",
                    )
                )
    if problems:
        return [], problems
    stream_block: blocks.StreamBlock = _field(key).stream_block
    child = next(iter(stream_block.child_blocks))
    raw = [{"type": child, "value": item} for item in items]
    try:
        value = stream_block.clean(stream_block.to_python(raw))
    except ValidationError as exc:
        return [], [
            (path.replace(".value", ""), message)
            for path, message in validation_problems(exc, f"$.{key}")
        ]
    return [
        {"type": c.block_type, "value": c.block.get_prep_value(c.value)} for c in value
    ], []


def review_from_page(page: Any) -> dict[str, Any]:
    """A page's review data in file form."""
    return {
        "condition_name": page.condition_name or "",
        "audience": page.audience,
        "last_reviewed": _iso(page.last_reviewed),
        "next_review_due": _iso(page.next_review_due),
        **{key: _items(getattr(page, key), keys) for key, keys in _ITEM_KEYS.items()},
    }


def review_to_file(review: dict[str, Any]) -> dict[str, Any]:
    """Parsed review data back in file form (dates as strings, plain items)."""
    return {
        "condition_name": review["condition_name"],
        "audience": review["audience"],
        "last_reviewed": _iso(review["last_reviewed"]),
        "next_review_due": _iso(review["next_review_due"]),
        **{
            key: [_plain(item["value"], keys) for item in review[key]]
            for key, keys in _ITEM_KEYS.items()
        },
    }


def _iso(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _items(stream: Any, keys: tuple[str, ...]) -> list[dict[str, Any]]:
    return [_plain(child.value, keys) for child in stream]


def _plain(value: Any, keys: tuple[str, ...]) -> dict[str, Any]:
    item = {}
    for key in keys:
        field = value.get(key)
        if isinstance(field, datetime.date):
            field = field.isoformat()
        item[key] = field or (None if key == "accessed" else "")
    return item
