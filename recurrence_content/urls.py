"""URLs a host includes: ``path("recurrence-content/", include("recurrence_content.urls"))``."""

from django.urls import path

from .api.v1.views import api
from .infobutton.views import api as infobutton_api

urlpatterns = [
    path("api/v1/", api.urls),
    path("infobutton/", infobutton_api.urls),
]
