"""A working day under a real server: readers over many article URLs while an
editor publishes another page every second, against the same readers while
nobody publishes (issue 22).

The site is the demo plus ``ARTICLES`` copies of the article in English and
Spanish and ``OTHERS`` ordinary pages: by default 100 and 100, so the bench
runs in minutes on 2 cores (the targets are ratios, which the site's size
should not move when invalidation is targeted); the issue's size is
``BENCH_WORKDAY_ARTICLES=2000 BENCH_WORKDAY_OTHERS=2000`` (building it once
takes a while; the site is kept in the database and only completed on the next
run). wrk reads ``READ`` of the copies' URLs round robin;
a middleware after the response cache counts the requests that reached the
view (renders), so the hit ratio is 1 - renders / requests.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from .report import Row, print_row

ARTICLES = int(os.environ.get("BENCH_WORKDAY_ARTICLES", "100"))
OTHERS = int(os.environ.get("BENCH_WORKDAY_OTHERS", "100"))
READ = 200
DURATION, CONNECTIONS, THREADS = "10s", 8, 2
WRK_SCRIPT = """
paths = {%(paths)s}
counter = 0
request = function()
  counter = counter %% #paths + 1
  return wrk.format("GET", paths[counter])
end
done = function(summary, latency, requests)
  io.write(string.format("P99 %%d\\n", latency:percentile(99)))
  local e = summary.errors
  io.write(string.format("ERRORS %%d\\n",
    e.connect + e.read + e.write + e.status + e.timeout))
  io.write(string.format("REQUESTS %%d\\n", summary.requests))
  io.write(string.format("RPS %%f\\n", summary.requests / (summary.duration / 1e6)))
end
"""
# An editor publishing a page with a new title every ``every`` seconds (when a
# publish takes longer, the next starts at once), counting in the shared cache.
PUBLISHER = """
import time
from django.core.cache import cache
from wagtail.models import Page
page = Page.objects.get(pk={pk}).specific
cache.add("bench:publishes", 0, None)
due = time.monotonic()
while True:
    page.title = page.title.split(" @")[0] + " @" + str(time.time())
    page.save_revision().publish()
    cache.incr("bench:publishes")
    due += {every}
    time.sleep(max(0, due - time.monotonic()))
"""


def run(base: str, wrk: str, server_env: dict, example: Path, ceiling: dict) -> list:
    """The working-day rows; ``ceiling`` is the fixed-bytes view's wrk result."""
    manage = [sys.executable, "manage.py"]
    built = subprocess.run(
        [*manage, "shell", "-c",
         f"from benchmarks.workday_site import build; build({ARTICLES}, {OTHERS})"],
        cwd=example, env=server_env, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    paths = re.findall(r"^URL (\S+)$", built, re.M)[:READ]
    publish = re.search(r"^PUBLISH (\d+)$", built, re.M)[1]
    article = re.search(r"^ARTICLE (\d+)$", built, re.M)[1]
    for path in paths:  # warm
        urllib.request.urlopen(base + path).read()  # noqa: S310
    script = Path(tempfile.mkstemp(suffix=".lua")[1])
    script.write_text(WRK_SCRIPT % {"paths": ", ".join(f'"{p}"' for p in paths)})

    memory = _memory_per_article(server_env["REDIS_URL"], len(paths))
    quiet = _measure(wrk, script, base)
    busy = _while_publishing(wrk, script, base, server_env, example, publish, 1)
    own = _while_publishing(wrk, script, base, server_env, example, article, 5)

    site = f"{ARTICLES} articles × 2 languages, {OTHERS} other pages, {len(paths)} URLs"
    share = busy["rps"] / quiet["rps"]
    of_ceiling = busy["rps"] / ceiling["rps"]
    rows = [
        Row(
            "workday",
            f"another page published every 1 s vs none ({site})",
            f"{busy['rps']:.0f} rps, hit {busy['hit']:.1%}, {busy['errors']} errors, "
            f"{busy['publishes']} publications in {DURATION}",
            f"{quiet['rps']:.0f} rps, hit {quiet['hit']:.1%}",
            f"{share:.2f}× rps",
            "≥ 0.9× rps",
            share >= 0.9 and busy["errors"] == 0,
            {"busy": busy, "quiet": quiet},
        ),
        Row(
            "workday",
            "hit ratio, another page published every 1 s",
            f"{busy['renders']} renders of {busy['requests']} requests",
            "-",
            f"{busy['hit']:.1%}",
            "≥ 95%",
            busy["hit"] >= 0.95,
        ),
        Row(
            "workday",
            "requests/s, another page published every 1 s, vs in-memory bytes",
            f"{busy['rps']:.0f} rps",
            f"{ceiling['rps']:.0f} rps",
            f"{of_ceiling:.2f}×",
            "≥ 0.5×",
            of_ceiling >= 0.5,
        ),
    ]
    p99_ratio = own["p99"] / ceiling["p99"]
    rows.append(
        Row(
            "workday",
            "a read article itself published every 5 s: reader p99 vs in-memory "
            "bytes (its URLs refreshed after commit)",
            f"p99 {own['p99']:.1f} ms, {own['rps']:.0f} rps, {own['renders']} "
            f"renders by readers, {own['publishes']} publications, hit "
            f"{own['hit']:.1%}",
            f"p99 {ceiling['p99']:.1f} ms",
            f"p99 {p99_ratio:.1f}×",
            "p99 ≤ 4×",
            p99_ratio <= 4 and own["errors"] == 0,
            {"own": own},
        )
    )
    rows.append(
        Row(
            "workday",
            "Redis memory per cached article and language (every key the app "
            "keeps, over the article URLs read)",
            f"{memory / 1024:.1f} KB",
            "-",
            f"{memory / 1024:.1f} KB",
            "≤ 25 KB",
            memory <= 25 * 1024,
        )
    )
    for row in rows:
        print_row(row)
    return rows


def _memory_per_article(redis_url: str, articles: int) -> float:
    """Bytes Redis holds for the app's keys (responses, parts, statuses,
    tags), per article URL read: an upper bound, as the index and feed
    pages cached are counted too."""
    import redis

    client = redis.Redis.from_url(redis_url)
    total = sum(
        client.memory_usage(key) or 0
        for key in client.scan_iter("*recurrence_content*", count=1000)
    )
    return total / articles


def _while_publishing(wrk, script, base, server_env, example, pk, every) -> dict:
    """wrk's figures while a publisher publishes page ``pk`` every ``every`` s."""
    publisher = subprocess.Popen(
        [sys.executable, "manage.py", "shell", "-c",
         PUBLISHER.format(pk=pk, every=every)],
        cwd=example,
        env={**server_env, "DJANGO_SETTINGS_MODULE": "example_site.settings"},
    )  # fmt: skip
    try:
        # Until its first publication (starting Django takes a while).
        started = _counts(base)[1]
        deadline = time.monotonic() + 60
        while _counts(base)[1] == started and time.monotonic() < deadline:
            time.sleep(0.2)
        published = _counts(base)[1]
        result = _measure(wrk, script, base)
        result["publishes"] = _counts(base)[1] - published
    finally:
        publisher.terminate()
        publisher.wait(timeout=30)
    return result


def _measure(wrk: str, script: Path, base: str) -> dict:
    before = _counts(base)[0]
    out = subprocess.run(
        [wrk, f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{DURATION}", "-s", str(script), base],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    renders = _counts(base)[0] - before
    values = dict(re.findall(r"^(P99|ERRORS|REQUESTS|RPS) (\S+)$", out, re.M))
    requests = int(values["REQUESTS"])
    return {
        "rps": float(values["RPS"]),
        "p99": int(values["P99"]) / 1000,
        "errors": int(values["ERRORS"]),
        "requests": requests,
        "renders": renders,
        "hit": 1 - renders / requests if requests else 0.0,
    }


def _counts(base: str) -> tuple[int, int]:
    """Renders so far, and the publisher's publications."""
    body = urllib.request.urlopen(base + "/bench/renders/").read()  # noqa: S310
    renders, publishes = body.split()
    return int(renders), int(publishes)
