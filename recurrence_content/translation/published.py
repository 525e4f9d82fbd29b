"""A published translation as a PO file, for another site to apply.

wagtail-localize's own export (``Translation.export_po``) holds every string
translated so far, published or not; this keeps only the strings the live
translated page shows, so a draft translation never leaves the site.
"""

from __future__ import annotations

import polib
from wagtail.models import AbstractPage

from .status import strings_on


def published_po(source_page: AbstractPage, translated_page: AbstractPage) -> str:
    """The translation of ``source_page`` that the live ``translated_page``
    shows, as PO text ("" when it is not a wagtail-localize translation of it
    or shows none of its strings translated)."""
    # Only when wagtail-localize is installed: check E002 reports it missing.
    from wagtail_localize.models import Translation

    translation = (
        Translation.objects.filter(
            source__object_id=source_page.translation_key,
            source__locale_id=source_page.locale_id,
            target_locale_id=translated_page.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )
    if translation is None:
        return ""
    shown = strings_on(translated_page.specific)
    exported = translation.export_po()
    po = polib.POFile(wrapwidth=0)
    # Not the export's creation date (the same translation must give the
    # same file, for ETags) nor its TranslationID (this site's only).
    po.metadata = {
        "Language": translated_page.locale.language_code,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=utf-8",
    }
    for entry in exported:
        if (
            not entry.obsolete
            and entry.msgstr
            and (entry.msgctxt, entry.msgstr) in shown
        ):
            po.append(entry)
    return str(po) if len(po) else ""
