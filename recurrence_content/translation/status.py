"""How far each translation of a page has got, from wagtail-localize's records.

Two questions, two answers:

- What readers get: the *live* translated page, read string by string. A
  string is untranslated when the page shows it in the source language with
  no translation of it at that place. This decides serving and advertising
  (hreflang, switcher, indexes, feed, JSON-LD, Infobutton), so a sync or a
  new source string never takes a finished translation away from readers.
- What the newest version lacks: wagtail-localize's progress against the
  latest sync of the source (``Translation.get_progress`` counts the same),
  what translators still have to do before the next publication.

Statuses are cached per page and live revision, tagged with the page's
translation key (``cache_tags``): a publication of the page or a translation,
or a change to wagtail-localize's records of it, makes its statuses stale
(see ``signals``); other pages' changes leave them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractPage

from ..cache_tags import TaggedCache, page_tag, status_tag
from ..page_model import page_model

CACHE_PREFIX = "recurrence_content:translation-status"
# Entries are retired by their tags; this only bounds memory.
CACHE_TIMEOUT = 60 * 60 * 24


class Status(StrEnum):
    """Where the translation readers get stands."""

    # Not a wagtail-localize translation: the source, or a page an editor
    # wrote directly in its language.
    SOURCE = "source"
    COMPLETE = "complete"
    # Wholly translated, of an earlier version of the source: the source has
    # changed since this translation was published. Still served, with a notice.
    OUTDATED = "outdated"
    PARTIAL = "partial"
    NOT_STARTED = "not_started"
    # Readers cannot reach it: never published, or unpublished.
    NOT_PUBLISHED = "not_published"

    @property
    def label(self) -> str:
        return str(STATUS_LABELS[self])


STATUS_LABELS = {
    Status.SOURCE: _("Original"),
    Status.COMPLETE: _("Complete"),
    Status.OUTDATED: _("Outdated"),
    Status.PARTIAL: _("Partial"),
    Status.NOT_STARTED: _("Not started"),
    Status.NOT_PUBLISHED: _("Not published"),
}


@dataclass(frozen=True)
class DraftProgress:
    """What the newest version of a translation (wagtail-localize's latest
    sync of the source, and the strings translated for it) still lacks."""

    translated: int
    total: int
    untranslated: tuple[str, ...] = field(default=())

    @property
    def is_complete(self) -> bool:
        return self.translated == self.total

    @property
    def progress(self) -> str:
        """``"59 of 60"``, for people."""
        return _progress(self.translated, self.total)


@dataclass(frozen=True)
class TranslationStatus:
    """One page's translation status: what readers get (the live page), with
    the figures behind it, and what the newest version lacks (``draft``)."""

    status: Status
    translated: int = 0
    total: int = 0
    # The language the untranslated passages are shown in (the source's).
    source_language: str = ""
    # The plain text of every string the live page shows untranslated.
    untranslated: tuple[str, ...] = field(default=())
    last_synced: datetime | None = None
    # The live source's strings differ from those the live translation was
    # made from: readers of the translation get an older text.
    source_changed: bool = False
    # When the source was last published, if it changed since (the notice's
    # "Updated in English on …").
    source_updated_at: datetime | None = None
    # When the live translation's content was made ("this translation is from …").
    translated_at: datetime | None = None
    # wagtail-localize's progress for the next publication; None for a page
    # that is not a wagtail-localize translation.
    draft: DraftProgress | None = None

    @property
    def is_complete(self) -> bool:
        """Whether readers get the page wholly in its own language, so it may be
        advertised and served as that language.

        An outdated translation is still wholly translated (of an earlier
        version of the source): it stays public, with a notice.
        """
        return self.status in (Status.SOURCE, Status.COMPLETE, Status.OUTDATED)

    @property
    def is_live(self) -> bool:
        return self.status != Status.NOT_PUBLISHED

    @property
    def progress(self) -> str:
        """``"3 of 60"``, for people."""
        return _progress(self.translated, self.total)

    @property
    def draft_wording(self) -> str:
        """What the newest version lacks, for editors: "Complete", or
        "Untranslated: 1 of 60"; "" when not a wagtail-localize translation."""
        draft = self.draft
        if draft is None:
            return ""
        if draft.is_complete:
            return str(STATUS_LABELS[Status.COMPLETE])
        return _("Untranslated: %(missing)s of %(total)s") % {
            "missing": draft.total - draft.translated,
            "total": draft.total,
        }


STATUSES = TaggedCache("TRANSLATION_STATUS_CACHE_ALIAS", CACHE_PREFIX, CACHE_TIMEOUT)


def _progress(translated: int, total: int) -> str:
    return _("%(translated)s of %(total)s") % {
        "translated": translated,
        "total": total,
    }


def translation_statuses(pages: Iterable[AbstractPage]) -> dict[int, TranslationStatus]:
    """``{page.pk: status}`` for ``pages``: two cache reads, no query, when
    they are cached; worked out and cached otherwise."""
    pages = list(pages)
    if not pages:
        return {}
    # Keyed by the live revision too: a publication is a new key at once.
    keys = {page.pk: f"{page.pk}:{page.live_revision_id}" for page in pages}
    statuses, found = STATUSES.get_many(keys)
    missing = [page for page in pages if page.pk not in statuses]
    if missing:
        computed = compute_statuses(missing)
        STATUSES.set_many(
            {keys[page.pk]: computed[page.pk] for page in missing},
            {
                keys[page.pk]: {
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
    if not apps.is_installed("wagtail_localize"):
        return {page.pk: TranslationStatus(Status.SOURCE) for page in pages}
    # Only when wagtail-localize is installed: check E002 reports it missing.
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
    source = translation.source
    draft = _draft_progress(page, source)
    if not page.live:
        return TranslationStatus(
            status=Status.NOT_PUBLISHED,
            source_language=source.locale.language_code,
            last_synced=source.last_updated_at,
            draft=draft,
        )
    # The page row is what readers get.
    reading = read_version(page.specific, source)
    current = _source_strings(source)
    source_changed = current is not None and reading.made_from_other(current[0])
    if reading.untranslated and len(reading.untranslated) == len(reading.strings):
        status = Status.NOT_STARTED
    elif reading.untranslated:
        status = Status.PARTIAL
    elif source_changed:
        status = Status.OUTDATED
    else:
        status = Status.COMPLETE
    return TranslationStatus(
        status=status,
        translated=len(reading.strings) - len(reading.untranslated),
        total=len(reading.strings),
        source_language=source.locale.language_code,
        untranslated=tuple(_plain_text(data) for _path, data in reading.untranslated),
        last_synced=source.last_updated_at,
        source_changed=source_changed,
        source_updated_at=current[1] if source_changed else None,
        translated_at=_made_at(page),
        draft=draft,
    )


def _draft_progress(page: AbstractPage, source) -> DraftProgress:
    # Only when wagtail-localize is installed: check E002 reports it missing.
    from wagtail_localize.models import StringSegment

    segments = list(
        StringSegment.objects.filter(source_id=source.pk)
        .select_related("string")
        .annotate_translation(page.locale_id)
        .order_by("order")
    )
    missing = [s.string.data for s in segments if s.translation is None]
    return DraftProgress(
        translated=len(segments) - len(missing),
        total=len(segments),
        untranslated=tuple(_plain_text(data) for data in missing),
    )


@dataclass(frozen=True)
class Reading:
    """What one version of a translated page shows, string by string."""

    strings: list[tuple[str, str]]  # (path, data), in page order
    untranslated: list[tuple[str, str]]  # shown in the source language
    # {path: source strings the shown string may stand for}, where known.
    made_from: dict[str, set[str]]

    def made_from_other(self, source_strings: dict[str, str]) -> bool:
        """Whether this version was made from other source strings than
        ``source_strings`` ({path: data}): a string added, removed or changed."""
        if {path for path, _data in self.strings} != set(source_strings):
            return True
        return any(
            source_strings[path] not in originals
            for path, originals in self.made_from.items()
        )


def read_version(instance, source) -> Reading:
    """Read ``instance`` (a version of ``source``'s translation, in its
    locale): which strings it shows in the source language untranslated.

    A string is untranslated when its text is a string of the source's
    language and no translation at that place reads the same (a translator
    may keep a name or a number as it is).
    """
    # Only when wagtail-localize is installed: check E002 reports it missing.
    from wagtail_localize.models import String, StringTranslation

    strings = strings_on(instance, ordered=True)
    in_source_language = set(
        String.objects.filter(
            locale_id=source.locale_id,
            data_hash__in={String._get_data_hash(data) for _path, data in strings},
        ).values_list("data_hash", flat=True)
    )
    translated: dict[tuple[str, str], set[str]] = {}
    for path, data, original in StringTranslation.objects.filter(
        context__object_id=source.object_id,
        locale_id=instance.locale_id,
        translation_of__locale_id=source.locale_id,
    ).values_list("context__path", "data", "translation_of__data"):
        translated.setdefault((path, data), set()).add(original)
    untranslated, made_from = [], {}
    for path, data in strings:
        if (path, data) in translated:
            made_from[path] = translated[(path, data)]
        elif String._get_data_hash(data) in in_source_language:
            untranslated.append((path, data))
            made_from[path] = {data}
        # Otherwise a translation since changed in the editor: translated,
        # from a source string no longer known.
    return Reading(strings, untranslated, made_from)


def untranslated_since_live(page: AbstractPage, instance) -> list[str]:
    """The strings ``instance`` (a new version of the translated ``page``)
    would show untranslated that the live version shows translated, as plain
    text; [] when ``page`` is not live or not a wagtail-localize translation."""
    # Only when wagtail-localize is installed: check E002 reports it missing.
    from wagtail_localize.models import TranslationSource

    if not page.live or page.live_revision_id is None:
        return []
    source = (
        TranslationSource.objects.filter(
            object_id=page.translation_key,
            translations__target_locale_id=page.locale_id,
            translations__enabled=True,
        )
        .exclude(locale_id=page.locale_id)
        .first()
    )
    if source is None:
        return []
    live = read_version(page.live_revision.as_object(), source)
    new = read_version(instance, source)
    had = {data for _path, data in live.untranslated}
    return [_plain_text(data) for _path, data in new.untranslated if data not in had]


def _source_strings(source) -> tuple[dict[str, str], datetime | None] | None:
    """The live source page's strings ({path: data}) and when it was last
    published; None if the source page is gone."""
    try:
        current = source.get_source_instance()
    except page_model().DoesNotExist:
        return None
    return dict(strings_on(current, ordered=True)), current.last_published_at


def _made_at(page: AbstractPage):
    # When the live content was saved (wagtail-localize saves a revision at
    # each sync it writes), not when it was published.
    from wagtail.models import Revision

    made = (
        Revision.objects.filter(pk=page.live_revision_id)
        .values_list("created_at", flat=True)
        .first()
    )
    return made or page.last_published_at


def _alias_status(page: AbstractPage) -> TranslationStatus:
    # wagtail-localize makes aliases of untranslated parents: the source's
    # content under another language's URL, none of it translated.
    original = page_model().objects.select_related("locale").get(pk=page.alias_of_id)
    if original.locale_id == page.locale_id:
        return TranslationStatus(Status.SOURCE)
    strings = [data for _path, data in strings_on(page.specific, ordered=True)]
    return TranslationStatus(
        status=Status.NOT_STARTED if page.live else Status.NOT_PUBLISHED,
        translated=0,
        total=len(strings),
        source_language=original.locale.language_code,
        untranslated=tuple(_plain_text(data) for data in strings),
    )


def strings_on(instance, ordered: bool = False):
    """The ``(path, string)`` pairs wagtail-localize extracts from ``instance``
    (a set, or a list in page order when ``ordered``)."""
    # Only when wagtail-localize is installed: check E002 reports it missing.
    from wagtail_localize.segments import StringSegmentValue

    # Only when wagtail-localize is installed: check E002 reports it missing.
    from wagtail_localize.segments.extract import extract_segments

    pairs = [
        (segment.path, segment.string.data)
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    ]
    return pairs if ordered else set(pairs)


def _plain_text(data: str) -> str:
    # Only when wagtail-localize is installed: check E002 reports it missing.
    from wagtail_localize.strings import StringValue

    return StringValue(data).render_text()
