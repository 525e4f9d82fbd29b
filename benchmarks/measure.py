"""Timing and query counting for in-process requests."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.test.utils import CaptureQueriesContext


@dataclass
class Timing:
    """Per-request times in ms and the SQL queries of one request."""

    median: float
    p95: float
    queries: int


def count_queries(
    request: Callable[[], object], before: Callable[[], object] | None = None
) -> int:
    """The SQL queries of one call of ``request`` (after ``before``)."""
    if before:
        before()
    with CaptureQueriesContext(connection) as queries:
        response = request()
    status = getattr(response, "status_code", 200)
    if status != 200:
        raise RuntimeError(f"benchmark request answered {status}")
    return len(queries)


def time_requests(
    request: Callable[[], object],
    before: Callable[[], object] | None = None,
    rounds: int = 3,
    number: int = 40,
) -> Timing:
    """Median and p95 over ``rounds`` × ``number`` calls of ``request``;
    ``before`` runs untimed before each call (e.g. emptying caches)."""
    query_count = count_queries(request, before)
    samples = []
    for _ in range(rounds):
        for _ in range(number):
            if before:
                before()
            start = time.perf_counter()
            request()
            samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return Timing(
        median=statistics.median(samples),
        p95=samples[min(len(samples) - 1, int(len(samples) * 0.95))],
        queries=query_count,
    )


def time_pair(
    ours: Callable[[], object],
    baseline: Callable[[], object],
    before: Callable[[], object] | None = None,
    rounds: int = 3,
    number: int = 40,
) -> tuple[Timing, Timing]:
    """``time_requests`` for two requests, one call of each in turn, so a
    busy machine slows both alike and their ratio stays meaningful."""
    counts = [count_queries(call, before) for call in (ours, baseline)]
    samples: tuple[list[float], list[float]] = ([], [])
    for _ in range(rounds * number):
        for call, times in zip((ours, baseline), samples, strict=True):
            if before:
                before()
            start = time.perf_counter()
            call()
            times.append((time.perf_counter() - start) * 1000)
    return tuple(
        Timing(
            median=statistics.median(times),
            p95=sorted(times)[min(len(times) - 1, int(len(times) * 0.95))],
            queries=count,
        )
        for count, times in zip(counts, samples, strict=True)
    )
