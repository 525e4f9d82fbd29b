"""What a public request for a page gets when the page is not wholly in the
language it was asked in: a redirect, or the page with its untranslated
passages marked (RECURRENCE_CONTENT_INCOMPLETE_TRANSLATIONS)."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from django.http import HttpRequest, HttpResponseRedirect
from django.http.response import ResponseHeaders
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.formats import date_format
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation.trans_real import parse_accept_lang_header
from wagtail.coreutils import (
    get_content_languages,
    get_supported_content_language_variant,
)
from wagtail.models import AbstractPage

from ..conf import get_setting
from .alternates import LanguageAlternate, complete_alternates
from .marking import text_direction
from .status import TranslationStatus, translation_status

REDIRECT = "redirect"
MARK = "mark"
MODES = (REDIRECT, MARK)
# The query parameter a redirect adds, naming the language asked for.
UNAVAILABLE_PARAM = "unavailable"


def incomplete_translations_mode() -> str:
    """RECURRENCE_CONTENT_INCOMPLETE_TRANSLATIONS; anything unknown redirects,
    the mode that never shows a patient another language (check E003 says so)."""
    mode = get_setting("INCOMPLETE_TRANSLATIONS")
    return mode if mode in MODES else REDIRECT


def page_status(page: AbstractPage) -> TranslationStatus:
    """``page``'s status, looked up once per page object."""
    status = getattr(page, "_recurrence_content_status", None)
    if status is None:
        status = page._recurrence_content_status = translation_status(page)
    return status


def public_redirect(
    page: AbstractPage, request: HttpRequest
) -> HttpResponseRedirect | None:
    """Where to send a public request for ``page`` instead of serving it, or None."""
    response = _elsewhere_redirect(page, request)
    if response is None and incomplete_translations_mode() == REDIRECT:
        response = _incomplete_redirect(page, request)
    return response


def _requested_language() -> str | None:
    try:
        return get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return None


def _elsewhere_redirect(page: AbstractPage, request: HttpRequest):
    # Wagtail serves the default language's tree under another language's
    # prefix (/ar/…) when that language has no tree of its own: send the
    # reader to the page's own URL rather than dress it in another language.
    requested = _requested_language()
    if requested is None or requested == page.locale.language_code:
        return None
    url = page.get_url(request)
    if not url or urlsplit(url).path == request.path:
        # No other address (a site without language prefixes): the page is
        # served wholly in its own language instead.
        return None
    return _redirect(url, requested)


def _incomplete_redirect(page: AbstractPage, request: HttpRequest):
    status = page_status(page)
    if status.is_complete:
        return None
    target = choose_alternate(
        complete_alternates(page, request),
        request.headers.get("Accept-Language", ""),
        status.source_language,
    )
    if target is None:
        return None
    response = _redirect(target.link, page.locale.language_code)
    patch_vary_headers(response, ["Accept-Language"])
    return response


class _HeadersWithoutLanguage(ResponseHeaders):
    """Headers that take no Content-Language by default: LocaleMiddleware's
    ``setdefault`` would name the language the reader is sent away from."""

    def setdefault(self, key, value):
        if key.lower() != "content-language":
            super().setdefault(key, value)


def _redirect(url: str, requested: str) -> HttpResponseRedirect:
    response = HttpResponseRedirect(
        f"{url}?{urlencode({UNAVAILABLE_PARAM: requested})}"
    )
    # A redirect has no content, so no content language.
    response.headers = _HeadersWithoutLanguage(response.headers)
    return response


def choose_alternate(
    alternates: list[LanguageAlternate], accept_language: str, source_language: str
) -> LanguageAlternate | None:
    """The reader's preferred language among ``alternates`` (by Accept-Language),
    else the source language, else the site's default, else the first."""
    if not alternates:
        return None
    by_code = {alt.language_code.lower(): alt for alt in alternates}
    for code, _quality in parse_accept_lang_header(accept_language):
        code = code.lower()
        if code in by_code:
            return by_code[code]
        generic = code.split("-")[0]
        for alt_code, alt in by_code.items():
            if alt_code.split("-")[0] == generic:
                return alt
    return (
        by_code.get(source_language.lower())
        or next((alt for alt in alternates if alt.is_default), None)
        or alternates[0]
    )


def own_name(code: str) -> str:
    """A language's name in that language ("français"), marked up with its
    ``lang`` and ``dir``: a reader recognises their language that way."""
    try:
        name = translation.get_language_info(code)["name_local"]
    except KeyError:
        name = code
    return format_html(
        '<span lang="{}" dir="{}">{}</span>', code, text_direction(code), name
    )


def unavailable_notice(page: AbstractPage, request: HttpRequest) -> str:
    """The one-line notice a redirected reader sees, in the page's language,
    or "" when the request was not redirected here."""
    requested = request.GET.get(UNAVAILABLE_PARAM, "")
    if requested not in get_content_languages() or requested == (
        page.locale.language_code
    ):
        return ""
    return _with_language_name(
        gettext(
            "This page is not yet available in the language you asked for "
            "(%(language)s)."
        ),
        requested,
    )


def untranslated_to_mark(
    page: AbstractPage, request: HttpRequest
) -> TranslationStatus | None:
    """The status whose untranslated passages the page marks, in "mark" mode
    on a public request for an incomplete translation; else None."""
    if getattr(request, "is_preview", False) or incomplete_translations_mode() != MARK:
        return None
    status = page_status(page)
    return None if status.is_complete else status


def untranslated_notice(status: TranslationStatus) -> str:
    """The notice at the top of a marked page, in the page's language."""
    return _with_language_name(
        gettext(
            "Parts of this page are not translated yet and are shown in the "
            "original language (%(language)s)."
        ),
        status.source_language,
    )


def source_updated_notice(page: AbstractPage, request: HttpRequest) -> str:
    """The notice on a live translation made from an earlier version of its
    source, in the page's language, naming both dates and linking the source
    language's page; "" when the translation is up to date (or in a preview)."""
    if getattr(request, "is_preview", False):
        return ""
    status = page_status(page)
    if not status.source_changed or status.source_updated_at is None:
        return ""
    code = status.source_language
    language = own_name(code)
    source = next(
        (
            alt
            for alt in complete_alternates(page, request)
            if alt.language_code == code
        ),
        None,
    )
    if source is not None:
        language = format_html(
            '<a href="{}" hreflang="{}">{}</a>', source.link, code, language
        )
    return _fill(
        gettext(
            "Updated in %(language)s on %(updated)s; this translation is from "
            "%(translated)s."
        ),
        language=language,
        updated=_date(status.source_updated_at),
        translated=_date(status.translated_at),
    )


def _date(moment) -> str:
    if moment is None:
        return ""
    # In the page's language (the page is rendered with it active).
    return date_format(timezone.localtime(moment), "DATE_FORMAT")


def _with_language_name(message: str, code: str) -> SafeString:
    return _fill(message, language=own_name(code))


def _fill(message: str, **parts: str) -> SafeString:
    """``message`` escaped, with each ``%(name)s`` replaced by ``parts[name]``
    (escaped unless already safe HTML), wherever a translation moved it."""
    html = escape(message)
    for name, value in parts.items():
        html = html.replace(f"%({name})s", conditional_escape(value))
    return mark_safe(html)  # noqa: S308 - escaped message, escaped or safe parts
