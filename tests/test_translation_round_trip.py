"""A strict PO round trip through wagtail-localize leaves no English behind."""

from bs4 import BeautifulSoup
from wagtail_localize.models import Translation, TranslationSource

from recurrence_content.translation.apply import apply_po
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


def test_a_related_page_link_points_at_that_pages_translation(
    client, host_page, locales
):
    hereditary = make_article(host_page, title="Is cancer hereditary?", body=[])
    article = make_article(
        host_page,
        title="Coping with recurrence",
        body=[
            (
                "related_link",
                {
                    "kind": "read_also",
                    "title": "Is cancer hereditary?",
                    "page": hereditary,
                },
            )
        ],
    )
    spanish_hereditary = apply_po(
        hereditary,
        "es",
        fill_po(
            TranslationSource.get_or_create_from_instance(hereditary)[0].export_po()
        ),
        publish=True,
    ).page
    source, _ = TranslationSource.get_or_create_from_instance(article)
    spanish = apply_po(article, "es", fill_po(source.export_po()), publish=True).page

    soup = BeautifulSoup(client.get(spanish.url).content, "html.parser")

    link = soup.select_one(".rc-related-link a")
    assert link["href"] == spanish_hereditary.url
    assert link.get_text() == pseudo_translate("Is cancer hereditary?")
    # The English article still links to the English page.
    english = BeautifulSoup(client.get(article.url).content, "html.parser")
    assert english.select_one(".rc-related-link a")["href"] == hereditary.url
