"""The feed's typed contract: one schema per response and per article page type.

Every page type built on ``PatientInfoPageMixin`` has its own schema, its body
generated from its StreamField's blocks (``api/block_schemas.py``): a list
discriminated on ``type``, named as the stream children are (``heading``,
``definition``, ...). ``Article``, the detail response, is the union of these,
discriminated on ``page_type``. Optional text is ``""`` when an editor left it
empty, never missing.
"""

import functools
from datetime import datetime
from typing import Annotated, Literal, Union
from uuid import UUID

from ninja import Schema
from pydantic import Field, RootModel, create_model
from wagtail.models import AbstractPage, get_page_models

from ...blocks.schemas import BlockSchemas, RichText
from ...coding import SYSTEMS
from ...models import PatientInfoPageMixin
from .json_ld_schema import MedicalWebPage
from .review import ReadingLevel, Review, Source
from .translation_schemas import TranslationFields

__all__ = ["RichText"]


class Alternate(Schema):
    """The same article in another language."""

    locale: str
    url: str | None
    api_url: str


class SourceUpdate(Schema):
    """The source of this translation was updated after the translation was
    made: readers get the translation of an earlier version."""

    locale: str = Field(description="The source's language.")
    updated_at: datetime = Field(description="When the source was last updated.")
    translated_at: datetime | None = Field(
        description="When the translation readers get was made."
    )
    url: str | None = Field(description="The source-language page.")


class License(Schema):
    """The licence or attribution a hospital sets (RECURRENCE_CONTENT_LICENSE_*)."""

    text: str
    url: str


class ClinicalCodeOut(Schema):
    """A clinical code the article answers for, the same in every language."""

    system: Literal[tuple(system.uri for system in SYSTEMS)] = Field(  # type: ignore[valid-type]
        description="The code system's canonical URI (FHIR's)."
    )
    code: str
    display: str = Field(description='The code system\'s name for it, or "".')


class ArticleSummary(TranslationFields, Schema):
    """An article as listed: enough to show a link and decide to fetch it."""

    id: UUID = Field(
        description="The article's translation key: the same in every language."
    )
    page_id: int
    page_type: str = Field(
        description="The page type, as ``app_label.ModelName`` (Wagtail API "
        "v2's ``meta.type``); names the article's schema."
    )
    locale: str
    title: str
    summary: str
    url: str | None = Field(description="Canonical absolute URL of the page.")
    api_url: str = Field(description="This article in this language in the feed.")
    first_published_at: datetime | None
    last_published_at: datetime | None
    codes: list[ClinicalCodeOut] = Field(
        description="Clinical codes the article answers for (docs/ehr.md)."
    )


class ArticleFields(ArticleSummary):
    """What every article has in detail; each page type's schema adds its body."""

    alternates: list[Alternate]
    source_update: SourceUpdate | None = Field(
        description="Set on a translation whose source was updated after it "
        "was made (the page shows a notice saying so); null otherwise."
    )
    license: License
    json_ld: MedicalWebPage = Field(
        description="The schema.org MedicalWebPage the HTML page carries."
    )
    # Clinical governance (review.py).
    condition_name: str = Field(
        description='The condition the article is about, or "".'
    )
    audience: Literal["patients", "carers", "professionals"]
    review: Review
    sources: list[Source]
    reading_level: ReadingLevel


def article_page_models() -> list[type[AbstractPage]]:
    """Every concrete page type built on PatientInfoPageMixin, by label."""
    models = [m for m in get_page_models() if issubclass(m, PatientInfoPageMixin)]
    return sorted(models, key=lambda model: model._meta.label)


@functools.cache
def article_schemas() -> dict[type[AbstractPage], type[ArticleFields]]:
    """One schema per article page type, named after it, typing its own body."""
    schemas = BlockSchemas()
    result = {}
    names = [model.__name__ for model in article_page_models()]
    for model in article_page_models():
        # Two apps' page types of the same name get their app in front.
        name = model.__name__
        if names.count(name) > 1:
            name = model._meta.app_label.title().replace("_", "") + name
        body = schemas.schema(model._meta.get_field("body").stream_block, name)
        result[model] = create_model(
            name,
            __base__=ArticleFields,
            __doc__=f"A {model._meta.verbose_name} in one language, with its blocks.",
            page_type=(Literal[model._meta.label], ...),
            body=(body, ...),
        )
    return result


@functools.cache
def article_schema() -> type[RootModel]:
    """``Article``: one article of any page type, discriminated on ``page_type``."""
    variants = tuple(article_schemas().values())
    if len(variants) == 1:
        detail = variants[0]
    else:
        detail = Annotated[Union[variants], Field(discriminator="page_type")]  # noqa: UP007
    return create_model(
        "Article",
        __base__=RootModel[detail],
        __doc__="One article in one language, with its blocks; its schema "
        "follows its ``page_type``.",
    )


class ArticleList(Schema):
    """One page of articles, with links to the pages either side."""

    count: int
    next: str | None
    previous: str | None
    results: list[ArticleSummary]


class NotFound(Schema):
    """The article does not exist here, or is not public."""

    detail: str
