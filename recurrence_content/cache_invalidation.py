"""Which changes retire which cached entries (the tags are in ``cache_tags``).

- Publishing, unpublishing, moving or deleting an article: the article in
  every language, the index page above it, the feed lists of its language
  and of all languages (and the Infobutton answers with them).
- The same for any other page: that page in every language, and its
  descendants only when its title, URL or liveness changed (they show those).
- Saving a draft (or a revision, or a workflow step): nothing.
- wagtail-localize's records of a page: what shows its translators'
  progress (``translation/signals.py``).
- A site, a locale, a view restriction, or a model named by
  ``RECURRENCE_CONTENT_CACHE_INVALIDATING_MODELS`` (by default the app's
  review settings): everything. Anything else a host's templates show (a
  menu snippet not named there) is stale for at most the caches' timeouts.

Each change retires its tags in one write when it happens, and again when
its transaction commits: a reader who read the old rows in between cannot
leave them cached.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import AbstractPage, Locale, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache_tags import (
    EVERYTHING,
    invalidate,
    list_tag,
    page_tag,
    shown_tag,
    shown_version,
)
from .conf import get_setting
from .governance.recording import review_recorded
from .models.mixins import PatientInfoPageMixin


def retire(
    tags: set[str], shown: dict[str, str] | None = None, refreshing: bool = False
) -> None:
    """Retire ``tags`` now and, inside a transaction, again once it commits
    (a rolled-back transaction drops the second).

    ``refreshing``: a refresh renders the new version once the transaction
    commits (``refresh``). Readers are then served the entries they had until
    it is done; inside the transaction they render (what they can read is
    what was committed), so the publishing transaction itself, or a test
    case's, reads its own writes."""
    if not transaction.get_connection().in_atomic_block:
        invalidate(tags, shown, keep=refreshing, refreshing=refreshing)
        return
    invalidate(tags, shown, keep=refreshing)
    transaction.on_commit(
        lambda: invalidate(tags, shown, keep=refreshing, refreshing=refreshing)
    )


def changed_tags(page: AbstractPage, parents: list | None = None) -> set[str]:
    """The tags a change of ``page`` retires (besides its ``shown`` tag)."""
    tags = {page_tag(page.translation_key)}
    if issubclass(page.specific_class or type(page), PatientInfoPageMixin):
        # The index above lists it; the feed's lists may.
        for parent in parents if parents is not None else [page.get_parent()]:
            if parent is not None:
                tags.add(page_tag(parent.translation_key))
        tags |= {list_tag(page.locale.language_code), list_tag(None)}
    return tags


def _shown(page: AbstractPage) -> dict[str, str]:
    return {shown_tag(page.pk): shown_version(page.title, page.url_path, page.live)}


def page_changed(instance: AbstractPage, **kwargs: Any) -> None:
    """Signal receiver: a page was published or unpublished (or reviewed)."""
    # A published article's URLs are rendered anew after commit (refresh.py):
    # until then readers get the version they had.
    refreshing = kwargs.get("signal") is not page_unpublished and isinstance(
        instance.specific, PatientInfoPageMixin
    )
    retire(changed_tags(instance), _shown(instance), refreshing)


def page_moved(
    instance: AbstractPage, parent_page_before=None, parent_page_after=None, **kwargs
) -> None:
    """Signal receiver: a page moved (its URL, and its descendants', changed)."""
    parents = [parent_page_before, parent_page_after]
    retire(changed_tags(instance, parents), _shown(instance))


def page_deleted(sender, instance: Any, **kwargs: Any) -> None:
    """Signal receiver: a page was deleted. Django sends it once per model
    of the page's type; the base page model's (no parents) is the one kept."""
    if not isinstance(instance, AbstractPage) or instance._meta.parents:
        return
    try:
        parents = [instance.get_parent()]
    except type(instance).DoesNotExist:
        parents = []  # deleted with its parent: the parent retires its own
    retire(changed_tags(instance, parents), {shown_tag(instance.pk): "deleted"})


def everything_changed(sender, **kwargs: Any) -> None:
    """Signal receiver: a model every page may show changed."""
    retire({EVERYTHING})


def model_saved(sender, **kwargs: Any) -> None:
    """Signal receiver: retire everything when ``sender`` is named by
    ``RECURRENCE_CONTENT_CACHE_INVALIDATING_MODELS`` (read at call time)."""
    if sender._meta.label in get_setting("CACHE_INVALIDATING_MODELS"):
        retire({EVERYTHING})


def connect_cache_invalidation() -> None:
    """Retire cached entries whenever what they show may have changed."""
    page_published.connect(page_changed, dispatch_uid="rc_cache_published")
    page_unpublished.connect(page_changed, dispatch_uid="rc_cache_unpublished")
    post_page_move.connect(page_moved, dispatch_uid="rc_cache_moved")
    post_delete.connect(page_deleted, dispatch_uid="rc_cache_deleted")
    # A review on the live page while a draft waits: no publication, a change.
    review_recorded.connect(page_changed, dispatch_uid="rc_cache_reviewed")
    # Privacy, site and language changes send no publish signal but change
    # visibility and URLs everywhere.
    for model in (PageViewRestriction, Site, Locale):
        name = model.__name__
        post_save.connect(
            everything_changed, sender=model, dispatch_uid=f"rc_cache_{name}"
        )
        post_delete.connect(
            everything_changed, sender=model, dispatch_uid=f"rc_cache_{name}_deleted"
        )
    post_save.connect(model_saved, dispatch_uid="rc_cache_named_model_saved")
    post_delete.connect(model_saved, dispatch_uid="rc_cache_named_model_deleted")
