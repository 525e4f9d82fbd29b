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
    """An Atom text construct."""

    value: str = Field(alias="_value")
    type: Literal["text"]


class Link(Schema):
    """The article's page on the requesting site."""

    href: str
    rel: Literal["alternate"]
    hreflang: str


class Category(Schema):
    """The code and code system asked for, as MedlinePlus Connect echoes them."""

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
    summary: Text
    last_reviewed: Value | None = Field(
        None,
        alias="lastReviewed",
        description="When clinicians last reviewed the article; absent if never.",
    )


class InfobuttonFeedBody(_Element):
    """The Atom feed."""

    base: str
    lang: str = Field(description='The language asked for, if the site has it; "".')
    title: Text
    subtitle: Text
    id: Value
    updated: Value
    author: Author
    category: list[Category]
    entry: list[InfobuttonEntry]


class InfobuttonFeed(Schema):
    """The Infobutton response as JSON (``knowledgeResponseType=application/json``)."""

    feed: InfobuttonFeedBody
