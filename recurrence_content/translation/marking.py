"""Give every untranslated passage of a rendered page the ``lang`` and ``dir``
of the language it is really in, so screen readers switch voice and
right-to-left pages keep English punctuation where it belongs."""

from __future__ import annotations

from collections.abc import Iterable

from bs4 import BeautifulSoup, NavigableString, Tag
from django.utils.safestring import SafeString, mark_safe

from ..languages import text_direction

# Text in these is never shown as a passage.
NOT_PROSE = {"script", "style", "template", "title"}


def _normalise(text: str) -> str:
    return " ".join(text.split())


def mark_untranslated(
    html: str, passages: Iterable[str], language_code: str
) -> SafeString:
    """``html`` with each of ``passages`` (plain text) marked as ``language_code``.

    The innermost element whose whole text is a passage gets ``lang`` and
    ``dir``; a passage that shares its element with other text is wrapped
    in a ``<span>`` carrying them.
    """
    wanted = {_normalise(text) for text in passages} - {""}
    if not wanted:
        return mark_safe(html)  # noqa: S308 - already rendered HTML
    soup = BeautifulSoup(html, "html.parser")
    attrs = {"lang": language_code, "dir": text_direction(language_code)}
    marked: set[int] = set()
    found: set[str] = set()

    def inside_marked(node) -> bool:
        return any(id(parent) in marked for parent in node.parents)

    for element in soup.find_all(True):
        if element.name in NOT_PROSE or inside_marked(element):
            continue
        text = _normalise(element.get_text())
        if text not in wanted:
            continue
        if any(
            _normalise(child.get_text()) == text
            for child in element.find_all(True, recursive=False)
        ):
            continue  # a child holds exactly this text: mark the child
        element.attrs.update(attrs)
        marked.add(id(element))
        found.add(text)

    for node in list(soup.find_all(string=True)):
        if (
            not isinstance(node, NavigableString)
            or node.parent is None
            or node.parent.name in NOT_PROSE
            or inside_marked(node)
        ):
            continue
        _wrap_in_text(soup, node, wanted - found, attrs)
    return mark_safe(str(soup))  # noqa: S308 - parsed and re-serialised HTML


def _wrap_in_text(soup, node: NavigableString, passages: set[str], attrs) -> None:
    text = str(node)
    for passage in sorted(passages, key=len, reverse=True):
        start = text.find(passage)
        if start < 0:
            continue
        span = Tag(name="span", attrs=dict(attrs))
        span.string = passage
        before, after = text[:start], text[start + len(passage) :]
        pieces = [NavigableString(before)] if before else []
        pieces.append(span)
        if after:
            pieces.append(NavigableString(after))
        node.replace_with(*pieces)
        return
