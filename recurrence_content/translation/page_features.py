"""What translation adds to the page types (see models/features.py): an
unfinished translation is redirected or marked, never passed off as finished;
pages carry their complete language versions; indexes list only complete
translations, and so does the sitemap; editors see each translation's status
in a panel."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from ..models.features import register, register_panel
from . import serving
from .alternates import language_alternates
from .filtering import complete_only
from .panels import TranslationStatusPanel
from .sitemap import sitemap_urls


def language_context(page: Any, request: HttpRequest | None) -> dict[str, Any]:
    """The page's language versions (hreflang, switcher) and its notice."""
    untranslated = serving.untranslated_to_mark(page, request)
    return {
        "recurrence_content_translations": language_alternates(page, request),
        "recurrence_content_untranslated": untranslated,
        "recurrence_content_notice": (
            serving.untranslated_notice(untranslated)
            if untranslated
            else serving.unavailable_notice(page, request)
        ),
        "recurrence_content_source_notice": serving.source_updated_notice(
            page, request
        ),
    }


def register_page_features() -> None:
    """Called from the app's ``ready()``."""
    register("redirect", "unfinished_translation", serving.public_redirect)
    register("context", "languages", language_context)
    register("listing", "complete_translations", complete_only)
    register("sitemap", "language_versions", sitemap_urls)
    register_panel("translation_status", TranslationStatusPanel)
