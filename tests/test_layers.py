"""The package's layers, read from its imports: no two packages import each
other, the core never imports an optional app, and ``models/`` imports only
what its fields need. A failure names the modules and lines at fault."""

import ast
from collections import defaultdict
from pathlib import Path

import recurrence_content

PACKAGE = Path(recurrence_content.__file__).parent
# What the page types' fields and panels are built from.
MODELS_MAY_IMPORT = {"blocks", "coding", "conf", "languages", "page_model", "models"}


def _unit(module: str) -> str:
    """``recurrence_content.translation.status`` -> ``translation``; a module
    at the top (``recurrence_content.conf``) is a unit of its own."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "(package)"


def _imports() -> dict[str, dict[str, list[str]]]:
    """``{unit: {imported unit: ["file:line", ...]}}`` for every import,
    at module level or inside a function."""
    graph: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for path in PACKAGE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        package = parts if path.name == "__init__.py" else parts[:-1]
        if path.name == "__init__.py":
            parts = parts[:-1]
        source = _unit(".".join(parts))
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.ImportFrom):
                continue
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if module.split(".")[0] != "recurrence_content":
                continue
            targets = (
                [module]
                if node.module
                else [f"{module}.{alias.name}" for alias in node.names]
            )
            for target in targets:
                if _unit(target) != source:
                    where = f"{path.relative_to(PACKAGE)}:{node.lineno}"
                    graph[source][_unit(target)].append(where)
    return graph


def _optional_apps() -> set[str]:
    """Packages that are Django apps of their own (a host may leave them out)."""
    return {path.parent.name for path in PACKAGE.glob("*/apps.py")}


def test_no_two_packages_import_each_other():
    graph = _imports()
    both_ways = [
        f"{a} <-> {b}: {graph[a][b][:3]} / {graph[b][a][:3]}"
        for a in sorted(graph)
        for b in sorted(graph[a])
        if a < b and a in graph.get(b, {})
    ]
    assert both_ways == []


def test_the_core_imports_no_optional_app():
    optional = _optional_apps()
    assert {"api", "infobutton"} <= optional
    graph = _imports()
    wrong = [
        f"{source} imports {target}: {graph[source][target][:3]}"
        for source in sorted(graph)
        if source not in optional
        for target in sorted(graph[source])
        if target in optional
    ]
    assert wrong == []


def test_optional_apps_do_not_import_each_other():
    optional = _optional_apps()
    graph = _imports()
    wrong = [
        f"{source} imports {target}: {graph[source][target][:3]}"
        for source in sorted(optional)
        for target in sorted(graph.get(source, {}))
        if target in optional
    ]
    assert wrong == []


def test_models_import_only_what_their_fields_need():
    graph = _imports()
    extra = {
        target: where
        for target, where in graph["models"].items()
        if target not in MODELS_MAY_IMPORT
    }
    assert extra == {}


def _imports_inside_functions():
    """(file:line, source line, comment found) for each import in a function
    body, AppConfig.ready() left out (Django's place for them)."""
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        for function in ast.walk(ast.parse("\n".join(lines))):
            if not isinstance(function, ast.FunctionDef) or function.name == "ready":
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    above = lines[max(0, node.lineno - 4) : node.lineno - 1]
                    said = "#" in lines[node.lineno - 1] or any(
                        line.strip().startswith("#") for line in above
                    )
                    where = f"{path.relative_to(PACKAGE)}:{node.lineno}"
                    yield where, lines[node.lineno - 1].strip(), said


def test_each_import_inside_a_function_says_why():
    """Imports inside functions only where needed (an optional app, a circle
    Django's app loading forces), each with a comment saying why."""
    unexplained = [
        f"{where}: {line}"
        for where, line, said in _imports_inside_functions()
        if not said
    ]
    assert unexplained == []
