"""Every word a template shows is wrapped in a translation tag."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Comment
from django.template.base import Lexer, TokenType

import recurrence_content

TEMPLATES_DIR = Path(recurrence_content.__file__).parent / "templates"
TEMPLATES = sorted(TEMPLATES_DIR.rglob("*.html"))
# Attributes a reader hears or sees; class names and URLs are not prose.
PROSE_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder", "aria-description")
WORD = re.compile(r"[^\W\d_]{2,}")


def untranslated_text(source: str) -> list[str]:
    """Words left in a template once tags, variables and translated text are gone."""
    kept = []
    skip_until = None
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split(maxsplit=1)[0] if token.contents else ""
            if skip_until and name == skip_until:
                skip_until = None
            elif name in ("blocktranslate", "blocktrans"):
                skip_until = "end" + name
            elif name == "comment":
                skip_until = "endcomment"
            continue
        if skip_until or token.token_type != TokenType.TEXT:
            continue
        kept.append(token.contents)
    soup = BeautifulSoup("".join(kept), "html.parser")
    words = [
        text
        for text in soup.find_all(string=True)
        if not isinstance(text, Comment) and WORD.search(text)
    ]
    for element in soup.find_all(True):
        words.extend(
            element[name]
            for name in PROSE_ATTRIBUTES
            if WORD.search(element.get(name, ""))
        )
    return [word.strip() for word in words]


def test_the_checker_finds_unmarked_text_and_accepts_marked_text():
    assert untranslated_text('<p>Read also: {{ x }}</p><a title="Open">x</a>') == [
        "Read also:",
        "Open",
    ]
    assert (
        untranslated_text(
            "{% load i18n %}<p>{% translate 'Read also:' %} {{ value.title }}</p>"
            '<a aria-label="{% translate "Open" %}" class="rc-link">{{ x }}</a>'
            "{% blocktranslate %}Phone: {{ phone }}{% endblocktranslate %}"
            "{% comment %}Not shown{% endcomment %}"
        )
        == []
    )


@pytest.mark.parametrize(
    "template", TEMPLATES, ids=[str(t.relative_to(TEMPLATES_DIR)) for t in TEMPLATES]
)
def test_template_has_no_text_outside_translation_tags(template):
    assert untranslated_text(template.read_text()) == []
