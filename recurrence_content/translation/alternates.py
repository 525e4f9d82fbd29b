"""The live, complete translations of a page, for hreflang links and the
language switcher: a translation still partly in another language is never
advertised as its language (see ``status``)."""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from wagtail.coreutils import (
    get_content_languages,
    get_supported_content_language_variant,
)
from wagtail.models import AbstractPage, Locale

from ..cache_tags import PARTS, page_tags
from .status import translation_statuses


@dataclass(frozen=True)
class LanguageAlternate:
    """One live language version of a page."""

    language_code: str
    name: str
    url: str  # absolute, as hreflang needs
    link: str  # relative when on the reader's site, for the switcher
    is_current: bool
    is_default: bool


def _language_name(locale: Locale) -> str:
    # The name in its own language ("Español", "العربية"): a reader looking for
    # their language recognises it that way.
    try:
        name = translation.get_language_info(locale.language_code)["name_local"]
    except KeyError:
        name = locale.get_display_name() or locale.language_code
    # Django has "español", "français": a list of languages starts each with a
    # capital, as a menu does (a no-op for scripts without case).
    return name[:1].upper() + name[1:]


def complete_alternates(
    page: AbstractPage, request: HttpRequest | None
) -> list[LanguageAlternate]:
    """Every live, routable, complete translation of ``page`` (itself
    included when complete), in the site's order of languages.

    Kept on the page object, so the switcher, hreflang links and JSON-LD of
    one request share one query.
    """
    cached = getattr(page, "_recurrence_content_alternates", None)
    if cached is not None and cached[0] is request:
        return cached[1]
    # In Django's cache until the page or a translation is published,
    # unpublished, moved or deleted, or an ancestor's URL changes. Links are
    # relative to the reader's site, so the key has its address.
    address = (request.scheme, request.get_host()) if request is not None else ""
    alternates = PARTS.remember(
        f"alternates:{page.pk}:{address}",
        page_tags(page),
        lambda: _complete_alternates(page, request),
    )
    page._recurrence_content_alternates = (request, alternates)
    return alternates


def _complete_alternates(
    page: AbstractPage, request: HttpRequest | None
) -> list[LanguageAlternate]:
    pages = list(
        page.get_translations(inclusive=True).live().public().select_related("locale")
    )
    statuses = translation_statuses(pages)
    # The default locale's code, as Locale.get_default() finds it, without
    # its query.
    default_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    alternates = []
    for version in pages:
        if not statuses[version.pk].is_complete:
            continue
        url = version.get_full_url(request)
        if not url:
            # Not under any site (e.g. a translation outside the site tree).
            continue
        alternates.append(
            LanguageAlternate(
                language_code=version.locale.language_code,
                name=_language_name(version.locale),
                url=url,
                # The Site's hostname may not be the one the reader used (a
                # proxy, a demo on 127.0.0.1), so same-site links stay relative.
                link=version.get_url(request) or url,
                is_current=version.pk == page.pk,
                is_default=version.locale.language_code == default_code,
            )
        )
    # The site's own order of languages (WAGTAIL_CONTENT_LANGUAGES), so the
    # switcher reads the same on every page.
    order = list(get_content_languages())
    return sorted(
        alternates,
        key=lambda alt: (
            order.index(alt.language_code)
            if alt.language_code in order
            else len(order),
            alt.language_code,
        ),
    )


def language_alternates(
    page: AbstractPage, request: HttpRequest | None
) -> list[LanguageAlternate]:
    """Every live, routable, complete translation of ``page`` (itself
    included), by language.

    Returns an empty list when the page has no such translation besides
    itself, so callers can show nothing rather than a one-item switcher.
    """
    alternates = complete_alternates(page, request)
    if len(alternates) < 2 or not any(alt.is_current for alt in alternates):
        return []
    return alternates
