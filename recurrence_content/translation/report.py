"""The "Article translations" report: every translated article in every language, with
its status, progress and last sync, built on Wagtail's report views (filters,
CSV and XLSX export) like Wagtail's own reports."""

from __future__ import annotations

import django_filters
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.models import Locale
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..admin_reports import ArticleReportView, ReportMenuItem
from ..admin_reports import report_urls as shared_report_urls
from ..models import PatientInfoPageMixin
from ..page_model import page_model
from .status import translation_statuses

Page = page_model()
URL_NAME = "recurrence_content_translation_report"
RESULTS_URL_NAME = "recurrence_content_translation_report_results"
# Who may see it: anyone who may edit pages, as for Wagtail's own page reports.


class TranslationReportFilterSet(WagtailFilterSet):
    """Filter the report by the translation's language."""

    locale = django_filters.ModelChoiceFilter(
        label=_("Language"), queryset=Locale.objects.all(), field_name="locale"
    )

    class Meta:
        model = Page
        fields = ["locale"]


def translated_articles(user):
    """The articles ``user`` may edit that are wagtail-localize translations (or
    aliases of an article in another language), with their source's title."""
    # Only when wagtail-localize is installed: check E002 reports it missing.
    from wagtail_localize.models import Translation, TranslationSource

    translations = Translation.objects.filter(
        source__object_id=OuterRef("translation_key"),
        target_locale_id=OuterRef("locale_id"),
        enabled=True,
    )
    source_title = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"),
        translations__target_locale_id=OuterRef("locale_id"),
    ).values("object_repr")[:1]
    return (
        PagePermissionPolicy()
        .instances_user_has_permission_for(user, "change")
        .type(PatientInfoPageMixin)
        .filter(Q(Exists(translations)) | Q(alias_of__isnull=False))
        .exclude(alias_of__locale_id=F("locale_id"))
        .annotate(source_title=Subquery(source_title))
        .select_related("locale", "alias_of")
        .order_by("translation_key", "locale__language_code")
    )


class TranslationReportView(ArticleReportView):
    """Article × language: status, progress, last synced, outdated."""

    # Named apart from wagtail-localize's own "Translations" report, which is
    # in the same menu and lists translation jobs rather than articles.
    page_title = _("Article translations")
    header_icon = "globe"
    filterset_class = TranslationReportFilterSet
    index_url_name = URL_NAME
    index_results_url_name = RESULTS_URL_NAME
    columns = [
        TitleColumn(
            "title", label=_("Translation"), url_name="wagtailadmin_pages:edit"
        ),
        Column("rc_source_title", label=_("Article")),
        Column("rc_language", label=_("Language")),
        # What readers get now: the live page's status, never "published"
        # for a page they cannot reach.
        Column("rc_status", label=_("Readers get")),
        Column("rc_progress", label=_("Progress")),
        DateColumn("rc_source_updated", label=_("Source updated")),
        # What the next publication still lacks (wagtail-localize's progress).
        Column("rc_draft", label=_("Newest version")),
        DateColumn("rc_last_synced", label=_("Last synced")),
        # Words, not Wagtail's BooleanColumn: its red cross for "not
        # outdated" reads as a problem.
        Column("rc_outdated_label", label=_("Outdated")),
    ]
    list_export = [
        "rc_source_title",
        "title",
        "rc_language",
        "rc_status",
        "rc_translated",
        "rc_total",
        "rc_source_updated",
        "rc_draft",
        "rc_last_synced",
        "rc_outdated",
    ]
    export_headings = {
        "rc_source_title": _("Article"),
        "title": _("Translation"),
        "rc_language": _("Language"),
        "rc_status": _("Readers get"),
        "rc_translated": _("Strings translated"),
        "rc_total": _("Strings"),
        "rc_source_updated": _("Source updated"),
        "rc_draft": _("Newest version"),
        "rc_last_synced": _("Last synced"),
        "rc_outdated": _("Outdated"),
    }

    def get_queryset(self):
        return translated_articles(self.request.user)

    def get_filename(self) -> str:
        return "translations"

    def decorate_paginated_queryset(self, pages):
        pages = list(pages)
        statuses = translation_statuses(pages)
        for page in pages:
            status = statuses[page.pk]
            page.rc_source_title = page.source_title or (
                page.alias_of.title if page.alias_of_id else ""
            )
            page.rc_language = page.locale.get_display_name()
            page.rc_status = status.status.label
            page.rc_translated = status.translated
            page.rc_total = status.total
            page.rc_progress = status.progress if status.is_live else ""
            page.rc_source_updated = status.source_updated_at
            page.rc_draft = status.draft_wording
            page.rc_last_synced = status.last_synced
            page.rc_outdated = status.source_changed
            page.rc_outdated_label = _("Yes") if status.source_changed else _("No")
        return pages


def report_urls() -> list:
    """The report's admin URLs (register_admin_urls)."""
    return shared_report_urls(
        TranslationReportView, "reports/translations/", URL_NAME, RESULTS_URL_NAME
    )


def report_menu_item() -> MenuItem:
    """The report's entry in the Reports menu (register_reports_menu_item)."""
    return ReportMenuItem(
        _("Article translations"),
        reverse(URL_NAME),
        name="recurrence-content-translations",
        icon_name="globe",
        order=1200,
    )
