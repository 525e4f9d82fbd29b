"""Two versions of a field or block as text, side by side, their differences
marked (difflib) for an editor to compare."""

from __future__ import annotations

import difflib
from typing import Any

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe


def version_text(version: Any) -> str:
    """What a reader would read in a field or block, one line per part
    (``term: metastasis``); empty for a version that is not there."""
    if version is None:
        return ""
    if isinstance(version, dict) and {"type", "value", "id"} <= version.keys():
        version = version["value"]
    return "\n".join(_lines(version, ""))


def _lines(value: Any, label: str) -> list[str]:
    prefix = f"{label}: " if label else ""
    if isinstance(value, dict) and {"type", "value", "id"} <= value.keys():
        return _lines(value["value"], label)
    if isinstance(value, dict):
        return [line for key, item in value.items() for line in _lines(item, key)]
    if isinstance(value, list):
        return [line for item in value for line in _lines(item, label)]
    if value is None or value == "":
        return []
    return [prefix + " ".join(strip_tags(str(value)).split())]


def marked(ours: str, theirs: str) -> tuple[SafeString, SafeString]:
    """Both texts as HTML, words only ours has in ``<del>``, words only
    theirs has in ``<ins>``."""
    a, b = ours.split(" "), theirs.split(" ")
    left, right = [], []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        mine, yours = " ".join(a[i1:i2]), " ".join(b[j1:j2])
        if tag == "equal":
            left.append(escape(mine))
            right.append(escape(yours))
            continue
        if mine:
            left.append(f"<del>{escape(mine)}</del>")
        if yours:
            right.append(f"<ins>{escape(yours)}</ins>")
    return _html(left), _html(right)


def _html(parts: list[str]) -> SafeString:
    # Line breaks between a block's parts stay visible.
    return mark_safe(" ".join(parts).replace("\n", "<br>"))  # noqa: S308 (escaped above)
