"""Checks a raw StreamField value from a file against the blocks it is for.

Two passes: first the JSON shape (types, ``id``s, known block names), so the
blocks never see data they would crash on; then the blocks' own ``clean()``,
whose errors are reported with the JSON path of the field at fault.
"""

import uuid
from collections.abc import Iterator
from typing import Any

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from .limits import ContentLimits
from .richtext import rich_text_problems

# Leaf blocks whose value in a file is a string.
STRING_BLOCKS = (
    blocks.CharBlock,
    blocks.TextBlock,
    blocks.URLBlock,
    blocks.RegexBlock,
    blocks.ChoiceBlock,
    blocks.EmailBlock,
    blocks.RichTextBlock,
)


class ShapeChecker:
    """Walks raw JSON beside its block definition and collects problems."""

    def __init__(self, limits: ContentLimits) -> None:
        self.limits = limits
        self.problems: list[tuple[str, str]] = []
        self.seen_ids: set[str] = set()

    def check(self, block: blocks.Block, raw: Any, path: str) -> None:
        """Record every way ``raw`` does not fit ``block``."""
        if isinstance(block, blocks.StreamBlock):
            self._check_children(block, raw, path, list_item=False)
        elif isinstance(block, blocks.ListBlock):
            self._check_children(block, raw, path, list_item=True)
        elif isinstance(block, blocks.StructBlock):
            self._check_struct(block, raw, path)
        elif isinstance(block, blocks.ChooserBlock):
            if raw is not None:
                self._fail(
                    path,
                    "a file cannot refer to pages, images or documents by database "
                    "ID; use null here (and a URL where the block has one)",
                )
        elif isinstance(block, STRING_BLOCKS):
            if not isinstance(raw, str):
                self._fail(path, f"expected a string, found {_json_type(raw)}")
            elif len(raw) > self.limits.field_characters:
                self._fail(
                    path,
                    self.limits.refusal("field_characters", len(raw), "characters"),
                )
            elif isinstance(block, blocks.RichTextBlock):
                problems = rich_text_problems(raw, block.features)
                if problems:
                    self._fail(
                        path,
                        "rich text contains markup Wagtail would remove ("
                        + ", ".join(problems)
                        + "); remove it from the file",
                    )
        elif isinstance(block, blocks.BooleanBlock) and not isinstance(raw, bool):
            self._fail(path, f"expected true or false, found {_json_type(raw)}")

    def _check_children(self, block, raw: Any, path: str, list_item: bool) -> None:
        if not isinstance(raw, list):
            self._fail(path, f"expected a list, found {_json_type(raw)}")
            return
        if list_item and len(raw) > self.limits.list_items:
            self._fail(path, self.limits.refusal("list_items", len(raw), "items"))
            return
        for index, child in enumerate(raw):
            child_path = f"{path}[{index}]"
            if not isinstance(child, dict):
                self._fail(child_path, f"expected an object, found {_json_type(child)}")
                continue
            extra = set(child) - {"type", "value", "id"}
            if extra:
                self._fail(child_path, f"unknown key {sorted(extra)[0]!r}")
            self._check_id(child.get("id"), f"{child_path}.id")
            if list_item:
                if child.get("type") != "item":
                    self._fail(f"{child_path}.type", 'list items have "type": "item"')
                child_block = block.child_block
            else:
                name = child.get("type")
                child_block = block.child_blocks.get(name) if name else None
                if child_block is None:
                    known = ", ".join(block.child_blocks)
                    self._fail(
                        f"{child_path}.type",
                        f"unknown block type {name!r}; use one of: {known}",
                    )
                    continue
            if "value" not in child:
                self._fail(child_path, 'missing "value"')
                continue
            self.check(child_block, child["value"], f"{child_path}.value")

    def _check_struct(self, block: blocks.StructBlock, raw: Any, path: str) -> None:
        if not isinstance(raw, dict):
            self._fail(path, f"expected an object, found {_json_type(raw)}")
            return
        for key in raw:
            if key not in block.child_blocks:
                known = ", ".join(block.child_blocks)
                self._fail(f"{path}.{key}", f"unknown field; use one of: {known}")
        for name, child_block in block.child_blocks.items():
            if name in raw:
                self.check(child_block, raw[name], f"{path}.{name}")

    def _check_id(self, value: Any, path: str) -> None:
        try:
            parsed = str(uuid.UUID(value))
        except (TypeError, ValueError, AttributeError):
            self._fail(path, "every block and list item needs an id that is a UUID")
            return
        if parsed in self.seen_ids:
            self._fail(path, f"id {value} is used twice; give each block its own")
        self.seen_ids.add(parsed)

    def _fail(self, path: str, message: str) -> None:
        self.problems.append((path, message))


def validation_problems(error: ValidationError, path: str) -> Iterator[tuple[str, str]]:
    """Flatten a block ValidationError into ``(json_path, message)`` pairs."""
    non_block_errors = getattr(error, "non_block_errors", None)
    for non_block in non_block_errors.as_data() if non_block_errors else []:
        for message in non_block.messages:
            yield path, message
    if isinstance(error, StreamBlockValidationError | ListBlockValidationError):
        for index, child in error.block_errors.items():
            yield from validation_problems(child, f"{path}[{index}].value")
    elif isinstance(error, StructBlockValidationError):
        for name, child in error.block_errors.items():
            yield from validation_problems(child, f"{path}.{name}")
    else:
        for message in error.messages:
            yield path, message


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    return {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "an object",
    }.get(type(value), type(value).__name__)
