from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InfobuttonConfig(AppConfig):
    """The HL7 Infobutton endpoint for EHRs: add ``recurrence_content.infobutton``
    to ``INSTALLED_APPS`` and include ``recurrence_content.infobutton.urls``."""

    name = "recurrence_content.infobutton"
    label = "recurrence_content_infobutton"
    verbose_name = _("Patient information for EHRs (Infobutton)")

    def ready(self) -> None:
        # The views import models: only once the app registry is ready.
        from ..delivery.openapi import register_openapi_part
        from .views import openapi_part

        register_openapi_part(self.name, openapi_part)
