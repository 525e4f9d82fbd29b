"""Rows of results, each target beside its measurement; JSON and Markdown."""

from __future__ import annotations

import json
import platform
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


@dataclass
class Row:
    """One measurement against its baseline and its target."""

    section: str
    name: str
    measured: str  # what we measured, human-readable
    baseline: str  # the baseline in the same run
    ratio: str  # the figure the target is about
    target: str
    met: bool | None  # None: no target
    data: dict = field(default_factory=dict)


def print_row(row: Row) -> None:
    mark = {True: "met", False: "MISSED", None: "-"}[row.met]
    print(
        f"[{row.section}] {row.name}: {row.measured} | baseline {row.baseline} | "
        f"{row.ratio} (target {row.target}) {mark}",
        flush=True,
    )


def write(rows: list[Row], context: dict) -> tuple[Path, Path]:
    RESULTS.mkdir(exist_ok=True)
    meta = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "python": platform.python_version(),
        **context,
    }
    json_path = RESULTS / "latest.json"
    json_path.write_text(
        json.dumps({"meta": meta, "rows": [asdict(r) for r in rows]}, indent=2)
    )
    lines = [
        f"# Benchmarks ({meta['when']})",
        "",
        ", ".join(f"{k}: {v}" for k, v in context.items()),
        "",
        "| section | benchmark | measured | baseline | ratio | target | met |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        met = {True: "yes", False: "**no**", None: "-"}[r.met]
        lines.append(
            f"| {r.section} | {r.name} | {r.measured} | {r.baseline} | {r.ratio} "
            f"| {r.target} | {met} |"
        )
    md_path = RESULTS / "latest.md"
    md_path.write_text("\n".join(lines) + "\n")
    return json_path, md_path
