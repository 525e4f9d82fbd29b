"""The test site's URLs with Wagtail API v2 (the feed's baseline)."""

from tests.feed.urls_v2 import urlpatterns  # noqa: F401
