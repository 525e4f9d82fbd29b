"""The JSON form's contract, for the OpenAPI document: MedlinePlus Connect's
shape, in which each Atom element is an object with its text in ``_value``."""

from __future__ import annotations

from typing import Literal

from ninja import Schema
from pydantic import ConfigDict, Field


class _Element(Schema):
    model_config = ConfigDict(populate_by_name=True)


class Value(_Element):
    """An Atom element's text."""

    value: str = Field(alias="_value")


class Text(_Element):
    """An Atom text construct in plain text."""

    value: str = Field(alias="_value")
    type: Literal["text"]


class Html(_Element):
    """An Atom text construct in HTML, as MedlinePlus Connect sends summaries:
    the editor's text escaped, in one ``<p>`` ("" when there is none)."""

    value: str = Field(alias="_value")
    type: Literal["html"]


class Link(Schema):
    """The article's page on the requesting site."""

    href: str
    rel: Literal["alternate"]
    type: Literal["html"]
    hreflang: str = Field(description="The language of the page (the entry's).")
    title: str = Field(description="The article's title.")


class Category(Schema):
    """The request echoed, as MedlinePlus Connect echoes it: the code, its
    system's OID, its display name ("" when none was sent) and the
    informationRecipient (``PAT`` when none was sent)."""

    scheme: str
    term: str


class Author(Schema):
    """The hospital (RECURRENCE_CONTENT_PUBLISHER_NAME or the site's name)."""

    name: Value
    uri: Value


class InfobuttonEntry(_Element):
    """One article, in the language ``lang`` names."""

    lang: str = Field(description="The language the entry is in (xml:lang).")
    title: Text
    link: list[Link]
    id: Value
    updated: Value
    summary: Html
    last_reviewed: Value | None = Field(
        None,
        alias="lastReviewed",
        description="When clinicians last reviewed the article; absent if "
        "never. Only in the JSON form: KnowledgeResponse.xsd has no place for "
        "it in an Atom entry.",
    )


class InfobuttonFeedBody(_Element):
    """The Atom feed."""

    base: str
    lang: str = Field(
        description="The language asked for, if the site has it; else the "
        "site's default language."
    )
    title: Text
    subtitle: Text
    author: Author
    updated: Value
    category: list[Category]
    id: Value
    entry: list[InfobuttonEntry]


class InfobuttonFeed(Schema):
    """The Infobutton response as JSON (``knowledgeResponseType=application/json``)."""

    feed: InfobuttonFeedBody
