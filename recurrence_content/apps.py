from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecurrenceContentConfig(AppConfig):
    """Django app configuration for wagtail-recurrence-content."""

    name = "recurrence_content"
    label = "recurrence_content"
    verbose_name = _("Patient information")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Importing registers the system checks.
        from . import checks  # noqa: F401
        from .api.v1.purge import connect_front_end_purge
        from .api.v1.signals import connect_cache_invalidation
        from .translation.signals import connect_status_invalidation

        connect_cache_invalidation()
        connect_front_end_purge()
        connect_status_invalidation()
