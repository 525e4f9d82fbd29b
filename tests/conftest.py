import pytest
from django.utils import translation
from wagtail.models import Locale, Site

from recurrence_content.page_model import page_model
from tests.factories import make_article, make_host_page


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language.

    Serving a page activates its language for the thread, and nothing turns it
    off afterwards, so a Spanish page would make later tests' messages Spanish.
    """
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def no_cached_translation_statuses():
    """Each test starts with no cached translation status.

    Rolled-back tests reuse page and revision ids, so a status cached by an
    earlier test would otherwise answer for a different page. Only in-process
    caches: clearing a Redis cache would flush its database.
    """
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    for cache in caches.all(initialized_only=True):
        if isinstance(cache, LocMemCache):
            cache.clear()
    yield


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
    tree and the default site are rebuilt here when they are gone.
    """
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
