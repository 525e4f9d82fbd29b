"""The feed's URLs that show an article, which ``recurrence_content.refresh``
renders into the response cache after the article is published and purges
from front-end caches (Varnish, a CDN) after publication and unpublication.

In that article's language only: its detail (with ``?locale=``, and without
it for the default language) and the first page of the list, for all
languages and for its own. Lists with other parameters (offset, q,
modified_since) are left to their ``Cache-Control`` max-age.
"""

from __future__ import annotations

from django.urls import reverse
from wagtail.models import AbstractPage, Locale

from ...refresh import register_urls


def feed_urls(page: AbstractPage) -> list[str]:
    """The feed's absolute URLs that show ``page``, on the site it is under."""
    code = page.locale.language_code
    detail = reverse(
        "recurrence_content_api:article_detail",
        kwargs={"translation_key": page.translation_key},
    )
    listing = reverse("recurrence_content_api:article_list")
    paths = [f"{detail}?locale={code}", listing, f"{listing}?locale={code}"]
    if code == Locale.get_default().language_code:
        paths.append(detail)  # the detail without ?locale= is the default's
    # The site the page is served on, as Wagtail's own page purge finds it.
    parts = page.get_url_parts()
    if parts is None or not parts[1]:
        return []  # not under any site: nothing was served
    return [parts[1] + path for path in paths]


def register_feed_urls() -> None:
    """Have the feed's URLs refreshed and purged with each article."""
    register_urls("feed", feed_urls)
