"""Settings for the example hospital site.

This is how a hospital's existing Wagtail site adds wagtail-recurrence-content;
the lines marked "recurrence_content" are the ones the README asks for.
SQLite by default; PostgreSQL when DATABASE_URL is set; Redis as the cache when
REDIS_URL is set; Varnish purged on publish when VARNISH_URL is set. `make
serve` runs it that way under gunicorn (see docs/deploy.md).
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent

# A development-only key: the example site is never deployed as it is.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "example-site-not-for-production")
DEBUG = os.environ.get("DJANGO_DEBUG", "1") == "1"
ALLOWED_HOSTS = os.environ.get(
    "DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]"
).split(",")

INSTALLED_APPS = [
    "hospital",
    "recurrence_content",  # recurrence_content
    "recurrence_content.api",  # recurrence_content: the feed (optional)
    "recurrence_content.infobutton",  # recurrence_content: EHR Infobutton (optional)
    "recurrence_content.cds_hooks",  # recurrence_content: EHR CDS Hooks (optional)
    "wagtail_localize",  # recurrence_content: translation
    "wagtail_localize.locales",  # replaces wagtail.locales
    "ninja",  # recurrence_content: feed docs page with local Swagger UI files
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",  # purges Varnish/CDN on publish
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # recurrence_content: article pages for anonymous readers from the cache;
    # first, so it sees every header and cookie the others add (check W005).
    "recurrence_content.response_cache.ResponseCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",  # recurrence_content: translation
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files from the app server itself when DEBUG is off (`make serve`);
    # a larger site puts them on a CDN or shared storage.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "example_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "example_site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "example_site.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    )
}

# Redis, shared by every app server, when REDIS_URL is set. django-redis with
# IGNORE_EXCEPTIONS: Wagtail reads this cache on every page URL, and a Redis
# outage must be a cache miss, not a 500 (docs/deploy.md).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "example-hospital",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

# A Varnish (or any HTTP cache accepting PURGE) in front of the app servers:
# publishing purges the page's and the feed's URLs.
if os.environ.get("VARNISH_URL"):
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["VARNISH_URL"],
        }
    }

AUTH_PASSWORD_VALIDATORS = []

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# recurrence_content: translation needs Wagtail's i18n and these locales.
WAGTAIL_I18N_ENABLED = True
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en", "English"),
    ("es", "Español"),
    ("fr", "Français"),
    ("ar", "العربية"),
]
# New translations stay drafts until an editor publishes them (check W002).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"

WAGTAIL_SITE_NAME = "Example Hospital"
WAGTAILADMIN_BASE_URL = os.environ.get(
    "WAGTAILADMIN_BASE_URL", f"http://127.0.0.1:{os.environ.get('DEMO_PORT', '8000')}"
)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# recurrence_content: the template the article pages extend.
RECURRENCE_CONTENT_BASE_TEMPLATE = "base.html"

# recurrence_content: CDS Hooks calls are verified with the EHR's public keys
# (docs/ehr.md). The demo has no EHR: with DEBUG on, verification is off so
# the service can be tried with curl, and `check` warns loudly about it.
RECURRENCE_CONTENT_CDS_HOOKS_JWKS_URL = os.environ.get("CDS_HOOKS_JWKS_URL", "")
RECURRENCE_CONTENT_CDS_HOOKS_VERIFY_JWT = not DEBUG

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
