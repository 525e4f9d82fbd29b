"""What needs a clinician's or an editor's attention, article by article.

One function for the "Patient information review" report, its dashboard panel
and ``manage.py recurrence_content_check``, so they never disagree: a review
overdue or due soon, an article never reviewed, a reading level above the
target grade, a related link that leads nowhere.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from wagtail import blocks
from wagtail.models import AbstractPage

from ..blocks.related_link import RelatedLinkBlock
from ..conf import get_setting
from ..models import PatientInfoPageMixin
from ..page_model import page_model
from . import readability
from .review import ReviewState, ReviewStatus, review_status


class Kind(enum.StrEnum):
    """A kind of finding; the values are part of the check's JSON."""

    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    NEVER_REVIEWED = "never_reviewed"
    ABOVE_TARGET_GRADE = "above_target_grade"
    UNLINKED_LINK = "unlinked_link"


@dataclass(frozen=True)
class Thresholds:
    """Which findings count. ``None``/``False`` leaves that check out."""

    max_grade: float | None = None
    overdue: bool = False
    due_within_days: int | None = None
    unreviewed: bool = False
    unlinked: bool = False

    @classmethod
    def everything(cls) -> Thresholds:
        """Every check at the site's settings: what the report shows."""
        return cls(
            max_grade=readability.target_grade(),
            overdue=True,
            due_within_days=get_setting("REVIEW_DUE_SOON_DAYS"),
            unreviewed=True,
            unlinked=True,
        )

    def any(self) -> bool:
        return (
            self.max_grade is not None
            or self.overdue
            or self.due_within_days is not None
            or self.unreviewed
            or self.unlinked
        )


@dataclass(frozen=True)
class Finding:
    """One problem with one article, in words a script can show as is."""

    kind: Kind
    message: str


@dataclass
class ArticleCheck:
    """An article, what was measured, and what passed a threshold."""

    page: AbstractPage
    review: ReviewStatus
    reading_level: dict[str, Any]
    unlinked_links: list[str]
    findings: list[Finding] = field(default_factory=list)

    def has(self, kind: Kind) -> bool:
        return any(finding.kind == kind for finding in self.findings)


def article_pages(locale: str | None = None, condition: str | None = None):
    """Every article (any page type built on PatientInfoPageMixin), aliases
    left to their original, optionally in one language or about one condition."""
    pages = (
        page_model()
        .objects.type(PatientInfoPageMixin)
        .filter(alias_of__isnull=True)
        .select_related("locale")
        .order_by("path", "locale__language_code")
    )
    if locale:
        pages = pages.filter(locale__language_code=locale)
    pages = pages.specific()
    if condition is not None:
        # condition_name lives on each concrete page type's own table.
        return [page for page in pages if page.condition_name == condition]
    return list(pages)


def unlinked_links(page: Any) -> list[str]:
    """Titles of the page's related links that lead nowhere: no page and no
    URL (the shipped article's, until a hospital links them), or a page that
    is no longer live."""
    titles = []
    for value in _related_links(
        page._meta.get_field("body").stream_block, page.body or []
    ):
        target = value.get("page")
        if value.get("url") or (target is not None and target.live):
            continue
        titles.append(value.get("title") or "")
    return titles


def _related_links(block: Any, value: Any) -> Iterator[Any]:
    if value is None:
        return
    if isinstance(block, RelatedLinkBlock):
        yield value
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from _related_links(child.block, child.value)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from _related_links(block.child_block, item)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from _related_links(child_block, value.get(name))


def check_article(
    page: Any, thresholds: Thresholds, today: datetime.date | None = None
) -> ArticleCheck:
    """Measure one article and list what passes ``thresholds``."""
    today = today or timezone.localdate()
    due_within = thresholds.due_within_days
    status = review_status(page, today, due_within if due_within is not None else 0)
    level = readability.reading_level_of(page)
    check = ArticleCheck(page, status, level, unlinked_links(page))
    add = check.findings.append
    # An overdue review is also due within any number of days.
    overdue_counts = thresholds.overdue or due_within is not None
    if overdue_counts and status.state == ReviewState.OVERDUE:
        add(
            Finding(
                Kind.OVERDUE,
                f"review overdue: the next review was due on "
                f"{status.next_review_due.isoformat()}",
            )
        )
    if due_within is not None and status.state == ReviewState.DUE_SOON:
        add(
            Finding(
                Kind.DUE_SOON,
                f"review due within {due_within} days: on "
                f"{status.next_review_due.isoformat()}",
            )
        )
    if thresholds.unreviewed and status.state == ReviewState.NEVER_REVIEWED:
        add(Finding(Kind.NEVER_REVIEWED, "never reviewed: no clinical review recorded"))
    if thresholds.max_grade is not None and readability.above_target(
        level, thresholds.max_grade
    ):
        add(Finding(Kind.ABOVE_TARGET_GRADE, _grade_message(level, thresholds)))
    if thresholds.unlinked:
        for title in check.unlinked_links:
            add(
                Finding(
                    Kind.UNLINKED_LINK,
                    f"related link “{title}” leads nowhere: choose a page or a URL",
                )
            )
    return check


def _grade_message(level: dict[str, Any], thresholds: Thresholds) -> str:
    message = (
        f"reading level: grade {level['grade']:g} is above {thresholds.max_grade:g} "
        f"({level['grade_formula']}; reading ease {level['ease']:g})"
    )
    hardest = [
        block
        for block in level.get("blocks", [])
        if block.get("grade") is not None and block["grade"] > thresholds.max_grade
    ]
    if hardest:
        block = max(hardest, key=lambda b: b["grade"])
        message += (
            f"; hardest block: #{block['index'] + 1} {block['type']}, "
            f"grade {block['grade']:g}, “{block['excerpt']}”"
        )
    return message


def check_articles(
    pages: Iterable[Any], thresholds: Thresholds, today: datetime.date | None = None
) -> list[ArticleCheck]:
    """``check_article`` for each page, in order."""
    today = today or timezone.localdate()
    return [check_article(page, thresholds, today) for page in pages]
