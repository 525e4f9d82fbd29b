"""Wagtail admin hooks. Each feature registers itself in its own function."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from .governance.recording import RECORD_REVIEW_ACTION

# --- Clinical governance (docs/governance.md) ---


class ReviewRecordedFormatter(LogFormatter):
    """“Clinical review recorded” with its dates, in page history and reports."""

    label = _("Record clinical review")

    def format_message(self, log_entry) -> str:
        data = log_entry.data or {}
        return _(
            "Clinical review recorded: reviewed on %(date)s, next review due %(due)s"
        ) % {
            "date": data.get("last_reviewed", ""),
            "due": data.get("next_review_due", ""),
        }


@hooks.register("register_log_actions")
def register_review_log_actions(actions) -> None:
    """Register the audit-log action of a recorded review."""
    actions.register_action(RECORD_REVIEW_ACTION)(ReviewRecordedFormatter)
