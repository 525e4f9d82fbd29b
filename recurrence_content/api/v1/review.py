"""The feed's review fields: kept apart from the block schemas in schemas.py.

``review`` says who checked an article and when, ``sources`` what it rests
on, ``reading_level`` how hard its text is to read. A page never reviewed has ``last_reviewed: null`` and no reviewers; the
feed never fills them in.
"""

from __future__ import annotations

import datetime
from typing import Any, Literal

from ninja import Schema
from pydantic import Field

from ...governance import display, readability
from ...governance.review import review_status


class Reviewer(Schema):
    """Someone who checked the article; role and organisation may be ""."""

    name: str
    role: str
    organisation: str


class Source(Schema):
    """A source the article rests on; publisher and url may be ""."""

    title: str
    publisher: str
    url: str
    accessed: datetime.date | None


class Review(Schema):
    """The article's clinical review, the same in every language."""

    status: Literal["never_reviewed", "overdue", "due_soon", "current"] = Field(
        description="never_reviewed when the hospital has recorded no review."
    )
    last_reviewed: datetime.date | None
    next_review_due: datetime.date | None
    reviewers: list[Reviewer]
    never_reviewed_text: str = Field(
        description="What the page says instead of dates when never reviewed, "
        'in the article\'s language; "" once reviewed.'
    )


class ReadingLevel(Schema):
    """The article's reading level, measured from its text in its language."""

    language: str
    measured: bool = Field(
        description="false for a language with no formula made for it (e.g. "
        "Arabic, Chinese): grade and ease are then null, never a guess."
    )
    grade: float | None = Field(description="School grade (US) of the text.")
    ease: float | None = Field(description="Reading ease, 0-100: higher is easier.")
    grade_formula: Literal["flesch_kincaid_grade", "crawford", ""]
    ease_formula: Literal["flesch_reading_ease", "szigriszt_pazos", ""]
    target_grade: float = Field(description="RECURRENCE_CONTENT_TARGET_GRADE.")
    above_target: bool


def reading_level(page: Any) -> dict[str, Any]:
    """The ``reading_level`` key: the stored figures and the site's target."""
    level = readability.reading_level_of(page)
    return {
        "language": level.get("language") or page.locale.language_code,
        "measured": bool(level.get("measured")),
        "grade": level.get("grade"),
        "ease": level.get("ease"),
        "grade_formula": level.get("grade_formula") or "",
        "ease_formula": level.get("ease_formula") or "",
        "target_grade": readability.target_grade(),
        "above_target": readability.above_target(level),
    }


def review_fields(page: Any, site=None) -> dict[str, Any]:
    """The ``condition_name``, ``audience``, ``review``, ``sources`` and
    ``reading_level`` keys."""
    status = review_status(page)
    return {
        "condition_name": getattr(page, "condition_name", "") or "",
        "audience": getattr(page, "audience", "") or "patients",
        "review": {
            "status": str(status.state),
            "last_reviewed": status.last_reviewed,
            "next_review_due": status.next_review_due,
            "reviewers": display.reviewers(page),
            "never_reviewed_text": ""
            if status.is_reviewed
            else display.never_reviewed_text(page, site),
        },
        "sources": display.sources(page),
        "reading_level": reading_level(page),
    }
