"""Loading articles together with their shipped translations, in one transaction."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from django.db import transaction

from ..indexing import index_once
from ..page_model import has_custom_base_page
from ..translation.apply import ApplyResult
from .errors import LoadError
from .loader import LoadResult, load_files
from .plan import PLAN_FORMAT, article_document, plan_lines
from .shipped_translations import (
    apply_shipped_translations,
    check_shipped_translations,
)
from .targets import resolve_locale, starter_address_warning


@dataclass
class LoadReport:
    """What one run did: the articles loaded, and the translations applied."""

    articles: list[LoadResult]
    translations: list[ApplyResult] = field(default_factory=list)
    planned_translations: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The lines the load command prints, one per article and translation."""
        lines = []
        for result in self.articles:
            lines.append(result.line())
            if result.dry_run:
                lines += plan_lines(result)
        lines += [result.summary() for result in self.translations]
        lines += [f"[dry run] would apply {plan}" for plan in self.planned_translations]
        warning = starter_address_warning()
        if warning and any(result.url for result in self.articles):
            lines.append(warning)
        return lines

    def document(self) -> dict[str, Any]:
        """The run as the stable JSON document of ``--format json``."""
        return {
            "format": PLAN_FORMAT,
            "dry_run": any(result.dry_run for result in self.articles),
            "articles": [article_document(result) for result in self.articles],
            "translations": [
                {
                    "language": result.language_code,
                    "page_id": result.page.id,
                    "summary": result.summary(),
                }
                for result in self.translations
            ],
            "planned_translations": self.planned_translations,
        }


def parse_languages(value: str) -> list[str] | Literal["all"]:
    """``"all"`` or a comma-separated list of language codes, as typed."""
    if value.strip() == "all":
        return "all"
    return [code.strip() for code in value.split(",") if code.strip()]


@transaction.atomic
@index_once()
def load_with_translations(
    paths: Iterable[str | Path] | None = None,
    *,
    translations: list[str] | Literal["all"] | None = None,
    publish: bool = False,
    dry_run: bool = False,
    **load_options,
) -> LoadReport:
    """Load articles, then apply their shipped translations, all or nothing.

    Translations are drafts unless ``publish``; any error (LoadError or
    TranslationApplyError) rolls back the whole run.
    """
    if translations and has_custom_base_page():
        # wagtail-localize 1.14 queries wagtail.models.Page, which such a site
        # has swapped out: it would fail halfway through with a traceback.
        raise LoadError(
            "shipped translations cannot be applied on a site with a custom base "
            "page model (WAGTAIL_PAGE_MODEL): wagtail-localize 1.14 does not "
            "support one (see the README); load without --translations"
        )
    report = LoadReport(
        load_files(paths, publish=publish, dry_run=dry_run, **load_options)
    )
    if not translations:
        return report
    for result in report.articles:
        if dry_run:
            report.planned_translations += _planned(
                result, translations, load_options.get("locale")
            )
            continue
        report.translations += apply_shipped_translations(
            result.page.specific, translations, publish=publish
        )
    return report


def _planned(
    result: LoadResult, translations: list[str] | Literal["all"], locale: str | None
) -> list[str]:
    """A dry run's plan for one article's translations, each file checked as the
    real run checks it (the same TranslationApplyError)."""
    if result.page is None:  # to be created: the file says what it will be
        article, title = result.article, result.article.title
        source_language = resolve_locale(locale or article.locale).language_code
    else:
        article = result.page.specific
        title, source_language = article.title, article.locale.language_code
    return [
        f"{code} translation of “{title}”"
        for code in check_shipped_translations(article, translations, source_language)
    ]
