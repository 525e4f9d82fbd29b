"""Three-way merge of a new version of an article into a page edited since it
was loaded (see docs/updates.md).

Pure data in, data out: each version is a content dict as ``page_content``
gives it (the page fields, and the body in raw stream form, every block and
list item with its id). ``base`` is what the loader last wrote, ``local`` the
page's latest revision, ``upstream`` the new version. Fields merge one by one,
the body block by block on block ids, and list items inside a block on their
ids. A block is the unit of a conflict: it keeps the local version, and the
upstream one is recorded for an editor to choose.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

BODY = "body"


class Action(enum.StrEnum):
    """What the merge did with one field or block."""

    TAKEN = "taken"  # changed upstream only: the new version is taken
    KEPT = "kept"  # changed (or added, or removed) here only: ours is kept
    MERGED = "merged"  # list items changed on both sides, combined
    ADDED = "added"  # new upstream: inserted
    REMOVED = "removed"  # removed upstream, unchanged here: removed
    CONFLICT = "conflict"  # changed on both sides differently: ours is kept


@dataclass(frozen=True)
class Change:
    """One field (``block_id`` empty) or body block the merge did something with.

    ``base``, ``local`` and ``upstream`` are that field's or block's three
    versions; None where the version has no such block.
    """

    action: Action
    field: str
    block_id: str = ""
    base: Any = None
    local: Any = None
    upstream: Any = None

    @property
    def key(self) -> str:
        """The field name, or the block's id: what a conflict is recorded under."""
        return self.block_id or self.field

    @property
    def block_type(self) -> str:
        """The block's type (``paragraph``), or "" for a page field."""
        if not self.block_id:
            return ""
        version = self.local or self.upstream or self.base
        return version["type"]


@dataclass
class MergeResult:
    """The merged content and what was done to get it."""

    content: dict[str, Any]
    changes: list[Change] = field(default_factory=list)

    def of(self, action: Action) -> list[Change]:
        """The changes with ``action``, in page order."""
        return [change for change in self.changes if change.action is action]

    @property
    def conflicts(self) -> list[Change]:
        """Fields and blocks changed on both sides differently."""
        return self.of(Action.CONFLICT)


class MergeError(ValueError):
    """The versions cannot be merged (a block id appears twice in one of them)."""


def merge(
    base: dict[str, Any], local: dict[str, Any], upstream: dict[str, Any]
) -> MergeResult:
    """Merge ``upstream``'s changes since ``base`` into ``local``."""
    result = MergeResult(content={})
    for name in upstream:
        if name == BODY:
            continue
        b, loc, up = base.get(name, ""), local.get(name, ""), upstream[name]
        value, action = _merge_value(b, loc, up)
        result.content[name] = value
        if action is not None:
            result.changes.append(Change(action, name, "", b, loc, up))
    body, changes = _merge_sequence(
        base.get(BODY, []), local.get(BODY, []), upstream.get(BODY, [])
    )
    # A side that did nothing gets the other side exactly (block moves too,
    # which the block-by-block merge leaves in the local order).
    if local == base:
        body = list(upstream.get(BODY, []))
    elif upstream == base:
        body = list(local.get(BODY, []))
    result.content[BODY] = body
    result.changes += [
        Change(action, BODY, block_id, b, loc, up)
        for action, block_id, b, loc, up in changes
    ]
    return result


def _merge_value(base: Any, local: Any, upstream: Any) -> tuple[Any, Action | None]:
    """One field or one block in all three versions: the merged value, and the
    action (None when there is nothing to say: no change, or the same change)."""
    if local == upstream:
        return local, None
    if local == base:
        return upstream, Action.TAKEN
    if upstream == base:
        return local, Action.KEPT
    merged = _merge_lists_inside(base, local, upstream)
    if merged is not None:
        return merged, Action.MERGED
    return local, Action.CONFLICT


def _merge_sequence(
    base: Sequence[dict], local: Sequence[dict], upstream: Sequence[dict]
) -> tuple[list[dict], list[tuple]]:
    """Blocks (or list items) merged on their ids, in the local order, with
    upstream's additions after their nearest upstream predecessor still there."""
    base_by_id, upstream_by_id = _by_id(base), _by_id(upstream)
    local_by_id = _by_id(local)
    merged: list[dict] = []
    changes: list[tuple] = []
    for item in local:
        item_id = item["id"]
        b, up = base_by_id.get(item_id), upstream_by_id.get(item_id)
        if b is not None and up is None:  # removed upstream
            if item == b:
                changes.append((Action.REMOVED, item_id, b, item, None))
                continue
            changes.append((Action.CONFLICT, item_id, b, item, None))
        elif up is not None:  # in both (or, with no base, added on both sides)
            # With no base, two different additions under one id conflict.
            value, action = _merge_value(b, item, up)
            if action is not None:
                changes.append((action, item_id, b, item, up))
            item = value
        else:  # added here
            changes.append((Action.KEPT, item_id, None, item, None))
        merged.append(item)
    for position, item in enumerate(upstream):
        item_id = item["id"]
        if item_id in local_by_id:
            continue
        b = base_by_id.get(item_id)
        if b is None:
            _insert(merged, item, upstream, position)
            changes.append((Action.ADDED, item_id, None, None, item))
        elif item == b:  # removed here, unchanged upstream: stays removed
            changes.append((Action.KEPT, item_id, b, None, item))
        else:  # removed here, changed upstream: stays removed until chosen
            changes.append((Action.CONFLICT, item_id, b, None, item))
    return merged, changes


def _insert(merged: list[dict], item: dict, upstream: Sequence[dict], position: int):
    """Put ``item`` after its nearest upstream predecessor in ``merged``, else
    before its nearest upstream successor, else at the end."""
    where = {block["id"]: index for index, block in enumerate(merged)}
    for before in reversed(upstream[:position]):
        if before["id"] in where:
            merged.insert(where[before["id"]] + 1, item)
            return
    for after in upstream[position + 1 :]:
        if after["id"] in where:
            merged.insert(where[after["id"]], item)
            return
    merged.append(item)


def _merge_lists_inside(base: Any, local: Any, upstream: Any) -> dict | None:
    """A block changed on both sides whose changes are to different items of
    its lists (and nothing else that clashes): the block with both; else None."""
    if not all(isinstance(v, dict) and "value" in v for v in (base, local, upstream)):
        return None
    values = base["value"], local["value"], upstream["value"]
    if not all(isinstance(value, dict) for value in values):
        return None
    names = {
        name
        for value in values
        for name, item in value.items()
        if _is_sequence(item) and item
    }
    if not names or not all(
        all(_is_sequence(value.get(name)) for value in values) for name in names
    ):
        return None
    rest = [
        {
            **version,
            "value": {k: v for k, v in version["value"].items() if k not in names},
        }
        for version in (base, local, upstream)
    ]
    outside, action = _merge_value(*rest)
    if action is Action.CONFLICT:
        return None
    merged = {**outside, "value": dict(outside["value"])}
    for name in names:
        items, changes = _merge_sequence(*(value[name] for value in values))
        if any(change[0] is Action.CONFLICT for change in changes):
            return None
        merged["value"][name] = items
    # Keep the local order of the value's keys, for a stable stored form.
    merged["value"] = {k: merged["value"][k] for k in local["value"]} | merged["value"]
    return merged


def _is_sequence(value: Any) -> bool:
    """A list of blocks or list items (each with ``type``, ``value`` and ``id``)."""
    return isinstance(value, list) and all(
        isinstance(item, dict) and {"type", "value", "id"} <= item.keys()
        for item in value
    )


def _by_id(items: Sequence[dict]) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for item in items:
        if item["id"] in found:
            raise MergeError(f"the block id {item['id']} appears twice")
        found[item["id"]] = item
    return found


def version_of(content: dict[str, Any], name: str, block_id: str = "") -> Any:
    """The field ``name``, or the body block ``block_id`` (None if absent)."""
    if not block_id:
        return content.get(name)
    return next((b for b in content.get(BODY, []) if b["id"] == block_id), None)


def take_upstream(content: dict[str, Any], change: Change, order: Sequence[str]):
    """``content`` with ``change``'s upstream version in place of ours.

    ``order`` is the upstream body's block ids, to put back a block we had
    removed after its nearest upstream predecessor.
    """
    content = {**content, BODY: list(content.get(BODY, []))}
    if not change.block_id:
        content[change.field] = change.upstream
        return content
    body = content[BODY]
    index = next(
        (i for i, block in enumerate(body) if block["id"] == change.block_id), None
    )
    if change.upstream is None:
        if index is not None:
            del body[index]
    elif index is not None:
        body[index] = change.upstream
    elif change.block_id in order:
        upstream = [{"id": block_id} for block_id in order]
        _insert(body, change.upstream, upstream, list(order).index(change.block_id))
    else:
        body.append(change.upstream)
    return content
