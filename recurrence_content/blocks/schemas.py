"""OpenAPI schemas generated from block definitions.

``BlockSchemas`` walks a block tree as ``representation.represent`` does and
gives the Pydantic type of each block's API value: a StructBlock is an object
of its children, a ListBlock an array, a StreamBlock a list discriminated on
``type``, rich text ``{html, text}``, a chooser a link object, a ChoiceBlock
an enum, and each field block its JSON type and format. Every named model
becomes an OpenAPI component, so a host's own blocks are typed with no code.

A block whose class gives its own JSON (it defines ``get_api_representation``)
describes it with ``get_api_schema(self, schemas)``, returning a type. One that
does not is documented as any JSON value and listed in ``undescribed``, which
the system check ``recurrence_content.W004`` reports.
"""

from __future__ import annotations

import datetime
import decimal
import json
from typing import Annotated, Any, Literal, Union

from ninja import Schema
from pydantic import Field, WithJsonSchema, create_model
from wagtail import blocks

from . import kinds

UNDESCRIBED = (
    "Not described: the block gives JSON of its own. Its class can say what "
    "with get_api_schema(self, schemas) (see docs/feed.md)."
)


class RichText(Schema):
    """Rich text as HTML (internal links resolved to public URLs) and as plain
    text for text-only channels such as SMS and voice."""

    html: str
    text: str


class PageLink(Schema):
    """A page chosen in a block."""

    id: int
    url: str | None = Field(
        description="Public URL of the page (its translation in the article's "
        "language when live); null when the page is not live."
    )


class DocumentLink(Schema):
    """A document chosen in a block."""

    id: int
    title: str
    url: str


class ImageLink(Schema):
    """An image chosen in a block, with its original file's URL and size."""

    id: int
    title: str
    width: int
    height: int
    url: str


class ImageWithAlt(ImageLink):
    """An image with the alt text an editor gave for this use (Wagtail's ImageBlock)."""

    alt_text: str
    decorative: bool


def _formatted(json_type: str, fmt: str | None = None, **extra: Any) -> dict:
    schema = {"type": json_type, **extra}
    if fmt:
        schema["format"] = fmt
    return schema


def _text(schema: dict, required: bool) -> Any:
    """A string documented by ``schema``; an optional one may also be ""."""
    if schema == {"type": "string"}:
        return str
    if not required:
        schema = {"anyOf": [schema, {"type": "string", "maxLength": 0}]}
    # Documented, not enforced: a value stored before a rule changed is still
    # sent rather than failing the whole response.
    return Annotated[str, WithJsonSchema(schema)]


def _optional(annotation: Any, required: bool) -> Any:
    return annotation if required else annotation | None


def camel(name: str) -> str:
    """``warning_sign`` -> ``WarningSign``."""
    return "".join(part[:1].upper() + part[1:] for part in name.split("_") if part)


class BlockSchemas:
    """The Pydantic types of blocks' API values, for one OpenAPI document.

    Models are named after the block class (``DefinitionBlock`` ->
    ``DefinitionValue``) or, for a plain StructBlock, after its name in its
    parent (``warning_sign`` -> ``WarningSignValue``); stream children are
    ``<Name>Block``. Two different shapes never share a name.
    """

    def __init__(self) -> None:
        self._models: dict[str, tuple[str, type]] = {}
        self._path: list[str] = []
        self.undescribed: list[tuple[str, blocks.Block]] = []

    def schema(self, block: blocks.Block, name: str) -> Any:
        """The type of ``block``'s API value; ``name`` is its name in its parent."""
        self._path.append(name)
        try:
            own = getattr(block, "get_api_schema", None)
            if callable(own):
                return own(self)
            return self._generated(block)
        finally:
            self._path.pop()

    def _generated(self, block: blocks.Block) -> Any:
        kind = kinds.kind_of(block)
        required = bool(getattr(block, "required", False))
        if kind in (kinds.CUSTOM, kinds.UNKNOWN):
            self.undescribed.append(("/".join(self._path), block))
            return Annotated[Any, Field(description=UNDESCRIBED)]
        if kind == kinds.STREAM:
            return self.stream(block)
        if kind == kinds.STRUCT:
            return self.struct(block)
        if kind == kinds.LIST:
            return list[self.schema(block.child_block, self._path[-1])]
        if kind in (kinds.CHOICE, kinds.MULTIPLE_CHOICE):
            values = [str(key) for key in _choice_values(block) if key != ""]
            choice = Literal[tuple(values)] if values else str
            if kind == kinds.MULTIPLE_CHOICE:
                return list[choice]
            return choice if required or not values else Literal[(*values, "")]
        if kind == kinds.REGEX:
            pattern = block.field.regex.pattern
            return _text(_formatted("string", pattern=pattern), required)
        if kind in _STRING_FORMATS:
            return _text(_formatted("string", _STRING_FORMATS[kind]), required)
        return _FIXED[kind](required)

    def struct(self, block: blocks.BaseStructBlock, fields: dict | None = None) -> type:
        """A model of the struct's children; ``fields`` adds, replaces or (with
        None) removes members, for a block whose JSON adds to its children's."""
        members: dict[str, Any] = {
            name: (self.schema(child, name), ...)
            for name, child in block.child_blocks.items()
        }
        for name, member in (fields or {}).items():
            if member is None:
                members.pop(name, None)
            else:
                members[name] = member
        if type(block) in (blocks.StructBlock, blocks.BaseStructBlock):
            name = camel(self._path[-1]) + "Value"
            doc = f"The value of a ``{self._path[-1]}`` block."
        else:
            name = type(block).__name__.removesuffix("Block") + "Value"
            doc = (type(block).__doc__ or "").strip() or None
        return self._named(name, doc, members)

    def stream(self, block: blocks.BaseStreamBlock) -> Any:
        """``list`` of ``{"type", "id", "value"}``, discriminated on ``type``."""
        children = []
        for name, child in block.child_blocks.items():
            members = {
                "type": (Literal[name], ...),
                "id": (str | None, ...),
                "value": (self.schema(child, name), ...),
            }
            doc = f"A ``{name}`` block."
            children.append(self._named(camel(name) + "Block", doc, members))
        if not children:
            return list[Any]
        if len(children) == 1:
            return list[children[0]]
        return list[Annotated[Union[tuple(children)], Field(discriminator="type")]]  # noqa: UP007

    def _named(self, name: str, doc: str | None, members: dict) -> type:
        model = create_model(name, __base__=Schema, __doc__=doc, **members)
        signature = json.dumps(model.model_json_schema(), sort_keys=True)
        # The same shape reached twice (e.g. one block class in two streams)
        # is one component; a different shape with the same name gets the
        # names of its parents in front until it is unique.
        candidates = [name] + [
            "".join(camel(part) for part in self._path[-depth:]) + name
            for depth in range(1, len(self._path) + 1)
        ]
        for candidate in candidates:
            known = self._models.get(candidate)
            if known is None:
                if candidate != name:
                    model = create_model(
                        candidate, __base__=Schema, __doc__=doc, **members
                    )
                self._models[candidate] = (signature, model)
                return model
            if known[0] == signature:
                return known[1]
        raise ValueError(f"No unique schema name for {name} at {self._path}")


def _choice_values(block: blocks.ChoiceBlock) -> list:
    values = []
    for key, label in block.field.choices:
        if isinstance(label, list | tuple):  # an option group
            values.extend(inner for inner, _label in label)
        else:
            values.append(key)
    return values


_STRING_FORMATS = {
    kinds.EMAIL: "email",
    kinds.URL: "uri",
    kinds.TEXT: None,
}

_DECIMAL = Annotated[
    decimal.Decimal, WithJsonSchema({"type": "string", "format": "decimal"})
]

_FIXED = {
    kinds.RICH_TEXT: lambda required: RichText,
    # A chosen item may have been deleted since: always nullable.
    kinds.PAGE: lambda required: PageLink | None,
    kinds.DOCUMENT: lambda required: DocumentLink | None,
    kinds.IMAGE: lambda required: ImageLink | None,
    kinds.IMAGE_WITH_ALT: lambda required: ImageWithAlt | None,
    kinds.BOOLEAN: lambda required: bool,
    kinds.INTEGER: lambda required: _optional(int, required),
    kinds.FLOAT: lambda required: _optional(float, required),
    kinds.DECIMAL: lambda required: _optional(_DECIMAL, required),
    kinds.DATE: lambda required: _optional(datetime.date, required),
    kinds.TIME: lambda required: _optional(datetime.time, required),
    kinds.DATETIME: lambda required: _optional(datetime.datetime, required),
    kinds.STATIC: lambda required: None,
}
