"""A host extends the block set the way the README shows."""

from wagtail import blocks

from recurrence_content.blocks import PatientInfoStreamBlock


class HospitalArticleBody(PatientInfoStreamBlock):
    video = blocks.URLBlock(group="Media")
    callout = None


def test_subclass_can_add_and_remove_blocks():
    names = list(HospitalArticleBody().child_blocks)
    assert "video" in names
    assert "callout" not in names
    assert names[:3] == ["heading", "paragraph", "definition"]
    # The shipped stream block is untouched.
    assert "callout" in PatientInfoStreamBlock().child_blocks
