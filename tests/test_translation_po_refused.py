"""A PO file with strings wagtail-localize would refuse is refused whole,
before anything is written: a translator's work is never silently replaced."""

import polib
import pytest
from django.utils import translation
from wagtail_localize.models import StringTranslation, TranslationSource

from recurrence_content.translation.apply import TranslationApplyError, apply_po
from tests.translation_helpers import fill_po, visible_text


def rows():
    return sorted(
        StringTranslation.objects.values_list(
            "pk", "data", "has_error", "updated_at", "tool_name"
        )
    )


def test_a_file_with_refused_strings_changes_nothing(
    client, article, tmp_path, django_capture_on_commit_callbacks
):
    source, _ = TranslationSource.get_or_create_from_instance(article)
    good = tmp_path / "article.es.po"
    fill_po(source.export_po()).save(str(good))
    with django_capture_on_commit_callbacks(execute=True):
        spanish = apply_po(article, "es", good, publish=True).page
    page_before = visible_text(client.get(spanish.url).content.decode())
    rows_before = rows()

    po = polib.pofile(str(good))
    paragraph = next(entry for entry in po if "<b>" in entry.msgid)
    paragraph.msgstr = paragraph.msgstr.replace("<b>", '<b class="loud">')
    sentence = next(entry for entry in po if entry.msgid.startswith("Unfortunately"))
    sentence.msgstr += "<script>alert(1)</script>"
    bad = tmp_path / "translator.es.po"
    po.save(str(bad))

    # Serving the Spanish page left Spanish active in this thread; a command
    # runs in English.
    with translation.override("en"), pytest.raises(TranslationApplyError) as refused:
        apply_po(article, "es", bad, publish=True)

    message = str(refused.value)
    assert "Nothing was changed" in message
    assert (
        f"{paragraph.msgctxt}: Strings cannot have any HTML tags with attributes"
        in (message)
    )
    assert f"{sentence.msgctxt}: <script> tag is not allowed" in message
    assert rows() == rows_before
    spanish.refresh_from_db()
    assert visible_text(client.get(spanish.url).content.decode()) == page_before
