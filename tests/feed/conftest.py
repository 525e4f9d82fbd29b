"""Fixtures for the feed tests: an empty feed cache and published articles."""

import pytest
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from wagtail.models import Page

from tests.factories import BLOCK_VALUES, make_article
from tests.feed.helpers import page_link
from tests.testapp.models import HospitalArticlePage


def _clear_local_caches() -> None:
    # Only in-process caches: clearing a Redis cache would flush its database.
    for cache in caches.all(initialized_only=True):
        if isinstance(cache, LocMemCache):
            cache.clear()


@pytest.fixture(autouse=True)
def empty_feed_cache():
    """Each test starts with no cached feed responses or site root paths."""
    _clear_local_caches()
    yield
    _clear_local_caches()


def translate(page: Page, locale, **changes) -> Page:
    """Publish ``page``'s translation into ``locale`` (and its parents' copies)."""
    translated = page.copy_for_translation(locale, copy_parents=True)
    for name, value in changes.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated.specific


@pytest.fixture
def article_es(article, locales):
    """The Spanish translation of ``article``, published."""
    return translate(article, locales["es"], title="¿El cáncer siempre regresa?")


WARNING_SIGN = {
    "sign": "A fever above 38 °C",
    "action": "<p>Call the <b>oncology ward</b> straight away.</p>",
}


@pytest.fixture
def hospital_article(host_page, article):
    """A HospitalArticlePage with the hospital's warning_sign block, linking
    to the app's own article."""
    return make_article(
        host_page,
        title="After chemotherapy",
        page_class=HospitalArticlePage,
        body=[
            ("heading", BLOCK_VALUES["heading"]),
            ("warning_sign", WARNING_SIGN),
            (
                "warning_sign",
                {"sign": "Bleeding", "action": f"<p>Read {page_link(article)}.</p>"},
            ),
        ],
    )
