"""Which live translations are complete, read with one query.

Whatever lists a language's pages to readers (index pages, the feed,
sitemaps) leaves out translations still partly in another language, and
telling means reading each live page string by string (``status``): about
30 ms a page. Kept in a cache only, a section of 2,000 Spanish articles took
a minute to list after each cache flush or expiry, longer than a server lets
a request run, so no reader could get it. But the live version of a page
changes only when it is published (a change of its source makes it outdated,
which is still complete), so its completeness is kept in the database per
live revision: worked out when the translation is published, or when it is
first listed, and read back with one query.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from wagtail.models import AbstractPage

from ..models import LiveTranslationCompleteness
from .status import translation_statuses

# Rows written per statement: a first listing of a large section writes
# what it has worked out as it goes.
BATCH = 100

# The pages being published whose every string is known to be translated
# (``publishing_complete``).
_known_complete: ContextVar[frozenset[int]] = ContextVar(
    "recurrence_content_known_complete", default=frozenset()
)


def incomplete(pages: Iterable[AbstractPage]) -> set[int]:
    """The ids of ``pages`` whose live version is not complete (or which
    have none): one query, and more only for pages published since."""
    pages = list(pages)
    live = [page for page in pages if page.live_revision_id is not None]
    known = {
        page_id: (revision_id, complete)
        for page_id, revision_id, complete in LiveTranslationCompleteness.objects.filter(
            page_id__in=[page.pk for page in live]
        ).values_list("page_id", "revision_id", "complete")
    }
    complete = {
        page.pk: known[page.pk][1]
        for page in live
        if known.get(page.pk, (None,))[0] == page.live_revision_id
    }
    stale = [page for page in live if page.pk not in complete]
    for start in range(0, len(stale), BATCH):
        complete.update(remember(stale[start : start + BATCH]))
    return {page.pk for page in pages if not complete.get(page.pk, False)}


def remember(pages: list[AbstractPage]) -> dict[int, bool]:
    """Work out and keep whether each of ``pages`` (live) is complete."""
    statuses = translation_statuses(pages)
    LiveTranslationCompleteness.objects.bulk_create(
        [
            LiveTranslationCompleteness(
                page_id=page.pk,
                revision_id=page.live_revision_id,
                complete=statuses[page.pk].is_complete,
            )
            for page in pages
        ],
        update_conflicts=True,
        unique_fields=["page"],
        update_fields=["revision_id", "complete"],
    )
    return {page.pk: statuses[page.pk].is_complete for page in pages}


@contextmanager
def publishing_complete(page: AbstractPage) -> Iterator[None]:
    """Publish ``page`` in this block knowing its every string is translated
    (``apply_po`` knows from wagtail-localize's progress): it is kept as
    complete without reading it string by string."""
    token = _known_complete.set(_known_complete.get() | {page.pk})
    try:
        yield
    finally:
        _known_complete.reset(token)


def translation_published(instance: AbstractPage, **kwargs) -> None:
    """Signal receiver: a published translation's completeness is worked out
    then, so listing it later costs no reading."""
    if not instance.live or instance.live_revision_id is None:
        return
    if instance.pk in _known_complete.get():
        LiveTranslationCompleteness.objects.update_or_create(
            page_id=instance.pk,
            defaults={"revision_id": instance.live_revision_id, "complete": True},
        )
    elif instance.alias_of_id is not None or _is_localized(instance):
        remember([instance])


def _is_localized(page: AbstractPage) -> bool:
    # Only when wagtail-localize is installed (the receiver is connected
    # only then).
    from wagtail_localize.models import Translation  # noqa: PLC0415

    return Translation.objects.filter(
        source__object_id=page.translation_key,
        target_locale_id=page.locale_id,
        enabled=True,
    ).exists()
