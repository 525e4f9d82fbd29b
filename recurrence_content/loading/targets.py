"""Finds the pages and locales that command-line arguments name."""

from django.conf import settings
from wagtail.coreutils import (
    get_content_languages,
    get_supported_content_language_variant,
)
from wagtail.models import AbstractPage, Locale, Site

from ..page_model import page_model
from .errors import LoadError


def resolve_page(ref: "AbstractPage | int | str", what: str = "page") -> AbstractPage:
    """A page from a Page, an ID, or a URL path on the default site (``/cancer-care/``)."""
    if isinstance(ref, AbstractPage):
        return ref.specific
    Page = page_model()
    text = str(ref).strip()
    if text.isdigit():
        page = Page.objects.filter(id=int(text)).first()
        if page is None:
            raise LoadError(
                f"there is no {what} with ID {text}; check the ID in the admin "
                "(it is in the page's edit URL)"
            )
        return page.specific
    if not text.startswith("/"):
        raise LoadError(
            f"{what} {text!r} is neither a page ID nor a URL path; give an ID such "
            "as 42 or a path such as /cancer-care/"
        )
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise LoadError(
            f"there is no default site to find {text} on; give the {what} by ID"
        )
    tail = text.strip("/")
    url_path = site.root_page.url_path + (f"{tail}/" if tail else "")
    page = Page.objects.filter(url_path=url_path).first()
    if page is None:
        raise LoadError(
            f"there is no {what} at {text} on the default site; check the path, "
            "or give the page ID"
        )
    return page.specific


def resolve_locale(language_code: str) -> Locale:
    """The Wagtail locale for ``language_code``, which must be a configured language."""
    try:
        configured = get_supported_content_language_variant(language_code)
    except LookupError:
        setting = (
            "WAGTAIL_CONTENT_LANGUAGES"
            if hasattr(settings, "WAGTAIL_CONTENT_LANGUAGES")
            else "LANGUAGES"
        )
        known = ", ".join(code for code, _name in get_content_languages().items())
        raise LoadError(
            f"language {language_code!r} is not configured; add it to {setting} in "
            f"your settings, or choose one of: {known}"
        ) from None
    locale = Locale.objects.filter(language_code=configured).first()
    if locale is None:
        raise LoadError(
            f"language {configured!r} is configured but has no Wagtail locale yet; "
            "add it in the admin under Settings > Locales"
        )
    return locale
