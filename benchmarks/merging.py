"""Merging a new version with 5 changed blocks into an article a hospital
edited, against a plain load of the same version into an untouched copy; and
the same merge into an article with 100 more unchanged blocks, whose query
count must not grow.

Measured in a child process of its own (as the loader's benchmark is).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .report import Row, print_row

ROOT = Path(__file__).resolve().parent.parent
EXTRA_BLOCKS = 100


def run() -> list[Row]:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "benchmarks.settings"}
    env.pop("DATABASE_URL", None)
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.merging"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(out.stdout.strip().splitlines()[-1])
    ratio = data["merge_s"] / data["plain_s"]
    rows = [
        Row(
            "merge",
            "5 changed blocks into the edited article",
            f"{data['merge_s']:.2f} s, {data['merge_queries']} q",
            f"plain load {data['plain_s']:.2f} s, {data['plain_queries']} q",
            f"{data['merge_s']:.2f} s ({ratio:.1f}× a plain load)",
            "≤ 0.5 s",
            data["merge_s"] <= 0.5,
            data,
        ),
        Row(
            "merge",
            f"queries with {EXTRA_BLOCKS} more unchanged blocks",
            f"{data['merge_long_queries']} q",
            f"{data['merge_queries']} q",
            f"+{data['merge_long_queries'] - data['merge_queries']} q",
            "+0 q",
            data["merge_long_queries"] == data["merge_queries"],
            data,
        ),
    ]
    for row in rows:
        print_row(row)
    return rows


def _child() -> None:
    import copy
    import tempfile
    import time
    import uuid

    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from wagtail.models import Locale, Site

    from recurrence_content.loading import load_file
    from tests.factories import make_host_page
    from tests.loading_helpers import shipped_data, write_article

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    Locale.objects.get_or_create(language_code="en")
    host = make_host_page(Site.objects.get(is_default_site=True).root_page)
    directory = Path(tempfile.mkdtemp())
    paragraphs = [b["id"] for b in shipped_data()["body"] if b["type"] == "paragraph"]

    def article(name: str, extra: int = 0) -> dict:
        data = shipped_data()
        data["translation_key"] = str(uuid.uuid4())
        data["slug"] = name
        data["body"] += [
            {
                "type": "paragraph",
                "value": f"<p>Unchanged {n}.</p>",
                "id": str(uuid.uuid4()),
            }
            for n in range(extra)
        ]
        return data

    def newer(data: dict) -> dict:
        data = copy.deepcopy(data)
        for block in data["body"]:
            if block["id"] in paragraphs[1:6]:
                block["value"] = "<p>Corrected upstream.</p>"
        return data

    def edit(page) -> None:
        draft = page.specific.get_latest_revision_as_object()
        body = draft.body.raw_data
        body[0]["value"] = "<p>Our own wording.</p>"
        draft.body = body
        draft.save_revision().publish()

    def measure(data: dict, edited: bool) -> tuple[float, int]:
        name = data["slug"]
        page = load_file(
            write_article(directory, data, f"{name}.json"), parent=host, publish=True
        ).page
        if edited:
            edit(page)
        path = write_article(directory, newer(data), f"{name}-2.json")
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            status = load_file(path).status
            seconds = time.perf_counter() - start
        assert str(status) == ("merged" if edited else "updated"), status
        return seconds, len(queries)

    plain_s, plain_queries = measure(article("plain"), edited=False)
    merge_s, merge_queries = measure(article("merged"), edited=True)
    _long_s, merge_long_queries = measure(article("long", EXTRA_BLOCKS), edited=True)
    print(
        json.dumps(
            {
                "plain_s": plain_s,
                "plain_queries": plain_queries,
                "merge_s": merge_s,
                "merge_queries": merge_queries,
                "merge_long_queries": merge_long_queries,
            }
        )
    )


if __name__ == "__main__":
    _child()
