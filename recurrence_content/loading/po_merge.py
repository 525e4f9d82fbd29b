"""A newer translation file merged string by string (docs/updates.md).

``apply_po`` already keeps every string a translator wrote and takes the file's
translation for the others. This module remembers the file applied last (the
base), so a string both the translator and the newer file changed is told
apart from one only the translator changed: it becomes a conflict for an
editor, listed in the "Content updates" report and the translated page's
conflict panel. Nothing a translator did is lost either way.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import polib
from django.utils import timezone
from wagtail.models import AbstractPage, Locale
from wagtail_localize.models import String, StringTranslation, TranslationSource

from ..models import LoadedTranslation, MergeConflict
from ..translation.apply import (
    SHIPPED_TOOL_NAME,
    ApplyResult,
    apply_po,
    current_translations,
    read_po,
    served_language,
)

TRANSLATION_FIELD = MergeConflict.TRANSLATION_FIELD


@dataclass(frozen=True)
class StringConflict:
    """One string the translator and the newer file both changed."""

    context: str
    source: str
    base: str
    local: str
    upstream: str

    @property
    def key(self) -> str:
        """A short stable id for the string in its place in the page."""
        return hashlib.sha1(  # noqa: S324 (an id, not security)
            f"{self.context}\n{self.source}".encode()
        ).hexdigest()

    def version(self, text: str) -> dict[str, str]:
        return {"source": self.source, "context": self.context, "text": text}


def _string_key(context: str, source: str) -> str:
    return f"{context}\n{source}"


def string_conflicts(
    source_page: AbstractPage, language_code: str, po_file: str | Path | polib.POFile
) -> list[StringConflict]:
    """The strings of ``po_file`` that a translator changed since the file
    applied last, and that the file changes too. Writes nothing."""
    locale = Locale.objects.filter(language_code=language_code).first()
    base = _base(source_page, locale)
    source = TranslationSource.objects.filter(
        object_id=source_page.translation_key, locale_id=source_page.locale_id
    ).first()
    if not base or source is None:
        return []
    current = current_translations(source, locale)
    conflicts = []
    for entry in read_po(po_file):
        if entry.obsolete or not entry.msgstr:
            continue
        ours = current.get((entry.msgctxt, String._get_data_hash(entry.msgid)))
        before = base.get(_string_key(entry.msgctxt, entry.msgid))
        if (
            ours is not None
            and before is not None
            and ours.tool_name != SHIPPED_TOOL_NAME
            and ours.data not in (before, entry.msgstr)
            and entry.msgstr != before
        ):
            conflicts.append(
                StringConflict(
                    entry.msgctxt, entry.msgid, before, ours.data, entry.msgstr
                )
            )
    return conflicts


def _base(source_page: AbstractPage, locale: Locale | None) -> dict[str, str]:
    if locale is None:
        return {}
    record = LoadedTranslation.objects.filter(
        translation_key=source_page.translation_key, locale=locale
    ).first()
    return record.strings if record else {}


def remember_applied(
    result: ApplyResult,
    po_file: str | Path | polib.POFile,
    conflicts: list[StringConflict],
    source: str = "",
) -> None:
    """After ``apply_po``: the file's strings become the base of the next
    merge, and its conflicts are recorded on the translated page. ``source``
    is the central site a pull applied the file from (blank for a file)."""
    page = result.page
    strings = {
        _string_key(entry.msgctxt, entry.msgid): entry.msgstr
        for entry in read_po(po_file)
        if not entry.obsolete and entry.msgstr
    }
    record = LoadedTranslation.objects.filter(
        translation_key=page.translation_key, locale_id=page.locale_id
    ).first()
    if record is None:
        LoadedTranslation.objects.create(
            translation_key=page.translation_key,
            locale_id=page.locale_id,
            strings=strings,
            source=source,
        )
    # The same file again writes nothing; applied again, it is no longer
    # withdrawn at its source.
    elif (record.strings, record.source, record.withdrawn_at) != (
        strings,
        source,
        None,
    ):
        record.strings, record.source, record.withdrawn_at = strings, source, None
        record.save(update_fields=["strings", "source", "withdrawn_at", "loaded_at"])
    for conflict in conflicts:
        MergeConflict.objects.update_or_create(
            page=page,
            field=TRANSLATION_FIELD,
            block_id=conflict.key,
            resolved_at=None,
            defaults={
                "base": conflict.version(conflict.base),
                "local": conflict.version(conflict.local),
                "upstream": conflict.version(conflict.upstream),
            },
        )


def merge_po(
    source_page: AbstractPage,
    language_code: str,
    po_file: str | Path | polib.POFile,
    *,
    publish: bool = False,
    user=None,
) -> ApplyResult:
    """``apply_po``, with the strings both a translator and this file changed
    since the file applied last recorded as conflicts (translator's kept)."""
    # Found before applying: afterwards the file is the base.
    conflicts = string_conflicts(source_page, served_language(language_code), po_file)
    result = apply_po(source_page, language_code, po_file, publish=publish, user=user)
    remember_applied(result, po_file, conflicts)
    result.conflicts = len(conflicts)
    return result


def take_upstream_string(conflict: MergeConflict, user=None) -> None:
    """Put the newer file's translation of the string in place of the
    translator's, and save the translated page as a draft revision through
    ``apply_po`` (a live translation stays as readers have it)."""
    page = conflict.page.specific
    upstream = conflict.upstream
    source = TranslationSource.objects.get(
        object_id=page.translation_key,
        translations__target_locale_id=page.locale_id,
    )
    # Marked as the file's, so apply_po takes it (and later files update it).
    StringTranslation.objects.filter(
        translation_of__locale_id=source.locale_id,
        translation_of__data_hash=String._get_data_hash(upstream["source"]),
        context__object_id=source.object_id,
        context__path=upstream["context"],
        locale_id=page.locale_id,
    ).update(
        data=upstream["text"],
        tool_name=SHIPPED_TOOL_NAME,
        last_translated_by=user,
        # update() skips auto_now; apply_po tells new strings by this date.
        updated_at=timezone.now(),
    )
    po = polib.POFile()
    po.append(
        polib.POEntry(
            msgctxt=upstream["context"],
            msgid=upstream["source"],
            msgstr=upstream["text"],
        )
    )
    apply_po(source.get_source_instance(), page.locale, po, publish=False, user=user)
