"""The house in order: imports point down the layers, no circles, Streamlit only in ui, no side effects on import."""

import ast
import subprocess
import sys
from pathlib import Path

from tests.support.paths import REPO

PACKAGE = REPO / "lstm"
# Top to bottom: a module may import its own layer and the layers below it, never one above.
LAYERS = ["ui", "classroom", "figures", "explorer", "training", "insights", "unit", "locales"]
# Outside the layers: the package's entry points (the command line, the notebook API), which may reach every
# layer but ui.
ENTRY_POINTS = {"lstm", "lstm.__main__", "lstm.cli", "lstm.api"}
# What needs a checkout, a browser or a test runner lives in bench/ and tests/, not in the installed package;
# only the command line reaches the benchmark, from a checkout.
NOT_IN_THE_PACKAGE = {"playwright", "pytest", "tests"}
REACHES_THE_BENCHMARK = {"lstm.cli"}
LONGEST_FUNCTION = 80


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports_of(path: Path) -> set[str]:
    """Every module `path` imports, anywhere in it: at the top, inside functions, under TYPE_CHECKING.

    A type used is a dependency too, so a circle hidden behind TYPE_CHECKING is still a circle.
    """
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            # `from lstm.ui import explorer` imports the module lstm.ui.explorer.
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def project_imports(path: Path, known: dict[str, Path]) -> set[str]:
    return {name for name in imports_of(path) if name in known} - {module_name(path)}


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def test_every_module_is_in_a_layer_or_an_entry_point():
    loose = [name for name in modules() if layer_of(name) is None and name not in ENTRY_POINTS]
    assert loose == [], "lstm/ holds only __init__, __main__, cli and the layers' folders"
    assert len({layer_of(name) for name in modules()} - {None}) >= 4


def test_imports_point_down_the_layers():
    known = modules()
    upward = []
    for name, path in known.items():
        for target in project_imports(path, known):
            source_layer, target_layer = layer_of(name), layer_of(target)
            if target_layer is None:
                if target in ENTRY_POINTS and name not in ENTRY_POINTS:
                    upward.append(f"{name} -> {target}")
            elif source_layer is None:
                if target_layer == "ui":
                    upward.append(f"{name} -> {target}")
            elif LAYERS.index(target_layer) < LAYERS.index(source_layer):
                upward.append(f"{name} -> {target}")
    assert upward == []


def find_circle(graph: dict[str, set[str]]) -> list[str] | None:
    """A cycle in the import graph as a list of modules, or None."""
    done: set[str] = set()

    def visit(node: str, trail: list[str]) -> list[str] | None:
        if node in trail:
            return [*trail[trail.index(node) :], node]
        if node in done:
            return None
        for target in sorted(graph.get(node, ())):
            circle = visit(target, [*trail, node])
            if circle:
                return circle
        done.add(node)
        return None

    for start in sorted(graph):
        circle = visit(start, [])
        if circle:
            return circle
    return None


def test_no_import_circles():
    known = modules()
    graph = {
        name: {target for target in project_imports(path, known) if target != "lstm"} for name, path in known.items()
    }
    assert find_circle(graph) is None, " -> ".join(find_circle(graph) or [])


def test_the_circle_finder_finds_a_circle():
    assert find_circle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_circle({"a": {"b"}, "b": set()}) is None


def test_streamlit_only_in_ui_and_no_test_or_browser_code_in_the_package():
    offenders = []
    for name, path in modules().items():
        roots = {imported.split(".")[0] for imported in imports_of(path)}
        if "streamlit" in roots and layer_of(name) != "ui":
            offenders.append(f"{name} imports streamlit")
        offenders += [f"{name} imports {root}" for root in sorted(roots & NOT_IN_THE_PACKAGE)]
        if "bench" in roots and name not in REACHES_THE_BENCHMARK:
            offenders.append(f"{name} imports bench")
    assert offenders == []


def test_the_entry_frame_imports_only_the_navigation_the_language_the_page_style_and_the_servers_mend():
    imported = {name for name in imports_of(REPO / "streamlit_app.py") if name.startswith("lstm.")}
    assert imported <= {
        "lstm.locales",
        "lstm.ui",
        "lstm.ui.components",
        "lstm.ui.components.style",
        "lstm.ui.language",
        "lstm.ui.late_tick",
        "lstm.ui.navigation",
        "lstm.ui.routes",
    }


def test_no_function_is_longer_than_the_limit():
    long = []
    for name, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > LONGEST_FUNCTION:
                    long.append(f"{name}.{node.name}: {length} lines")
    assert long == []


def test_every_module_opens_with_a_docstring():
    missing = [name for name, path in modules().items() if not ast.get_docstring(ast.parse(path.read_text()))]
    assert missing == []


# Importing a module of the package must leave the process as it was: threads and warning filters are set
# by one explicit call (lstm.training.process.configure_process), which the CLI and each training run make.
SIDE_EFFECTS = """
import importlib, sys, warnings
import torch
import lightning  # Lightning adds filters of its own on import: the baseline includes them
torch.set_num_threads(3)
threads, filters = torch.get_num_threads(), list(warnings.filters)
for module in sys.argv[1:]:
    importlib.import_module(module)
    assert torch.get_num_threads() == threads, f"importing {module} set torch's threads to {torch.get_num_threads()}"
    assert list(warnings.filters) == filters, f"importing {module} changed the warning filters"
"""


def test_importing_a_module_changes_nothing_process_wide():
    # __main__ runs the command line when imported; every other module must only define things.
    outside_ui = sorted(name for name in modules() if layer_of(name) != "ui" and name != "lstm.__main__")
    result = subprocess.run([sys.executable, "-c", SIDE_EFFECTS, *outside_ui], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-600:]


def test_configure_process_sets_one_thread_and_quiet_warnings():
    code = (
        "import torch, warnings; torch.set_num_threads(3); before = len(warnings.filters);"
        "from lstm.training.process import configure_process; configure_process();"
        "assert torch.get_num_threads() == 1; assert len(warnings.filters) > before"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-600:]
