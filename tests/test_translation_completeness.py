"""Listing a language's articles after its caches are emptied: whether each
live translation is complete is kept in the database, so an index of many
translations costs one query for it, not a reading of every page."""

import pytest
from django.core.cache import caches
from wagtail_localize.models import TranslationSource

from recurrence_content.models import LiveTranslationCompleteness, PatientInfoIndexPage
from recurrence_content.translation.apply import apply_po
from recurrence_content.translation.filtering import complete_only
from tests.factories import make_article, translate
from tests.translation_helpers import fill_po

pytestmark = pytest.mark.django_db


def translate_with_localize(article, *, complete: bool = True):
    """The Spanish of ``article`` from a PO file, published: complete, or
    with its last string left in English."""
    source, _ = TranslationSource.get_or_create_from_instance(article)
    po = fill_po(source.export_po())
    if not complete:
        po[-1].msgstr = ""
    return apply_po(article, "es", po, publish=True).page


@pytest.fixture
def section(home, locales):
    index = PatientInfoIndexPage(title="Patient information", slug="leaflets")
    home.add_child(instance=index)
    index.save_revision().publish()
    spanish_index = translate(index, locales["es"], title="Información")
    articles = [make_article(index, title=f"Article {n}") for n in range(3)]
    translations = [translate_with_localize(article) for article in articles[:2]]
    partial = translate_with_localize(articles[2], complete=False)
    spanish_index.refresh_from_db()  # its children were added since
    return spanish_index, translations, partial


def test_publishing_a_translation_records_whether_it_is_complete(section):
    _index, translations, partial = section
    recorded = dict(
        LiveTranslationCompleteness.objects.values_list("page_id", "complete")
    )
    assert {page.pk: recorded[page.pk] for page in translations} == dict.fromkeys(
        [page.pk for page in translations], True
    )
    assert recorded[partial.pk] is False


def test_a_cold_listing_reads_no_page(section, django_assert_max_num_queries):
    spanish_index, translations, partial = section
    caches["default"].clear()
    pages = spanish_index.get_children().live()
    # As many queries with 3 translations as with 1: none per page.
    with django_assert_max_num_queries(3):
        listed = set(complete_only(pages).values_list("pk", flat=True))
    assert listed == {page.pk for page in translations}


def test_the_index_lists_complete_translations_after_a_cache_flush(client, section):
    spanish_index, translations, partial = section
    caches["default"].clear()
    html = client.get(spanish_index.url).content.decode()
    for page in translations:
        assert page.title in html
    assert partial.title not in html


def test_a_row_for_an_older_live_revision_is_worked_out_again(section):
    spanish_index, translations, partial = section
    # The partial one completed by a translator and published.
    article = partial.get_translation(translations[0].get_translations().first().locale)
    translate_with_localize(article)
    pages = spanish_index.get_children().live()
    assert partial.pk in set(complete_only(pages).values_list("pk", flat=True))
