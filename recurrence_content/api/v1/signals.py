"""Which changes retire the cached feed and page responses."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from ...models.settings import ReviewSettings
from ...page_model import page_model
from .caching import bump_version


def connect_cache_invalidation() -> None:
    """Bump the caches' versions whenever what readers see may have changed."""
    page_published.connect(bump_version, dispatch_uid="rc_feed_published")
    page_unpublished.connect(bump_version, dispatch_uid="rc_feed_unpublished")
    post_page_move.connect(bump_version, dispatch_uid="rc_feed_moved")
    post_delete.connect(
        bump_version, sender=page_model(), dispatch_uid="rc_feed_deleted"
    )
    # Privacy, site and language changes send no publish signal but change
    # visibility and URLs; the review wording is on every article page.
    for model in (PageViewRestriction, Site, Locale, ReviewSettings):
        name = model.__name__
        post_save.connect(bump_version, sender=model, dispatch_uid=f"rc_feed_{name}")
        post_delete.connect(
            bump_version, sender=model, dispatch_uid=f"rc_feed_{name}_deleted"
        )
