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
import threading
from collections.abc import Callable
from functools import partial
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

from .cache_invalidation import changed_tags
from .cache_tags import end_refreshing
from .governance.recording import review_recorded
from .models.mixins import PatientInfoIndexPageMixin, PatientInfoPageMixin
from .page_model import page_model
from .response_cache import REFRESHING, holds

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
def refresh_articles(published: list[int], unpublished: list[int]) -> int:
    """Render the URLs of the ``published`` articles in every language into
    the response cache, each URL once, then purge them and the URLs of the
    ``unpublished`` ones, in their languages, from front-end caches. Returns
    the number of URLs rendered."""
    pages = {
        page.pk: page
        for page in page_model()
        .objects.filter(pk__in=[*published, *unpublished])
        .specific()
    }
    urls = []
    for page_id in published:
        if page_id in pages:
            versions = pages[page_id].get_translations(inclusive=True).live().public()
            urls += [
                url for version in versions.specific() for url in article_urls(version)
            ]
    rendered = 0
    if urls:
        handler = BaseHandler()
        handler.load_middleware()
        rendered = sum(_render(handler, url) for url in dict.fromkeys(urls))
    # Readers are no longer served what was cached before (cache_tags).
    end_refreshing(
        {
            tag
            for page_id in published
            if page_id in pages
            for tag in changed_tags(pages[page_id])
        }
    )
    if front_end_caches():
        purge = [url for page_id in [*published, *unpublished] if page_id in pages
                 for url in article_urls(pages[page_id])]  # fmt: skip
        purge_front_end(list(dict.fromkeys(purge)))
    return rendered


def _render(handler: BaseHandler, url: str) -> int:
    """GET ``url`` as an anonymous reader, through every middleware (the
    response cache keeps what it may, never serving what it holds), when the
    response cache holds it: a URL nobody has read since it was last cached
    waits for its first reader (a load of hundreds of new articles renders
    none of them)."""
    parts = urlsplit(url)
    path = f"{parts.path}?{parts.query}" if parts.query else parts.path
    request = RequestFactory().get(
        path, HTTP_HOST=parts.netloc, secure=parts.scheme == "https"
    )
    if not holds(request):
        return 0
    setattr(request, REFRESHING, True)
    response = handler.get_response(request)
    if response.status_code != 200:
        logger.info("Refreshing %s gave %s.", url, response.status_code)
        return 0
    return 1


def front_end_caches() -> bool:
    """Whether the host has front-end caches to purge (Wagtail's
    ``frontend_cache`` app and ``WAGTAILFRONTENDCACHE``)."""
    return apps.is_installed("wagtail.contrib.frontend_cache") and bool(
        getattr(settings, "WAGTAILFRONTENDCACHE", None)
    )


def purge_front_end(urls: list[str]) -> None:
    """Purge ``urls`` from the front-end caches the host configured."""
    if not front_end_caches():
        return
    # Imported only when used: wagtail.contrib.frontend_cache is optional.
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    purge_urls_from_cache(urls)


class _Batch:
    """The articles published and unpublished in one transaction, refreshed
    by one task, each URL once.

    Each publication queues its cache invalidation, then its refresh, for
    when the transaction commits, and Django runs them in that order: so the
    refresh queued last runs after every invalidation, and only it enqueues
    the task. (Should the savepoint holding the last one roll back, the
    others' readers are served the old version for the grace period, then
    render the new one.)"""

    def __init__(self) -> None:
        # Each page's last change: True when published, False when unpublished.
        self.pages: dict[int, bool] = {}
        self.last = 0

    def add(self, page_id: int, render: bool) -> None:
        self.pages.pop(page_id, None)
        self.pages[page_id] = render
        self.last += 1
        transaction.on_commit(partial(self.committed, self.last))

    def is_pending(self) -> bool:
        # Django keeps a transaction's callbacks in run_on_commit (as its own
        # captureOnCommitCallbacks reads them): a committed or rolled-back
        # transaction's are gone.
        return any(
            getattr(callback[1], "func", None) == self.committed
            for callback in transaction.get_connection().run_on_commit
        )

    def committed(self, number: int) -> None:
        if number != self.last:
            return
        if _current.__dict__.get("batch") is self:
            _current.batch = None
        refresh_articles.enqueue(
            [pk for pk, render in self.pages.items() if render],
            [pk for pk, render in self.pages.items() if not render],
        )


_current = threading.local()


def _after_commit(page: AbstractPage, render: bool) -> None:
    if not isinstance(page.specific, PatientInfoPageMixin):
        return
    batch = getattr(_current, "batch", None)
    if batch is None or not batch.is_pending():
        batch = _current.batch = _Batch()
    batch.add(page.pk, render)


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
