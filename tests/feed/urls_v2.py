"""The test site's URLs plus Wagtail API v2, registered as docs/feed.md shows."""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter

from recurrence_content.delivery.wagtail_api import PagesAPIViewSet
from tests.urls import urlpatterns as site_urlpatterns

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [path("api/v2/", api_router.urls), *site_urlpatterns]
