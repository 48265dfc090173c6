"""One way to do each thing in ui/ (issue 15 points 2 and 3), read from the source with `ast`:

- every undo command derives from the one base, ui/common/undo_command.py's UndoCommand (which alone
  subclasses QUndoCommand), and none is defined inside a function;
- no module under ui/ runs SQL: no `.execute(`/`.executemany(`/`.executescript(` call, no `.query(` on a
  database, no `db[...]` table access (views ask feature functions);
- the bare-string change signal (AppEvents.data_ + changed) is gone everywhere: changes travel as one
  typed Changes on AppEvents.changed.
"""
from __future__ import annotations

import ast
from pathlib import Path

import workbench

PACKAGE = Path(workbench.__file__).parent
UI = PACKAGE / "ui"
ROOT = PACKAGE.parent
BASE_MODULE = UI / "common" / "undo_command.py"


def ui_sources() -> list[Path]:
    return sorted(p for p in UI.rglob("*.py") if "__pycache__" not in p.parts)


def trees() -> dict[Path, ast.Module]:
    return {p: ast.parse(p.read_text(encoding="utf-8"), filename=str(p)) for p in ui_sources()}


def last_name(node: ast.expr) -> str:
    return node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")


def classes(tree: ast.Module):
    """(class node, True when it sits inside a function) for every class in the module."""
    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                yield child, in_function
                yield from visit(child, in_function)
            elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                yield from visit(child, True)
            else:
                yield from visit(child, in_function)
    yield from visit(tree, False)


def test_every_undo_command_derives_from_the_one_base():
    found = {path: list(classes(tree)) for path, tree in trees().items()}
    bases: dict[str, set[str]] = {}
    for entries in found.values():
        for node, _ in entries:
            bases.setdefault(node.name, set()).update(last_name(b) for b in node.bases)

    def ancestors(name: str, seen=()) -> set[str]:
        out = set()
        for base in bases.get(name, ()):
            if base not in seen:
                out |= {base} | ancestors(base, (*seen, base))
        return out

    commands, wrong = [], []
    for path, entries in found.items():
        for node, in_function in entries:
            direct = {last_name(b) for b in node.bases}
            if "QUndoCommand" not in ancestors(node.name) | direct:
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno} {node.name}"
            if path == BASE_MODULE and node.name == "UndoCommand":
                continue
            commands.append(where)
            if "QUndoCommand" in direct or "UndoCommand" not in ancestors(node.name) or in_function:
                wrong.append(where)
    assert len(commands) >= 39, commands  # the walk sees them all (a renamed base would hide them)
    assert wrong == [], "derive undo commands from ui/common/undo_command.py's UndoCommand, at module level"


SQL_CALLS = {"execute", "executemany", "executescript"}


def test_no_module_under_ui_runs_sql():
    offences = []
    for path, tree in trees().items():
        for node in ast.walk(tree):
            where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                receiver = ast.unparse(node.func.value)
                if node.func.attr in SQL_CALLS or (node.func.attr == "query" and ("db" in receiver or "conn" in receiver)):
                    offences.append(f"{where} {ast.unparse(node.func)}(…)")
            elif isinstance(node, ast.Subscript) and ast.unparse(node.value).split(".")[-1] in ("db", "conn"):
                offences.append(f"{where} {ast.unparse(node)}")
    assert offences == [], "views never run SQL: call a feature function (tasks/, contacts/, reports/, …)"


def test_the_bare_string_change_signal_is_gone():
    name = "data" + "_changed"
    places = [p for folder in ("workbench", "tests", "docs") for p in (ROOT / folder).rglob("*")
              if p.suffix in (".py", ".md") and "__pycache__" not in p.parts and name in p.read_text(encoding="utf-8")]
    places += [p for p in [ROOT / "README.md"] if name in p.read_text(encoding="utf-8")]
    assert places == []
