"""The "Clinical review" workflow task: approving it records a review."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask

from . import features
from .mixins import RECORD_REVIEW_PERMISSION, PatientInfoPageMixin


class ClinicalReviewTask(AbstractGroupApprovalTask):
    """A group approval whose approval is the article's clinical review.

    Only members of the task's groups who also hold "Can record a clinical
    review" may approve it, so a workflow never records a review the
    permission would refuse. Approving records the review (today, by the
    approver, with the article's listed reviewers) before the workflow
    moves on, so a final approval publishes it.
    """

    def _may_review(self, user) -> bool:
        # Group membership asked directly: Wagtail's own helper for it is
        # private and not in every supported version.
        return user.has_perm(RECORD_REVIEW_PERMISSION) and (
            user.is_superuser
            or self.groups.filter(pk__in=user.groups.values("pk")).exists()
        )

    def get_actions(self, obj, user):
        if not self._may_review(user):
            return []
        return [
            ("reject", _("Request changes"), True),
            ("approve", _("Approve and record the review"), False),
            ("approve", _("Approve with comment and record the review"), True),
        ]

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            content = task_state.workflow_state.content_object
            if isinstance(content.specific, PatientInfoPageMixin):
                # Governance records it (PermissionDenied when not allowed).
                for record in features.registered("review_approved"):
                    record(content, user)
                # The review is a new latest revision: the workflow, when it
                # finishes, publishes the latest revision it knows of.
                content.refresh_from_db()
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if not self._may_review(user):
            return self.task_states.none()
        return super().get_task_states_user_can_moderate(user, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups who may record clinical reviews approve "
            "it; approving records the article's clinical review."
        )

    class Meta:
        verbose_name = _("Clinical review")
        verbose_name_plural = _("Clinical review tasks")
