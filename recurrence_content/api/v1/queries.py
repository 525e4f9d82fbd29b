"""What the feed may show: live, public articles of the requesting site.

Anything else (a draft, a page under a view restriction, another site's page)
is treated exactly like a page that does not exist.
"""

from __future__ import annotations

import functools
import operator
import re
from datetime import UTC, datetime
from uuid import UUID

from django.db.models import Q
from ninja.errors import ValidationError
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale, Page, PageQuerySet, Site

from ...models import PatientInfoPageMixin
from ...translation.status import translation_statuses


def param_error(name: str, message: str) -> ValidationError:
    """A 422 naming the query parameter at fault, shaped like ninja's own."""
    return ValidationError(
        [{"loc": ["query", name], "msg": message, "type": "value_error"}]
    )


def parse_locale(code: str | None) -> Locale | None:
    """The Locale for a language code the site has, or a 422 listing them.

    A configured language with no Locale yet has no articles, so it gives an
    empty list (or a 404) rather than an error.
    """
    if code is None:
        return None
    languages = list(get_content_languages())
    if code not in languages:
        raise param_error(
            "locale",
            f"Unknown locale {code!r}. Use one of: {', '.join(languages)}.",
        )
    return Locale.objects.filter(language_code=code).first() or Locale(
        language_code=code
    )


# RFC 3339 date-time, as the OpenAPI format "date-time" promises: the offset
# is required so a time is never ambiguous.
RFC3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"
)


def parse_modified_since(value: str | None) -> datetime | None:
    """The UTC datetime of an RFC 3339 date-time, or a 422 saying what to send."""
    if value is None:
        return None
    if not RFC3339.match(value):
        raise param_error(
            "modified_since",
            "Give an RFC 3339 date and time with its offset, "
            "e.g. 2026-11-01T00:00:00Z.",
        )
    try:
        parsed = datetime.fromisoformat(value.upper().replace(" ", "T"))
    except ValueError as error:
        raise param_error(
            "modified_since", f"Not a real date and time: {error}."
        ) from error
    try:
        return parsed.astimezone(UTC)
    except OverflowError:
        # Valid, but outside what Python can shift to UTC (year 1 or 9999).
        return (
            datetime.min.replace(tzinfo=UTC)
            if parsed.year == 1
            else datetime.max.replace(tzinfo=UTC)
        )


def search_words(q: str) -> str:
    """``q`` as lower-case words only.

    Some search backends (Wagtail 7's SQLite full-text search) pass quotes
    and operators straight into their query syntax and fail on them, so
    only words are searched.
    """
    return " ".join(re.findall(r"\w+", q.casefold()))


def default_locale() -> Locale:
    """The site's default language; unsaved (so nothing matches) if missing."""
    try:
        return Locale.get_default()
    except Locale.DoesNotExist:
        return Locale(language_code="")


def visible_articles(request) -> PageQuerySet:
    """Live articles with no view restriction, in any language of this site."""
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
) -> Page | None:
    """The article among ``articles`` with this key in this language, or None."""
    if locale.pk is None:
        return None
    return (
        articles.filter(translation_key=translation_key, locale_id=locale.pk)
        .select_related("locale")
        .first()
    )


def specific_pages(ids: list[int]) -> list[Page]:
    """The specific pages for ``ids``, in that order, with their locales.

    One query per page type plus one for the locales, however many pages.
    """
    pages = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
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
