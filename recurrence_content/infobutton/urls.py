"""The Infobutton's URL: ``path("recurrence-content/infobutton/", include("recurrence_content.infobutton.urls"))``."""

from django.urls import path

from .views import api

urlpatterns = [path("", api.urls)]
