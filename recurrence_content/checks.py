"""System checks (imported by AppConfig.ready()): tell a host which translation setting is missing at startup.

Without these, a missing setting shows up much later as a confusing error in
the admin or a page served in the wrong language.
"""

from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from .conf import get_setting
from .translation.serving import MODES

LOCALE_MIDDLEWARE = "django.middleware.locale.LocaleMiddleware"


@register(Tags.translation, Tags.compatibility)
def check_translation_settings(app_configs: Any = None, **kwargs: Any) -> list:
    """Report every translation setting the app needs but the project lacks."""
    messages = []
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False) is not True:
        messages.append(
            Error(
                "Wagtail's internationalisation is not enabled, so articles cannot "
                "have translations.",
                hint="Add WAGTAIL_I18N_ENABLED = True to your settings.",
                id="recurrence_content.E001",
            )
        )
    if not apps.is_installed("wagtail_localize"):
        messages.append(
            Error(
                "wagtail-localize is not installed, so editors cannot translate "
                "articles and shipped translations cannot be loaded.",
                hint=(
                    'Add "wagtail_localize" and "wagtail_localize.locales" to '
                    'INSTALLED_APPS (and remove "wagtail.locales").'
                ),
                id="recurrence_content.E002",
            )
        )
    if LOCALE_MIDDLEWARE not in getattr(settings, "MIDDLEWARE", []):
        messages.append(
            Warning(
                "Pages are not served in the reader's language because the "
                "locale middleware is missing.",
                hint=(
                    f'Add "{LOCALE_MIDDLEWARE}" to MIDDLEWARE, after '
                    '"django.contrib.sessions.middleware.SessionMiddleware", and '
                    "serve Wagtail's URLs with i18n_patterns()."
                ),
                id="recurrence_content.W001",
            )
        )
    if not apps.is_installed("wagtail.contrib.settings"):
        messages.append(
            Warning(
                "Editors cannot change what articles say when they have never "
                "been reviewed, because Wagtail's site settings app is missing; "
                "the default wording is used.",
                hint='Add "wagtail.contrib.settings" to INSTALLED_APPS.',
                id="recurrence_content.W003",
            )
        )
    messages.extend(check_incomplete_translations())
    return messages


RESPONSE_CACHE_MIDDLEWARE = "recurrence_content.response_cache.ResponseCacheMiddleware"


@register(Tags.caches)
def check_response_cache_position(app_configs: Any = None, **kwargs: Any) -> list:
    """The response cache must see what every other middleware adds to a
    response (cookies, CSRF use, Vary) before it shares it among readers."""
    middleware = list(getattr(settings, "MIDDLEWARE", []))
    if (
        RESPONSE_CACHE_MIDDLEWARE not in middleware
        or middleware[0] == RESPONSE_CACHE_MIDDLEWARE
    ):
        return []
    return [
        Warning(
            "The response cache middleware is not first in MIDDLEWARE, so it may "
            "share a response before the middleware listed above it add a cookie "
            "or a Vary header, and every cached page still runs them.",
            hint=f'Move "{RESPONSE_CACHE_MIDDLEWARE}" to the top of MIDDLEWARE.',
            id="recurrence_content.W005",
        )
    ]


@register(Tags.caches)
def check_cache_invalidating_models(app_configs: Any = None, **kwargs: Any) -> list:
    """Every model RECURRENCE_CONTENT_CACHE_INVALIDATING_MODELS names must
    exist, or editing it would silently leave cached pages stale."""
    messages = []
    for label in get_setting("CACHE_INVALIDATING_MODELS"):
        try:
            apps.get_model(label)
        except (LookupError, ValueError):
            messages.append(
                Error(
                    f"RECURRENCE_CONTENT_CACHE_INVALIDATING_MODELS names {label!r}, "
                    "which is not an installed model, so its changes would not "
                    "refresh cached pages.",
                    hint='Name models as "app_label.ModelName", e.g. '
                    '"recurrence_content.ReviewSettings".',
                    id="recurrence_content.E004",
                )
            )
    return messages


def check_incomplete_translations() -> list:
    """Warn that wagtail-localize publishes untranslated pages, and check the
    setting that decides what patients get instead."""

    messages = []
    if apps.is_installed("wagtail_localize") and getattr(
        settings, "WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE", True
    ):
        messages.append(
            Warning(
                "wagtail-localize publishes a new translation the moment an editor "
                "starts it (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is on), "
                "before any of it is translated: the page is live in the source "
                "language under the new language's address.",
                hint=(
                    "This app does not advertise or serve such a page as that "
                    "language: readers are redirected to a complete translation, "
                    "or see the untranslated parts marked, as "
                    "RECURRENCE_CONTENT_INCOMPLETE_TRANSLATIONS says. To keep new "
                    "translations as drafts until an editor publishes them, set "
                    "WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False."
                ),
                id="recurrence_content.W002",
            )
        )
    mode = get_setting("INCOMPLETE_TRANSLATIONS")
    if mode not in MODES:
        messages.append(
            Error(
                f"RECURRENCE_CONTENT_INCOMPLETE_TRANSLATIONS is {mode!r}; incomplete "
                'translations are redirected as with "redirect" until it is fixed.',
                hint='Set it to "redirect" or "mark".',
                id="recurrence_content.E003",
            )
        )
    return messages
