"""What the feed may show: live, public articles of the requesting site.

Anything else (a draft, a page under a view restriction, another site's page)
is treated exactly like a page that does not exist.
"""

from __future__ import annotations

import functools
import operator
from datetime import UTC, datetime
from uuid import UUID

from django.db.models import Q
from django.utils import timezone
from ninja.errors import ValidationError
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale, Page, PageQuerySet, Site

from ..models import PatientInfoPageMixin


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


def parse_modified_since(value: datetime | None) -> datetime | None:
    """An aware UTC datetime; a time without an offset is taken as UTC."""
    if value is None:
        return None
    try:
        if timezone.is_naive(value):
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
    except (OverflowError, ValueError) as error:
        raise param_error(
            "modified_since", f"Not a usable date and time ({error})."
        ) from error


def check_text(name: str, value: str | None) -> str | None:
    """Reject control characters a database cannot store or search."""
    if value is not None and any(ord(ch) < 32 for ch in value):
        raise param_error(name, "Remove control characters from the text.")
    return value


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


def find_article(request, translation_key: UUID, locale: Locale) -> Page | None:
    """The visible article with this key in this language, or None."""
    if locale.pk is None:
        return None
    return (
        visible_articles(request)
        .filter(translation_key=translation_key, locale_id=locale.pk)
        .select_related("locale")
        .first()
    )
