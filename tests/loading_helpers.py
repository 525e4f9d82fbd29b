"""Helpers for the loader tests: content files on disk and database snapshots."""

import copy
import json
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from wagtail.models import ReferenceIndex, Revision

from recurrence_content.loading import shipped_files
from recurrence_content.models import LoadedContent
from recurrence_content.page_model import page_model

SHIPPED = Path(__file__).resolve().parent.parent / "fixtures"
ARTICLE = SHIPPED / "does-cancer-always-come-back.json"
ARTICLE_PATH = "/cancer-care/does-cancer-always-come-back/"


def shipped_data() -> dict:
    """A fresh copy of the shipped article's JSON."""
    assert shipped_files() == [ARTICLE]
    return json.loads(ARTICLE.read_text())


def write_article(directory: Path, data: dict, name: str = "article.json") -> Path:
    """Write ``data`` as a content file and return its path."""
    path = directory / name
    path.write_text(json.dumps(data, indent=2))
    return path


def changed(data: dict, edit) -> dict:
    """A deep copy of ``data`` with ``edit(copy)`` applied."""
    result = copy.deepcopy(data)
    edit(result)
    return result


def snapshot() -> dict:
    """Everything loading could touch, to compare before and after."""
    pages = {
        page.id: (
            page.title,
            page.draft_title,
            page.slug,
            page.path,
            page.url_path,
            page.live,
            page.has_unpublished_changes,
            page.latest_revision_id,
            page.live_revision_id,
            page.last_published_at,
            page.first_published_at,
        )
        for page in page_model().objects.order_by("id")
    }
    return {
        "pages": pages,
        "revisions": list(
            Revision.objects.order_by("id").values_list("id", "object_id")
        ),
        "loaded": list(LoadedContent.objects.values_list("id", "content_hash")),
        "references": ReferenceIndex.objects.count(),
    }


def writes(queries) -> list[str]:
    """The SQL statements in ``queries`` that change data."""
    return [
        query["sql"]
        for query in queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]


def load_command(*args: str) -> str:
    """What ``recurrence_content_load`` prints, run with ``args``."""
    out = StringIO()
    call_command("recurrence_content_load", *args, stdout=out)
    return out.getvalue()
