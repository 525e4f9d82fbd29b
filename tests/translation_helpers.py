"""Helpers for translation tests: a visible pseudo-translation and PO filling."""

import re

import polib

TAG_OR_TEXT = re.compile(r"(<[^>]+>)")
WORD = re.compile(r"[A-Za-z]+")


def pseudo_translate(text: str) -> str:
    """Every word spelled backwards, inline tags kept: clearly not English."""
    return "".join(
        part if part.startswith("<") else WORD.sub(lambda m: m.group()[::-1], part)
        for part in TAG_OR_TEXT.split(text)
    )


def fill_po(po: polib.POFile, translate=pseudo_translate) -> polib.POFile:
    """Fill every msgstr of an exported PO file."""
    for entry in po:
        entry.msgstr = translate(entry.msgid)
    return po


def visible_text(html: str) -> str:
    """The words a reader sees, one space between pieces."""
    from bs4 import BeautifulSoup

    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())
