"""Package settings, all prefixed ``RECURRENCE_CONTENT_``.

Settings are read at call time (never at import time) so that a host's
``override_settings`` and per-environment settings always take effect.
"""

from typing import Any

from django.conf import settings

PREFIX = "RECURRENCE_CONTENT_"

DEFAULTS: dict[str, Any] = {
    # Template the article pages extend; it must define the blocks named in
    # the README ("title", "extra_css", "content").
    "BASE_TEMPLATE": "base.html",
    # Page types (as "app_label.ModelName") a PatientInfoPage may be created
    # under. None means under any page.
    "PARENT_PAGE_TYPES": None,
    # --- Loading content files (docs/loading.md) ---
    # Changes to the limits a content file must keep to, e.g.
    # {"file_bytes": 5_000_000}; keys: file_bytes, blocks, field_characters,
    # list_items (defaults in loading/limits.py).
    "CONTENT_LIMITS": {},
    # --- The content feed (docs/feed.md) ---
    # Cache-Control header of every feed response.
    "FEED_CACHE_CONTROL": "public, max-age=300",
    # Django cache (a key of CACHES) that holds built feed responses. Use a
    # shared one (e.g. Redis) when the site runs on several servers.
    "FEED_CACHE_ALIAS": "default",
    # Seconds a built response stays cached. Publishing or unpublishing an
    # article retires the answers that show it at once, so this only bounds
    # staleness from changes that send no signal.
    "FEED_CACHE_TIMEOUT": 600,
    # Largest `limit` a client may ask for in one page of the article list.
    "FEED_MAX_LIMIT": 100,
    # Origins (e.g. "https://app.example.org") allowed to read the feed from
    # a browser; ["*"] allows any origin. Empty: no CORS headers.
    "FEED_CORS_ALLOWED_ORIGINS": [],
    # Licence or attribution text sent with every article, e.g. "© Example
    # Hospital. Reuse allowed under CC BY 4.0.", and the licence's URL.
    "LICENSE_TEXT": "",
    "LICENSE_URL": "",
    # Publisher named in schema.org data; None means the Wagtail site's name
    # (Site.site_name, else WAGTAIL_SITE_NAME).
    "PUBLISHER_NAME": None,
    # --- The Infobutton endpoint for EHRs (docs/ehr.md) ---
    # Most entries one response gives (MedlinePlus Connect gives 3).
    "INFOBUTTON_MAX_RESULTS": 3,
    # --- The CDS Hooks service for EHRs (docs/ehr.md) ---
    # Most cards one patient-view response gives.
    "CDS_HOOKS_MAX_CARDS": 3,
    # Verify the JWT an EHR signs every CDS Hooks request with. Turn off only
    # to try the service locally: `manage.py check` then warns loudly.
    "CDS_HOOKS_VERIFY_JWT": True,
    # Where the EHR publishes its public keys (a JWK Set URL), or the JWK Set
    # itself (a dict, {"keys": [...]}) when the EHR gives it out of band.
    "CDS_HOOKS_JWKS_URL": "",
    "CDS_HOOKS_JWKS": None,
    # The `iss` of the EHR's tokens; empty accepts any issuer whose token a
    # configured key signed.
    "CDS_HOOKS_ISSUERS": [],
    # --- Reading (the article page) ---
    # An article with at least this many sections (level-2 headings) opens
    # with an "On this page" list of links to them; None never shows it.
    "CONTENTS_MIN_SECTIONS": 4,
    # Articles an index page lists at a time; the rest are on its next pages
    # (?page=2, ...), linked with rel="next" and rel="prev".
    "INDEX_PAGE_SIZE": 20,
    # --- The response cache (recurrence_content.response_cache) ---
    # Django cache (a key of CACHES) holding whole article, index and feed
    # responses for anonymous readers. Use a shared one (e.g. Redis) when the
    # site runs on several servers.
    "RESPONSE_CACHE_ALIAS": "default",
    # Seconds a response stays cached; 0 turns the response cache off.
    # Publishing, unpublishing, moving or deleting an article retires what
    # shows it at once (docs/deploy.md), so this only bounds staleness from
    # changes that send no signal (e.g. a snippet the host's base template
    # shows that CACHE_INVALIDATING_MODELS does not name).
    "RESPONSE_CACHE_TIMEOUT": 600,
    # Seconds readers may still be served an article's previous version
    # after its publication, while its new one is rendered into the cache
    # (recurrence_content.refresh; with django-tasks' immediate backend that
    # is the moment the publication commits, with a worker until it runs the
    # task). Past this, readers render the new version themselves.
    "RESPONSE_CACHE_REFRESH_GRACE": 30,
    # Models ("app_label.ModelName") that every cached page, feed answer and
    # part may show, so that saving or deleting one retires them all: a
    # host's site-wide menu or footer snippet, say. Sites, locales and view
    # restrictions always do.
    "CACHE_INVALIDATING_MODELS": ["recurrence_content.ReviewSettings"],
    # Seconds after a cache fails (e.g. Redis down) during which the app's
    # caches, and Wagtail's on OutageTolerantRedisCache, are not tried: pages
    # are built from the database meanwhile, and one warning is logged per
    # interval instead of one error per call (docs/deploy.md).
    "CACHE_RETRY_INTERVAL": 5,
    # --- Following a central site (recurrence_content_load --source) ---
    # Hosts besides loopback addresses that a source may be reached at over
    # plain http (e.g. ["central.internal"]); every other source needs https.
    "SOURCE_HTTP_HOSTS": [],
    # Seconds to wait for a source to accept the connection, and for each
    # whole response once connected; a slower source fails the run.
    "SOURCE_CONNECT_TIMEOUT": 10,
    "SOURCE_READ_TIMEOUT": 60,
    # Largest response a source may send, in bytes; reading stops there.
    "SOURCE_MAX_BYTES": 20 * 1024 * 1024,
    # --- Translations (docs/translation.md) ---
    # What a public request for an incomplete translation gets: "redirect"
    # (302 to the page in a complete language, with a notice) or "mark" (the
    # page, with a notice and every untranslated passage in its own lang/dir).
    "INCOMPLETE_TRANSLATIONS": "redirect",
    # Django cache (a key of CACHES) that holds each page's translation status.
    "TRANSLATION_STATUS_CACHE_ALIAS": "default",
    # --- Clinical governance (docs/governance.md) ---
    # Time from one clinical review to the next: whole months (an int) or a
    # datetime.timedelta. 36 months is the NHS's three-year cycle.
    "REVIEW_INTERVAL": 36,
    # Days ahead in which a review counts as "due soon" in the report and
    # for `recurrence_content_check --due-within` when no number is given.
    "REVIEW_DUE_SOON_DAYS": 90,
    # School grade patients' material should not exceed (NIH/AMA ask for 6-8).
    "TARGET_GRADE": 8,
}


def get_setting(name: str) -> Any:
    """Return ``RECURRENCE_CONTENT_<name>`` from settings, or its default."""
    if name not in DEFAULTS:
        raise KeyError(f"Unknown recurrence_content setting: {name}")
    return getattr(settings, PREFIX + name, DEFAULTS[name])
