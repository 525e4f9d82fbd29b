"""Two gunicorn servers on one PostgreSQL database and one Redis: a change
published through one server's admin is what the other serves at once, for
the page and the feed, and validators (ETags) follow it."""

import http.cookiejar
import re
import urllib.parse
import urllib.request

import pytest

from tests.feed.helpers import detail_url, list_url
from tests.production.conftest import get

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

NEW_TITLE = "Can cancer come back?"


class AdminSession:
    """A Wagtail admin login on one server, as an editor's browser has."""

    def __init__(self, base_url: str, username: str, password: str):
        self.base_url = base_url
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies)
        )
        self.post("/admin/login/", {"username": username, "password": password})

    def csrf_token(self) -> str:
        return next(c.value for c in self.cookies if c.name == "csrftoken")

    def get(self, path: str) -> str:
        with self.opener.open(self.base_url + path, timeout=30) as response:
            return response.read().decode()

    def post(self, path: str, data: dict) -> str:
        page = self.get(path)  # sets the CSRF cookie, as a browser would
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **data})
        with self.opener.open(
            self.base_url + path, body.encode(), timeout=30
        ) as response:
            return response.read().decode()


def test_publish_through_one_server_is_served_by_the_other(
    start_gunicorn, article, django_user_model
):
    one, other = start_gunicorn(), start_gunicorn()
    django_user_model.objects.create_superuser("editor", "e@example.org", "pw-editor")
    page_url, feed_url = article.url, detail_url(article, "en")

    # Both servers agree on the page and its validator before the change.
    _, page_headers, page_body = get(other.url + page_url)
    assert article.title in page_body
    assert get(one.url + page_url)[1]["ETag"] == page_headers["ETag"]
    _, feed_headers, _ = get(other.url + feed_url)
    assert get(one.url + feed_url)[1]["ETag"] == feed_headers["ETag"]
    assert (
        get(other.url + feed_url, **{"If-None-Match": feed_headers["ETag"]})[0] == 304
    )
    get(other.url + list_url())  # cached on the shared Redis

    # An editor drafts a new title and publishes it through the first server.
    article.title = NEW_TITLE
    article.save_revision()
    admin = AdminSession(one.url, "editor", "pw-editor")
    admin.post(
        f"/admin/bulk/wagtailcore/page/publish/?id={article.pk}&next=/admin/", {}
    )
    article.refresh_from_db()
    assert article.live and article.title == NEW_TITLE

    # The other server serves the change, with new validators.
    status, headers, body = get(
        other.url + page_url, **{"If-None-Match": page_headers["ETag"]}
    )
    assert status == 200 and NEW_TITLE in body
    assert headers["ETag"] != page_headers["ETag"]
    status, headers, body = get(
        other.url + feed_url, **{"If-None-Match": feed_headers["ETag"]}
    )
    assert status == 200 and NEW_TITLE in body
    assert headers["ETag"] != feed_headers["ETag"]
    status, _, body = get(other.url + list_url())
    assert status == 200 and NEW_TITLE in body
