"""Purge the feed's URLs from a front-end cache (Varnish, a CDN) on publish.

Wagtail's ``wagtail.contrib.frontend_cache`` already purges a page's own URL
when it is published or unpublished. This adds the feed URLs that show the
article, in that article's language only: its detail (with ``?locale=``, and
without it for the default language) and the first page of the list, for all
languages and for its own. Lists with other parameters (offset, q,
modified_since) are left to their ``Cache-Control`` max-age.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.conf import settings
from django.urls import reverse
from wagtail.models import AbstractPage, Locale
from wagtail.signals import page_published, page_unpublished

from ...governance.recording import review_recorded
from ...models.mixins import PatientInfoPageMixin


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


def purge_feed(instance: Any, **kwargs: Any) -> None:
    """Signal receiver: purge the feed URLs of a published/unpublished article."""
    if not isinstance(instance, PatientInfoPageMixin):
        return
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    purge_urls_from_cache(feed_urls(instance))


def connect_front_end_purge() -> None:
    """Purge feed URLs on publish, unpublish and a review recorded on a live
    page while a draft waits, when the host uses
    ``wagtail.contrib.frontend_cache``."""
    if not apps.is_installed("wagtail.contrib.frontend_cache"):
        return
    page_published.connect(purge_feed, dispatch_uid="rc_feed_purge_published")
    page_unpublished.connect(purge_feed, dispatch_uid="rc_feed_purge_unpublished")
    review_recorded.connect(purge_feed, dispatch_uid="rc_feed_purge_reviewed")
