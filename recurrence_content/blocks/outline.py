"""The article's heading outline: which level each block's heading takes.

Section headings (``HeadingBlock``) are chosen by the editor, level 2 or 3.
Every other heading a block shows (a list's heading, a question, a callout's
title) sits one level below the nearest section heading before it, or at
level 2 before the first one, so the outline never skips a level wherever an
editor puts the block.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

# Section headings the editor may choose; the page title is the only h1.
SECTION_LEVELS = {"h2": 2, "h3": 3}
DEEPEST = 6


@dataclass(frozen=True)
class OutlineEntry:
    """One block of a body, with the level and anchor of its own heading."""

    block: Any  # a StreamChild
    heading_level: int
    anchor: str


def anchor_for(block: Any, index: int) -> str:
    """A fragment id for the block's heading.

    The block's id is kept by wagtail-localize in every translation, so a link
    to ``#rc-<id>`` finds the same section in each language.
    """
    return f"rc-{block.id}" if block.id else f"rc-block-{index}"


def section_level(value: Any, previous_heading: int | None) -> int:
    """The level a section heading renders at.

    A subheading with no heading before it would jump from the title (h1) to
    h3; validation refuses that, and content saved before the rule renders at
    level 2 instead.
    """
    level = SECTION_LEVELS.get(value.get("level"), 2)
    if previous_heading is None:
        return 2
    return min(level, previous_heading + 1)


def outline(blocks: Iterable[Any]) -> list[OutlineEntry]:
    """The heading level and anchor of every block of a StreamValue, in order."""
    entries = []
    section: int | None = None  # level of the nearest section heading so far
    previous: int | None = None  # level of the nearest heading of any kind
    for index, block in enumerate(blocks):
        if is_section_heading(block):
            level = section = section_level(block.value, previous)
        else:
            level = min(section + 1, DEEPEST) if section else 2
        if has_heading(block):
            previous = level
        entries.append(OutlineEntry(block, level, anchor_for(block, index)))
    return entries


def sections(entries: Iterable[OutlineEntry]) -> list[OutlineEntry]:
    """The article's sections: its section headings at level 2, in order.

    Their anchors are block ids, which wagtail-localize keeps, so a link to a
    section finds it in every translation.
    """
    return [
        entry
        for entry in entries
        if is_section_heading(entry.block) and entry.heading_level == 2
    ]


def has_heading(block: Any) -> bool:
    """Whether the block shows a heading of its own (it says so itself)."""
    shows_heading = getattr(block.block, "shows_heading", None)
    return bool(shows_heading and shows_heading(block.value))


def is_section_heading(block: Any) -> bool:
    """Whether the block is a section heading the editor placed."""
    return getattr(block.block, "is_section_heading", False)
