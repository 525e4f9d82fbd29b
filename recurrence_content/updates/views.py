"""The panel's "Use the new version" and "Keep ours" actions."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..loading.updates import resolve
from ..models import MergeConflict

URL_NAME = "recurrence_content_resolve_conflict"
CHOICE_FIELD = "rc_resolution"


@require_POST
def resolve_conflict(request, conflict_id: int):
    """Resolve one open conflict as the button says, then back to the editor."""
    conflict = get_object_or_404(
        MergeConflict, pk=conflict_id, resolved_at__isnull=True
    )
    page = conflict.page.specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    choice = request.POST.get(CHOICE_FIELD)
    if choice not in (
        MergeConflict.Resolution.UPSTREAM,
        MergeConflict.Resolution.LOCAL,
    ):
        messages.error(request, _("Choose “Use the new version” or “Keep ours”."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    revision = resolve(conflict, choice, request.user)
    if revision is not None:
        messages.success(
            request,
            _("The new version is in a new draft. Review it and publish it."),
        )
    else:
        messages.success(request, _("Kept ours; the page is unchanged."))
    return redirect(reverse("wagtailadmin_pages:edit", args=(page.pk,)))


def admin_urls() -> list:
    """register_admin_urls."""
    return [
        path(
            "recurrence-content/conflicts/<int:conflict_id>/resolve/",
            resolve_conflict,
            name=URL_NAME,
        )
    ]
