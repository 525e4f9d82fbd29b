"""The feed's typed contract: one schema per block and per response.

The body is a list discriminated on ``type``, named as the stream children
are (``heading``, ``definition``, ...). Each ``…Value`` schema describes what
``representation.py`` produces for that block. Optional text is ``""`` when
an editor left it empty, never missing.
"""

from datetime import datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from ninja import Schema
from pydantic import Field

from .review import Review, Source


class RichText(Schema):
    """Rich text as HTML (internal links resolved to public URLs) and as plain
    text for text-only channels such as SMS and voice."""

    html: str
    text: str


class HeadingValue(Schema):
    """A section heading."""

    text: str
    level: Literal["h2", "h3"]


class DefinitionValue(Schema):
    """A medical term explained in plain words."""

    term: str
    also_called: list[str]
    definition: str
    anchor: str = Field(description="Fragment id of the term on the article page.")


class Pattern(Schema):
    """One named pattern."""

    name: str
    description: str


class PatternListValue(Schema):
    """Named patterns, e.g. where a cancer may recur."""

    heading: str
    intro: str
    patterns: list[Pattern]


class Factor(Schema):
    """One factor, with optional detail."""

    factor: str
    detail: str


class FactorChecklistValue(Schema):
    """Factors a patient and doctor weigh together."""

    heading: str
    intro: str
    factors: list[Factor]


class CopingResource(Schema):
    """One source of support; link and phone are optional."""

    description: str
    link: str
    link_text: str
    phone: str


class CopingResourceListValue(Schema):
    """Sources of support."""

    heading: str
    intro: str
    list_style: Literal["numbered", "bulleted"]
    resources: list[CopingResource]


class QuestionAnswerValue(Schema):
    """A patient's question and its answer."""

    question: str
    answer: RichText


class CalloutValue(Schema):
    """A highlighted note; ``kind`` is a machine key."""

    kind: Literal["information", "seek_help", "warning"]
    title: str
    body: RichText


class RelatedLinkValue(Schema):
    """A link to further reading on this site or elsewhere."""

    kind: Literal["plain", "read_also"]
    title: str
    page_id: int | None = Field(description="The linked page on this site, if any.")
    url: str | None = Field(
        description="Public URL of the linked page (its translation in the "
        "article's language when live) or the external URL; null when neither."
    )


def _block(name: str, value_schema: type) -> type[Schema]:
    """``{"type": name, "id": ..., "value": value_schema}``, named after the block."""
    class_name = "".join(part.title() for part in name.split("_")) + "Block"
    return type(
        class_name,
        (Schema,),
        {
            "__annotations__": {
                "type": Literal[name],
                "id": str | None,
                "value": value_schema,
            },
            "__doc__": f"A ``{name}`` block of an article body.",
            "__module__": __name__,
        },
    )


HeadingBlock = _block("heading", HeadingValue)
ParagraphBlock = _block("paragraph", RichText)
DefinitionBlock = _block("definition", DefinitionValue)
PatternListBlock = _block("pattern_list", PatternListValue)
FactorChecklistBlock = _block("factor_checklist", FactorChecklistValue)
CopingResourceListBlock = _block("coping_resource_list", CopingResourceListValue)
QuestionAnswerBlock = _block("question_answer", QuestionAnswerValue)
CalloutBlock = _block("callout", CalloutValue)
RelatedLinkBlock = _block("related_link", RelatedLinkValue)

BLOCK_SCHEMAS = {
    "heading": HeadingBlock,
    "paragraph": ParagraphBlock,
    "definition": DefinitionBlock,
    "pattern_list": PatternListBlock,
    "factor_checklist": FactorChecklistBlock,
    "coping_resource_list": CopingResourceListBlock,
    "question_answer": QuestionAnswerBlock,
    "callout": CalloutBlock,
    "related_link": RelatedLinkBlock,
}

Block = Annotated[
    HeadingBlock
    | ParagraphBlock
    | DefinitionBlock
    | PatternListBlock
    | FactorChecklistBlock
    | CopingResourceListBlock
    | QuestionAnswerBlock
    | CalloutBlock
    | RelatedLinkBlock,
    Field(discriminator="type"),
]


class Alternate(Schema):
    """The same article in another language."""

    locale: str
    url: str | None
    api_url: str


class License(Schema):
    """The licence or attribution a hospital sets (RECURRENCE_CONTENT_LICENSE_*)."""

    text: str
    url: str


class ArticleSummary(Schema):
    """An article as listed: enough to show a link and decide to fetch it."""

    id: UUID = Field(
        description="The article's translation key: the same in every language."
    )
    page_id: int
    locale: str
    title: str
    summary: str
    url: str | None = Field(description="Canonical absolute URL of the page.")
    api_url: str = Field(description="This article in this language in the feed.")
    first_published_at: datetime | None
    last_published_at: datetime | None


class Article(ArticleSummary):
    """One article in one language, with its blocks."""

    alternates: list[Alternate]
    license: License
    json_ld: dict[str, Any] = Field(
        description="The schema.org MedicalWebPage the HTML page carries."
    )
    # Clinical governance (review.py).
    condition_name: str = Field(
        description='The condition the article is about, or "".'
    )
    audience: Literal["patients", "carers", "professionals"]
    review: Review
    sources: list[Source]
    body: list[Block]


class ArticleList(Schema):
    """One page of articles, with links to the pages either side."""

    count: int
    next: str | None
    previous: str | None
    results: list[ArticleSummary]


class ErrorDetail(Schema):
    """One problem with one parameter."""

    loc: list[str | int]
    msg: str
    type: str


class ValidationErrors(Schema):
    """Which parameter was wrong, and why."""

    detail: list[ErrorDetail]


class NotFound(Schema):
    """The article does not exist here, or is not public."""

    detail: str
