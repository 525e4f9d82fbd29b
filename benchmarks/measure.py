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


def time_requests(
    request: Callable[[], object],
    before: Callable[[], object] | None = None,
    rounds: int = 3,
    number: int = 40,
) -> Timing:
    """Median and p95 over ``rounds`` × ``number`` calls of ``request``;
    ``before`` runs untimed before each call (e.g. emptying caches)."""
    if before:
        before()
    with CaptureQueriesContext(connection) as queries:
        response = request()
    # Now: every request start empties the query log (request_started).
    query_count = len(queries)
    status = getattr(response, "status_code", 200)
    if status != 200:
        raise RuntimeError(f"benchmark request answered {status}")
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
