"""Two of wagtail-localize's writes, done in a few queries instead of several
per string.

``TranslationSource.update_or_create_from_instance`` and
``Translation.import_po`` get or create each string, context, segment and
string translation with its own queries: about 800 for one article, most of
the time a pull or a shipped translation takes. These do the same writes,
giving the same rows, with a handful of queries per table. They follow
wagtail-localize 1.14's methods (pinned in pyproject.toml) step by step;
the tests of applying, re-applying and merging translations run through them.

Rows written in bulk send no ``post_save``: the receivers those models have
(a page's draft title from its title's translation, this app's translation
statuses) are called here once instead.
"""

from __future__ import annotations

import json
import uuid

import polib
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from wagtail.models import Page
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    String,
    StringNotUsedInContext,
    StringSegment,
    StringTranslation,
    Template,
    TemplateSegment,
    TranslatableObject,
    TranslationContext,
    TranslationSource,
    UnknownContext,
    UnknownString,
    get_schema_version,
)
from wagtail_localize.models import Translation as LocalizeTranslation
from wagtail_localize.segments import (
    OverridableSegmentValue,
    RelatedObjectSegmentValue,
    StringSegmentValue,
    TemplateSegmentValue,
)
from wagtail_localize.segments.extract import extract_segments

from ..cache_invalidation import retire
from ..cache_tags import status_tag


def update_or_create_source(page: Page) -> tuple[TranslationSource, bool]:
    """``TranslationSource.update_or_create_from_instance(page)``: the page's
    source, created, or refreshed if the page has changed since."""
    instance = page.specific
    translatable, _created = TranslatableObject.objects.get_or_create_from_instance(
        instance
    )
    content_json = instance.to_json()
    source = TranslationSource.objects.filter(
        object_id=translatable.translation_key, locale_id=instance.locale_id
    ).first()
    if source and json.loads(content_json) == json.loads(source.content_json):
        return source, False
    source, created = TranslationSource.objects.update_or_create(
        object=translatable,
        locale=instance.locale,
        specific_content_type=ContentType.objects.get_for_model(instance.__class__),
        defaults={
            "locale": instance.locale,
            "object_repr": str(instance)[:200],
            "content_json": content_json,
            "schema_version": get_schema_version(instance._meta.app_label),
            "last_updated_at": timezone.now(),
        },
    )
    refresh_segments(source)
    return source, created


def refresh_segments(source: TranslationSource) -> None:
    """``source.refresh_segments()``: its segments as its content has them."""
    instance = source.as_instance()
    values = list(extract_segments(instance))
    contexts = _contexts(source.object_id, {value.path for value in values}, instance)
    strings = _strings(
        source.locale_id,
        {v.string.data for v in values if isinstance(v, StringSegmentValue)},
    )
    templates = _templates(
        {_template_uuid(v): v for v in values if isinstance(v, TemplateSegmentValue)}
    )
    seen = {RelatedObjectSegment: [], OverridableSegment: []}
    wanted = {StringSegment: [], TemplateSegment: []}
    for value in values:
        place = {"context_id": contexts[value.path].pk, "order": value.order}
        if isinstance(value, StringSegmentValue):
            data_hash = String._get_data_hash(value.string.data)
            attrs = json.dumps(value.attrs, cls=DjangoJSONEncoder)
            wanted[StringSegment].append(
                place | {"string_id": strings[data_hash], "attrs": attrs}
            )
        elif isinstance(value, TemplateSegmentValue):
            wanted[TemplateSegment].append(
                place | {"template_id": templates[_template_uuid(value)]}
            )
        # Few on a page, if any: wagtail-localize's own, one by one.
        elif isinstance(value, RelatedObjectSegmentValue):
            segment = RelatedObjectSegment.from_value(source, value)
            seen[RelatedObjectSegment].append(segment.pk)
        elif isinstance(value, OverridableSegmentValue):
            segment = OverridableSegment.from_value(source, value)
            seen[OverridableSegment].append(segment.pk)
    for model, rows in wanted.items():
        seen[model] = _segments(source, model, rows)
    # Those no longer in the content.
    for model, ids in seen.items():
        model.objects.filter(source=source).exclude(pk__in=ids).delete()
    retire({status_tag(source.object_id)})


def _segments(source: TranslationSource, model, rows: list[dict]) -> list[int]:
    """The ids of ``source``'s segments of ``model`` with the fields of each
    of ``rows``, those it lacks created (as its ``get_or_create``)."""
    existing = {}
    for segment in model.objects.filter(source=source):
        key = tuple(getattr(segment, name) for name in rows[0]) if rows else ()
        existing.setdefault(key, segment.pk)
    ids, new = [], []
    for row in rows:
        key = tuple(row.values())
        if key in existing:
            ids.append(existing[key])
        else:
            new.append(model(source=source, **row))
    return ids + [segment.pk for segment in model.objects.bulk_create(new)]


def _template_uuid(value: TemplateSegmentValue) -> uuid.UUID:
    """The Template's key, as ``Template.from_value`` makes it."""
    namespace = uuid.uuid5(Template.BASE_UUID_NAMESPACE, value.format)
    return uuid.uuid5(namespace, value.template)


def _templates(values: dict[uuid.UUID, TemplateSegmentValue]) -> dict[uuid.UUID, int]:
    """The ids of the Templates for ``values`` (by ``_template_uuid``), the
    missing ones created, as ``Template.from_value`` does."""
    rows = {
        key: Template(
            uuid=key,
            template=value.template,
            template_format=value.format,
            string_count=value.string_count,
        )
        for key, value in values.items()
    }
    return _get_or_create(Template, "uuid", rows)


def _contexts(object_id, paths: set[str], instance) -> dict[str, TranslationContext]:
    """The object's contexts for ``paths`` by path, the missing ones created
    with their field paths."""
    found = TranslationContext.objects.filter(object_id=object_id, path__in=paths)
    contexts = {context.path: context for context in found}
    for context in contexts.values():
        # As refresh_segments() does: one made before wagtail-localize 1.0
        # gets its field path (saved by get_field_path()).
        context.get_field_path(instance)
    new = []
    for path in paths - contexts.keys():
        context = TranslationContext(
            object_id=object_id,
            path=path,
            path_id=TranslationContext._get_path_id(path),
        )
        # get_field_path() saves what it works out; these are saved together
        # below instead.
        context.save = lambda *args, **kwargs: None
        context.get_field_path(instance)
        del context.save
        new.append(context)
    if new:
        # A context another process created meanwhile is kept, and read back.
        TranslationContext.objects.bulk_create(new, ignore_conflicts=True)
        found = TranslationContext.objects.filter(
            object_id=object_id, path__in=[context.path for context in new]
        )
        contexts |= {context.path: context for context in found}
    return contexts


def _strings(locale_id: int, texts: set[str]) -> dict:
    """The ids of the locale's Strings for ``texts`` by data hash, the missing
    ones created."""
    rows = {
        String._get_data_hash(text): String(
            locale_id=locale_id, data_hash=String._get_data_hash(text), data=text
        )
        for text in texts
    }
    return _get_or_create(String, "data_hash", rows, locale_id=locale_id)


def _get_or_create(model, key: str, rows: dict, **scope) -> dict:
    """``{key: pk}`` of ``model``'s rows (within ``scope``) whose ``key``
    field is one of ``rows``' keys, those missing created from ``rows`` (a
    row another process created meanwhile is kept, and read back)."""

    def read(keys) -> dict:
        found = model.objects.filter(**scope, **{f"{key}__in": keys})
        return dict(found.values_list(key, "pk"))

    ids = read(list(rows))
    missing = [row for value, row in rows.items() if value not in ids]
    if missing:
        model.objects.bulk_create(missing, ignore_conflicts=True)
        ids |= read([getattr(row, key) for row in missing])
    return ids


def import_po(
    translation: LocalizeTranslation,
    po: polib.POFile,
    *,
    user=None,
    tool_name: str = "",
    translation_type: str = StringTranslation.TRANSLATION_TYPE_MANUAL,
) -> list:
    """``translation.import_po(po, delete=False, ...)``: each entry's string
    translation created, or changed where its text differs; returns the same
    warnings, for the entries that name no string, context or use here.

    ``po`` has passed ``apply.check_po``, which refuses a file with any
    string ``StringTranslation.save()`` would mark as an error; so none is.
    """
    source = translation.source
    file_id = po.metadata.get("X-WagtailLocalize-TranslationID")
    if file_id is not None and file_id != str(translation.uuid):
        return []
    entries = list(po)
    string_ids = dict(
        String.objects.filter(
            locale_id=source.locale_id,
            data_hash__in={String._get_data_hash(entry.msgid) for entry in entries},
        ).values_list("data_hash", "pk")
    )
    context_ids = dict(
        TranslationContext.objects.filter(
            object_id=source.object_id,
            path__in={entry.msgctxt for entry in entries if entry.msgctxt},
        ).values_list("path", "pk")
    )
    pairs = {
        "string_id__in": string_ids.values(),
        "context_id__in": context_ids.values(),
    }
    used = set(
        StringSegment.objects.filter(**pairs).values_list("string_id", "context_id")
    )
    translated = set()  # in any language, as import_po asks
    ours = {}
    for string_translation in StringTranslation.objects.filter(
        translation_of_id__in=pairs["string_id__in"],
        context_id__in=pairs["context_id__in"],
    ):
        key = (string_translation.translation_of_id, string_translation.context_id)
        translated.add(key)
        if string_translation.locale_id == translation.target_locale_id:
            ours[key] = string_translation

    warnings, created, changed = [], {}, {}
    now = timezone.now()
    for index, entry in enumerate(entries):
        string_id = string_ids.get(String._get_data_hash(entry.msgid))
        if string_id is None:
            warnings.append(UnknownString(index, entry.msgid))
            continue
        context_id = context_ids.get(entry.msgctxt)
        if context_id is None:
            warnings.append(UnknownContext(index, entry.msgctxt))
            continue
        if not entry.msgstr:
            continue
        key = (string_id, context_id)
        if key not in used and key not in translated:
            warnings.append(StringNotUsedInContext(index, entry.msgid, entry.msgctxt))
            continue
        current = ours.get(key) or created.get(key)
        if current is None:
            created[key] = StringTranslation(
                translation_of_id=string_id,
                locale_id=translation.target_locale_id,
                context_id=context_id,
                data=entry.msgstr,
                updated_at=now,
                translation_type=translation_type,
                tool_name=tool_name,
                last_translated_by=user,
                has_error=False,
                field_error="",
            )
        elif current.data != entry.msgstr:
            current.data = entry.msgstr
            current.translation_type = translation_type
            current.tool_name = tool_name
            current.last_translated_by = user
            current.updated_at = now
            current.has_error = False
            if current.pk is not None:
                changed[key] = current
    StringTranslation.objects.bulk_create(created.values())
    StringTranslation.objects.bulk_update(
        changed.values(),
        [
            "data",
            "translation_type",
            "tool_name",
            "last_translated_by",
            "updated_at",
            "has_error",
        ],
    )
    if created or changed:
        _written(translation, [*created.values(), *changed.values()], context_ids)
    return warnings


def _written(translation, rows: list[StringTranslation], context_ids: dict) -> None:
    """What ``post_save`` of each row would have done."""
    source = translation.source
    title_context = context_ids.get("title")
    for row in rows:
        # wagtail-localize: the translated page's draft title follows its
        # title's translation.
        if title_context is not None and row.context_id == title_context:
            Page.objects.filter(
                translation_key=source.object_id,
                locale_id=translation.target_locale_id,
            ).update(draft_title=row.data)
    retire({status_tag(source.object_id)})
