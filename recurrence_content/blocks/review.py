"""Reviewers and sources of an article, as StreamField items.

They live in StreamFields rather than child models because the fields belong
to the abstract ``PatientInfoPageMixin``: an inline child model needs a
ParentalKey to one concrete page type, so a host's own article types would
not get it. StreamField values also travel in revisions, so a recorded review
is in the page history like any other edit.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .web_address import WebAddressBlock


class ReviewerBlock(blocks.StructBlock):
    """Someone who checked the article's clinical content."""

    name = blocks.CharBlock(
        label=_("Name"),
        max_length=255,
        help_text=_("The reviewer's name as readers should see it."),
    )
    role = blocks.CharBlock(
        label=_("Role"),
        max_length=255,
        required=False,
        help_text=_("e.g. “Consultant clinical oncologist”."),
    )
    organisation = blocks.CharBlock(
        label=_("Organisation"),
        max_length=255,
        required=False,
        help_text=_("e.g. the hospital or board the reviewer belongs to."),
    )

    class Meta:
        icon = "user"
        label = _("Reviewer")


class SourceBlock(blocks.StructBlock):
    """A published source the article's statements rest on."""

    title = blocks.CharBlock(label=_("Title"), max_length=500)
    publisher = blocks.CharBlock(
        label=_("Publisher"),
        max_length=255,
        required=False,
        help_text=_("e.g. “National Cancer Institute”."),
    )
    url = WebAddressBlock(label=_("URL"), required=False)
    accessed = blocks.DateBlock(
        label=_("Date accessed"),
        required=False,
        help_text=_("When the source was last read for this article."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Source")


def reviewers_block() -> list[tuple[str, blocks.Block]]:
    """Stream children of the ``reviewers`` field."""
    return [("reviewer", ReviewerBlock())]


def sources_block() -> list[tuple[str, blocks.Block]]:
    """Stream children of the ``sources`` field."""
    return [("source", SourceBlock())]
