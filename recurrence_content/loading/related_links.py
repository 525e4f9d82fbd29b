"""Point an article's related links at a hospital's own pages while loading.

The shipped article names further reading (“Read also: Is cancer hereditary?”)
with no target, because only the hospital knows where its own page is. A link
is named by its title's slug (``is-cancer-hereditary``) and given a target: a
URL path or ID of a page on the default site, or an ``http(s)`` address.
"""

import dataclasses
import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.text import slugify

from ..blocks.web_address import web_address
from .errors import LoadError
from .fileformat import ArticleFile
from .targets import resolve_page


def link_key(title: str) -> str:
    """The name a related link goes by on the command line: its title's slug."""
    return slugify(title)


def related_link_keys(article: ArticleFile) -> list[str]:
    """The names of the article's related links, in the order they appear."""
    return [
        link_key(block["value"]["title"])
        for block in article.body
        if block["type"] == "related_link"
    ]


def parse_link_options(options: Iterable[str]) -> dict[str, str]:
    """``["is-cancer-hereditary=/cancer-care/is-cancer-hereditary/"]`` as a dict."""
    links = {}
    for option in options:
        key, sep, target = option.partition("=")
        if not sep or not key.strip() or not target.strip():
            raise LoadError(
                f"--link {option!r} is not NAME=TARGET; write e.g. "
                "--link is-cancer-hereditary=/cancer-care/is-cancer-hereditary/"
            )
        links[key.strip()] = target.strip()
    return links


def read_link_file(path: str | Path) -> dict[str, str]:
    """A JSON object of ``{"link name": "target"}``."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LoadError(f"--links {path}: no such file") from None
    except (OSError, ValueError) as exc:
        raise LoadError(f"--links {path}: not a readable JSON file ({exc})") from None
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise LoadError(
            f'--links {path}: write a JSON object such as {{"is-cancer-hereditary": '
            '"/cancer-care/is-cancer-hereditary/"}'
        )
    return data


def link_value(target: str) -> dict:
    """The ``page``/``url`` pair a related link block stores for ``target``."""
    if target.startswith(("http://", "https://")):
        try:
            return {"page": None, "url": web_address(target)}
        except ValidationError as error:
            raise LoadError(f"link target {target}: {error.messages[0]}") from None
    return {"page": resolve_page(target, "link target").id, "url": ""}


def apply_links(
    articles: list[ArticleFile], links: Mapping[str, str]
) -> list[ArticleFile]:
    """The articles with their named related links pointed at their targets.

    Every name must belong to one of the articles, so a typo is an error rather
    than a link silently left without a target.
    """
    if not links:
        return articles
    check_link_names(
        {key for article in articles for key in related_link_keys(article)}, links
    )
    values = link_values(links)
    return [with_links(article, values) for article in articles]


def check_link_names(known: set[str], links: Mapping[str, str]) -> None:
    """Raise LoadError naming each of ``links`` that is not in ``known``."""
    unknown = sorted(set(links) - known)
    if unknown:
        raise LoadError(
            f"no related link named {', '.join(map(repr, unknown))} in the "
            f"article; its related links are: {', '.join(sorted(known)) or 'none'}"
        )


def link_values(links: Mapping[str, str]) -> dict[str, dict]:
    """Each link name's ``page``/``url`` pair (``link_value``)."""
    return {key: link_value(target) for key, target in links.items()}


def with_links(article: ArticleFile, values: Mapping[str, dict]) -> ArticleFile:
    """``article`` with its related links named in ``values`` given targets."""
    if not values:
        return article
    return dataclasses.replace(
        article,
        body=[
            _with_target(block, values) if block["type"] == "related_link" else block
            for block in article.body
        ],
    )


def _with_target(block: dict, values: Mapping[str, dict]) -> dict:
    target = values.get(link_key(block["value"]["title"]))
    if target is None:
        return block
    return {**block, "value": {**block["value"], **target}}
