"""Refresh, don't purge: once an article's publication commits, its URLs in
every language, its index page and its feed detail are rendered into the
cache, so the first reader after it costs no query; through a task a real
worker can run instead."""

import pytest
from django_tasks import default_task_backend

from recurrence_content.models import PatientInfoIndexPage
from recurrence_content.refresh import refresh_article
from tests.factories import make_article, translate
from tests.feed.helpers import detail_url

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
    return [result for result in results if result.task.name == "refresh_article"]


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
    assert result.args == [listed.pk, False]
    assert refresh_article.call(listed.pk, False) == 0


def test_with_a_worker_the_publication_only_enqueues_the_refresh(
    client, listed, on_commit, settings
):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    with on_commit(execute=True):
        listed.save_revision().publish()

    (result,) = ours(default_task_backend.results)
    # What the worker then does: every URL of the article, rendered.
    # Two pages, the index page, three feed details (the default language's
    # also without ?locale=), the feed's list and its lists by language; the
    # Spanish index, copied untranslated with the article, redirects.
    assert refresh_article.call(*result.args) == 9


def test_another_pages_publication_enqueues_nothing(home, listed, on_commit, settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    with on_commit(execute=True):
        home.save_revision().publish()
        make_article(home, title="Draft only", publish=False).save_revision()

    assert ours(default_task_backend.results) == []
