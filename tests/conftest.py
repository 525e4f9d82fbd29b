import pytest
from wagtail.models import Locale, Page, Site

from tests.factories import make_host_page


@pytest.fixture
def locales(db):
    """The languages the test site is configured for, as Wagtail locales."""
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code in ("en", "es", "fr", "ar")
    }


@pytest.fixture
def home(db, locales) -> Page:
    """The default site's root page."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def host_page(home):
    """A hospital's own "Cancer care" page, published under the home page."""
    return make_host_page(home)
