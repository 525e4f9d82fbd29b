"""Translations made the way editors and translators make them in wagtail-localize."""

import polib
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from tests.translation_helpers import pseudo_translate


def submit_translation(admin_client, page: Page, locale, on_commit) -> Page:
    """Post wagtail-localize's own "Translate this page" form, as an editor does.

    With default settings wagtail-localize publishes the new page at once
    (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE), after the transaction
    commits: ``on_commit`` is pytest-django's django_capture_on_commit_callbacks.
    """
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    assert admin_client.get(url).status_code == 200
    with on_commit(execute=True):
        response = admin_client.post(url, {"locales": [locale.pk]})
    assert response.status_code == 302, response.content[:500]
    return page.get_translation(locale).specific


def translate_strings(
    page: Page, locale, on_commit, count: int | None = None
) -> Translation:
    """Translate the first ``count`` strings (all if None) of ``page`` into
    ``locale`` through wagtail-localize, and publish the translated page."""
    source, _ = TranslationSource.update_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale
    )
    exported = translation.export_po()
    po = polib.POFile()
    po.metadata = exported.metadata
    for entry in list(exported)[:count]:
        entry.msgstr = pseudo_translate(entry.msgid)
        po.append(entry)
    translation.import_po(po, tool_name="test translator")
    with on_commit(execute=True):
        translation.save_target(publish=True)
    return translation
