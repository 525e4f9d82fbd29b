"""How far each translation of a page has got, from wagtail-localize's records.

A page's status is worked out from wagtail-localize's own ``Translation``,
``StringSegment`` and ``StringTranslation`` rows (the figures
``Translation.get_progress`` counts) and from the published page itself, so
strings translated in the admin, uploaded as PO files or applied by
``apply_po`` count alike, and a string translated but not yet published still
counts as English. Statuses are cached per page, tagged with the page's
translation key (``cache_tags``): a publication of the page or a translation,
or a change to wagtail-localize's records of it, makes its statuses stale
(see ``signals``); other pages' changes leave them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractPage

from ..cache_tags import TaggedCache, page_tag, status_tag
from ..page_model import page_model

CACHE_PREFIX = "recurrence_content:translation-status"
# Entries are retired by their tags; this only bounds memory.
CACHE_TIMEOUT = 60 * 60 * 24


class Status(StrEnum):
    """Where a page's translation stands."""

    # Not a wagtail-localize translation: the source, or a page an editor
    # wrote directly in its language.
    SOURCE = "source"
    COMPLETE = "complete"
    # Every string translated, but the source page has changed since the
    # translation was last synced: translators have new strings to see.
    OUTDATED = "outdated"
    PARTIAL = "partial"
    NOT_STARTED = "not_started"

    @property
    def label(self) -> str:
        return str(STATUS_LABELS[self])


STATUS_LABELS = {
    Status.SOURCE: _("Original"),
    Status.COMPLETE: _("Complete"),
    Status.OUTDATED: _("Outdated"),
    Status.PARTIAL: _("Partial"),
    Status.NOT_STARTED: _("Not started"),
}


@dataclass(frozen=True)
class TranslationStatus:
    """One page's translation status, with the figures behind it."""

    status: Status
    translated: int = 0
    total: int = 0
    # The language the untranslated passages are shown in (the source's).
    source_language: str = ""
    # The plain text of every string the published page shows untranslated.
    untranslated: tuple[str, ...] = field(default=())
    last_synced: datetime | None = None
    # The published source's strings differ from those last synced, whatever
    # the status: translators have new strings to see once it is synced.
    source_changed: bool = False

    @property
    def is_complete(self) -> bool:
        """Whether the page is wholly in its own language, so it may be
        advertised and served as that language.

        An outdated translation is still wholly translated (of an earlier
        version of the source): it stays public, and the report shows it.
        """
        return self.status in (Status.SOURCE, Status.COMPLETE, Status.OUTDATED)

    @property
    def progress(self) -> str:
        """``"3 of 60"``, for people."""
        return _("%(translated)s of %(total)s") % {
            "translated": self.translated,
            "total": self.total,
        }


STATUSES = TaggedCache("TRANSLATION_STATUS_CACHE_ALIAS", CACHE_PREFIX, CACHE_TIMEOUT)


def translation_statuses(pages: Iterable[AbstractPage]) -> dict[int, TranslationStatus]:
    """``{page.pk: status}`` for ``pages``: two cache reads, no query, when
    they are cached; worked out and cached otherwise."""
    pages = list(pages)
    if not pages:
        return {}
    statuses, found = STATUSES.get_many({page.pk: str(page.pk) for page in pages})
    missing = [page for page in pages if page.pk not in statuses]
    if missing:
        computed = compute_statuses(missing)
        STATUSES.set_many(
            {str(page.pk): computed[page.pk] for page in missing},
            {
                str(page.pk): {
                    page_tag(page.translation_key): None,
                    status_tag(page.translation_key): None,
                }
                for page in missing
            },
            found,
        )
        statuses.update(computed)
    return statuses


def translation_status(page: AbstractPage) -> TranslationStatus:
    """The status of one page (see ``translation_statuses``)."""
    return translation_statuses([page])[page.pk]


def compute_statuses(pages: list[AbstractPage]) -> dict[int, TranslationStatus]:
    """Work out the statuses of ``pages`` from wagtail-localize's records (no
    cache): one query for them all, and a few more per translation."""
    from django.apps import apps

    if not apps.is_installed("wagtail_localize"):
        return {page.pk: TranslationStatus(Status.SOURCE) for page in pages}
    from wagtail_localize.models import Translation as LocalizeTranslation

    translations = {
        (translation.source.object_id, translation.target_locale_id): translation
        for translation in LocalizeTranslation.objects.filter(
            source__object_id__in={page.translation_key for page in pages},
            target_locale_id__in={page.locale_id for page in pages},
            enabled=True,
        ).select_related("source__locale")
    }
    statuses = {}
    for page in pages:
        translation = translations.get((page.translation_key, page.locale_id))
        if translation is not None:
            statuses[page.pk] = _translation_status(page, translation)
        elif page.alias_of_id is not None:
            statuses[page.pk] = _alias_status(page)
        else:
            statuses[page.pk] = TranslationStatus(Status.SOURCE)
    return statuses


def _translation_status(page: AbstractPage, translation) -> TranslationStatus:
    from wagtail_localize.models import StringSegment

    source = translation.source
    segments = list(
        StringSegment.objects.filter(source_id=source.pk)
        .select_related("string", "context")
        .annotate_translation(page.locale_id)
        .order_by("order")
    )
    shown = strings_on(page.specific)
    untranslated = [
        segment.string.data
        for segment in segments
        if segment.translation is None
        # Translated, but the published page still shows the source text.
        or (
            (segment.context.path, segment.string.data) in shown
            and segment.translation != segment.string.data
        )
    ]
    total = len(segments)
    translated = total - len(untranslated)
    source_changed = _source_changed(source, segments)
    if untranslated and translated == 0:
        status = Status.NOT_STARTED
    elif untranslated:
        status = Status.PARTIAL
    elif source_changed:
        status = Status.OUTDATED
    else:
        status = Status.COMPLETE
    return TranslationStatus(
        status=status,
        translated=translated,
        total=total,
        source_language=source.locale.language_code,
        untranslated=tuple(_plain_text(data) for data in untranslated),
        last_synced=source.last_updated_at,
        source_changed=source_changed,
    )


def _alias_status(page: AbstractPage) -> TranslationStatus:
    # wagtail-localize makes aliases of untranslated parents: the source's
    # content under another language's URL, none of it translated.
    original = page_model().objects.select_related("locale").get(pk=page.alias_of_id)
    if original.locale_id == page.locale_id:
        return TranslationStatus(Status.SOURCE)
    strings = [data for _path, data in strings_on(page.specific, ordered=True)]
    return TranslationStatus(
        status=Status.NOT_STARTED,
        translated=0,
        total=len(strings),
        source_language=original.locale.language_code,
        untranslated=tuple(_plain_text(data) for data in strings),
    )


def strings_on(instance, ordered: bool = False):
    """The ``(path, string)`` pairs wagtail-localize extracts from ``instance``
    (a set, or a list in page order when ``ordered``)."""
    from wagtail_localize.segments import StringSegmentValue
    from wagtail_localize.segments.extract import extract_segments

    pairs = [
        (segment.path, segment.string.data)
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    ]
    return pairs if ordered else set(pairs)


def _source_changed(source, segments) -> bool:
    """Whether the published source page's strings differ from those the
    translation was last synced with."""
    try:
        current = source.get_source_instance()
    except page_model().DoesNotExist:
        return False
    synced = {(segment.context.path, segment.string.data) for segment in segments}
    return strings_on(current) != synced


def _plain_text(data: str) -> str:
    from wagtail_localize.strings import StringValue

    return StringValue(data).render_text()
