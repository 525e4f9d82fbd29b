"""Finds the pages and locales that command-line arguments name."""

from django.conf import settings
from wagtail.coreutils import (
    get_content_languages,
    get_supported_content_language_variant,
)
from wagtail.models import AbstractPage, Locale, Site

from ..models import PatientInfoIndexPage, PatientInfoIndexPageMixin
from ..page_model import page_model
from .errors import LoadError

# What a site made by ``wagtail start`` calls itself until someone sets it.
STARTER_ADDRESS = ("localhost", 80)
# What `wagtail start` writes into settings/base.py.
STARTER_ADMIN_URL = "http://example.com"


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


def default_site() -> Site:
    """The default Wagtail site, or a LoadError that says how to make one."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise LoadError(
            "there is no default site; add one in the admin under Settings > "
            "Sites, or give --parent (a page ID)"
        )
    return site


def index_for_new_article(locale: Locale, *, create: bool) -> tuple[AbstractPage, bool]:
    """Where an article goes when no parent is given: the one patient
    information index of the default site in ``locale``.

    With none there, a new "Patient information" index under the site's
    home page (saved only when ``create``; it is published with the article).
    Returns the page and whether it is new. Several indexes: a LoadError
    listing them, since choosing one is the hospital's decision.
    """
    site = default_site()
    home = site.root_page
    indexes = list(
        page_model()
        .objects.descendant_of(home, inclusive=True)
        .type(PatientInfoIndexPageMixin)
        .filter(locale=locale)
        .order_by("path")[:6]
    )
    if len(indexes) == 1:
        return indexes[0].specific, False
    if indexes:
        listed = ", ".join(f"{page.url_path} (ID {page.id})" for page in indexes[:5])
        raise LoadError(
            f"the site has several patient information indexes ({listed}); give "
            "--parent with the one the article belongs under"
        )
    if home.locale_id != locale.id:
        raise LoadError(
            f"the site's home page is in {home.locale.language_code!r}, the article "
            f"in {locale.language_code!r}; give --parent (a page in "
            f"{locale.language_code!r})"
        )
    index = PatientInfoIndexPage(
        title="Patient information", slug="patient-information", locale=locale
    )
    if not PatientInfoIndexPage.can_create_at(home.specific):
        raise LoadError(
            f"a patient information index may not be created under {home.title!r} "
            "(see its subpage_types); create one in the admin, or give --parent"
        )
    if home.get_children().filter(slug=index.slug).exists():
        raise LoadError(
            f"the slug {index.slug!r} is already used under {home.title!r}; give "
            "--parent (a page ID or a URL path such as /cancer-care/)"
        )
    if create:
        home.add_child(instance=index)
    return index, True


def starter_address_warning() -> str:
    """A warning for each address ``wagtail start`` left in place: the default
    site's ``localhost:80`` and the admin's ``http://example.com``."""
    notes = []
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and (site.hostname, site.port) == STARTER_ADDRESS:
        notes.append(
            "note: the default site's address is still http://localhost (as "
            "`wagtail start` made it), so the URLs above, the feed and search "
            "engines get that address; set your real one in the admin under "
            "Settings > Sites"
        )
    if getattr(settings, "WAGTAILADMIN_BASE_URL", "") == STARTER_ADMIN_URL:
        notes.append(
            f"note: WAGTAILADMIN_BASE_URL is still {STARTER_ADMIN_URL} (as "
            "`wagtail start` made it), so the edit link above and the admin's "
            "emails point there; set it to your admin's address in your settings"
        )
    return "\n".join(notes)
