"""Following a central site: a member pulls N articles, each with its Spanish
translation, from a live central site, then pulls again with nothing new.

The central site is gunicorn in its own process on its own SQLite database,
seeded by a child process; the member is another child process on a SQLite
file (as a site's database lives outside the pull's process), so its peak
memory (maximum resident set size, Django and Wagtail included) is the
pull's. N is BENCH_PULL_ARTICLES (default 20, to keep
``make bench`` short); the issue's target for 200 articles is ≤ 60 s and
< 250 MB, so the time target here is scaled to 0.3 s per article.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from .report import Row, print_row

ROOT = Path(__file__).resolve().parent.parent
FEED = "/recurrence-content/api/v1/"
SECONDS_PER_ARTICLE = 60 / 200


def articles() -> int:
    return int(os.environ.get("BENCH_PULL_ARTICLES", "20"))


def run() -> list[Row]:
    sys.path.insert(0, str(ROOT))
    from tests.servers import Gunicorn, free_port

    n = articles()
    tmp = Path(tempfile.mkdtemp(prefix="bench-central-"))
    central = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.server_settings",
        "DATABASE_URL": f"sqlite:///{tmp / 'central.sqlite3'}",
        "PYTHONPATH": str(ROOT),
    }
    central.pop("REDIS_URL", None)
    for args in (
        ["-m", "django", "migrate", "-v", "0"],
        ["-m", "benchmarks.pull", "central", str(n)],
    ):
        subprocess.run([sys.executable, *args], cwd=ROOT, env=central, check=True)
    log = tmp / "access.log"
    server = Gunicorn(
        central,
        workers=1,
        port=free_port("source"),
        # Each request's status and time in microseconds: the central's part.
        args=("--access-logfile", str(log), "--access-logformat", "%(s)s %(D)s"),
    )
    server.start()
    try:
        member = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
            "DATABASE_URL": f"sqlite:///{tmp / 'member.sqlite3'}",
            "PYTHONPATH": str(ROOT),
        }
        # Migrated by another process: the member's peak is the pull's own.
        migrate = [sys.executable, "-m", "django", "migrate", "-v", "0"]
        subprocess.run(migrate, cwd=ROOT, env=member, check=True)
        out = subprocess.run(
            [sys.executable, "-m", "benchmarks.pull", "member", server.url + FEED],
            cwd=ROOT,
            env=member,
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        server.stop()
    data = json.loads(out.stdout.strip().splitlines()[-1])
    served = [line.split() for line in log.read_text().splitlines()]
    data["central_s"] = sum(int(micros) for _status, micros in served) / 1e6
    pages = math.ceil(n / 100)
    nothing_new = data["again_statuses"] == [304] * pages and data["again_writes"] == 0
    rows = [
        Row(
            "pull",
            f"{n} articles + Spanish from a live central site",
            f"{data['first_s']:.1f} s, {data['first_requests']} requests "
            f"(the central site's part of both pulls: {data['central_s']:.1f} s)",
            "-",
            f"{data['first_s']:.1f} s",
            f"≤ {SECONDS_PER_ARTICLE * n:.0f} s ({SECONDS_PER_ARTICLE} s an article)",
            data["first_s"] <= SECONDS_PER_ARTICLE * n,
            data,
        ),
        Row(
            "pull",
            "nothing new",
            f"{len(data['again_statuses'])} requests "
            f"({', '.join(map(str, data['again_statuses']))}), "
            f"{data['again_writes']} writes",
            "-",
            f"{data['again_s']:.2f} s",
            f"{pages} request (a list page) answered 304, 0 writes",
            nothing_new,
            data,
        ),
        Row(
            "pull",
            "peak memory (member process)",
            f"{data['peak_mb']:.0f} MB",
            "-",
            f"{data['peak_mb']:.0f} MB",
            "< 250 MB",
            data["peak_mb"] < 250,
            data,
        ),
    ]
    for row in rows:
        print_row(row)
    return rows


def _central(n: int) -> None:
    """Publish ``n`` copies of the shipped article with their Spanish."""
    import dataclasses
    import uuid

    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    import polib

    from recurrence_content.loading import load_articles, read_file, shipped_files
    from recurrence_content.loading.shipped_translations import shipped_languages
    from recurrence_content.translation.apply import apply_po

    shipped = read_file(shipped_files()[0])
    po = polib.pofile(str(shipped_languages(shipped_files()[0].stem)["es"]))
    copies = [
        dataclasses.replace(
            shipped,
            translation_key=uuid.uuid5(shipped.translation_key, str(i)),
            slug=f"{shipped.slug}-{i}",
        )
        for i in range(n)
    ]
    for i, result in enumerate(load_articles(copies, publish=True)):
        # The Spanish of each copy's slug, so its translation is complete.
        translation = polib.pofile(str(po))
        for entry in translation:
            if entry.msgctxt == "slug":
                entry.msgid = result.page.slug
                entry.msgstr = f"el-cancer-siempre-vuelve-{i}"
        apply_po(result.page, "es", translation, publish=True)


def _member(source: str) -> None:
    import resource
    import time

    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Locale

    from recurrence_content.loading.syndication import pull

    for code in ("en", "es"):
        Locale.objects.get_or_create(language_code=code)

    start = time.perf_counter()
    first = pull(source, publish=True)
    first_s = time.perf_counter() - start
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        again = pull(source, publish=True)
        again_s = time.perf_counter() - start
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "articles": len(first.load.articles),
                "translations": len(first.load.translations),
                "first_s": first_s,
                "first_requests": len(first.requests),
                "again_s": again_s,
                "again_statuses": [status for _url, status in again.requests],
                "again_writes": len(writes),
                "peak_mb": peak_kb / 1024,
            }
        )
    )


if __name__ == "__main__":
    if sys.argv[1] == "central":
        _central(int(sys.argv[2]))
    else:
        _member(sys.argv[2])
