"""Which changes make cached translation statuses (and feed responses) stale."""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import AbstractPage
from wagtail.signals import page_published, page_unpublished

from ..cache_version import content_changed
from ..page_model import page_model
from .status import forget_statuses


def _changed(**kwargs) -> None:
    # Now, for this process and tests; and again after commit, so a request
    # that read the old rows while the transaction ran cannot leave its
    # stale status cached.
    _forget()
    transaction.on_commit(_forget)


def _page_saved(sender, instance, **kwargs) -> None:
    # post_save names the concrete class (PatientInfoPage), never the base
    # page model; AbstractPage is the ancestor of every page model.
    if isinstance(instance, AbstractPage):
        _changed()


def _forget() -> None:
    forget_statuses()
    # The feed leaves incomplete translations out, so its responses change too.
    content_changed()


def connect_status_invalidation() -> None:
    """Forget cached statuses whenever a page or wagtail-localize's records change."""
    page_published.connect(_changed, dispatch_uid="rc_status_published")
    page_unpublished.connect(_changed, dispatch_uid="rc_status_unpublished")
    # wagtail-localize's save_target(publish=False) writes into a live page's
    # row without publishing it.
    post_save.connect(_page_saved, dispatch_uid="rc_status_page_saved")
    post_delete.connect(
        _changed, sender=page_model(), dispatch_uid="rc_status_page_deleted"
    )
    if not apps.is_installed("wagtail_localize"):
        return
    from wagtail_localize.models import (
        StringSegment,
        StringTranslation,
        Translation,
        TranslationSource,
    )

    for model in (StringTranslation, StringSegment, Translation, TranslationSource):
        name = model.__name__
        post_save.connect(_changed, sender=model, dispatch_uid=f"rc_status_{name}")
        post_delete.connect(
            _changed, sender=model, dispatch_uid=f"rc_status_{name}_deleted"
        )
