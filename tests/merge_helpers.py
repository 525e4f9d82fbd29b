"""Helpers for the merge tests: an article the hospital edited, and newer
versions of it."""

from recurrence_content.loading import load_article
from recurrence_content.page_model import page_model
from tests.loading_helpers import changed, shipped_data, write_article

FIRST = "6aa31d03-7bc8-4958-8fac-a737723397f7"  # paragraph
SECOND = "c80b864f-82ec-4d5f-84fc-ce6f6ceaad0f"  # paragraph
LINK = "3aa731f3-1a94-4aa7-ba35-b8bcfe93c3a6"  # related_link "Is cancer hereditary?"
NEW = "00000000-0000-4000-8000-000000000001"


def block(data: dict, block_id: str) -> dict:
    return next(b for b in data["body"] if b["id"] == block_id)


def set_text(data: dict, block_id: str, text: str) -> None:
    block(data, block_id)["value"] = f"<p>{text}</p>"


def edit_page(page, edit) -> None:
    """Change the page's latest revision as an editor would, and publish it."""
    page = page.specific
    draft = page.get_latest_revision_as_object()
    body = draft.body.raw_data
    edit(draft, body)
    draft.body = body
    draft.save_revision(log_action=True).publish()


def text_of(page, block_id: str):
    fresh = page_model().objects.get(pk=page.pk).specific
    latest = fresh.get_latest_revision_as_object()
    found = [b for b in latest.body if b.id == block_id]
    return found[0].value if found else None


def upstream_version(tmp_path):
    """A newer version: a correction in one paragraph, a new paragraph after
    it, and a new title."""

    def edit(data):
        data["title"] = "Will cancer come back?"
        set_text(data, SECOND, "Corrected upstream.")
        position = data["body"].index(block(data, SECOND)) + 1
        new = {"type": "paragraph", "value": "<p>New upstream.</p>", "id": NEW}
        data["body"].insert(position, new)

    return write_article(tmp_path, changed(shipped_data(), edit))


def load_and_edit(host_page):
    """The article loaded and published, then one paragraph reworded by the
    hospital and its "Read also" link pointed at a page of its own."""
    page = load_article(parent=host_page, publish=True).page

    def edit(draft, body):
        set_text({"body": body}, FIRST, "Our own wording.")
        block({"body": body}, LINK)["value"]["page"] = host_page.id

    edit_page(page, edit)
    page.refresh_from_db()
    return page


def conflicting_version(tmp_path):
    data = changed(shipped_data(), lambda d: set_text(d, FIRST, "Corrected upstream."))
    return write_article(tmp_path, data, name="conflict.json")
