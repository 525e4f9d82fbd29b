"""Wagtail API v2's pages endpoint, without translations that are not complete.

Wagtail's own ``PagesAPIViewSet`` lists and serves every live page, so a
translation wagtail-localize has just created (still in the source language)
would reach API consumers as that language. Register this one instead.
"""

from wagtail.api.v2.views import PagesAPIViewSet as WagtailPagesAPIViewSet

from ..translation.filtering import complete_only


class PagesAPIViewSet(WagtailPagesAPIViewSet):
    """Wagtail's pages endpoint; a translation that is not complete is neither
    listed nor found (404), as in the feed."""

    def get_queryset(self):
        return complete_only(super().get_queryset())
