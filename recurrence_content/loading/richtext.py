"""Rejects rich text that Wagtail's own cleaning would change.

A content file is trusted no more than an editor's browser: its HTML must be
exactly what Wagtail's rich-text whitelist keeps for the block's features, so
nothing (a ``<script>``, an ``onclick``, a ``javascript:`` link) is silently
dropped or, worse, stored.
"""

from bs4 import BeautifulSoup, Comment
from django.utils.html import escape
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter


def rich_text_problems(html: str, features: list[str] | None) -> list[str]:
    """Describe each piece of markup Wagtail would remove from ``html``."""
    whitelister = EditorHTMLConverter(features).whitelister
    doc = BeautifulSoup(html, "html.parser")
    problems = []
    if doc.find(string=lambda node: isinstance(node, Comment)):
        problems.append("an HTML comment")
    for tag in doc.find_all(True):
        rule = whitelister.element_rules.get(tag.name)
        if rule is None:
            problems.append(f"the <{tag.name}> element")
            continue
        # Apply Wagtail's own attribute rule to a copy and see what it drops.
        probe = doc.new_tag(tag.name, attrs=dict(tag.attrs))
        rule(probe)
        for name, value in tag.attrs.items():
            if probe.attrs.get(name) != value:
                problems.append(f'{name}="{value}" on <{tag.name}>')
    if not problems:
        # Anything else the whitelister rewrites (e.g. <div> into <p>).
        if whitelister.clean(html) != doc.decode(formatter=escape):
            problems.append("markup Wagtail's editor would rewrite")
    return problems
