"""The feed's URLs: ``path("recurrence-content/api/", include("recurrence_content.api.urls"))``."""

from django.urls import path

from .v1.views import api

urlpatterns = [path("v1/", api.urls)]
