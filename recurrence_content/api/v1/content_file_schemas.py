"""The contract of the content-file endpoints: articles as the loader reads
them (docs/loading.md), for another site running the app to load
(``recurrence_content_load --source``, docs/updates.md)."""

import datetime
from typing import Any, Literal
from uuid import UUID

from ninja import Schema
from pydantic import Field

from .review import Reviewer, Source
from .schemas import ClinicalCodeOut


class RawBlock(Schema):
    """A body block in Wagtail's raw stream form, as a content file holds it."""

    type: str = Field(description="The stream child's name, e.g. `paragraph`.")
    value: Any = Field(
        description="The block's raw value; the loader validates it against the block."
    )
    id: UUID = Field(description="The block's id, the same on every site.")


class ContentFile(Schema):
    """One article in the content file format (format_version 2) that
    ``recurrence_content_load --file`` reads, as the site publishes it.

    Links to this site's pages are given as their public addresses here.
    """

    format_version: Literal[2]
    translation_key: UUID
    locale: str
    slug: str
    title: str
    seo_title: str
    search_description: str
    summary: str
    condition_name: str
    audience: Literal["patients", "carers", "professionals"]
    last_reviewed: datetime.date | None
    next_review_due: datetime.date | None
    reviewers: list[Reviewer]
    sources: list[Source]
    clinical_codes: list[ClinicalCodeOut]
    body: list[RawBlock]


class POTranslation(Schema):
    """A complete, published translation of the article."""

    locale: str
    last_published_at: datetime.datetime | None
    po: str = Field(
        description="The translation as a PO file, as wagtail-localize "
        "exports it: `msgctxt` is the text's place in the page, `msgid` the "
        "original, `msgstr` the translation. Only strings the published "
        "translation shows."
    )


class ArticleContentFile(Schema):
    """An article in its original language with its complete translations."""

    id: UUID = Field(description="The article's translation key.")
    locale: str = Field(description="The original's language.")
    last_published_at: datetime.datetime | None
    content_file: ContentFile
    translations: list[POTranslation]


class TranslationVersion(Schema):
    """When one complete translation was last published."""

    locale: str
    last_published_at: datetime.datetime | None


class ContentFileSummary(Schema):
    """An article as listed: what changes whenever its content file does."""

    id: UUID = Field(description="The article's translation key.")
    locale: str = Field(description="The original's language.")
    title: str
    last_published_at: datetime.datetime | None
    translations: list[TranslationVersion]
    content_file_url: str = Field(description="The article's content file here.")


class ContentFileList(Schema):
    """One page of the articles this site offers as content files."""

    count: int
    next: str | None
    previous: str | None
    results: list[ContentFileSummary]
