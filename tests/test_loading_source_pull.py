"""Two real sites: a central site (gunicorn in its own process, on its own
database) and a member (this test's database) following it with
``recurrence_content_load --source``.

The member cannot be a second site tree in the central's database: the
loader finds articles by translation key wherever they are, so it would find
the central's own pages. Hence a database of its own for the central site,
migrated once for the module, with Redis as the cache its server and its
editing process share (a publish empties the feed's cache, as in production).
"""

import os
import re
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page, PageLogEntry

from recurrence_content.loading import LoadError
from recurrence_content.loading.syndication import pull
from recurrence_content.models import LoadedContent, PatientInfoPage, SourceResponse
from tests.loading_helpers import shipped_data, snapshot, writes
from tests.servers import ROOT, Gunicorn, RedisServer, database_url, free_port

pytestmark = pytest.mark.django_db

FEED = "/recurrence-content/api/v1/"
KEY = shipped_data()["translation_key"]
REVISED = "<p>Revised at the central site.</p>"


class Central:
    """The central site: its database, its server, and commands run on it."""

    def __init__(self, tmp: Path, redis: RedisServer):
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.server_settings",
            "PYTHONPATH": str(ROOT),
            "DATABASE_URL": self._database(tmp),
            "REDIS_URL": redis.url,
            "CACHE_KEY_PREFIX": f"central-{uuid.uuid4().hex[:8]}",
        }
        self.access_log = tmp / "access.log"
        self.server = Gunicorn(
            self.env,
            workers=1,
            port=free_port("source"),
            args=("--access-logfile", str(self.access_log)),
        )

    def _database(self, tmp: Path) -> str:
        settings = connection.settings_dict
        if settings["ENGINE"].endswith("sqlite3"):
            return f"sqlite:///{tmp / 'central.sqlite3'}"
        import psycopg

        self.database = f"{settings['NAME']}_central"
        self.server_url = database_url(settings).rsplit("/", 1)[0]
        with psycopg.connect(f"{self.server_url}/postgres", autocommit=True) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{self.database}"')
            db.execute(f'CREATE DATABASE "{self.database}"')
        return f"{self.server_url}/{self.database}"

    def drop_database(self) -> None:
        """Drop the central's PostgreSQL database (a SQLite one is a temp file)."""
        if getattr(self, "database", None):
            import psycopg

            with psycopg.connect(f"{self.server_url}/postgres", autocommit=True) as db:
                db.execute(f'DROP DATABASE IF EXISTS "{self.database}"')

    def run(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "django", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        )

    def shell(self, code: str) -> None:
        done = self.run("shell", "-c", code)
        assert done.returncode == 0, done.stderr

    @property
    def source(self) -> str:
        return self.server.url + FEED

    def requests(self, at_least: int = 0) -> list[tuple[str, int]]:
        """Every request the central server has answered: (path, status).

        gunicorn logs a request just after answering it, so this waits (up
        to 5 s) for at least ``at_least`` of them to be written.
        """
        deadline = time.monotonic() + 5
        lines = self.access_log.read_text().splitlines()
        while len(lines) < at_least and time.monotonic() < deadline:
            time.sleep(0.05)
            lines = self.access_log.read_text().splitlines()
        found = (re.search(r'"GET (\S+) HTTP/[\d.]+" (\d{3})', line) for line in lines)
        return [(m[1], int(m[2])) for m in found if m]


@pytest.fixture(scope="module")
def central(tmp_path_factory, django_db_blocker):
    """The central site with the shipped article and its Spanish translation
    published, served on a loopback port."""
    redis = RedisServer()
    redis.start()
    with django_db_blocker.unblock():
        site = Central(tmp_path_factory.mktemp("central"), redis)
    for command in (
        ("migrate", "-v", "0"),
        ("recurrence_content_load", "--translations", "es", "--publish", "-v", "0"),
    ):
        done = site.run(*command)
        assert done.returncode == 0, done.stderr
    site.server.start()
    yield site
    site.server.stop()
    redis.stop()
    site.drop_database()


@pytest.fixture
def member(home):
    """This test's site: the member, with a default site and its languages."""
    return home


def live_text(client, page) -> str:
    """What a reader sees at the page's address."""
    page.refresh_from_db()
    response = client.get(page.url)
    assert response.status_code == 200, (
        page.url,
        response.status_code,
        response.get("Location"),
    )
    return response.content.decode()


def test_a_translation_withdrawn_at_the_source_is_reported_once_and_stays_live(
    central, member, client, admin_client
):
    # First in the module: the central's Spanish still translates all of its
    # English (the next test revises the English), and it is published again
    # at the end, as the tests after this one expect.
    pull(central.source, publish=True)
    spanish = PatientInfoPage.objects.get(
        translation_key=KEY, locale__language_code="es"
    )
    unpublish = "P.objects.get(locale__language_code='es').unpublish()\n"
    publish = (
        "P.objects.get(locale__language_code='es').get_latest_revision().publish()\n"
    )
    central.shell(
        f"from recurrence_content.models import PatientInfoPage as P\n{unpublish}"
    )
    try:
        line = (
            "withdrawn at the source: the es translation of “Does cancer always "
            "come back?” (left alone here; unpublish it in the admin if it "
            "should go)"
        )
        before = snapshot()
        planned = pull(central.source, publish=True, dry_run=True)
        assert line in planned.lines()
        assert snapshot() == before

        report = pull(central.source, publish=True)
        assert line in report.lines()
        assert line in report.document()["notes"]
        # Never unpublished here: patients keep the finished translation.
        assert "El cáncer siempre vuelve" in live_text(client, spanish)
        # Listed in the Content updates report, and in the Spanish page's history.
        page = admin_client.get(reverse("recurrence_content_updates_report"))
        rows = BeautifulSoup(page.content, "html.parser").select(
            "table.listing tbody tr"
        )
        listed = [[td.get_text(" ", strip=True) for td in row("td")] for row in rows]
        assert [cells[:2] for cells in listed] == [
            ["¿El cáncer siempre vuelve?", "Spanish"]
        ]
        assert PageLogEntry.objects.filter(
            page=spanish, action="recurrence_content.withdraw"
        ).exists()

        # Said once: the next pull has nothing to say about it.
        assert line not in pull(central.source, publish=True).lines()
    finally:
        central.shell(
            f"from recurrence_content.models import PatientInfoPage as P\n{publish}"
        )
    # Published again at the source: applied again, no longer withdrawn.
    pull(central.source, publish=True)
    page = admin_client.get(reverse("recurrence_content_updates_report"))
    assert "¿El cáncer siempre vuelve?" not in page.content.decode()


def test_a_central_edit_reaches_the_member_and_nothing_new_costs_one_304(
    central, member, client
):
    report = pull(central.source, publish=True)

    english = PatientInfoPage.objects.get(
        translation_key=KEY, locale__language_code="en"
    )
    spanish = PatientInfoPage.objects.get(
        translation_key=KEY, locale__language_code="es"
    )
    assert english.live and spanish.live
    assert spanish.title == "¿El cáncer siempre vuelve?"
    assert "El cáncer siempre vuelve" in live_text(client, spanish)
    assert [line.split(":")[0] for line in report.load.lines()[:2]] == [
        "created (published)",
        "es",
    ]

    # Nothing new: one request for the one list page, answered 304; no write.
    before, served = snapshot(), len(central.requests())
    with CaptureQueriesContext(connection) as queries:
        again = pull(central.source, publish=True)
    assert central.requests(served + 1)[served:] == [(f"{FEED}content-files/", 304)]
    assert again.requests == [(f"{central.source}content-files/", 304)]
    assert writes(queries.captured_queries) == []
    assert snapshot() == before

    # An editor at the central site revises the first paragraph and publishes.
    central.shell(
        "from recurrence_content.models import PatientInfoPage as P\n"
        "page = P.objects.get(locale__language_code='en')\n"
        "body = page.body.get_prep_value()\n"
        f"body[0]['value'] = {REVISED!r}\n"
        "page.body = body\n"
        "page.save_revision().publish()\n"
    )
    served = len(central.requests())
    report = pull(central.source, publish=True)

    # The list changed, so it and the article were fetched; nothing else.
    assert central.requests(served + 2)[served:] == [
        (f"{FEED}content-files/", 200),
        (f"{FEED}content-files/{KEY}/?locale=en", 200),
    ]
    assert "Revised at the central site." in live_text(client, english)
    assert report.load.articles[0].line().startswith("updated (published)")
    # The central's Spanish does not cover the new paragraph yet: not
    # applied, and the finished Spanish page stays with readers.
    assert any("es translation of" in n and "not applied" in n for n in report.notes)
    assert "El cáncer siempre vuelve" in live_text(client, spanish)
    assert "Revised at the central site." not in live_text(client, spanish)


def test_the_command_is_quiet_at_verbosity_0_and_loads_one_article(
    central, member, capsys
):
    call_command(
        "recurrence_content_load",
        source=central.source,
        article=KEY,
        publish=True,
        verbosity=0,
    )
    assert capsys.readouterr().out == ""
    assert PatientInfoPage.objects.get(translation_key=KEY, locale__language_code="en")
    assert SourceResponse.objects.filter(url__endswith=f"{KEY}/").exists()


def test_a_refused_source_exits_1_with_one_line_on_stderr(central, tmp_path):
    # manage.py on the central's database, pulling from a port nothing serves.
    done = central.run(
        "recurrence_content_load",
        "--source",
        f"http://127.0.0.1:{free_port('source')}{FEED}",
        # The test settings' own warning (W002) would be printed too.
        "--skip-checks",
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1
    assert "cannot reach the source" in done.stderr


def test_edits_on_both_sides_give_the_member_a_draft_holding_both(
    central, member, client
):
    pull(central.source, publish=True)
    english = PatientInfoPage.objects.get(
        translation_key=KEY, locale__language_code="en"
    )
    # The hospital rewords its last paragraph and publishes it...
    body = english.body.get_prep_value()
    last = max(i for i, block in enumerate(body) if block["type"] == "paragraph")
    body[last]["value"] = "<p>Ask our oncology nurses on ward 7.</p>"
    english.body = body
    english.save_revision().publish()
    # ...while the central site revises its first paragraph.
    central.shell(
        "from recurrence_content.models import PatientInfoPage as P\n"
        "page = P.objects.get(locale__language_code='en')\n"
        "body = page.body.get_prep_value()\n"
        "body[0]['value'] = '<p>Revised again at the central site.</p>'\n"
        "page.body = body\n"
        "page.save_revision().publish()\n"
    )
    report = pull(central.source, publish=True)

    [result] = report.load.articles
    assert result.line().startswith("merged (draft)")
    english.refresh_from_db()
    draft = english.get_latest_revision_as_object().body.get_prep_value()
    assert draft[0]["value"] == "<p>Revised again at the central site.</p>"
    assert draft[last]["value"] == "<p>Ask our oncology nurses on ward 7.</p>"
    # Readers still see the hospital's published page until an editor publishes.
    text = live_text(client, english)
    assert "ward 7" in text and "Revised again" not in text


def test_an_article_withdrawn_at_the_source_is_reported_and_left_alone(central, member):
    pull(central.source, publish=True)
    central.shell(
        "from recurrence_content.models import PatientInfoPage as P\n"
        "P.objects.get(locale__language_code='en').unpublish()\n"
    )
    report = pull(central.source, publish=True)

    assert any(
        note.startswith("withdrawn at the source: “Does cancer always come back?”")
        for note in report.notes
    )
    english = Page.objects.get(translation_key=KEY, locale__language_code="en")
    assert english.live  # never deleted nor unpublished here
    # Listed in the Content updates report, and in the page's history.
    assert LoadedContent.objects.get(page=english).withdrawn_at is not None
    assert PageLogEntry.objects.filter(
        page=english, action="recurrence_content.withdraw"
    ).exists()


def test_a_scheduled_pull_with_links_runs_again_when_nothing_is_new(central, member):
    # Served at the central, whatever the tests before this one did to it.
    central.shell(
        "from recurrence_content.models import PatientInfoPage as P\n"
        "P.objects.get(locale__language_code='en').save_revision().publish()\n"
    )
    links = {"is-cancer-hereditary": "https://hospital.example/hereditary/"}
    with pytest.raises(LoadError, match="no related link named 'is-cancer-hered'"):
        pull(central.source, links={"is-cancer-hered": links["is-cancer-hereditary"]})
    assert not PatientInfoPage.objects.exists()

    pull(central.source, publish=True, links=links)
    # The same cron line again: nothing new, nothing to point, no error.
    again = pull(central.source, publish=True, links=links)

    assert again.requests == [(f"{central.source}content-files/", 304)]
    english = PatientInfoPage.objects.get(
        translation_key=KEY, locale__language_code="en"
    )
    targets = {
        block.value["title"]: block.value["url"]
        for block in english.body
        if block.block_type == "related_link"
    }
    assert targets["Is cancer hereditary?"] == links["is-cancer-hereditary"]
