"""What the app's admin reports share: who sees them, their URLs, their menu
item, and CSV cells a spreadsheet cannot run."""

from django.urls import path
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from .page_model import page_model

# Users who may add, change or publish any page see the reports.
PERMISSIONS = ["add", "change", "publish"]

# A cell starting with one of these is a formula to Excel, LibreOffice and
# Google Sheets (OWASP, "CSV Injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def may_see_reports(user) -> bool:
    return PagePermissionPolicy().user_has_any_permission(user, PERMISSIONS)


def spreadsheet_safe(value):
    """``value`` as a spreadsheet shows it but never evaluates it.

    OWASP's advice: a text cell that starts like a formula gets a leading
    apostrophe, so it reads as text; the value stays readable after it.
    Numbers and dates are written as they are.
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class ArticleReportView(ReportView):
    """A report on the articles a user may edit, exported as CSV and XLSX.

    Wagtail already writes XLSX formulas as text; CSV cells are made safe
    here, once, for every report of the app.
    """

    permission_policy = PagePermissionPolicy()
    any_permission_required = PERMISSIONS
    model = page_model()

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return spreadsheet_safe(value)
        return value


class ReportMenuItem(MenuItem):
    """A report in Wagtail's Reports menu, shown to users who may edit pages."""

    def is_shown(self, request) -> bool:
        return may_see_reports(request.user)


def report_urls(view, route: str, url_name: str, results_url_name: str) -> list:
    """A report view's admin URLs: the page, and its results for filtering."""
    return [
        path(route, view.as_view(), name=url_name),
        path(
            f"{route}results/", view.as_view(results_only=True), name=results_url_name
        ),
    ]
