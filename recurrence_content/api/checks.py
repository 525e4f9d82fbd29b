"""System checks of the feed, registered when ``recurrence_content.api`` is installed."""

from typing import Any

from django.core.checks import Tags, Warning, register

from ..blocks.schemas import BlockSchemas
from .v1.schemas import article_page_models


@register(Tags.compatibility)
def check_block_schemas(app_configs: Any = None, **kwargs: Any) -> list:
    """Warn about each block in an article body the feed cannot type."""
    messages = []
    for model in article_page_models():
        stream_block = model._meta.get_field("body").stream_block
        messages += undescribed_block_warnings(stream_block, model._meta.label)
    return messages


def undescribed_block_warnings(stream_block: Any, root: str) -> list:
    """W004 for each block under ``stream_block`` whose JSON has no schema."""
    schemas = BlockSchemas()
    schemas.schema(stream_block, root)
    return [
        Warning(
            f"The content feed cannot type the block at {path} "
            f"({type(block).__module__}.{type(block).__qualname__}): its OpenAPI "
            "document describes it as any JSON value.",
            hint=(
                f"Give {type(block).__name__} a method get_api_schema(self, schemas) "
                "that returns the Python type of what its get_api_representation() "
                "gives (e.g. str, or a pydantic model), or build it from Wagtail's "
                "own blocks. See docs/feed.md."
            ),
            obj=block,
            id="recurrence_content.W004",
        )
        for path, block in schemas.undescribed
    ]
