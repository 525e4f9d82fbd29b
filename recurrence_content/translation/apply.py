"""Apply a PO file to an article through wagtail-localize.

The result is a real wagtail-localize translation: a ``TranslationSource`` for
the English page, a ``Translation`` into the target locale, the PO imported as
string translations, and the target page saved from them. Editors can open it
in wagtail-localize's translation editor, and it follows the English page when
the source is updated.

Re-applying a file never overwrites a translator: a string whose current
translation was written by anyone or anything other than a shipped file (the
translation editor, a PO upload in the admin, machine translation) is kept,
and the file's version of that string is skipped and reported. Applying a file
that would change nothing writes nothing: no revision, no publish, no log.
"""

from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

import polib
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.coreutils import (
    get_content_languages,
    get_supported_content_language_variant,
)
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    SegmentOverride,
    String,
    StringTranslation,
    TranslationLog,
    TranslationSource,
)
from wagtail_localize.models import Translation as LocalizeTranslation

from ..indexing import index_once
from .bulk import import_po, update_or_create_source
from .completeness import publishing_complete
from .holding import (
    held_for,
    keep_as_draft,
    newly_untranslated,
    save_draft_over_live,
)
from .po_validation import refused_strings

# Marks the string translations this module writes, so a later run can tell
# them apart from a translator's own work (see the module docstring).
SHIPPED_TOOL_NAME = "wagtail-recurrence-content shipped translation"


class TranslationApplyError(ValueError):
    """A PO file cannot be applied; the message says what to change."""


@dataclass
class ApplyResult:
    """What applying one PO file did."""

    language_code: str
    page: Page
    created: bool
    published: bool
    imported: int = 0  # strings whose translation was added or changed
    # True when the page already held this translation, so nothing was saved.
    unchanged: bool = False
    kept: list[str] = field(default_factory=list)
    untranslated: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Asked to publish, but kept as a draft: readers keep the live translation,
    # which has these strings translated and the new version does not.
    held: list[str] = field(default_factory=list)
    # Strings a translator and a newer file both changed (loading/po_merge.py).
    conflicts: int = 0

    def summary(self) -> str:
        """One line for command output."""
        if self.unchanged:
            action, state = "unchanged", "published" if self.published else "a draft"
        else:
            action = "created" if self.created else "updated"
            state = "published" if self.published else "saved as a draft"
        if self.held:
            state = (
                "kept as a draft, not published: readers keep the published "
                f"translation until {len(self.held)} new strings are translated "
                f"({'; '.join(f'“{text}”' for text in self.held)})"
            )
        parts = [
            f"{self.language_code}: {action} "
            f"“{self.page.title}”, {state}; {self.imported} strings imported"
        ]
        if self.kept:
            parts.append(f"{len(self.kept)} translator edits kept")
        if self.untranslated:
            parts.append(f"{len(self.untranslated)} strings still in English")
        if self.warnings:
            parts.append(f"{len(self.warnings)} entries no longer in the article")
        if self.conflicts:
            parts.append(
                f"{self.conflicts} strings changed by both the translator and the "
                "new file (translator's kept; see the Content updates report)"
            )
        return ", ".join(parts)


def content_language(language_code: str) -> str | None:
    """The site's content language for ``language_code`` (``es`` -> ``es-mx``
    if that is what the site serves), or None if it serves no variant of it."""
    try:
        return get_supported_content_language_variant(language_code)
    except LookupError:
        return None


def served_language(language_code: str) -> str:
    """The content language the site serves for ``language_code``.

    Raises TranslationApplyError naming the settings when the site does not
    serve that language.
    """
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        raise TranslationApplyError(
            "Set WAGTAIL_I18N_ENABLED = True in your settings to translate pages."
        )
    configured = content_language(language_code)
    if configured is None:
        raise TranslationApplyError(
            f"“{language_code}” is not one of this site's content languages "
            f"({', '.join(get_content_languages()) or 'none'}). Add it to "
            f"WAGTAIL_CONTENT_LANGUAGES and LANGUAGES in your settings, e.g. "
            f'("{language_code}", "<name>"), then run this again.'
        )
    return configured


def get_or_create_locale(language_code: str | Locale) -> Locale:
    """The Locale for a served content language (see ``served_language``),
    created if needed."""
    if isinstance(language_code, Locale):
        return language_code
    locale, _created = Locale.objects.get_or_create(
        language_code=served_language(language_code)
    )
    return locale


def read_po(po_file: str | Path | polib.POFile) -> polib.POFile:
    """A parsed PO file from a path, PO text, or an already parsed file."""
    if isinstance(po_file, polib.POFile):
        po = po_file
    else:
        # polib reads a string that is not an existing path as PO text, so a
        # mistyped path would otherwise look like an empty file.
        is_path = isinstance(po_file, Path) or "\n" not in po_file
        if is_path and not Path(po_file).is_file():
            raise TranslationApplyError(f"No PO file at {po_file}.")
        try:
            po = polib.pofile(str(po_file))
        except (OSError, ValueError) as error:
            raise TranslationApplyError(
                f"Cannot read {po_file} as a PO file ({error})."
            ) from error
    if not any(entry.msgid for entry in po):
        raise TranslationApplyError(
            f"Cannot read {po_file} as a PO file: it has no entries. Export one "
            "from wagtail-localize (“Download PO file”) and fill in the msgstr lines."
        )
    if not any(entry.msgstr for entry in po if not entry.obsolete):
        raise TranslationApplyError(
            f"{po_file} has no translations: every msgstr is empty. Fill them in "
            "(or send the file to your translators) and apply it again."
        )
    return po


def check_po(
    po_file: str | Path | polib.POFile, language_code: str, source_language: str
) -> polib.POFile:
    """``po_file`` read, if it can be applied in ``language_code``.

    Raises TranslationApplyError if it cannot be read, if its Language header
    names another language, or if wagtail-localize would refuse any of its
    strings (which would then show in ``source_language``). Writes nothing.
    """
    po = read_po(po_file)
    file_language = po.metadata.get("Language", "").replace("_", "-").lower()
    if file_language and file_language.split("-")[0] != language_code.split("-")[0]:
        raise TranslationApplyError(
            f"{po_file} is a “{file_language}” translation (its Language header), "
            f"not {language_code}. Apply it to {file_language}, or fix the "
            "header if the file really is in that language."
        )
    refused = refused_strings(po)
    if refused:
        raise TranslationApplyError(
            f"{po_file} was not applied: wagtail-localize would refuse "
            f"{len(refused)} of its strings, and the page would show them in "
            f"{source_language} instead. Nothing was changed. "
            "Fix these strings and apply the file again:\n"
            + "\n".join(f"  {string}" for string in refused)
        )
    return po


def current_translations(
    source: TranslationSource, locale: Locale
) -> dict[tuple[str, str], StringTranslation]:
    """The string translations into ``locale`` now, by ``_key``."""
    return {
        (translation.context.path, translation.translation_of.data_hash): translation
        for translation in StringTranslation.objects.filter(
            context__object_id=source.object_id,
            translation_of__locale_id=source.locale_id,
            locale=locale,
        ).select_related("context", "translation_of")
    }


def _key(entry: polib.POEntry) -> tuple[str, str]:
    # How wagtail-localize identifies a string in its place in the page.
    return (entry.msgctxt, String._get_data_hash(entry.msgid))


def _without_translator_edits(
    po: polib.POFile, existing: dict[tuple[str, str], StringTranslation]
) -> tuple[polib.POFile, list[str]]:
    """The file minus entries a translator has since translated differently
    from ``existing`` (``current_translations``)."""
    kept = []
    filtered = polib.POFile(wrapwidth=po.wrapwidth)
    # Shipped files are not tied to one site's Translation, so drop the ID
    # wagtail-localize would otherwise reject them for.
    filtered.metadata = {
        key: value
        for key, value in po.metadata.items()
        if key != "X-WagtailLocalize-TranslationID"
    }
    for entry in po:
        if entry.obsolete or not entry.msgstr:
            continue
        current = existing.get(_key(entry))
        if (
            current is not None
            and current.tool_name != SHIPPED_TOOL_NAME
            and current.data != entry.msgstr
        ):
            kept.append(entry.msgid)
            continue
        filtered.append(entry)
    return filtered, kept


def _is_up_to_date(
    source: TranslationSource, locale: Locale, target: Page, *, publish: bool
) -> bool:
    """Whether saving the translation again would give the page it already has.

    True when the page's latest revision is the last one wagtail-localize saved
    from this source, neither the source nor any translated string or override
    has changed since, and, if ``publish``, that revision is the live one.
    """
    if target.alias_of_id:
        return False  # saving converts the alias into a page of its own
    if publish and not target.live:
        return False
    if publish and target.has_unpublished_changes:
        # A draft kept back from publication (``holding``) is as far as
        # publishing this source can go; any other draft is published.
        latest = target.get_latest_revision()
        if latest is None or held_for(latest) is None:
            return False
    last = (
        TranslationLog.objects.filter(source=source, locale=locale)
        .order_by("-pk")
        .first()
    )
    if last is None or last.revision_id is None:
        return False
    if last.revision_id != target.latest_revision_id:
        return False  # a revision saved since by other means
    # ">=": on a tie of timestamps, save again rather than miss a change.
    if source.last_updated_at >= last.created_at:
        return False
    since = {
        "context__object_id": source.object_id,
        "locale": locale,
        "updated_at__gte": last.created_at,
    }
    # A related snippet's translation can appear without any of these
    # changing, so a page that has one is always saved again.
    return not (
        StringTranslation.objects.filter(**since).exists()
        or SegmentOverride.objects.filter(**since).exists()
        or source.relatedobjectsegment_set.exists()
    )


@transaction.atomic
@index_once()
def apply_po(
    source_page: Page,
    locale: str | Locale,
    po_file: str | Path | polib.POFile,
    *,
    publish: bool = False,
    user=None,
) -> ApplyResult:
    """Translate ``source_page`` into ``locale`` from a PO file, via wagtail-localize.

    The translated page is saved as a draft unless ``publish``. Raises
    TranslationApplyError (and changes nothing) when it cannot be applied.
    """
    locale = get_or_create_locale(locale)
    # As stored: wagtail-localize compares the page's serialised content with
    # the source's, and PostgreSQL's jsonb orders a block's keys its own way,
    # so an instance still in memory from the loader would always differ.
    source_page = source_page.specific_class.objects.get(pk=source_page.pk)
    if source_page.locale_id == locale.pk:
        raise TranslationApplyError(
            f"“{source_page.title}” is already in {locale.language_code}; apply "
            "the file to the page in the source language."
        )
    po = check_po(po_file, locale.language_code, source_page.locale.language_code)

    # Creates the source, or refreshes it if the English page has changed, so
    # changed strings are retranslated and unchanged ones keep their translation.
    source, _created = update_or_create_source(source_page)
    translation, _created = LocalizeTranslation.objects.get_or_create(
        source=source, target_locale=locale
    )
    if not translation.enabled:
        raise TranslationApplyError(
            f"The {locale.language_code} translation of “{source_page.title}” was "
            "turned into an ordinary page in wagtail-localize, so loading a file "
            "would overwrite an editor's work. Use “Restart translation” on that "
            "page in the admin first."
        )

    try:
        return _apply(translation, source, locale, po, publish=publish, user=user)
    except ValidationError as error:
        raise TranslationApplyError(
            f"The {locale.language_code} translation of “{source_page.title}” "
            f"is not a valid page: {'; '.join(error.messages)}. Fix those strings "
            "in the PO file (or in wagtail-localize's editor) and apply it again."
        ) from error


def _apply(
    translation: LocalizeTranslation,
    source: TranslationSource,
    locale: Locale,
    po: polib.POFile,
    *,
    publish: bool,
    user,
) -> ApplyResult:
    # Read once: what a translator changed, and what the file changes.
    existing = current_translations(source, locale)
    po, kept = _without_translator_edits(po, existing)
    warnings = import_po(translation, po, user=user, tool_name=SHIPPED_TOOL_NAME)
    not_applied = {warning.index for warning in warnings}
    imported = sum(
        1
        for index, entry in enumerate(po)
        if index not in not_applied
        and getattr(existing.get(_key(entry)), "data", None) != entry.msgstr
    )
    total, done = translation.get_progress()

    try:
        target = source.get_translated_instance(locale)
    except Page.DoesNotExist:
        target = None
    created = target is None
    # Publishing must not take translated strings away from readers: a
    # version that would is kept as a draft (holding.py). One with every
    # string translated cannot, so it is not rendered to find out.
    held = (
        newly_untranslated(source, locale)
        if publish and not created and done < total
        else []
    )
    unchanged = (
        not created
        and not imported
        and _is_up_to_date(source, locale, target, publish=publish)
    )
    if unchanged:
        # The page already holds this translation: write nothing (a draft
        # kept back earlier stays so, and says so again).
        held = []
        if target.has_unpublished_changes:
            held = held_for(target.get_latest_revision()) or []
    elif held:
        target = keep_as_draft(source, locale, user, held)
    elif target is not None and target.live and not publish:
        if target.alias_of_id:
            raise TranslationApplyError(
                f"The {locale.language_code} page “{target.title}” is a live alias "
                "of the source page; replacing it with the translation would "
                "publish it. Run again with publish, or convert the alias in the "
                "admin first."
            )
        target, _revision = save_draft_over_live(source, locale, user)
    else:
        # wagtail-localize creates the page (aliasing untranslated parents) or
        # updates a draft one; the page row is not public, so nothing shows.
        translation.save_target(user=user, publish=False)
        target = source.get_translated_instance(locale)
        if publish:
            # Published here rather than in save_target's on_commit hook, so the
            # result is the same inside or outside an outer transaction.
            complete = publishing_complete(target) if done == total else nullcontext()
            with complete:
                target.get_latest_revision().publish(user=user)
            target.refresh_from_db()

    untranslated = []
    if done < total:
        untranslated = [
            segment.string.data
            for segment in source.stringsegment_set.select_related("string")
            .annotate_translation(locale)
            .order_by("order")
            if not segment.translation
        ]
    return ApplyResult(
        language_code=locale.language_code,
        page=target.specific,
        created=created,
        # Whether the newest translation is what readers get.
        published=(target.live if unchanged else publish) and not held,
        imported=imported,
        unchanged=unchanged,
        kept=kept,
        untranslated=untranslated,
        warnings=[str(warning) for warning in warnings],
        held=held,
    )
