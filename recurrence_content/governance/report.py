"""The "Patient information review" report and its dashboard panel.

Every article the user may edit, with its review status, reading level and
related links that lead nowhere, built on Wagtail's report views (filters,
CSV and XLSX export) like Wagtail's own reports. The findings come from
``findings.check_article``, the function ``recurrence_content_check`` uses.
"""

from __future__ import annotations

from collections import Counter

import django_filters
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.models import Locale
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..admin_reports import ArticleReportView, ReportMenuItem, may_see_reports
from ..admin_reports import report_urls as shared_report_urls
from ..models import PatientInfoPageMixin
from ..page_model import page_model
from .findings import Kind, Thresholds, article_pages, check_article
from .readability import formula_label
from .review import ReviewState

Page = page_model()
URL_NAME = "recurrence_content_review_report"
RESULTS_URL_NAME = "recurrence_content_review_report_results"
# Who may see it: anyone who may edit pages, as for Wagtail's own page reports.

STATE_LABELS = {
    ReviewState.NEVER_REVIEWED: _("Never reviewed"),
    ReviewState.OVERDUE: _("Overdue"),
    ReviewState.DUE_SOON: _("Due soon"),
    ReviewState.CURRENT: _("Reviewed"),
}
KIND_LABELS = {
    Kind.OVERDUE: _("Review overdue"),
    Kind.DUE_SOON: _("Review due soon"),
    Kind.NEVER_REVIEWED: _("Never reviewed"),
    Kind.ABOVE_TARGET_GRADE: _("Above the target grade"),
    Kind.UNLINKED_LINK: _("Related link leads nowhere"),
}


def editable_articles(user):
    """The articles (aliases left to their original) ``user`` may edit."""
    return (
        PagePermissionPolicy()
        .instances_user_has_permission_for(user, "change")
        .type(PatientInfoPageMixin)
        .filter(alias_of__isnull=True)
        .select_related("locale")
        .order_by("path")
    )


def _checks(pages):
    thresholds = Thresholds.everything()
    return {page.pk: check_article(page, thresholds) for page in pages.specific()}


def _condition_choices():
    names = {page.condition_name for page in article_pages() if page.condition_name}
    return [(name, name) for name in sorted(names)]


class ReviewReportFilterSet(WagtailFilterSet):
    """Filter by what needs doing, language and condition."""

    problem = django_filters.ChoiceFilter(
        label=_("Needs attention"),
        choices=[(str(kind), label) for kind, label in KIND_LABELS.items()],
        method="filter_problem",
    )
    locale = django_filters.ModelChoiceFilter(
        label=_("Language"), queryset=Locale.objects.all(), field_name="locale"
    )
    condition = django_filters.ChoiceFilter(
        label=_("Condition"), choices=_condition_choices, method="filter_condition"
    )

    class Meta:
        model = Page
        fields = ["problem", "locale", "condition"]

    def filter_problem(self, queryset, name, value):
        # Reading level and links are measured per page, not queried.
        checks = _checks(queryset)
        return queryset.filter(
            pk__in=[pk for pk, check in checks.items() if check.has(Kind(value))]
        )

    def filter_condition(self, queryset, name, value):
        # condition_name lives on each article type's own table.
        return queryset.filter(
            pk__in=[
                page.pk for page in queryset.specific() if page.condition_name == value
            ]
        )


class DueDateColumn(Column):
    """A date still to come or already past, shown as a date (Wagtail's
    DateColumn says "Just now" for any future date), marked overdue once it
    has passed."""

    cell_template_name = "recurrence_content/admin/due_date_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        # Read here, as Wagtail before 7.1 puts no raw_value in the context.
        due = context["raw_value"] = self.get_value(instance)
        context["overdue"] = bool(due) and due < timezone.localdate()
        return context


class ReviewReportView(ArticleReportView):
    """Article × language: review status, next review, reading grade, links."""

    page_title = _("Patient information review")
    header_icon = "calendar-check"
    filterset_class = ReviewReportFilterSet
    index_url_name = URL_NAME
    index_results_url_name = RESULTS_URL_NAME
    columns = [
        TitleColumn("title", label=_("Article"), url_name="wagtailadmin_pages:edit"),
        Column("rc_language", label=_("Language")),
        Column("rc_condition", label=_("Condition")),
        Column("rc_review", label=_("Review")),
        DateColumn("rc_last_reviewed", label=_("Last reviewed")),
        DueDateColumn("rc_next_review_due", label=_("Next review due")),
        Column("rc_grade", label=_("Reading grade")),
        Column("rc_findings", label=_("Needs attention")),
    ]
    list_export = [
        "title",
        "rc_language",
        "rc_condition",
        "rc_review",
        "rc_last_reviewed",
        "rc_next_review_due",
        "rc_grade",
        "rc_ease",
        "rc_grade_formula",
        "rc_unlinked_links",
        "rc_findings",
    ]
    export_headings = {
        "title": _("Article"),
        "rc_language": _("Language"),
        "rc_condition": _("Condition"),
        "rc_review": _("Review"),
        "rc_last_reviewed": _("Last reviewed"),
        "rc_next_review_due": _("Next review due"),
        "rc_grade": _("Reading grade"),
        "rc_ease": _("Reading ease"),
        "rc_grade_formula": _("Grade formula"),
        "rc_unlinked_links": _("Related links that lead nowhere"),
        "rc_findings": _("Needs attention"),
    }

    def get_queryset(self):
        return editable_articles(self.request.user)

    def get_filename(self) -> str:
        return "patient-information-review"

    def decorate_paginated_queryset(self, pages):
        pages = list(pages)
        checks = _checks(Page.objects.filter(pk__in=[page.pk for page in pages]))
        not_measured = _("Not measured")
        for page in pages:
            check = checks[page.pk]
            level = check.reading_level
            page.rc_language = page.locale.get_display_name()
            page.rc_condition = check.page.condition_name
            page.rc_review = STATE_LABELS[check.review.state]
            page.rc_last_reviewed = check.review.last_reviewed
            page.rc_next_review_due = check.review.next_review_due
            page.rc_grade = level["grade"] if level.get("measured") else not_measured
            page.rc_ease = level["ease"] if level.get("measured") else not_measured
            page.rc_grade_formula = (
                formula_label(level["grade_formula"])
                if level.get("grade_formula")
                else ""
            )
            page.rc_unlinked_links = "; ".join(check.unlinked_links)
            page.rc_findings = "; ".join(
                sorted({str(KIND_LABELS[finding.kind]) for finding in check.findings})
            )
        return pages


def report_urls() -> list:
    """The report's admin URLs (register_admin_urls)."""
    return shared_report_urls(
        ReviewReportView,
        "reports/patient-information-review/",
        URL_NAME,
        RESULTS_URL_NAME,
    )


def report_menu_item() -> MenuItem:
    """The report in Wagtail's Reports menu."""
    return ReportMenuItem(
        _("Patient information review"),
        reverse(URL_NAME),
        name="recurrence-content-review",
        icon_name="calendar-check",
        order=1210,
    )


class ReviewDashboardPanel(Component):
    """Counts of what needs attention, linking to the filtered report."""

    name = "recurrence_content_review"
    template_name = "recurrence_content/admin/review_dashboard_panel.html"
    order = 250

    def __init__(self, user) -> None:
        self.user = user

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        counts = Counter(
            finding.kind
            for check in _checks(editable_articles(self.user)).values()
            for finding in {f.kind: f for f in check.findings}.values()
        )
        url = reverse(URL_NAME)
        context["rows"] = [
            (label, counts.get(kind, 0), f"{url}?problem={kind}")
            for kind, label in KIND_LABELS.items()
        ]
        context["report_url"] = url
        return context


def dashboard_panel(request) -> ReviewDashboardPanel | None:
    """The panel for users who may see the report."""
    if not may_see_reports(request.user):
        return None
    return ReviewDashboardPanel(request.user)
