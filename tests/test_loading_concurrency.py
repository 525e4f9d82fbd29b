"""Two loaders started at once on PostgreSQL make one article and a sound tree."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import Page

from recurrence_content.models import LoadedContent, PatientInfoPage

ROOT = Path(__file__).resolve().parent.parent
LOADERS = 4


def database_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_loaders_create_exactly_one_article(host_page):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": database_url(),
    }
    command = [
        sys.executable,
        "-m",
        "django",
        "recurrence_content_load",
        "--parent",
        str(host_page.id),
        "--publish",
    ]
    # Separate processes, separate connections: started together, they meet
    # only in the database.
    processes = [
        subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(LOADERS)
    ]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert [process.returncode for process in processes] == [0] * LOADERS, outputs
    statuses = sorted(stdout.split(" ")[0] for stdout, _stderr in outputs)
    assert statuses == ["created"] + ["unchanged:"] * (LOADERS - 1)

    assert PatientInfoPage.objects.count() == 1
    assert LoadedContent.objects.count() == 1
    assert Page.find_problems() == ([], [], [], [], [])
    out = StringIO()
    call_command("fixtree", stdout=out)
    assert "No problems found" in out.getvalue()
