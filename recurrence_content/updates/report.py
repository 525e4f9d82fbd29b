"""The "Content updates" report: articles with a merged draft waiting for
review, open conflicts, or withdrawn at their source; Wagtail's report views
(CSV and XLSX export) as for the app's other reports."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..admin_reports import PERMISSIONS, ReportMenuItem
from ..admin_reports import report_urls as shared_report_urls
from ..models import (
    LoadedContent,
    LoadedTranslation,
    MergeConflict,
    PatientInfoPageMixin,
)
from ..page_model import page_model

Page = page_model()
URL_NAME = "recurrence_content_updates_report"
RESULTS_URL_NAME = "recurrence_content_updates_report_results"


def pages_with_updates(user):
    """The articles ``user`` may edit that an editor should look at after a
    new version: a merged draft not yet published, open conflicts, or withdrawn
    (the article, or only this translation of it)."""
    record = LoadedContent.objects.filter(page_id=OuterRef("pk"))
    translation = LoadedTranslation.objects.filter(
        translation_key=OuterRef("translation_key"), locale_id=OuterRef("locale_id")
    )
    conflicts = (
        MergeConflict.objects.filter(page_id=OuterRef("pk"), resolved_at__isnull=True)
        .order_by()
        .values("page_id")
        .annotate(count=Count("id"))
        .values("count")
    )
    return (
        PagePermissionPolicy()
        .instances_user_has_permission_for(user, "change")
        .type(PatientInfoPageMixin)
        .annotate(
            rc_open_conflicts=Coalesce(Subquery(conflicts), 0),
            rc_merged=Exists(record.filter(merged_revision__isnull=False)),
            rc_withdrawn_at=Coalesce(
                Subquery(record.values("withdrawn_at")[:1]),
                Subquery(translation.values("withdrawn_at")[:1]),
            ),
        )
        .filter(
            Q(rc_open_conflicts__gt=0)
            | Q(rc_merged=True, has_unpublished_changes=True)
            | Q(rc_withdrawn_at__isnull=False)
        )
        .select_related("locale")
        .order_by("title", "locale__language_code")
    )


class ContentUpdatesReportView(ReportView):
    """Article: merged draft waiting, open conflicts, withdrawn at source."""

    page_title = _("Content updates")
    header_icon = "download"
    index_url_name = URL_NAME
    index_results_url_name = RESULTS_URL_NAME
    permission_policy = PagePermissionPolicy()
    any_permission_required = PERMISSIONS
    model = Page
    columns = [
        TitleColumn("title", label=_("Article"), url_name="wagtailadmin_pages:edit"),
        Column("rc_language", label=_("Language")),
        BooleanColumn("rc_draft_waiting", label=_("Merged draft waiting")),
        Column("rc_open_conflicts", label=_("Open conflicts")),
        DateColumn("rc_withdrawn_at", label=_("Withdrawn at source")),
    ]
    list_export = [
        "title",
        "rc_language",
        "rc_draft_waiting",
        "rc_open_conflicts",
        "rc_withdrawn_at",
    ]
    export_headings = {
        "title": _("Article"),
        "rc_language": _("Language"),
        "rc_draft_waiting": _("Merged draft waiting"),
        "rc_open_conflicts": _("Open conflicts"),
        "rc_withdrawn_at": _("Withdrawn at source"),
    }

    def get_queryset(self):
        return pages_with_updates(self.request.user)

    def get_filename(self) -> str:
        return "content-updates"

    def decorate_paginated_queryset(self, pages):
        pages = list(pages)
        for page in pages:
            page.rc_language = page.locale.get_display_name()
            page.rc_draft_waiting = page.rc_merged and page.has_unpublished_changes
        return pages


def report_urls() -> list:
    """The report's admin URLs (register_admin_urls)."""
    return shared_report_urls(
        ContentUpdatesReportView, "reports/content-updates/", URL_NAME, RESULTS_URL_NAME
    )


def report_menu_item() -> MenuItem:
    """The report's entry in the Reports menu (register_reports_menu_item)."""
    return ReportMenuItem(
        _("Content updates"),
        reverse(URL_NAME),
        name="recurrence-content-updates",
        icon_name="download",
        order=1210,
    )
