"""What the app's admin reports share: who sees them, their URLs, their menu item."""

from django.urls import path
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy

# Users who may add, change or publish any page see the reports.
PERMISSIONS = ["add", "change", "publish"]


def may_see_reports(user) -> bool:
    return PagePermissionPolicy().user_has_any_permission(user, PERMISSIONS)


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
