"""A pull refuses a source it must not trust: one line, exit status 1, and
nothing written, even when the articles before the bad one were fine."""

import json
import uuid

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from recurrence_content.models import SourceResponse
from recurrence_content.page_model import page_model
from tests.loading_helpers import shipped_data, snapshot
from tests.servers import free_port
from tests.source_servers import (
    SourceServer,
    declares_a_gigabyte,
    dripping,
    endless,
    redirect,
    send,
    silent,
)

pytestmark = pytest.mark.django_db

FEED = "/recurrence-content/api/v1/"
GOOD = shipped_data()["translation_key"]
BAD = str(uuid.uuid4())


def envelope(content_file: dict) -> bytes:
    return json.dumps(
        {
            "id": content_file["translation_key"],
            "locale": content_file["locale"],
            "last_published_at": None,
            "content_file": content_file,
            "translations": [],
        }
    ).encode()


def central(bad_route) -> SourceServer:
    """A central site listing a good article, then one answered by ``bad_route``."""
    server = SourceServer({})
    listing = {
        "count": 2,
        "next": None,
        "previous": None,
        "results": [
            {"content_file_url": f"{server.url}{FEED}content-files/{key}/"}
            for key in (GOOD, BAD)
        ],
    }
    server.routes.update(
        {
            f"{FEED}content-files/": send(json.dumps(listing).encode(), ETag='"l"'),
            f"{FEED}content-files/{GOOD}/": send(envelope(shipped_data())),
            f"{FEED}content-files/{BAD}/": bad_route,
        }
    )
    return server


def refusal(server: SourceServer) -> str:
    """The command's message for a pull from ``server``; checks it is one
    line and that nothing was written."""
    before = snapshot()
    with server, pytest.raises(CommandError) as error:
        call_command("recurrence_content_load", source=server.url + FEED, publish=True)
    message = str(error.value)
    assert "\n" not in message
    assert snapshot() == before
    assert not SourceResponse.objects.exists()
    return message


@pytest.fixture(autouse=True)
def quick_timeouts(settings, home):
    settings.RECURRENCE_CONTENT_SOURCE_CONNECT_TIMEOUT = 1
    settings.RECURRENCE_CONTENT_SOURCE_READ_TIMEOUT = 1


def test_garbage_is_refused():
    message = refusal(central(send(b"<html>Welcome to nginx!</html>")))
    assert message.startswith("http://127.0.0.1:")
    assert "not JSON" in message and "--source" in message


def test_a_content_file_the_loader_would_refuse_is_refused():
    data = shipped_data() | {"translation_key": BAD, "body": [{"type": "script"}]}
    message = refusal(central(send(envelope(data))))
    assert "$.body[0]" in message


def test_an_endless_body_is_cut_off_at_the_limit(settings):
    message = refusal(central(endless))
    assert f"larger than {20 * 1024 * 1024} bytes" in message


def test_a_declared_gigabyte_is_refused_before_reading_it():
    message = refusal(central(declares_a_gigabyte))
    assert "SOURCE_MAX_BYTES" in message


def test_a_silent_server_times_out():
    message = refusal(central(silent))
    assert "longer than 1 s" in message


def test_a_server_dripping_bytes_times_out_on_the_whole_response():
    message = refusal(central(dripping))
    assert "longer than 1 s" in message


def test_a_redirect_to_another_host_is_not_followed():
    message = refusal(central(redirect("http://127.0.0.2:8189/elsewhere/")))
    assert "redirects to http://127.0.0.2:8189/elsewhere/" in message


def test_a_redirect_to_a_file_is_not_followed():
    message = refusal(central(redirect("file:///etc/passwd")))
    assert "redirects to file:///etc/passwd" in message


def test_a_redirect_on_the_same_site_is_followed():
    server = central(redirect("/moved/"))
    moved = shipped_data() | {"translation_key": BAD, "slug": "moved"}
    server.routes["/moved/"] = send(envelope(moved))
    with server:
        call_command("recurrence_content_load", source=server.url + FEED, verbosity=0)
    assert server.requests[-2:] == [f"{FEED}content-files/{BAD}/", "/moved/"]
    assert page_model().objects.filter(slug="moved").exists()


def test_plain_http_is_refused_except_to_loopback(settings):
    before = snapshot()
    with pytest.raises(CommandError) as error:
        call_command("recurrence_content_load", source="http://central.example/api/")
    assert "plain http is refused" in str(error.value)
    assert "RECURRENCE_CONTENT_SOURCE_HTTP_HOSTS" in str(error.value)
    with pytest.raises(CommandError) as error:
        call_command("recurrence_content_load", source="file:///etc/passwd")
    assert "not an http(s) address" in str(error.value)
    assert snapshot() == before


def test_an_unreachable_source_is_one_line():
    port = free_port("source")  # nothing listens there
    before = snapshot()
    with pytest.raises(CommandError) as error:
        call_command("recurrence_content_load", source=f"http://127.0.0.1:{port}{FEED}")
    assert "cannot reach the source" in str(error.value)
    assert snapshot() == before


def test_a_dry_run_fetches_and_checks_but_writes_nothing(capsys):
    server = SourceServer({})
    listing = {
        "count": 1,
        "next": None,
        "previous": None,
        "results": [{"content_file_url": f"{server.url}{FEED}content-files/{GOOD}/"}],
    }
    server.routes.update(
        {
            f"{FEED}content-files/": send(json.dumps(listing).encode(), ETag='"l"'),
            f"{FEED}content-files/{GOOD}/": send(envelope(shipped_data()), ETag='"a"'),
        }
    )
    before = snapshot()
    with server:
        call_command("recurrence_content_load", source=server.url + FEED, dry_run=True)
    out = capsys.readouterr().out
    assert "[dry run] would be created (draft): Does cancer always come back?" in out
    assert "2 requests, 0 answered 304 Not Modified; articles fetched: 1" in out
    assert snapshot() == before
    assert not SourceResponse.objects.exists()  # the next real run fetches again
