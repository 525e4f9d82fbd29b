from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedConfig(AppConfig):
    """The content feed (JSON, OpenAPI): add ``recurrence_content.api`` to
    ``INSTALLED_APPS`` and include ``recurrence_content.api.urls``."""

    name = "recurrence_content.api"
    label = "recurrence_content_api"
    verbose_name = _("Patient information feed")

    def ready(self) -> None:
        # These import models: only once the app registry is ready. Importing
        # checks registers them.
        from . import checks  # noqa: F401
        from .v1.purge import register_feed_urls

        register_feed_urls()
