"""Under a real server: gunicorn (2 workers), the example site on PostgreSQL
with Redis as its cache, and wrk at fixed concurrency for a fixed time.

The article page and the feed detail are compared with a view on the same
server returning the article's bytes from memory: this stack's ceiling.
Needs DATABASE_URL (PostgreSQL; a database this may fill, created if missing)
and REDIS_URL; without them the section is skipped with the reason.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from . import workday
from .report import Row, print_row

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "example_project"
DURATION, CONNECTIONS, THREADS = "10s", 8, 2
# wrk's own summary lacks p95: print the percentiles and errors from Lua.
WRK_SCRIPT = """
done = function(summary, latency, requests)
  for _, p in pairs({50, 95, 99}) do
    io.write(string.format("P%d %d\\n", p, latency:percentile(p)))
  end
  local e = summary.errors
  io.write(string.format("ERRORS %d\\n",
    e.connect + e.read + e.write + e.status + e.timeout))
  io.write(string.format("RPS %f\\n", summary.requests / (summary.duration / 1e6)))
end
"""


def skipped(reason: str) -> list[Row]:
    row = Row("server", "under load", "skipped", "-", "-", reason, None)
    print_row(row)
    return [row]


def run(env: dict) -> list[Row]:
    database_url = env.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        return skipped("set DATABASE_URL=postgres://... (a database it may fill)")
    if not env.get("REDIS_URL"):
        return skipped("set REDIS_URL=redis://127.0.0.1:6379/<n>")
    wrk = shutil.which("wrk")
    if not wrk:
        return skipped("install wrk (apt-get install wrk)")
    _create_database(database_url)
    port = int(env.get("BENCH_PORT", "8019"))
    ceiling_file = Path(tempfile.mkstemp(suffix=".html")[1])
    server_env = {
        **env,
        "DJANGO_SETTINGS_MODULE": "benchmarks.server_settings",
        "DJANGO_DEBUG": "0",
        "DEMO_PORT": str(port),
        "PYTHONPATH": f"{ROOT}{os.pathsep}{EXAMPLE}",
        "BENCH_CEILING_FILE": str(ceiling_file),
    }
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], cwd=EXAMPLE, env=server_env, check=True)  # fmt: skip
    setup = subprocess.run(
        [*manage, "setup_demo"],
        cwd=EXAMPLE,
        env=server_env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    article = re.search(r"Article \(\w+\):\s+(\S+)", setup)[1]
    feed = re.search(r"Feed, article:\s+(\S+locale=en)", setup)[1]
    gunicorn = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "example_site.wsgi", "--workers", "2",
         "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=EXAMPLE,
        env=server_env,
    )  # fmt: skip
    try:
        _wait(f"http://127.0.0.1:{port}/bench/ceiling/", ceiling_file, article)
        script = Path(tempfile.mkstemp(suffix=".lua")[1])
        script.write_text(WRK_SCRIPT)
        results = {}
        for name, url in (
            ("ceiling", f"http://127.0.0.1:{port}/bench/ceiling/"),
            ("article page", article),
            ("feed detail", feed),
        ):
            for _ in range(5):  # warm: every worker has it cached
                urllib.request.urlopen(url).read()  # noqa: S310
            results[name] = _wrk(wrk, script, url)
        working_day = workday.run(
            f"http://127.0.0.1:{port}", wrk, server_env, EXAMPLE, results["ceiling"]
        )
    finally:
        gunicorn.send_signal(signal.SIGTERM)
        gunicorn.wait(timeout=30)
    ceiling = results.pop("ceiling")
    rows = []
    for name, r in results.items():
        share = r["rps"] / ceiling["rps"]
        p99_ratio = r["p99"] / ceiling["p99"]
        row = Row(
            "server",
            f"{name}, cached, vs in-memory bytes ({CONNECTIONS} conns, {DURATION})",
            f"{r['rps']:.0f} rps, p50/p95/p99 {r['p50']:.1f}/{r['p95']:.1f}/"
            f"{r['p99']:.1f} ms, {r['errors']} errors",
            f"{ceiling['rps']:.0f} rps, p50/p95/p99 {ceiling['p50']:.1f}/"
            f"{ceiling['p95']:.1f}/{ceiling['p99']:.1f} ms",
            f"{share:.1%} of rps, p99 {p99_ratio:.1f}×",
            "≥ 50% rps, p99 ≤ 4×, 0 errors",
            share >= 0.5 and p99_ratio <= 4 and r["errors"] == 0,
            {"ours": r, "ceiling": ceiling},
        )
        print_row(row)
        rows.append(row)
    return rows + working_day


def _create_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    name = url.rsplit("/", 1)[1].split("?")[0]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def _wait(ceiling_url: str, ceiling_file: Path, article: str) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            body = urllib.request.urlopen(article).read()  # noqa: S310
            break
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
    ceiling_file.write_bytes(body)
    assert urllib.request.urlopen(ceiling_url).read() == body  # noqa: S310


def _wrk(wrk: str, script: Path, url: str) -> dict:
    out = subprocess.run(
        [wrk, f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{DURATION}", "-s", str(script), url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout  # fmt: skip
    values = dict(re.findall(r"^(P\d+|ERRORS|RPS) (\S+)$", out, re.M))
    return {
        "rps": float(values["RPS"]),
        "p50": int(values["P50"]) / 1000,
        "p95": int(values["P95"]) / 1000,
        "p99": int(values["P99"]) / 1000,
        "errors": int(values["ERRORS"]),
    }
