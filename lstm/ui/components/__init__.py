"""The page's own web code (JavaScript, CSS, HTML) as files in this folder, each read once per process.

A component's files are shipped with the package (pyproject.toml's package-data) and never hold a visitor's
text: words a visitor reads come from Python as data, already translated. Tests load the JavaScript by path.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

FOLDER = Path(__file__).parent
# A script's import of a sibling file, as the components write it: `import { a, b } from './unit.js';`.
SIBLING_IMPORT = re.compile(r"^import \{[\w\s,]+\} from '\./([\w-]+\.js)';\n", re.MULTILINE)


def path(name: str) -> Path:
    """Where the component file `name` (a bare file name such as "player.js") lies, for tests and linters."""
    if Path(name).name != name:
        raise ValueError(f"a component file is named without a folder: {name!r}")
    return FOLDER / name


@cache
def read(name: str) -> str:
    """The text of the component file `name`, as Streamlit's components take it (read once per process)."""
    return path(name).read_text(encoding="utf-8")


@cache
def style(name: str) -> str:
    """The stylesheet `name` as st.html takes it: inside a style tag, so it goes to the page's event container."""
    return f"<style>\n{read(name)}</style>"


@cache
def script(name: str) -> str:
    """The JavaScript module `name` as one text, each import of a sibling file replaced by that file's text.

    Streamlit runs a component's script from a blob URL, where a relative import has nothing to resolve
    against; the files keep their imports so that editors, eslint and the tests see real modules.
    """
    return SIBLING_IMPORT.sub(lambda found: script(found.group(1)), read(name))
