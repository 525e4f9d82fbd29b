"""The translations shipped with the package: ``fixtures/translations/<slug>.<lang>.po``."""

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from django.db import transaction
from wagtail.models import AbstractPage

from ..loading.shipped import shipped_dir, shipped_files
from .apply import ApplyResult, TranslationApplyError, apply_po, content_language


def translations_dir() -> Path:
    """Where shipped PO files live: ``translations/`` in the shipped content dir."""
    return shipped_dir() / "translations"


def shipped_name(page: AbstractPage) -> str:
    """The shipped file name (without extension) of the article ``page`` came from.

    Found by translation key, so a site that changed the page's slug still
    gets its translations; falls back to the page's slug.
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


@transaction.atomic
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
    name = shipped_name(source_page)
    shipped = shipped_languages(name)
    if languages == "all":
        wanted = [code for code in shipped if content_language(code)]
    else:
        wanted = list(dict.fromkeys(languages))
        not_shipped = [code for code in wanted if code not in shipped]
        if not_shipped:
            raise TranslationApplyError(
                f"No shipped translation of “{name}” into "
                f"{', '.join(not_shipped)}. Shipped: "
                f"{', '.join(shipped) or 'none'} (in {translations_dir()})."
            )
    return [
        apply_po(source_page, language, shipped[language], publish=publish, user=user)
        for language in wanted
    ]
