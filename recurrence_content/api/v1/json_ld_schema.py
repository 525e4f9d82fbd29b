"""The typed schema of an article's JSON-LD (``api/json_ld.py`` builds it).

Typed so a generated client gets named classes rather than a free-form dict.
Keys a page has no value for are left out, as in the HTML page's JSON-LD,
never sent as null.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field


def _absent(value) -> bool:
    return value is None


def omitted(description: str | None = None):
    """A key that is left out when the page has no value for it."""
    return Field(None, exclude_if=_absent, description=description)


# Strings as the HTML page's JSON-LD writes them (``isoformat()``).
DateTime = Annotated[str, Field(json_schema_extra={"format": "date-time"})]
Date = Annotated[str, Field(json_schema_extra={"format": "date"})]


class Node(BaseModel):
    """A schema.org node; its ``@type`` is named ``type`` in code."""

    model_config = ConfigDict(populate_by_name=True, extra="forbid")


class Organization(Node):
    """A publisher or a reviewer's organisation."""

    type: Literal["Organization"] = Field(alias="@type")
    name: str
    url: str | None = omitted()


class Audience(Node):
    """Who the article is for: ``Patient``, or carers or clinicians."""

    type: Literal["Patient", "MedicalAudience"] = Field(alias="@type")
    audienceType: Literal["Caregivers", "Clinician"] | None = omitted()  # noqa: N815


class TranslatedWork(Node):
    """Another language's version of the article."""

    type: Literal["MedicalWebPage"] = Field(alias="@type")
    url: str | None
    inLanguage: str  # noqa: N815
    dateModified: DateTime | None = omitted(  # noqa: N815
        "On a translation's translationOfWork: when the source was updated "
        "after this translation was made (the translation is older)."
    )


class MedicalCode(Node):
    """One of the article's clinical codes (``ClinicalCode``)."""

    type: Literal["MedicalCode"] = Field(alias="@type")
    codeValue: str  # noqa: N815
    codingSystem: str  # noqa: N815


class Condition(Node):
    """The condition the article is about, as the editor named it."""

    type: Literal["MedicalCondition"] = Field(alias="@type")
    name: str
    code: list[MedicalCode] | None = omitted("The article's clinical codes.")


class Person(Node):
    """A clinician who reviewed the article."""

    type: Literal["Person"] = Field(alias="@type")
    name: str
    jobTitle: str | None = omitted()  # noqa: N815
    affiliation: Organization | None = omitted()


class Citation(Node):
    """A source the article is based on."""

    type: Literal["CreativeWork"] = Field(alias="@type")
    name: str
    publisher: Organization | None = omitted()
    url: str | None = omitted()


class MedicalWebPage(Node):
    """The schema.org MedicalWebPage the article's HTML page carries."""

    context: Literal["https://schema.org"] = Field(alias="@context")
    type: Literal["MedicalWebPage"] = Field(alias="@type")
    name: str
    description: str
    url: str | None
    inLanguage: str | list[str] = Field(  # noqa: N815
        description="The page's language; with the source's language after it "
        "when the page is still partly untranslated."
    )
    audience: Audience
    publisher: Organization
    workTranslation: list[TranslatedWork] | None = omitted(  # noqa: N815
        "On a source page: its complete translations."
    )
    translationOfWork: TranslatedWork | None = omitted(  # noqa: N815
        "On a translation: the page it was translated from."
    )
    datePublished: DateTime | None = omitted()  # noqa: N815
    dateModified: DateTime | None = omitted()  # noqa: N815
    license: str | None = omitted()
    about: Condition | None = omitted()
    lastReviewed: Date | None = omitted()  # noqa: N815
    reviewedBy: list[Person] | None = omitted()  # noqa: N815
    citation: list[Citation] | None = omitted()
