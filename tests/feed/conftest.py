"""Fixtures for the feed tests: an empty feed cache and published articles."""

import pytest

from tests.factories import BLOCK_VALUES, make_article, translate
from tests.feed.helpers import page_link
from tests.testapp.models import HospitalArticlePage


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
