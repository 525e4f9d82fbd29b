"""Refresh, don't purge: after an article is published, its URLs are rendered
into the response cache by the app itself, then purged from front-end caches.

Once the publication's transaction commits, a background task (django-tasks,
the backend Wagtail uses for its own deferred work) requests, through the
site's own middleware, every language version of the article, the index page
above each, and the URLs optional apps register (the feed's detail and first
list page): the response cache keeps the fresh copies, so no reader pays a
cold render, and the editor's publish does not wait when a worker runs the
task. Then ``wagtail.contrib.frontend_cache`` (when the host configures it)
purges the article's URL, its index page's and the feed's, in the article's
language: a CDN or Varnish fetches the fresh copy on its next request.

Without a ``TASKS`` setting, django-tasks' immediate backend runs the task in
the publishing request, after commit. An unpublication purges the same URLs
and renders nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.core.handlers.base import BaseHandler
from django.db import transaction

# RequestFactory builds a complete WSGI request from a URL; nothing of the
# test client (no signals, no response capture) is used.
from django.test import RequestFactory
from django_tasks import task
from wagtail.models import AbstractPage
from wagtail.signals import page_published, page_unpublished

from .governance.recording import review_recorded
from .models.mixins import PatientInfoIndexPageMixin, PatientInfoPageMixin
from .page_model import page_model

logger = logging.getLogger("recurrence_content.cache")

# Absolute URLs that show an article in its language, by the app that serves
# them (the feed registers its own).
_urls: dict[str, Callable[[AbstractPage], list[str]]] = {}


def register_urls(name: str, urls: Callable[[AbstractPage], list[str]]) -> None:
    """Have ``urls(page)`` (absolute URLs showing ``page``) refreshed and
    purged with the article."""
    _urls[name] = urls


def article_urls(page: AbstractPage) -> list[str]:
    """The absolute URLs that show ``page`` in its language: its own, its
    index page's and those registered by other apps."""
    urls = [page.get_full_url()]
    parent = page.get_parent()
    if parent is not None and isinstance(parent.specific, PatientInfoIndexPageMixin):
        urls.append(parent.get_full_url())
    for registered in _urls.values():
        urls.extend(registered(page))
    return list(dict.fromkeys(url for url in urls if url))


@task()
def refresh_article(page_id: int, render: bool = True) -> int:
    """Render the URLs of article ``page_id`` in every language into the
    response cache (unless ``render`` is False), then purge its URLs in its
    language from front-end caches. Returns the number of URLs rendered."""
    page = page_model().objects.filter(pk=page_id).first()
    if page is None:
        return 0
    page = page.specific
    rendered = 0
    if render:
        handler = BaseHandler()
        handler.load_middleware()
        versions = page.get_translations(inclusive=True).live().public().specific()
        urls = [url for version in versions for url in article_urls(version)]
        for url in dict.fromkeys(urls):
            rendered += _render(handler, url)
    purge_front_end(article_urls(page))
    return rendered


def _render(handler: BaseHandler, url: str) -> int:
    """GET ``url`` as an anonymous reader, through every middleware (the
    response cache keeps what it may)."""
    parts = urlsplit(url)
    path = f"{parts.path}?{parts.query}" if parts.query else parts.path
    request = RequestFactory().get(
        path, HTTP_HOST=parts.netloc, secure=parts.scheme == "https"
    )
    response = handler.get_response(request)
    if response.status_code != 200:
        logger.info("Refreshing %s gave %s.", url, response.status_code)
        return 0
    return 1


def purge_front_end(urls: list[str]) -> None:
    """Purge ``urls`` from the front-end caches the host configured."""
    if not apps.is_installed("wagtail.contrib.frontend_cache"):
        return
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    # Imported only when used: wagtail.contrib.frontend_cache is optional.
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    purge_urls_from_cache(urls)


def _after_commit(page: AbstractPage, render: bool) -> None:
    if not isinstance(page.specific, PatientInfoPageMixin):
        return
    page_id = page.pk
    transaction.on_commit(lambda: refresh_article.enqueue(page_id, render))


def article_published(instance: AbstractPage, **kwargs) -> None:
    """Signal receiver: refresh a published article after commit."""
    _after_commit(instance, render=True)


def article_unpublished(instance: AbstractPage, **kwargs) -> None:
    """Signal receiver: purge an unpublished article's URLs after commit."""
    _after_commit(instance, render=False)


def connect_refresh() -> None:
    """Refresh articles on publish and purge them on unpublish (connected
    after ``cache_invalidation``, so its work after commit runs first)."""
    page_published.connect(article_published, dispatch_uid="rc_refresh_published")
    page_unpublished.connect(article_unpublished, dispatch_uid="rc_refresh_unpublished")
    # A review on the live page while a draft waits: readers see a change.
    review_recorded.connect(article_published, dispatch_uid="rc_refresh_reviewed")
