import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.utils import translation
from wagtail.models import Collection, Locale, Site

from recurrence_content import cache_tags, response_cache
from recurrence_content.cds_hooks import auth as cds_hooks_auth
from recurrence_content.governance import readability
from recurrence_content.page_model import page_model
from recurrence_content.tolerant_cache import forget_outages
from tests.factories import make_article, make_host_page
from tests.servers import RedisServer


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language.

    Serving a page activates its language for the thread, and nothing turns it
    off afterwards, so a Spanish page would make later tests' messages Spanish.
    """
    yield
    translation.deactivate()


def clear_local_caches() -> None:
    """Empty the in-process caches and the app's per-process memos. Only
    those: clearing a Redis cache would flush its database."""
    for cache in caches.all(initialized_only=True):
        if isinstance(cache, LocMemCache):
            cache.clear()
    response_cache._layouts.clear()  # what this process read of vary entries
    cache_tags._missed.clear()  # versions an outage kept it from writing
    cds_hooks_auth._clients.clear()  # JWK Sets, by URL (ports are reused)
    readability._measured_pages.clear()  # reading levels, by page content


@pytest.fixture(autouse=True)
def empty_local_caches():
    """Each test starts and ends with empty in-process caches.

    Rolled-back tests reuse page and revision ids, so a translation status or
    a feed answer cached by an earlier test would otherwise answer for a
    different page.
    """
    clear_local_caches()
    forget_outages()  # a cache an earlier test stopped is tried at once
    yield
    clear_local_caches()
    forget_outages()


@pytest.fixture(autouse=True)
def content_types_cached(request):
    """Each test with the database starts with every model's content type in
    Django's per-process cache, as a site has them once it has served a few
    requests.

    Without this, which content types a test finds cached depends on the
    tests the same process ran before it, and so do its query counts (with
    pytest-xdist, on how the suite was split). Cleared first: a test's
    rolled-back transaction, or a transactional test's flush, leaves ids in
    the cache that the database no longer has.
    """
    ContentType.objects.clear_cache()
    if "_django_db_helper" in request.fixturenames or request.node.get_closest_marker(
        "django_db"
    ):
        request.getfixturevalue("_django_db_helper")
        ContentType.objects.get_for_models(*apps.get_models())


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Runs what a test's transaction queued for after commit (as a real
    commit would), on leaving the ``with on_commit(execute=True):`` block."""
    return django_capture_on_commit_callbacks


@pytest.fixture
def redis_server():
    """A throwaway redis-server of the test's own, on a loopback port."""
    server = RedisServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def locales(db):
    """The languages the test site is configured for, as Wagtail locales."""
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code in ("en", "es", "fr", "ar")
    }


@pytest.fixture
def home(db, locales):
    """The default site's root page.

    Transactional tests flush the tables Wagtail's migrations filled, so the
    tree, the default site and the root collection (which documents and images
    go in) are rebuilt here when they are gone: with pytest-xdist a worker may
    take tests from another's queue after its own transactional ones.
    """
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Page = page_model()
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", slug="root", locale=locales["en"])
        )
        home = root.add_child(instance=Page(title="Home", slug="home"))
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True
        )
    return site.root_page.specific


@pytest.fixture
def host_page(home):
    """A hospital's own "Cancer care" page, published under the home page."""
    return make_host_page(home)


@pytest.fixture
def article(host_page):
    """A published article with one of every block, under the host's page."""
    return make_article(host_page)


def pytest_collection_modifyitems(config, items):
    """Skip ``@pytest.mark.postgres`` tests unless DATABASE_URL is PostgreSQL."""
    import os

    if os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL=postgres://...")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)
