"""Which articles a request may see: live, public articles of its site.

Anything else (a draft, a page under a view restriction, another site's page)
is treated exactly like a page that does not exist, by every channel.
"""

from __future__ import annotations

import functools
import operator
from uuid import UUID

from django.db.models import Q
from wagtail.models import AbstractPage, Locale, PageQuerySet, Site

from ..models import PatientInfoPageMixin
from ..page_model import page_model
from ..translation.status import translation_statuses


def default_locale() -> Locale:
    """The site's default language; unsaved (so nothing matches) if missing."""
    try:
        return Locale.get_default()
    except Locale.DoesNotExist:
        return Locale(language_code="")


def visible_articles(request) -> PageQuerySet:
    """Live articles with no view restriction, in any language of this site."""
    Page = page_model()
    site = Site.find_for_request(request)
    if site is None:
        return Page.objects.none()
    # A site's pages in other languages live under the translations of its
    # root page, so match the subtree of every one of them.
    roots = Page.objects.filter(
        translation_key__in=Page.objects.filter(pk=site.root_page_id).values(
            "translation_key"
        )
    ).values_list("path", flat=True)
    in_site = functools.reduce(
        operator.or_, (Q(path__startswith=path) for path in roots), Q(pk__in=[])
    )
    return Page.objects.live().public().type(PatientInfoPageMixin).filter(in_site)


def find_article(
    articles: PageQuerySet, translation_key: UUID, locale: Locale
) -> AbstractPage | None:
    """The article among ``articles`` with this key in this language, or None."""
    if locale.pk is None:
        return None
    return (
        articles.filter(translation_key=translation_key, locale_id=locale.pk)
        .select_related("locale")
        .first()
    )


def specific_pages(ids: list[int]) -> list[AbstractPage]:
    """The specific pages for ``ids``, in that order, with their locales.

    One query per page type plus one for the locales, however many pages.
    """
    pages = {
        page.pk: page for page in page_model().objects.filter(pk__in=ids).specific()
    }
    locales = {locale.pk: locale for locale in Locale.objects.all()}
    for page in pages.values():
        page.locale = locales[page.locale_id]
    return [pages[pk] for pk in ids if pk in pages]


def complete_locales(articles: PageQuerySet, translation_key: UUID) -> list[str]:
    """The languages the article is complete in among ``articles``."""
    pages = list(
        articles.filter(translation_key=translation_key).select_related("locale")
    )
    statuses = translation_statuses(pages)
    return sorted(
        page.locale.language_code for page in pages if statuses[page.pk].is_complete
    )
