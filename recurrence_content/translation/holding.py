"""A translation readers get whole is never replaced by a less complete one
by a sync or a loader: when wagtail-localize's "Sync translated pages" (with
publishing), ``apply_po()`` or the loader would publish a version showing
strings in the source language that the live version shows translated, that
version is saved as a draft instead, and the page's history names the strings.

Publishing such a draft by hand (the Publish button of wagtail-localize's
editor, or Wagtail's) is an editor's explicit choice and is not held;
RECURRENCE_CONTENT_INCOMPLETE_TRANSLATIONS then applies.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import LogFormatter
from wagtail.models import AbstractPage, Locale, PageLogEntry, Revision
from wagtail_localize.models import Translation, TranslationLog, TranslationSource

from ..page_model import page_model
from .status import untranslated_since_live

HELD_ACTION = "recurrence_content.translation_held"


def newly_untranslated(source: TranslationSource, locale: Locale) -> list[str]:
    """The strings that saving the translation of ``source`` into ``locale``
    now would show untranslated, which its live page shows translated; []
    when there is no live translated page (nothing to keep)."""
    try:
        target = source.get_translated_instance(locale)
    except page_model().DoesNotExist:
        return []
    if target.alias_of_id or not target.live:
        return []
    new = source.get_ephemeral_translated_instance(locale, fallback=True)
    return untranslated_since_live(target, new)


def save_draft_over_live(
    source: TranslationSource, locale: Locale, user
) -> tuple[AbstractPage, Revision]:
    """Save the translation as a draft revision of its live page, leaving the
    live page as it is."""
    # wagtail-localize's save_target(publish=False) writes the new content
    # into the live page row, which publishes it in effect. Build the same
    # translated page in memory and save it only as a revision instead.
    target = source.get_ephemeral_translated_instance(locale, fallback=True)
    target.slug = find_available_slug(
        target.get_parent(), slugify(target.slug), ignore_page_id=target.pk
    )
    revision = target.save_revision(user=user)
    TranslationLog.objects.create(source=source, locale=locale, revision=revision)
    return target, revision


@transaction.atomic
def keep_as_draft(
    source: TranslationSource, locale: Locale, user, untranslated: list[str]
) -> AbstractPage:
    """Save the translation as a draft instead of publishing it, recording in
    the page's history which ``untranslated`` strings it waits for."""
    target, revision = save_draft_over_live(source, locale, user)
    PageLogEntry.objects.log_action(
        instance=target,
        action=HELD_ACTION,
        revision=revision,
        user=user,
        data={"untranslated": untranslated},
    )
    return target


def publish_unless_less_complete(translation: Translation, user) -> list[str]:
    """Publish ``translation`` as wagtail-localize's sync does, unless that
    would take translated strings away from readers: then keep it as a draft
    and return those strings."""
    missing = newly_untranslated(translation.source, translation.target_locale)
    if missing:
        keep_as_draft(translation.source, translation.target_locale, user, missing)
    else:
        translation.save_target(user=user, publish=True)
    return missing


def held_for(revision: Revision) -> list[str] | None:
    """The strings ``revision`` was kept as a draft for, or None if it was not."""
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
