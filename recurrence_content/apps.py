from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecurrenceContentConfig(AppConfig):
    """Django app configuration for wagtail-recurrence-content."""

    name = "recurrence_content"
    label = "recurrence_content"
    verbose_name = _("Patient information")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Everything below imports models, so only once the app registry is
        # ready (Django's rule for AppConfig.ready). Importing checks
        # registers them.
        from . import checks  # noqa: F401
        from .cache_invalidation import connect_cache_invalidation
        from .governance.page_features import register_page_features as governance
        from .index_cache import (
            mark_index_pages_cacheable,
            serve_index_pages_from_cache,
        )
        from .models.features import register
        from .response_cache import mark_page_cacheable
        from .translation.page_features import register_page_features as translation
        from .translation.signals import connect_status_invalidation
        from .updates.page_features import register_page_features as updates

        governance()
        translation()
        updates()
        register("response", "response_cache", mark_page_cacheable)
        register("response", "index_pages_cache", mark_index_pages_cacheable)
        serve_index_pages_from_cache()
        connect_cache_invalidation()
        connect_status_invalidation()
