"""Test settings: a small host site with its own base template and page type.

SQLite in memory by default; PostgreSQL (or any database) when DATABASE_URL is
set, as CI does.
"""

import hashlib
import os
from pathlib import Path

import dj_database_url

TESTS_DIR = Path(__file__).resolve().parent

SECRET_KEY = "tests-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "tests.testapp",
    "recurrence_content",
    # Optional parts: the feed and the Infobutton and CDS Hooks for EHRs.
    "recurrence_content.api",
    "recurrence_content.infobutton",
    "recurrence_content.cds_hooks",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    # Purges page and feed URLs when WAGTAILFRONTENDCACHE is set (the Varnish
    # tests set it); without that setting it does nothing.
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    # The sitemap (/sitemap.xml): Wagtail's views, Django's template.
    "wagtail.contrib.sitemaps",
    "django.contrib.sitemaps",
    "wagtail.contrib.settings",
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
    # As a site running a task worker has it (docs/deploy.md); django-tasks
    # before 0.8 only then follows a changed TASKS setting (tests/test_refresh.py).
    "django_tasks",
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
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]

ROOT_URLCONF = "tests.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [TESTS_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or "sqlite:///:memory:"
    )
}
# A test database named after the checkout, so two checkouts testing against
# one PostgreSQL server at the same time do not drop each other's database.
_checkout = hashlib.sha256(str(TESTS_DIR).encode()).hexdigest()[:8]
DATABASES["default"]["TEST"] = {"NAME": f"test_recurrence_content_{_checkout}"}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["TEST"] = {}

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en", "English"),
    ("es", "Spanish"),
    ("fr", "French"),
    ("ar", "Arabic"),
]

STATIC_URL = "/static/"
STATIC_ROOT = TESTS_DIR / "static_collected"
MEDIA_ROOT = TESTS_DIR / "media"
MEDIA_URL = "/media/"

WAGTAIL_SITE_NAME = "Test Hospital"
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
