"""The service's URLs, ``cds-services`` and ``cds-services/<id>`` under the
CDS Hooks base URL where the host mounts them, e.g.
``path("recurrence-content/", include("recurrence_content.cds_hooks.urls"))``
for the base URL ``https://your-site/recurrence-content``."""

from django.urls import path

from .views import api

urlpatterns = [path("", api.urls)]
