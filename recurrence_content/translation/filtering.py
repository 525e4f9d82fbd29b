"""Leave incomplete translations out of a queryset of pages, for anything
that lists pages to readers or consumers (the feed, Wagtail API v2)."""

from __future__ import annotations

from django.apps import apps
from django.db.models import Exists, OuterRef, Q
from wagtail.models import PageQuerySet

from .completeness import incomplete


def complete_only(pages: PageQuerySet) -> PageQuerySet:
    """``pages`` (of any type) less the translations still partly in another
    language.

    Whether each live translation is complete is kept in the database
    (``completeness``): one query, however many there are.
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
    return pages.exclude(pk__in=incomplete(candidates))


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
