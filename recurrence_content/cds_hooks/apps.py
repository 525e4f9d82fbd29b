from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CdsHooksConfig(AppConfig):
    """The CDS Hooks service for EHRs: add ``recurrence_content.cds_hooks`` to
    ``INSTALLED_APPS`` and include ``recurrence_content.cds_hooks.urls``."""

    name = "recurrence_content.cds_hooks"
    label = "recurrence_content_cds_hooks"
    verbose_name = _("Patient information for EHRs (CDS Hooks)")

    def ready(self) -> None:
        # The views import models: only once the app registry is ready.
        # Importing checks registers them.
        from ..delivery.openapi import register_openapi_part
        from . import checks  # noqa: F401
        from .views import openapi_part

        register_openapi_part(self.name, openapi_part)
