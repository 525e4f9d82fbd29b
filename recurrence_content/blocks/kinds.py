"""Which kind of value a block gives in the API, decided in one place.

The representation (``representation.py``) and the schema generator
(``block_schemas.py``) both branch on this, so what the feed sends for a block
and what its OpenAPI document says about it cannot take different paths.
"""

from __future__ import annotations

from django.apps import apps
from wagtail import blocks
from wagtail.blocks.field_block import BaseChoiceBlock

# The block's own class (ours or a host's) defines get_api_representation:
# its output wins, and only the block can say what it looks like.
CUSTOM = "custom"
IMAGE_WITH_ALT = "image_with_alt"
RICH_TEXT = "rich_text"
PAGE = "page"
DOCUMENT = "document"
IMAGE = "image"
STREAM = "stream"
LIST = "list"
STRUCT = "struct"
CHOICE = "choice"
MULTIPLE_CHOICE = "multiple_choice"
EMAIL = "email"
URL = "url"
REGEX = "regex"
TEXT = "text"
BOOLEAN = "boolean"
INTEGER = "integer"
FLOAT = "float"
DECIMAL = "decimal"
DATE = "date"
TIME = "time"
DATETIME = "datetime"
STATIC = "static"
# Anything else, e.g. a host's own FieldBlock: sent as Wagtail sends it.
UNKNOWN = "unknown"

# Kinds whose value is text: an empty optional value is sent as "", never null.
TEXT_KINDS = {CHOICE, EMAIL, URL, REGEX, TEXT}

_FIELD_KINDS = [
    (blocks.MultipleChoiceBlock, MULTIPLE_CHOICE),
    (BaseChoiceBlock, CHOICE),
    (blocks.EmailBlock, EMAIL),
    (blocks.URLBlock, URL),  # EmbedBlock too: its API value is the URL
    (blocks.RegexBlock, REGEX),
    (blocks.CharBlock, TEXT),
    (blocks.TextBlock, TEXT),  # BlockQuoteBlock too
    (blocks.RawHTMLBlock, TEXT),
    (blocks.BooleanBlock, BOOLEAN),
    (blocks.IntegerBlock, INTEGER),
    (blocks.FloatBlock, FLOAT),
    (blocks.DecimalBlock, DECIMAL),
    (blocks.DateTimeBlock, DATETIME),
    (blocks.DateBlock, DATE),
    (blocks.TimeBlock, TIME),
    (blocks.StaticBlock, STATIC),
]


def defines_own(block: blocks.Block, method: str) -> bool:
    """Whether ``method`` comes from a class outside Wagtail (ours or a host's)."""
    for klass in type(block).__mro__:
        if method in vars(klass):
            return not klass.__module__.startswith("wagtail.")
    return False


def kind_of(block: blocks.Block) -> str:
    """The kind of API value ``block`` gives: one of the constants above."""
    if defines_own(block, "get_api_representation"):
        return CUSTOM
    if _is_image_block(block):
        return IMAGE_WITH_ALT
    if isinstance(block, blocks.RichTextBlock):
        return RICH_TEXT
    if isinstance(block, blocks.ChooserBlock):
        return _chooser_kind(block)
    if isinstance(block, blocks.BaseStreamBlock):
        return STREAM
    if isinstance(block, blocks.ListBlock):
        return LIST
    if isinstance(block, blocks.BaseStructBlock):
        return STRUCT
    for klass, kind in _FIELD_KINDS:
        if isinstance(block, klass):
            return kind
    return UNKNOWN


def _is_image_block(block: blocks.Block) -> bool:
    if not apps.is_installed("wagtail.images"):
        return False
    # Imported only when installed: a host may leave wagtail.images out.
    from wagtail.images.blocks import ImageBlock

    return isinstance(block, ImageBlock)


def _chooser_kind(block: blocks.ChooserBlock) -> str:
    if isinstance(block, blocks.PageChooserBlock):
        return PAGE
    model = block.model_class
    # Imported only when installed: a host may leave either app out.
    if apps.is_installed("wagtail.documents"):
        from wagtail.documents.models import AbstractDocument

        if issubclass(model, AbstractDocument):
            return DOCUMENT
    if apps.is_installed("wagtail.images"):
        # Imported only when installed: a host may leave wagtail.images out.
        from wagtail.images.models import AbstractImage

        if issubclass(model, AbstractImage):
            return IMAGE
    return UNKNOWN
