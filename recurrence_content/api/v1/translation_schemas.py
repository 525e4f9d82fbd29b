"""The feed's translation fields, kept apart from the article schemas so the
block schemas can change without touching them."""

from typing import Literal

from ninja import Schema
from pydantic import Field

from ...translation.status import Status

# The request parameter that lists and serves incomplete translations too.
INCLUDE_INCOMPLETE = "include_incomplete"
TRANSLATION_FIELDS = {"translation_status", "translation_progress"}

# The feed serves live pages only, so never "not_published".
StatusName = Literal[
    tuple(status.value for status in Status if status != Status.NOT_PUBLISHED)
]


class TranslationProgress(Schema):
    """How many of its strings the live page shows translated."""

    translated: int
    total: int


class TranslationFields(Schema):
    """Sent only with ``include_incomplete=true``, for translation tooling."""

    translation_status: StatusName | None = Field(
        None,
        description="Only with include_incomplete=true. What readers of the "
        "live page get: `source`: not a translation; `complete`; `outdated`: "
        "complete, of an earlier version of the source (see `source_update`); "
        "`partial`; `not_started`.",
    )
    translation_progress: TranslationProgress | None = Field(
        None, description="Only with include_incomplete=true."
    )


class ArticleNotFound(Schema):
    """The article does not exist here, is not public, or is not translated
    into that language yet."""

    detail: str
    available_locales: list[str] = Field(
        default_factory=list,
        description="The languages the article is complete in, when it exists.",
    )
