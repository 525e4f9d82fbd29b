"""Which of wagtail-localize's records retire what shows translators'
progress: the page's translation statuses and the feed's answers with
``include_incomplete``. Publishing retires the rest (``cache_invalidation``);
saving a draft retires nothing. A published translation's completeness is
worked out and kept (``completeness``)."""

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published

from ..cache_invalidation import retire
from ..cache_tags import status_tag
from .completeness import translation_published


def _object_id(instance) -> object | None:
    """The translation key of the page a wagtail-localize record is about."""
    for path in ("object_id", "source.object_id", "context.object_id"):
        value = instance
        try:
            for name in path.split("."):
                value = getattr(value, name)
        except (AttributeError, ObjectDoesNotExist):
            continue
        if value is not None:
            return value
    return None


def _record_changed(sender, instance, **kwargs) -> None:
    key = _object_id(instance)
    if key is not None:
        retire({status_tag(key)})


def connect_status_invalidation() -> None:
    """Retire a page's statuses whenever wagtail-localize's records of it change."""
    if not apps.is_installed("wagtail_localize"):
        return
    # Only when wagtail-localize is installed: check E002 reports it missing.
    from wagtail_localize.models import (
        StringSegment,
        StringTranslation,
        Translation,
        TranslationSource,
    )

    page_published.connect(
        translation_published, dispatch_uid="rc_completeness_published"
    )
    for model in (StringTranslation, StringSegment, Translation, TranslationSource):
        name = model.__name__
        post_save.connect(
            _record_changed, sender=model, dispatch_uid=f"rc_status_{name}"
        )
        post_delete.connect(
            _record_changed, sender=model, dispatch_uid=f"rc_status_{name}_deleted"
        )
