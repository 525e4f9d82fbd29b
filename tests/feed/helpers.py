"""Small helpers the feed tests share."""

from wagtail.models import Page

API = "/recurrence-content/api/v1"


def list_url(**params) -> str:
    """The article list URL with ``params`` as its query string."""
    from urllib.parse import urlencode

    return f"{API}/articles/" + (f"?{urlencode(params)}" if params else "")


def detail_url(page: Page, locale: str | None = None) -> str:
    """The feed URL of ``page``'s article, optionally in ``locale``."""
    url = f"{API}/articles/{page.translation_key}/"
    return f"{url}?locale={locale}" if locale else url


def page_link(page: Page, text: str = "this page") -> str:
    """Rich text (database format) linking to ``page``, as the editor saves it."""
    return f'<a linktype="page" id="{page.pk}">{text}</a>'
