"""Refresh, don't purge: once an article's publication commits, its URLs in
every language, its index page and its feed detail are rendered into the
cache, so the first reader after it costs no query; through a task a real
worker can run instead."""

import time
from urllib.parse import urlsplit

import pytest
from django.db import transaction
from django_tasks import default_task_backend

from recurrence_content.models import PatientInfoIndexPage
from recurrence_content.refresh import article_urls, refresh_articles
from tests.factories import make_article, translate
from tests.feed.helpers import detail_url, list_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def listed(home, locales):
    index = PatientInfoIndexPage(title="Patient information", slug="leaflets")
    home.add_child(instance=index)
    index.save_revision().publish()
    article = make_article(index)
    translate(article, locales["es"], title="¿El cáncer siempre regresa?")
    return article


def urls_of(article) -> list[str]:
    spanish = article.get_translation(article.get_translations().first().locale)
    return [
        article.url,
        spanish.url,
        article.get_parent().url,
        detail_url(article),
        detail_url(article, "es"),
    ]


def ours(results) -> list:
    """The refresh tasks among what was enqueued (Wagtail enqueues its own)."""
    return [result for result in results if result.task.name == "refresh_articles"]


def test_after_a_publication_its_urls_are_served_without_a_query(
    client, listed, on_commit, django_assert_num_queries
):
    urls = urls_of(listed)
    for url in urls:
        client.get(url, HTTP_HOST="localhost")
    with on_commit(execute=True):
        listed.title = "Can cancer come back?"
        listed.save_revision().publish()

    for url in urls:
        with django_assert_num_queries(0, info=url):
            client.get(url, HTTP_HOST="localhost")
    responses = [client.get(url, HTTP_HOST="localhost") for url in urls]
    assert [response.status_code for response in responses] == [200] * 5
    assert "Can cancer come back?" in responses[0].content.decode()
    assert "Can cancer come back?" in responses[2].content.decode()  # the index
    assert responses[3].json()["title"] == "Can cancer come back?"


def test_an_unpublication_renders_nothing(listed, on_commit, settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    with on_commit(execute=True):
        listed.unpublish()

    (result,) = ours(default_task_backend.results)
    published, unpublished = result.args
    assert listed.pk in unpublished and listed.pk not in published
    assert refresh_articles.call([], [listed.pk]) == 0


def read_everywhere(client, article) -> None:
    """A reader of every URL that shows ``article``, in every language."""
    for version in article.get_translations(inclusive=True).specific():
        for url in article_urls(version):
            parts = urlsplit(url)
            path = f"{parts.path}?{parts.query}" if parts.query else parts.path
            client.get(path, HTTP_HOST=parts.netloc)


def test_with_a_worker_the_publication_only_enqueues_the_refresh(
    client, listed, on_commit, settings
):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    read_everywhere(client, listed)
    with on_commit(execute=True):
        listed.save_revision().publish()

    (result,) = ours(default_task_backend.results)
    # What the worker then does: every URL of the article, rendered.
    # Two pages, the index page, three feed details (the default language's
    # also without ?locale=), the feed's list and its lists by language; the
    # Spanish index, copied untranslated with the article, redirects.
    assert refresh_articles.call(*result.args) == 9


def test_urls_nobody_has_read_are_left_to_their_first_reader(
    client, listed, on_commit, worker
):
    with on_commit(execute=True):
        listed.save_revision().publish()

    (result,) = ours(default_task_backend.results)
    assert refresh_articles.call(*result.args) == 0
    # Read once, it is refreshed after the next publication.
    read_everywhere(client, listed)
    assert refresh_articles.call(*result.args) == 9


def test_another_pages_publication_enqueues_nothing(home, listed, on_commit, settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    with on_commit(execute=True):
        home.save_revision().publish()
        make_article(home, title="Draft only", publish=False).save_revision()

    assert ours(default_task_backend.results) == []


@pytest.fixture
def worker(settings):
    """A real worker's backend: publications only enqueue their refresh."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    default_task_backend.clear()


def test_articles_published_together_are_refreshed_once_each(
    client, home, listed, on_commit, worker
):
    other = make_article(listed.get_parent(), title="Living with uncertainty")
    read_everywhere(client, listed)
    read_everywhere(client, other)
    with on_commit(execute=True):
        listed.save_revision().publish()
        other.save_revision().publish()
        listed.save_revision().publish()

    (result,) = ours(default_task_backend.results)
    assert {listed.pk, other.pk} <= set(result.args[0])
    # The 9 URLs of the first (its index page and the feed's lists among
    # them) and the 3 of the second that the first does not share: its page
    # and its feed detail with and without ?locale=.
    assert refresh_articles.call(*result.args) == 9 + 3


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_publication_is_not_refreshed(home, worker):
    index = PatientInfoIndexPage(title="Patient information", slug="leaflets")
    home.add_child(instance=index)
    article = make_article(index)
    default_task_backend.clear()
    with pytest.raises(RuntimeError), transaction.atomic():
        article.save_revision().publish()
        raise RuntimeError("rolled back")
    assert ours(default_task_backend.results) == []

    other = make_article(index, title="Living with uncertainty")
    (result,) = ours(default_task_backend.results)
    assert result.args == [[other.pk], []]


def test_readers_keep_the_cached_version_until_the_refresh_is_done(
    client, listed, on_commit, worker, django_assert_num_queries
):
    url = listed.url
    client.get(url, HTTP_HOST="localhost")
    with on_commit(execute=True):
        listed.title = "Cancer returning: what to know"
        listed.save_revision().publish()

    # Published, not yet refreshed: the version readers had, from the cache.
    with django_assert_num_queries(0):
        before = client.get(url, HTTP_HOST="localhost").content.decode()
    assert "Cancer returning: what to know" not in before

    (result,) = ours(default_task_backend.results)
    refresh_articles.call(*result.args)
    with django_assert_num_queries(0):
        after = client.get(url, HTTP_HOST="localhost").content.decode()
    assert "Cancer returning: what to know" in after


def test_past_the_grace_period_readers_get_the_new_version(
    client, listed, on_commit, worker, settings
):
    settings.RECURRENCE_CONTENT_RESPONSE_CACHE_REFRESH_GRACE = 1
    url = listed.url
    client.get(url, HTTP_HOST="localhost")
    with on_commit(execute=True):
        listed.title = "Cancer returning: what to know"
        listed.save_revision().publish()
    # The worker never ran the refresh: once the grace is over, the first
    # reader renders the new version.
    time.sleep(1.1)
    assert (
        "Cancer returning: what to know"
        in client.get(url, HTTP_HOST="localhost").content.decode()
    )


def test_an_unpublication_serves_nothing_it_had(client, listed, on_commit, worker):
    url, listing = listed.url, list_url(locale="en")
    for address in (url, listing):
        client.get(address, HTTP_HOST="localhost")
    # A publication whose refresh the worker has not run yet: its URLs are
    # served from the cache meanwhile...
    with on_commit(execute=True):
        listed.save_revision().publish()
    assert client.get(url, HTTP_HOST="localhost").status_code == 200
    # ...but never once it is unpublished, nor the lists that showed it.
    with on_commit(execute=True):
        listed.unpublish()
    assert client.get(url, HTTP_HOST="localhost").status_code == 404
    listed_titles = [
        article["title"]
        for article in client.get(listing, HTTP_HOST="localhost").json()["results"]
    ]
    assert listed.title not in listed_titles
