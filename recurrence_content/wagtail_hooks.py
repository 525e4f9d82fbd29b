"""Wagtail admin hooks. Each feature registers itself in its own function."""

from django.apps import apps
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from .governance import report as review_report
from .governance.editing import RecordReviewMenuItem, record_after_edit
from .governance.recording import RECORD_REVIEW_ACTION
from .loading.updates import MERGE_ACTION, RESOLVE_ACTION, WITHDRAW_ACTION
from .translation import report as translation_report
from .updates import report as updates_report
from .updates import views as updates_views

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


@hooks.register("register_log_actions")
def register_translation_log_actions(actions) -> None:
    """Register the audit-log action of a translation kept as a draft."""
    if not apps.is_installed("wagtail_localize"):
        return
    # Imports wagtail-localize's models, so only when it is installed.
    from .translation.holding import HELD_ACTION, TranslationHeldFormatter

    actions.register_action(HELD_ACTION)(TranslationHeldFormatter)


# Before wagtail-localize's own URLs (order 0), so its sync form answers here.
@hooks.register("register_admin_urls", order=-1)
def register_sync_urls() -> list:
    """wagtail-localize's sync form, saying which translations were kept as drafts."""
    if not apps.is_installed("wagtail_localize"):
        return []
    # Imports wagtail-localize's views, so only when it is installed.
    from .translation.sync import sync_urls

    return sync_urls()


@hooks.register("register_page_action_menu_item")
def register_record_review_menu_item():
    """“Record clinical review” in an article's action menu."""
    return RecordReviewMenuItem()


@hooks.register("after_edit_page")
@hooks.register("after_create_page")
def record_review_after_edit(request, page):
    """Record the review an editor saved in the “Clinical review” panel."""
    return record_after_edit(request, page)


@hooks.register("register_admin_urls")
def register_review_report_urls() -> list:
    """The "Patient information review" report's admin URLs."""
    return review_report.report_urls()


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    """The "Patient information review" report in Wagtail's Reports menu."""
    return review_report.report_menu_item()


@hooks.register("construct_homepage_panels")
def add_review_dashboard_panel(request, panels) -> None:
    """Counts of articles needing review or simpler wording, on the dashboard."""
    panel = review_report.dashboard_panel(request)
    if panel is not None:
        panels.append(panel)


# --- Translation status (docs/translation.md) ---


@hooks.register("register_admin_urls")
def register_translation_report_urls() -> list:
    """The "Article translations" report's admin URLs."""
    return translation_report.report_urls()


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    """The "Article translations" report in Wagtail's Reports menu."""
    return translation_report.report_menu_item()


# --- New versions merged into edited pages (docs/updates.md) ---


class MergeFormatter(LogFormatter):
    """“New version merged: 2 taken, 1 conflict”, in page history."""

    label = _("Merge new version")

    def format_message(self, log_entry) -> str:
        data = log_entry.data or {}
        counts = ", ".join(
            f"{data[action]} {action}"
            for action in ("taken", "kept", "merged", "added", "removed", "conflict")
            if data.get(action)
        )
        return _("New version merged into a draft: %(counts)s") % {
            "counts": counts or _("nothing new to take")
        }


class ResolveConflictFormatter(LogFormatter):
    """Which conflict an editor resolved, and how."""

    label = _("Resolve merge conflict")

    def format_message(self, log_entry) -> str:
        data = log_entry.data or {}
        what = data.get("block_type") or data.get("field", "")
        if data.get("resolution") == "upstream":
            return _("Conflict in %(what)s resolved: used the new version") % {
                "what": what
            }
        return _("Conflict in %(what)s resolved: kept ours") % {"what": what}


class WithdrawFormatter(LogFormatter):
    """The article was withdrawn where it came from; the page was left alone."""

    label = _("Withdrawn at source")

    def format_message(self, log_entry) -> str:
        return _("Withdrawn at its source; this page was left as it is")


@hooks.register("register_log_actions")
def register_update_log_actions(actions) -> None:
    """Register the audit-log actions of merges, resolutions and withdrawals."""
    actions.register_action(MERGE_ACTION)(MergeFormatter)
    actions.register_action(RESOLVE_ACTION)(ResolveConflictFormatter)
    actions.register_action(WITHDRAW_ACTION)(WithdrawFormatter)


@hooks.register("insert_editor_css")
def editor_css() -> str:
    """The conflict panel's layout and its marked differences."""
    return format_html(
        '<link rel="stylesheet" href="{}">',
        static("recurrence_content/css/admin.css"),
    )


@hooks.register("register_admin_urls")
def register_updates_urls() -> list:
    """The "Content updates" report and the conflict panel's actions."""
    return updates_report.report_urls() + updates_views.admin_urls()


@hooks.register("register_reports_menu_item")
def register_updates_report_menu_item():
    """The "Content updates" report in Wagtail's Reports menu."""
    return updates_report.report_menu_item()
