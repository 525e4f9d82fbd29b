"""The loader: the shipped article plus Spanish into an empty site, then a re-run.

Measured in a child process of its own, so its peak memory (maximum resident
set size, Django and Wagtail included) is the loader's and not the other
benchmarks'.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .report import Row, print_row

ROOT = Path(__file__).resolve().parent.parent


def run() -> list[Row]:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "benchmarks.settings"}
    env.pop("DATABASE_URL", None)
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.loader"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(out.stdout.strip().splitlines()[-1])
    rows = [
        Row(
            "loader",
            "article + Spanish into an empty site",
            f"{data['first_s']:.2f} s, {data['first_queries']} q",
            "-",
            f"{data['first_s']:.2f} s",
            "≤ 3 s",
            data["first_s"] <= 3,
            data,
        ),
        Row(
            "loader",
            "re-run",
            f"{data['rerun_s']:.2f} s, {data['rerun_writes']} INSERT/UPDATE",
            "-",
            f"{data['rerun_s']:.2f} s, {data['rerun_writes']} writes",
            "≤ 1 s, 0 writes",
            data["rerun_s"] <= 1 and data["rerun_writes"] == 0,
            data,
        ),
        Row(
            "loader",
            "peak memory (whole process)",
            f"{data['peak_mb']:.0f} MB",
            "-",
            f"{data['peak_mb']:.0f} MB",
            "< 200 MB",
            data["peak_mb"] < 200,
            data,
        ),
    ]
    for row in rows:
        print_row(row)
    return rows


def _child() -> None:
    import resource
    import time

    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from wagtail.models import Locale, Site

    from recurrence_content.loading import load_article
    from recurrence_content.loading.shipped_translations import (
        apply_shipped_translations,
    )
    from tests.factories import make_host_page

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    for code in ("en", "es"):
        Locale.objects.get_or_create(language_code=code)
    host = make_host_page(Site.objects.get(is_default_site=True).root_page)

    def load():
        result = load_article(parent=host, publish=True)
        apply_shipped_translations(result.page, ["es"], publish=True)

    with CaptureQueriesContext(connection) as first:
        start = time.perf_counter()
        load()
        first_s = time.perf_counter() - start
    with CaptureQueriesContext(connection) as again:
        start = time.perf_counter()
        load()
        rerun_s = time.perf_counter() - start
    writes = [
        q["sql"]
        for q in again.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE"))
    ]
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "first_s": first_s,
                "first_queries": len(first),
                "rerun_s": rerun_s,
                "rerun_queries": len(again),
                "rerun_writes": len(writes),
                "rerun_write_sql": writes[:5],
                "peak_mb": peak_kb / 1024,
            }
        )
    )


if __name__ == "__main__":
    _child()
