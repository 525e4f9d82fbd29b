"""Which changes retire the cached feed and page responses."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache_version import content_changed
from .governance.recording import review_recorded
from .models.settings import ReviewSettings
from .page_model import page_model


def purge_page(instance, **kwargs) -> None:
    """Purge the page's URLs from front-end caches, as Wagtail does on publish."""
    # Imported here: wagtail.contrib.frontend_cache is optional for a host.
    from wagtail.contrib.frontend_cache.utils import purge_page_from_cache

    purge_page_from_cache(instance)


def connect_cache_invalidation() -> None:
    """Bump the caches' versions whenever what readers see may have changed."""
    page_published.connect(content_changed, dispatch_uid="rc_cache_published")
    page_unpublished.connect(content_changed, dispatch_uid="rc_cache_unpublished")
    post_page_move.connect(content_changed, dispatch_uid="rc_cache_moved")
    # A review on the live page while a draft waits: no publication, a change.
    review_recorded.connect(content_changed, dispatch_uid="rc_cache_reviewed")
    if apps.is_installed("wagtail.contrib.frontend_cache"):
        review_recorded.connect(purge_page, dispatch_uid="rc_purge_reviewed")
    post_delete.connect(
        content_changed, sender=page_model(), dispatch_uid="rc_cache_deleted"
    )
    # Privacy, site and language changes send no publish signal but change
    # visibility and URLs; the review wording is on every article page.
    for model in (PageViewRestriction, Site, Locale, ReviewSettings):
        name = model.__name__
        post_save.connect(
            content_changed, sender=model, dispatch_uid=f"rc_cache_{name}"
        )
        post_delete.connect(
            content_changed, sender=model, dispatch_uid=f"rc_cache_{name}_deleted"
        )
