"""Index each page once per load, not at every save.

Wagtail keeps a page's search-index and reference-index entries current from
``post_save``, through django-tasks, at every save. Loading an article and
its translation saves each page about four times (created, revised,
published, translated), all in one transaction, so only the last state is
ever committed, and indexing the others is wasted: it was a quarter of a
pull's time.

Within ``index_once()``, those two tasks are collected in this thread, one
per object, and enqueued when the block ends, through the same backend they
would have used: the host's own (a worker runs them), or django-tasks'
immediate backend (they run there and then, inside the load's transaction,
as they did at each save). Each task reads its object from the database when
it runs, so once at the end indexes what is committed. Every other task
passes straight through.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from wagtail.search.tasks import insert_or_update_object_task
from wagtail.tasks import update_reference_index_task

try:
    from django_tasks import task_backends
except ImportError:  # django-tasks before 0.8 (Wagtail 7.0)
    from django_tasks import tasks as task_backends

ONCE_PER_OBJECT = (insert_or_update_object_task, update_reference_index_task)
_ONCE_FUNCS = {task.func for task in ONCE_PER_OBJECT}


class _Collecting:
    """Stands in for a task backend in one thread; see ``index_once``."""

    def __init__(self, backend: Any):
        self.backend = backend
        self.collected: dict[tuple, Any] = {}

    def enqueue(self, task, args, kwargs):
        if task.func in _ONCE_FUNCS and not kwargs:
            # (app label, model name, pk): the same object is indexed once.
            self.collected.setdefault((task.func, tuple(args)), task)
            return None
        return self.backend.enqueue(task, args, kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.backend, name)


@contextlib.contextmanager
def index_once() -> Iterator[None]:
    """Index each object saved in the block once, when the block ends.

    Re-entrant: an inner block leaves the work to the outer one. When the
    block raises, nothing is enqueued (its transaction rolls back).
    """
    aliases = {task.backend for task in ONCE_PER_OBJECT}
    backends = {alias: task_backends[alias] for alias in aliases}
    if any(isinstance(b, _Collecting) for b in backends.values()):
        yield
        return
    collecting = {alias: _Collecting(b) for alias, b in backends.items()}
    for alias, stand_in in collecting.items():
        task_backends[alias] = stand_in
    try:
        yield
    finally:
        # task_backends keeps one backend per thread: other threads (an
        # editor's request in the same process) never saw the stand-in.
        for alias, backend in backends.items():
            task_backends[alias] = backend
    for stand_in in collecting.values():
        for (_func, args), task in stand_in.collected.items():
            task.enqueue(*args)
