"""Which changes empty the feed's cache."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .caching import bump_version


def connect_cache_invalidation() -> None:
    """Bump the feed's cache version whenever what it shows may have changed."""
    page_published.connect(bump_version, dispatch_uid="rc_feed_published")
    page_unpublished.connect(bump_version, dispatch_uid="rc_feed_unpublished")
    post_page_move.connect(bump_version, dispatch_uid="rc_feed_moved")
    post_delete.connect(bump_version, sender=Page, dispatch_uid="rc_feed_deleted")
    # Privacy and site changes send no publish signal but change visibility
    # and URLs.
    for model in (PageViewRestriction, Site):
        name = model.__name__
        post_save.connect(bump_version, sender=model, dispatch_uid=f"rc_feed_{name}")
        post_delete.connect(
            bump_version, sender=model, dispatch_uid=f"rc_feed_{name}_deleted"
        )
