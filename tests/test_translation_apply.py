"""apply_po: a PO file becomes a real wagtail-localize translation, safely."""

import json

import polib
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from recurrence_content.translation.apply import (
    SHIPPED_TOOL_NAME,
    TranslationApplyError,
    apply_po,
)
from tests.factories import every_block_body, make_article
from tests.translation_helpers import fill_po, pseudo_translate, visible_text


@pytest.fixture
def filled_po(article, tmp_path):
    """A complete PO file for the article, as a translation agency returns it."""
    source, _ = TranslationSource.get_or_create_from_instance(article)
    path = tmp_path / "article.es.po"
    fill_po(source.export_po()).save(str(path))
    return path


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser(
        "editor", "editor@example.org", "password"
    )


def article_text(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("article")["lang"] == page.locale.language_code
    # Less the notice that the English has been updated since (translation.md).
    for notice in soup.select(".rc-source-updated-notice"):
        notice.decompose()
    return visible_text(str(soup.select_one("article")))


def test_applying_a_po_file_makes_a_draft_translation(article, filled_po, host_page):
    result = apply_po(article, "es", filled_po)

    spanish = result.page
    assert result.created and not result.published
    assert not spanish.live and spanish.has_unpublished_changes
    assert spanish.locale.language_code == "es"
    assert spanish.title == pseudo_translate(article.title)
    assert result.untranslated == [] and result.kept == [] and result.warnings == []
    assert result.imported == 29
    # A real wagtail-localize translation, synced from the English source.
    translation = Translation.objects.get(
        source__object_id=article.translation_key, target_locale=spanish.locale
    )
    assert translation.enabled and translation.get_progress() == (29, 29)
    assert set(
        StringTranslation.objects.filter(locale=spanish.locale).values_list(
            "tool_name", flat=True
        )
    ) == {SHIPPED_TOOL_NAME}
    # The untranslated parent is aliased, the way wagtail-localize does it.
    parent = spanish.get_parent().specific
    assert parent.alias_of_id == host_page.pk and parent.locale == spanish.locale


def test_publish_makes_the_spanish_page_live(client, article, filled_po):
    result = apply_po(article, "es", filled_po, publish=True)

    assert result.published and result.page.live
    text = article_text(client, result.page)
    assert pseudo_translate("Diagnosing recurrent cancer") in text
    assert "Diagnosing recurrent cancer" not in text


def test_an_editor_can_open_the_translation_in_wagtail_localize(
    client, article, filled_po, editor
):
    spanish = apply_po(article, "es", filled_po).page
    client.force_login(editor)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[spanish.pk]))

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    props = json.loads(soup.select_one(".js-translation-editor")["data-props"])
    assert len(props["segments"]) >= 29


def test_a_language_the_site_does_not_serve_is_refused_naming_the_setting(
    article, filled_po
):
    with pytest.raises(TranslationApplyError) as error:
        apply_po(article, "de", filled_po)

    assert "WAGTAIL_CONTENT_LANGUAGES" in str(error.value)
    assert "LANGUAGES" in str(error.value)
    assert not Translation.objects.exists()
    assert not Page.objects.filter(locale__language_code="de").exists()


def test_a_broken_file_is_refused_and_nothing_is_written(article, tmp_path):
    broken = tmp_path / "broken.es.po"
    broken.write_text("This is a Word document, not a PO file\n")

    with pytest.raises(TranslationApplyError, match="Cannot read"):
        apply_po(article, "es", broken)
    assert not TranslationSource.objects.exists()


def test_a_partial_file_leaves_the_rest_in_english_and_says_so(article, tmp_path):
    source, _ = TranslationSource.get_or_create_from_instance(article)
    po = fill_po(source.export_po())
    po.find("Can cancer come back?").msgstr = ""

    result = apply_po(article, "es", po)

    assert result.untranslated == ["Can cancer come back?"]
    assert "1 strings still in English" in result.summary()


def test_reloading_keeps_translator_edits_and_changes_only_changed_strings(
    client, article, filled_po, editor
):
    first = apply_po(article, "es", filled_po, publish=True)
    spanish = first.page
    before = article_text(client, spanish)
    translation = Translation.objects.get(target_locale=spanish.locale)

    # A translator rewrites one string in wagtail-localize's editor.
    segment = StringSegment.objects.get(
        source=translation.source, string__data="Your overall health"
    )
    client.force_login(editor)
    response = client.put(
        reverse(
            "wagtail_localize:edit_string_translation",
            args=[translation.pk, segment.pk],
        ),
        "value=Su+salud+en+general",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200, response.content
    client.logout()

    # The English source changes one question, and a new shipped file follows it.
    article.body[6].value["question"] = "Can my cancer come back?"
    article.save_revision().publish()
    article.refresh_from_db()
    po = polib.pofile(str(filled_po))
    entry = po.find("Can cancer come back?")
    entry.msgid = "Can my cancer come back?"
    entry.msgstr = "¿Puede volver mi cáncer?"

    second = apply_po(article, "es", po, user=editor)

    assert not second.created and not second.published
    assert second.kept == ["Your overall health"]
    assert second.imported == 1
    assert second.untranslated == []
    # Nothing is published without publish=True: readers still see the old page.
    assert article_text(client, spanish) == before
    draft = Page.objects.get(pk=spanish.pk).get_latest_revision_as_object()
    draft_text = visible_text(str(draft.body))
    assert "¿Puede volver mi cáncer?" in draft_text
    assert "Su salud en general" in draft_text
    assert pseudo_translate("Can cancer come back?") not in draft_text

    apply_po(article, "es", po, publish=True)
    after = article_text(client, spanish)
    changed = {
        pseudo_translate("Can cancer come back?"): "¿Puede volver mi cáncer?",
        pseudo_translate("Your overall health"): "Su salud en general",
    }
    expected = before
    for old, new in changed.items():
        expected = expected.replace(old, new)
    assert after == expected


def test_a_file_without_any_translation_is_refused(article, tmp_path):
    source, _ = TranslationSource.get_or_create_from_instance(article)
    with pytest.raises(TranslationApplyError, match="every msgstr is empty"):
        apply_po(article, "es", source.export_po())
    assert not Translation.objects.exists()


def test_a_missing_file_is_refused(article, tmp_path):
    with pytest.raises(TranslationApplyError, match="No PO file at"):
        apply_po(article, "es", tmp_path / "nowhere.es.po")


def test_a_file_in_another_language_is_refused(article, filled_po):
    po = polib.pofile(str(filled_po))
    po.metadata["Language"] = "fr"

    with pytest.raises(TranslationApplyError, match="is a “fr” translation"):
        apply_po(article, "es", po)
    assert not Translation.objects.exists()


def test_applying_again_unchanged_costs_a_bounded_number_of_queries(
    article, filled_po, django_assert_max_num_queries
):
    apply_po(article, "es", filled_po)
    # Measured 38 for 29 strings applied again unchanged (it saves nothing):
    # the strings are read and compared in a few queries (translation/bulk.py),
    # the up-to-date check takes 4. wagtail-localize's import_po took 137.
    with django_assert_max_num_queries(40):
        apply_po(article, "es", filled_po)


def _first_apply_queries(parent, paragraphs: int) -> int:
    body = [*every_block_body()] + [
        ("paragraph", RichText(f"<p>Paragraph number {n} of the article.</p>"))
        for n in range(paragraphs)
    ]
    page = make_article(parent, title=f"An article with {paragraphs} more", body=body)
    source, _ = TranslationSource.get_or_create_from_instance(page)
    po = fill_po(source.export_po())
    TranslationSource.objects.filter(pk=source.pk).delete()
    with CaptureQueriesContext(connection) as queries:
        apply_po(page, "es", po, publish=True)
    return len(queries)


def test_the_queries_of_a_first_apply_do_not_grow_with_its_strings(host_page):
    # The strings, contexts, segments and string translations are written in
    # bulk: 20 more paragraphs cost no more queries than 2 more. The first
    # translation under the host page also makes its Spanish alias: not
    # counted.
    _first_apply_queries(host_page, 0)
    assert _first_apply_queries(host_page, 20) == _first_apply_queries(host_page, 2)
