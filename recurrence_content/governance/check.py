"""``recurrence_content_check``'s output: text for people, JSON for scripts.

The JSON shape is documented in docs/governance.md and versioned by its
``format`` key: keys are only ever added within one format.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

from django.utils import timezone

from .findings import ArticleCheck, Thresholds, article_pages, check_articles

JSON_FORMAT = 1


def as_json(
    checks: list[ArticleCheck], thresholds: Thresholds, today: datetime.date
) -> dict[str, Any]:
    """The check's result as plain JSON data."""
    failing = [check for check in checks if check.findings]
    return {
        "format": JSON_FORMAT,
        "checked_on": today.isoformat(),
        "thresholds": {
            "max_grade": thresholds.max_grade,
            "overdue": thresholds.overdue,
            "due_within_days": thresholds.due_within_days,
            "unreviewed": thresholds.unreviewed,
            "unlinked": thresholds.unlinked,
        },
        "articles_checked": len(checks),
        "problems": sum(len(check.findings) for check in failing),
        "articles": [_article(check) for check in failing],
    }


def _article(check: ArticleCheck) -> dict[str, Any]:
    page, level = check.page, check.reading_level
    return {
        "id": page.pk,
        "title": page.title,
        "language": page.locale.language_code,
        "url": page.get_full_url(),
        "live": page.live,
        "condition_name": page.condition_name,
        "review": {
            "status": str(check.review.state),
            "last_reviewed": _date(check.review.last_reviewed),
            "next_review_due": _date(check.review.next_review_due),
        },
        "reading_level": {
            "measured": bool(level.get("measured")),
            "grade": level.get("grade"),
            "ease": level.get("ease"),
            "grade_formula": level.get("grade_formula") or "",
            "ease_formula": level.get("ease_formula") or "",
        },
        "unlinked_links": check.unlinked_links,
        "findings": [
            {"kind": str(finding.kind), "message": finding.message}
            for finding in check.findings
        ],
    }


def _date(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def as_text(
    checks: list[ArticleCheck], thresholds: Thresholds, today: datetime.date
) -> str:
    """The check's result for a person reading a terminal or a CI log."""
    failing = [check for check in checks if check.findings]
    lines = [
        f"Checked {len(checks)} article(s) on {today.isoformat()} for: "
        f"{describe(thresholds)}."
    ]
    for check in failing:
        page = check.page
        lines.append(
            f"{page.title} [{page.locale.language_code}] "
            f"(page {page.pk}, {page.url or page.url_path})"
        )
        lines += [f"  - {finding.message}" for finding in check.findings]
    problems = sum(len(check.findings) for check in failing)
    if problems:
        lines.append(f"{problems} problem(s) in {len(failing)} article(s).")
    else:
        lines.append("No problems found.")
    return "\n".join(lines) + "\n"


def describe(thresholds: Thresholds) -> str:
    """The checks that ran, in words."""
    parts = []
    if thresholds.max_grade is not None:
        parts.append(f"reading grade above {thresholds.max_grade:g}")
    if thresholds.overdue:
        parts.append("overdue reviews")
    if thresholds.due_within_days is not None:
        parts.append(f"reviews due within {thresholds.due_within_days} days")
    if thresholds.unreviewed:
        parts.append("articles never reviewed")
    if thresholds.unlinked:
        parts.append("related links that lead nowhere")
    return ", ".join(parts)


def run_check(
    thresholds: Thresholds,
    *,
    locale: str | None = None,
    output: str = "text",
    today: datetime.date | None = None,
) -> tuple[str, bool]:
    """Check every article (in ``locale``); return the report and whether
    anything passed a threshold. No thresholds means every check."""
    if not thresholds.any():
        thresholds = Thresholds.everything()
    today = today or timezone.localdate()
    checks = check_articles(article_pages(locale), thresholds, today)
    if output == "json":
        text = json.dumps(as_json(checks, thresholds, today), indent=2) + "\n"
    else:
        text = as_text(checks, thresholds, today)
    return text, any(check.findings for check in checks)
