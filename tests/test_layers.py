"""The three layers, one direction (docs/architecture.md), checked on every import in the source.

Every `import` and `from … import` is read with `ast`, at any depth (function-local and
TYPE_CHECKING imports count too: a late import is still a dependency).
- A feature package (tasks, contacts, reports, pdca, review) runs without Qt: it imports neither
  PySide6/Qt nor the front doors above it (workbench.ui, workbench.cli, workbench.app).
- workbench/store/ imports nothing above it. Allowed besides the store itself: the neutral leaf
  modules listed in STORE_MAY_IMPORT (errors, the one clock, the schema facts, the package's
  constants in workbench/__init__.py) and third-party / standard-library modules.
- No cycle between feature packages (contacts -> reports -> contacts …). Code two features share goes
  down into a neutral package (workbench/sheets/ reads spreadsheet files for both) or is passed in.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import workbench

PACKAGE = Path(workbench.__file__).parent
FEATURES = ("tasks", "contacts", "reports", "pdca", "review")
FEATURE_MUST_NOT_IMPORT = ("PySide6", "shiboken6", "workbench.ui", "workbench.cli", "workbench.app")
# Leaf modules that import nothing of the app's own layers, so the store may use them.
STORE_MAY_IMPORT = ("workbench", "workbench.errors", "workbench.clock", "workbench.schema_facts")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_names(path: Path) -> list[tuple[int, str]]:
    """(line, module) for every import in the file, relative imports made absolute."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            found.append((node.lineno, base))
            # `from workbench import schema` names a module too
            found.extend((node.lineno, f"{base}.{alias.name}") for alias in node.names
                         if (PACKAGE.parent / base.replace(".", "/") / alias.name).with_suffix(".py").exists()
                         or (PACKAGE.parent / base.replace(".", "/") / alias.name / "__init__.py").exists())
    return found


def sources(under: Path) -> list[Path]:
    return sorted(p for p in under.rglob("*.py") if "__pycache__" not in p.parts)


def within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def feature_of(name: str) -> str | None:
    parts = name.split(".")
    if len(parts) >= 2 and parts[0] == "workbench" and parts[1] in FEATURES:
        return parts[1]
    return None


def test_the_scanner_sees_function_local_relative_and_type_checking_imports():
    # a real feature module stands in for a planted one: its late imports are inside functions
    names = {name for _, name in imported_names(PACKAGE / "contacts" / "user_import.py")}
    assert "workbench.sheets.file_sniff" in names and "workbench.sheets.readers" in names
    names = {name for _, name in imported_names(PACKAGE / "schema.py")}
    assert "workbench.store.migrate" in names  # under TYPE_CHECKING
    assert "workbench.contacts.schema" in names  # `from workbench.contacts import schema` in a function


def feature_leaks(imports: list[tuple[str, int, str]]) -> list[str]:
    """(file, line, module) imports of a feature package that reach Qt or a front door."""
    return [f"{where}:{line} imports {name}" for where, line, name in imports
            if any(within(name, banned) for banned in FEATURE_MUST_NOT_IMPORT)]


def store_leaks(imports: list[tuple[str, int, str]]) -> list[str]:
    """(file, line, module) imports of the store that reach above it."""
    return [f"{where}:{line} imports {name}" for where, line, name in imports
            if within(name, "workbench") and not within(name, "workbench.store") and name not in STORE_MAY_IMPORT]


def imports_under(folder: Path) -> list[tuple[str, int, str]]:
    return [(str(path.relative_to(PACKAGE.parent)), line, name)
            for path in sources(folder) for line, name in imported_names(path)]


def test_the_rules_catch_planted_imports():
    planted = [("workbench/tasks/x.py", 3, "PySide6.QtCore"), ("workbench/tasks/x.py", 4, "workbench.cli"),
               ("workbench/tasks/x.py", 5, "workbench.ui.shell.context"), ("workbench/tasks/x.py", 6, "workbench.store"),
               ("workbench/tasks/x.py", 7, "workbench.command_line")]
    assert feature_leaks(planted) == ["workbench/tasks/x.py:3 imports PySide6.QtCore",
                                      "workbench/tasks/x.py:4 imports workbench.cli",
                                      "workbench/tasks/x.py:5 imports workbench.ui.shell.context"]
    planted = [("workbench/store/x.py", 1, "workbench.schema"), ("workbench/store/x.py", 2, "workbench.sheets.readers"),
               ("workbench/store/x.py", 3, "workbench.errors"), ("workbench/store/x.py", 4, "workbench.store.paths"),
               ("workbench/store/x.py", 5, "sqlite3")]
    assert store_leaks(planted) == ["workbench/store/x.py:1 imports workbench.schema",
                                    "workbench/store/x.py:2 imports workbench.sheets.readers"]


@pytest.mark.parametrize("feature", FEATURES)
def test_a_feature_imports_no_qt_and_no_front_door(feature):
    assert feature_leaks(imports_under(PACKAGE / feature)) == []


def test_the_store_imports_nothing_above_it():
    assert store_leaks(imports_under(PACKAGE / "store")) == []


def feature_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {feature: set() for feature in FEATURES}
    for feature in FEATURES:
        for path in sources(PACKAGE / feature):
            for _, name in imported_names(path):
                other = feature_of(name)
                if other and other != feature:
                    graph[feature].add(other)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle, each once, as the list of packages along it (depth-first from each node)."""
    found: set[tuple[str, ...]] = set()

    def walk(path: list[str]) -> None:
        for nxt in sorted(graph[path[-1]]):
            if nxt == path[0]:
                start = path.index(min(path))
                found.add(tuple(path[start:] + path[:start]))
            elif nxt not in path and nxt > path[0]:
                walk(path + [nxt])

    for node in sorted(graph):
        walk([node])
    return [list(cycle) for cycle in sorted(found)]


def test_the_cycle_finder_finds_a_planted_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_cycle_between_feature_packages():
    assert cycles(feature_graph()) == []
