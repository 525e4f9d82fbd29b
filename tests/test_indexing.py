"""A load indexes each page once, when it ends, and indexes its final text."""

import threading
from collections import Counter

import pytest
from django_tasks import default_task_backend
from wagtail.models import ReferenceIndex
from wagtail.search.tasks import insert_or_update_object_task
from wagtail.tasks import update_reference_index_task

from recurrence_content.indexing import index_once
from recurrence_content.models import PatientInfoPage
from tests.factories import make_host_page
from tests.loading_helpers import load_command

pytestmark = pytest.mark.django_db

INDEXING = {insert_or_update_object_task.name, update_reference_index_task.name}


@pytest.fixture
def worker(settings):
    """A site whose task worker runs Wagtail's indexing: the queue is kept."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }


def load_with_spanish(host_page, *options: str) -> str:
    return load_command(
        "--parent", str(host_page.pk), "--translations", "es", "--publish", *options
    )


def queued() -> Counter:
    """How many times each (task, app label, model, pk) was queued."""
    return Counter(
        (result.task.name, *result.args)
        for result in default_task_backend.results
        if result.task.name in INDEXING
    )


def pk_of(code: str) -> str:
    return str(PatientInfoPage.objects.get(locale__language_code=code).pk)


def test_a_load_queues_each_page_for_indexing_once(host_page, worker, on_commit):
    with on_commit(execute=True):
        load_with_spanish(host_page)

    jobs = queued()
    # Each page was saved about four times; the worker indexes it once.
    for code in ("en", "es"):
        for task in INDEXING:
            assert (
                jobs[(task, "recurrence_content", "patientinfopage", pk_of(code))] == 1
            )
    assert set(jobs.values()) == {1}


def test_after_a_load_search_finds_each_page_by_its_final_text(host_page, on_commit):
    with on_commit(execute=True):
        load_with_spanish(host_page)

    live = PatientInfoPage.objects.live()
    # The Spanish page began as a copy of the English one; it is found by
    # its Spanish title, which it only had at the end.
    assert [p.locale.language_code for p in live.search("siempre vuelve")] == ["es"]
    assert [p.locale.language_code for p in live.search("always")] == ["en"]


def test_after_a_load_the_reference_index_holds_each_pages_links(host_page, on_commit):
    hereditary = make_host_page(
        host_page, title="Is cancer hereditary?", slug="is-cancer-hereditary"
    )
    with on_commit(execute=True):
        load_with_spanish(
            host_page,
            "--link",
            "is-cancer-hereditary=/cancer-care/is-cancer-hereditary/",
        )

    referring = {
        int(ref.object_id) for ref in ReferenceIndex.get_references_to(hereditary)
    }
    assert referring == {int(pk_of("en")), int(pk_of("es"))}


def test_nothing_is_queued_when_the_block_fails(host_page, worker, on_commit):
    with on_commit(execute=True), pytest.raises(RuntimeError):
        with index_once():
            host_page.save_revision().publish()
            raise RuntimeError("the load's transaction rolls back")

    assert not queued()


def test_an_inner_block_leaves_the_indexing_to_the_outer(host_page, worker, on_commit):
    with on_commit(execute=True):
        with index_once():
            with index_once():
                host_page.save_revision().publish()
            assert not queued()
            host_page.save_revision().publish()

    assert set(queued().values()) == {1}


def test_other_threads_index_as_they_save(worker):
    # The stand-in is this thread's: an editor's request served by another
    # thread of the same process queues its indexing at once.
    seen = []

    def editor():
        insert_or_update_object_task.enqueue("wagtailcore", "page", "1")
        seen.append(len(default_task_backend.results))

    with index_once():
        thread = threading.Thread(target=editor)
        thread.start()
        thread.join()
    assert seen == [1]
