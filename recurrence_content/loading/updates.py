"""What merging new versions leaves for editors: conflicts to resolve, articles
withdrawn at their source, and an audit log entry for each (docs/updates.md)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import AbstractPage, Revision

from ..models import LoadedContent, LoadedTranslation, MergeConflict
from .exporter import apply_content, page_content
from .merge import Action, Change, MergeResult, take_upstream, version_of

MERGE_ACTION = "recurrence_content.merge"
RESOLVE_ACTION = "recurrence_content.resolve_conflict"
WITHDRAW_ACTION = "recurrence_content.withdraw"


def merge_summary(result: MergeResult) -> dict[str, int]:
    """How many fields and blocks each action touched: ``{"taken": 2, …}``."""
    return {str(action): len(result.of(action)) for action in Action}


def record_merge(
    page: AbstractPage,
    result: MergeResult,
    upstream: dict[str, Any],
    revision: Revision | None,
) -> None:
    """Store the merge's conflicts (updating open ones on the same field or
    block), close those the new version settled, and log the merge."""
    open_rows = {
        (row.field, row.block_id): row
        for row in MergeConflict.objects.filter(page=page, resolved_at__isnull=True)
    }
    for change in result.conflicts:
        row = open_rows.pop((change.field, change.block_id), None) or MergeConflict(
            page=page, field=change.field, block_id=change.block_id
        )
        row.block_type = change.block_type
        row.base, row.local, row.upstream = change.base, change.local, change.upstream
        row.save()
    for row in open_rows.values():
        # Still open unless ours now is what upstream has.
        theirs = version_of(upstream, row.field, row.block_id)
        if version_of(result.content, row.field, row.block_id) == theirs:
            _close(row, MergeConflict.Resolution.MATCHED)
    log(
        instance=page,
        action=MERGE_ACTION,
        revision=revision,
        content_changed=revision is not None,
        data={
            **merge_summary(result),
            "conflict_keys": [change.key for change in result.conflicts],
        },
    )


def open_conflicts(page: AbstractPage) -> list[MergeConflict]:
    """The page's conflicts no editor has resolved yet."""
    return list(MergeConflict.objects.filter(page=page, resolved_at__isnull=True))


@transaction.atomic
def resolve(conflict: MergeConflict, choice: str, user: Any = None) -> Revision | None:
    """Resolve ``conflict`` with ``"upstream"`` (the new version goes into a new
    draft revision) or ``"local"`` (the page stays as it is); log it.

    Returns the new revision, or None when nothing in the page changed.
    """
    choice = MergeConflict.Resolution(choice)
    page = conflict.page.specific
    revision = None
    if choice is MergeConflict.Resolution.UPSTREAM and conflict.field == (
        MergeConflict.TRANSLATION_FIELD
    ):
        # wagtail-localize is imported only here, as the translation package
        # does: importing it with the loader (at startup, through the admin
        # panel) would stop `manage.py check` from reporting it missing (E002).
        from .po_merge import take_upstream_string

        take_upstream_string(conflict, user)
        revision = page.revisions.order_by("-created_at", "-id").first()
    elif choice is MergeConflict.Resolution.UPSTREAM:
        content = page_content(page)
        record = LoadedContent.objects.filter(
            translation_key=page.translation_key, locale_id=page.locale_id
        ).first()
        order = (
            [b["id"] for b in (record.content or {}).get("body", [])] if record else []
        )
        change = Change(
            Action.CONFLICT,
            conflict.field,
            conflict.block_id,
            conflict.base,
            conflict.local,
            conflict.upstream,
        )
        merged = take_upstream(content, change, order)
        if merged != content:
            draft = page.get_latest_revision_as_object()
            apply_content(draft, merged)
            revision = draft.save_revision(user=user, log_action=False)
    _close(conflict, choice)
    log(
        instance=page,
        action=RESOLVE_ACTION,
        user=user,
        revision=revision,
        content_changed=revision is not None,
        data={
            "field": conflict.field,
            "block_id": conflict.block_id,
            "block_type": conflict.block_type,
            "resolution": str(choice),
        },
    )
    return revision


def _close(row: MergeConflict, resolution: str) -> None:
    row.resolution = resolution
    row.resolved_at = timezone.now()
    row.save(update_fields=["resolution", "resolved_at"])


def record_withdrawal(page: AbstractPage, source: str = "") -> bool:
    """Note that the article, or this translation of it, was withdrawn at its
    source (the page is left as it is, never unpublished or deleted) and log
    it once; True if it was not noted before."""
    mine = {"translation_key": page.translation_key, "locale_id": page.locale_id}
    # The loader loaded the article; a translation came as a PO file.
    record = (
        LoadedContent.objects.filter(**mine).first()
        or LoadedTranslation.objects.filter(**mine).first()
    )
    if record is None or record.withdrawn_at is not None:
        return False
    record.withdrawn_at = timezone.now()
    record.save(update_fields=["withdrawn_at"])
    log(instance=page, action=WITHDRAW_ACTION, data={"source": source})
    return True
