"""A strict PO round trip through wagtail-localize leaves no English behind."""

from bs4 import BeautifulSoup
from wagtail_localize.models import Translation, TranslationSource

from tests.factories import make_article
from tests.translation_helpers import fill_po, pseudo_translate, visible_text


def test_export_fill_import_creates_a_page_with_no_english(
    client, host_page, locales, django_capture_on_commit_callbacks
):
    article = make_article(host_page)
    source, _ = TranslationSource.get_or_create_from_instance(article)
    translation = Translation.objects.create(source=source, target_locale=locales["es"])

    po = fill_po(translation.export_po())
    assert len(po) == source.stringsegment_set.count() == 29
    assert translation.import_po(po) == []
    assert translation.get_progress() == (29, 29)
    # fallback=False: any segment without a translation would raise here.
    with django_capture_on_commit_callbacks(execute=True):
        spanish, created = source.create_or_update_translation(
            locales["es"], publish=True, copy_parent_pages=True, fallback=False
        )
    assert created

    response = client.get(spanish.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    page_text = visible_text(str(soup.select_one("article")))
    for entry in po:
        english = visible_text(entry.msgid)
        if entry.msgctxt == "slug":
            assert spanish.slug == pseudo_translate(english)
            continue
        assert english not in page_text, f"English left in the page: {english!r}"
        assert visible_text(entry.msgstr) in page_text
    assert soup.select_one("article")["lang"] == "es"
