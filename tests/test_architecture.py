"""The floors hold: no app imports one above it, and no two files import each other.

Both are read from the code with ``ast`` (every import, at the top of a module or inside a
function), so a new upward import or a new pair of files importing each other fails here;
there is no list of exceptions. The one upward call is registering: an app adds its part of
a page, report or archive by importing the ``registry`` module of the app that builds it.
The floors are drawn in docs/architecture.md.
"""

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FLOORS = [
    {"imroc", "design", "audit"},
    {"notifications"},
    {"sites", "accounts"},
    {
        "challenges",
        "pdsa",
        "learning_sets",
        "support",
        "peer_support",
        "colleges",
        "teams",
        "coproduction",
    },
    {"reports", "site_exports", "dashboard", "benchmarks", "api"},
]
FLOOR = {app: level for level, apps in enumerate(FLOORS) for app in apps}


def project_modules() -> dict[str, Path]:
    """Every module of the project's apps by dotted name (``sites.views``, ``sites``)."""
    modules = {}
    for app in FLOOR:
        for path in (ROOT / app).rglob("*.py"):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def imported_names(path: Path, module: str) -> set[str]:
    """Dotted names a module imports, relative imports resolved; ``from a import b`` gives
    both ``a.b`` and ``a`` (the caller keeps whichever is a module)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def import_graph() -> dict[str, set[str]]:
    """Module -> the project modules it imports (the most specific module a name reaches)."""
    modules = project_modules()
    graph = defaultdict(set)
    for module, path in modules.items():
        for name in imported_names(path, module):
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name and name != module:
                graph[module].add(name)
    return graph


def upward_imports(graph) -> list[str]:
    return sorted(
        f"{module} imports {target}"
        for module, targets in graph.items()
        for target in targets
        if FLOOR[target.split(".")[0]] > FLOOR[module.split(".")[0]]
        and target.rpartition(".")[2] != "registry"
    )


def import_cycles(graph) -> list[str]:
    """Pairs of modules importing each other (a package's ``__init__`` counts as its file)."""
    return sorted(
        f"{module} <-> {target}"
        for module, targets in graph.items()
        for target in targets
        if module < target and module in graph.get(target, ())
    )


def test_every_app_of_the_project_stands_on_a_floor():
    apps = {path.parent.name for path in ROOT.glob("*/apps.py")}
    assert apps - set(FLOOR) == set()


def test_no_app_imports_an_app_above_it():
    assert upward_imports(import_graph()) == []


def test_no_two_files_import_each_other():
    assert import_cycles(import_graph()) == []


def import_rings(graph) -> list[list[str]]:
    """Modules importing each other through others (A -> B -> C -> A), as a package's
    ``__init__`` re-exporting a module that imports back can hide: every strongly connected
    group of more than one module."""
    order, low, stack, rings = {}, {}, [], []

    def visit(module):
        order[module] = low[module] = len(order)
        stack.append(module)
        for target in graph.get(module, ()):
            if target not in order:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], order[target])
        if low[module] == order[module]:
            ring = []
            while not ring or ring[-1] != module:
                ring.append(stack.pop())
            if len(ring) > 1:
                rings.append(sorted(ring))

    for module in list(graph):
        if module not in order:
            visit(module)
    return sorted(rings)


def test_no_files_import_each_other_through_others():
    assert import_rings(import_graph()) == []


def test_the_checks_see_an_upward_import_and_a_cycle(tmp_path, monkeypatch):
    """The checks find what they look for: a lower app reaching up, two files in a ring."""
    for app, source in {
        "sites": "from pdsa.models import Goal\nfrom pdsa import registry\n",
        "pdsa": "from . import b\n",
    }.items():
        (tmp_path / app).mkdir()
        (tmp_path / app / "a.py").write_text(source)
    (tmp_path / "pdsa" / "models.py").write_text("")
    (tmp_path / "pdsa" / "registry.py").write_text("")
    (tmp_path / "pdsa" / "b.py").write_text("from pdsa import a\n")
    monkeypatch.setattr(__name__ + ".ROOT", tmp_path)
    monkeypatch.setattr(__name__ + ".FLOOR", {"sites": 2, "pdsa": 3})
    graph = import_graph()
    assert upward_imports(graph) == ["sites.a imports pdsa.models"]
    assert import_cycles(graph) == ["pdsa.a <-> pdsa.b"]
    assert import_rings(graph) == [["pdsa.a", "pdsa.b"]]
