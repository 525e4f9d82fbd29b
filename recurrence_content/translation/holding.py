"""A translation readers get whole is never replaced by a less complete one
unless an editor chooses to: a sync, ``apply_po()`` or the loader that would
publish a version with strings the live version has translated, but the new
one shows in the source language, keeps that version as a draft instead.

Only revisions wagtail-localize saved (it logs each in ``TranslationLog``) are
held: an editor publishing from the page editor, or a scheduled publication,
is an explicit choice, and RECURRENCE_CONTENT_INCOMPLETE_TRANSLATIONS applies.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter
from wagtail.models import AbstractPage, PageLogEntry, Revision

from .status import untranslated_since_live

HELD_ACTION = "recurrence_content.translation_held"


def held_strings(page: AbstractPage, revision: Revision) -> list[str]:
    """The strings ``revision`` of ``page`` would show untranslated that
    readers now get translated, when wagtail-localize saved it; else []."""
    from django.apps import apps

    if not apps.is_installed("wagtail_localize"):
        return []
    from wagtail_localize.models import TranslationLog

    if revision.approved_go_live_at is not None:
        return []  # scheduled by an editor
    if not TranslationLog.objects.filter(revision=revision).exists():
        return []  # an editor's own revision
    return untranslated_since_live(page, revision.as_object())


@transaction.atomic
def hold_less_complete(page: AbstractPage, revision: Revision) -> bool:
    """Keep ``revision`` as a draft if it is less complete than the live
    version (a ``hold_publication`` feature); True when it was held."""
    missing = held_strings(page, revision)
    if not missing:
        return False
    # wagtail-localize writes the new content into the page row before it
    # publishes; put the live content back, the new version as the draft.
    live = page.live_revision.as_object()
    # A revision's content records the page before it was published: keep
    # the row's publication fields.
    live.live_revision_id = page.live_revision_id
    live.last_published_at = page.last_published_at
    live.latest_revision = revision
    live.has_unpublished_changes = True
    live.draft_title = revision.content.get("title", live.draft_title)
    live.save(clean=False)
    PageLogEntry.objects.log_action(
        instance=live,
        action=HELD_ACTION,
        revision=revision,
        user=revision.user,
        data={"untranslated": missing},
    )
    return True


def held_for(revision: Revision) -> list[str] | None:
    """The strings ``revision`` was held for (``hold_less_complete``), or None
    if it was not held."""
    entry = PageLogEntry.objects.filter(revision=revision, action=HELD_ACTION).last()
    return None if entry is None else list(entry.data.get("untranslated", []))


class TranslationHeldFormatter(LogFormatter):
    """“Kept as a draft” with the strings it lacks, in the page's history."""

    label = _("Translation kept as a draft")

    def format_message(self, log_entry) -> str:
        strings = (log_entry.data or {}).get("untranslated", [])
        return _(
            "Kept as a draft: readers keep the published translation until "
            "these strings are translated: %(strings)s"
        ) % {"strings": "; ".join(f"“{text}”" for text in strings)}
