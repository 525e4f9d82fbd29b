"""Leave incomplete translations out of a queryset of pages, for anything
that lists pages to readers or consumers (the feed, Wagtail API v2)."""

from __future__ import annotations

from django.apps import apps
from django.db.models import Exists, OuterRef, Q
from wagtail.models import PageQuerySet

from .status import translation_statuses


def complete_only(pages: PageQuerySet) -> PageQuerySet:
    """``pages`` (of any type) less the translations still partly in another
    language.

    Statuses come from their cache (the feed's responses are cached on top,
    and emptied whenever a status can change).
    """
    if not apps.is_installed("wagtail_localize"):
        return pages
    # Only when wagtail-localize is installed: check E002 reports it missing.
    from wagtail_localize.models import Translation as LocalizeTranslation

    # Only a wagtail-localize translation or an alias can be incomplete: one
    # query finds those, and only their statuses are looked up.
    candidates = list(
        pages.filter(
            Q(
                Exists(
                    LocalizeTranslation.objects.filter(
                        source__object_id=OuterRef("translation_key"),
                        target_locale_id=OuterRef("locale_id"),
                        enabled=True,
                    )
                )
            )
            | Q(alias_of__isnull=False)
        ).defer_streamfields()
    )
    statuses = translation_statuses(candidates)
    return pages.exclude(
        pk__in=[pk for pk, status in statuses.items() if not status.is_complete]
    )


def originals_only(pages: PageQuerySet) -> PageQuerySet:
    """``pages`` less wagtail-localize translations and aliases: the articles
    in the language they were written in."""
    pages = pages.filter(alias_of__isnull=True)
    if not apps.is_installed("wagtail_localize"):
        return pages
    # Only when wagtail-localize is installed: check E002 reports it missing.
    from wagtail_localize.models import Translation as LocalizeTranslation

    return pages.exclude(
        Exists(
            LocalizeTranslation.objects.filter(
                source__object_id=OuterRef("translation_key"),
                target_locale_id=OuterRef("locale_id"),
                enabled=True,
            )
        )
    )
