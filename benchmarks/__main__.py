"""Run with ``make bench``. Prints each target beside its measured ratio.

Each measurement is compared with a baseline measured in the same run on the
same data, so the ratio says what the package costs on top of Wagtail,
whatever the machine. Writes benchmarks/results/latest.json and latest.md.

In process (in-memory SQLite: the code, not a database server): the article
page, the feed detail and the feed list, the index page at 2,000 articles, an
article read with Redis refusing; in a child process: the loader and the merge
of a new version; against a central site in its own process: a member's pull
(benchmarks/pull.py).
Under a real server (gunicorn, PostgreSQL, Redis, wrk) when DATABASE_URL names
PostgreSQL and REDIS_URL is set: see benchmarks/server.py.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SERVER_ENV = dict(os.environ)
os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
os.environ.pop("DATABASE_URL", None)  # in-memory SQLite for the in-process part

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from benchmarks import (  # noqa: E402
    dictionary,
    inprocess,
    loader,
    merging,
    pull,
    report,
    server,
)


def main() -> None:
    only = set(sys.argv[1:])  # e.g. `python -m benchmarks server`
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    rows = []
    if not only or "inprocess" in only:
        rows += inprocess.run()
    if not only or "index" in only:
        rows += inprocess.index_pages()
    if not only or "outage" in only:
        rows += inprocess.redis_outage()
    if not only or "loader" in only:
        rows += loader.run()
    if not only or "merging" in only:
        rows += merging.run()
    if not only or "pull" in only:
        rows += pull.run()
    if not only or "dictionary" in only:
        rows += dictionary.run()
    if not only or "server" in only:
        rows += server.run(SERVER_ENV)
    import wagtail

    json_path, md_path = report.write(
        rows, {"wagtail": wagtail.__version__, "django": django.__version__}
    )
    print()
    print(md_path.read_text())
    missed = [r for r in rows if r.met is False]
    print(f"{len(rows)} measurements, {len(missed)} targets missed; see {json_path}")


if __name__ == "__main__":
    main()
