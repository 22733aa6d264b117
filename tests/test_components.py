"""The page's web code as files: every file a module reads is there, ships in the wheel, and a script is one module."""

import ast
import re
import shutil
import subprocess
import sys
import zipfile

import pytest

from lstm.ui import components
from tests.support.paths import REPO

SOURCES = [REPO / "streamlit_app.py", *sorted((REPO / "lstm").rglob("*.py"))]
SHIPPED = (".js", ".css", ".html")


def named_component_files() -> dict[str, str]:
    """Each file name passed as a literal to the loader's read, style or script, with where it is named."""
    named = {}
    for source in SOURCES:
        for node in ast.walk(ast.parse(source.read_text(), filename=str(source))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", None)) in ("read", "style", "script")
                and len(node.args) == 1
                and isinstance(node.args[0], ast.Constant)
                and str(node.args[0].value).endswith(SHIPPED)
            ):
                named[node.args[0].value] = f"{source.relative_to(REPO)}:{node.lineno}"
    return named


def test_every_component_file_a_module_names_lies_beside_the_loader():
    named = named_component_files()
    assert {"player.js", "day_preview.js", "copy_link.js", "scroll_to.js", "page.css"} <= set(named)
    missing = [f"{name} ({where})" for name, where in named.items() if not components.path(name).is_file()]
    # A script's imports of its siblings (day_preview.js imports unit.js) are files in the folder too.
    for script in components.FOLDER.glob("*.js"):
        for found in components.SIBLING_IMPORT.finditer(script.read_text()):
            if not components.path(found.group(1)).is_file():
                missing.append(f"{found.group(1)} ({script.name})")
    assert missing == []


def test_a_script_is_one_module_with_its_sibling_imports_inlined():
    written = components.read("day_preview.js")
    assert "import { frameUpdates, unitSteps } from './unit.js';" in written
    served = components.script("day_preview.js")
    assert not re.search(r"^\s*import\b", served, re.MULTILINE)
    assert served.count(components.read("unit.js")) == 1
    assert served.count("export default function") == 1
    assert components.script("unit.js") == components.read("unit.js")


def test_a_stylesheet_reaches_the_page_inside_a_style_tag():
    page = components.style("page.css")
    assert page.startswith("<style>") and page.endswith("</style>")
    assert components.read("page.css") in page


def test_a_component_file_is_named_without_a_folder():
    for name in ("../locales/__init__.py", "/etc/passwd", "sub/player.js"):
        with pytest.raises(ValueError, match="without a folder"):
            components.read(name)


def test_the_wheel_ships_the_components_the_catalogues_and_the_carry_results(tmp_path):
    # Built from a copy, so the build's own folders stay out of the checkout; a catalogue is planted in the
    # copy, so the rule is checked whether or not the checkout has one yet.
    source = tmp_path / "source"
    shutil.copytree(REPO / "lstm", source / "lstm", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "requirements.txt", "README.md"):
        shutil.copy(REPO / name, source / name)
    planted = source / "lstm" / "locales" / "xx" / "LC_MESSAGES" / "lstm.po"
    planted.parent.mkdir(parents=True, exist_ok=True)
    planted.write_text('msgid ""\nmsgstr ""\n')
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(source), "-w", str(tmp_path / "wheel"), "--no-deps",
         "--no-build-isolation", "--quiet", "--disable-pip-version-check"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "wheel").glob("*.whl")
    inside = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        path.relative_to(source).as_posix()
        for path in source.joinpath("lstm").rglob("*")
        if path.suffix in (*SHIPPED, ".po", ".json")
    }
    assert "lstm/locales/xx/LC_MESSAGES/lstm.po" in expected
    assert "lstm/ui/components/unit.js" in expected
    assert "lstm/insights/carry.json" in expected
    assert expected - inside == set()
