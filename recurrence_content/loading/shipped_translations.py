"""The translations shipped with the package: ``fixtures/translations/<slug>.<lang>.po``."""

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from django.db import transaction
from wagtail.models import AbstractPage

from ..indexing import index_once
from ..translation.apply import (
    ApplyResult,
    TranslationApplyError,
    check_po,
    content_language,
    served_language,
)
from .fileformat import ArticleFile
from .po_merge import merge_po
from .shipped import shipped_dir, shipped_files


def translations_dir() -> Path:
    """Where shipped PO files live: ``translations/`` in the shipped content dir."""
    return shipped_dir() / "translations"


def shipped_name(page: AbstractPage | ArticleFile) -> str:
    """The shipped file name (without extension) of the article ``page`` came from.

    Found by translation key, so a site that changed the page's slug still
    gets its translations; falls back to the page's slug. An article file
    (not on the site yet) is found the same way.
    """
    for path in shipped_files():
        try:
            key = json.loads(path.read_text(encoding="utf-8")).get("translation_key")
        except (OSError, ValueError):
            continue
        if key == str(page.translation_key):
            return path.stem
    return page.slug


def shipped_languages(slug: str) -> dict[str, Path]:
    """``{language_code: po_path}`` for every shipped translation of an article."""
    return {
        path.name[len(slug) + 1 : -len(".po")]: path
        for path in sorted(translations_dir().glob(f"{slug}.*.po"))
    }


def _chosen(name: str, languages: Iterable[str] | Literal["all"]) -> dict[str, Path]:
    """``{language_code: po_path}`` of the shipped files to apply, in order."""
    shipped = shipped_languages(name)
    if languages == "all":
        return {code: path for code, path in shipped.items() if content_language(code)}
    wanted = list(dict.fromkeys(languages))
    not_shipped = [code for code in wanted if code not in shipped]
    if not_shipped:
        raise TranslationApplyError(
            f"No shipped translation of “{name}” into "
            f"{', '.join(not_shipped)}. Shipped: "
            f"{', '.join(shipped) or 'none'} (in {translations_dir()})."
        )
    return {code: shipped[code] for code in wanted}


@transaction.atomic
@index_once()
def apply_shipped_translations(
    source_page: AbstractPage,
    languages: Iterable[str] | Literal["all"],
    *,
    publish: bool = False,
    user=None,
) -> list[ApplyResult]:
    """Apply the shipped PO files of ``source_page`` for ``languages``.

    ``"all"`` applies every shipped language the site serves and skips the
    others. A language asked for by name must be shipped and configured,
    otherwise TranslationApplyError says which, and nothing is applied.
    """
    return [
        merge_po(source_page, language, path, publish=publish, user=user)
        for language, path in _chosen(shipped_name(source_page), languages).items()
    ]


def check_shipped_translations(
    article: AbstractPage | ArticleFile,
    languages: Iterable[str] | Literal["all"],
    source_language: str,
) -> list[str]:
    """The languages ``apply_shipped_translations`` would apply to ``article``.

    Each file is checked as ``apply_po`` checks it before writing (the
    language is served, the file reads, no string would be refused), and the
    same TranslationApplyError raised; nothing is written. For dry runs.
    """
    chosen = _chosen(shipped_name(article), languages)
    for language, path in chosen.items():
        check_po(path, served_language(language), source_language)
    return list(chosen)
