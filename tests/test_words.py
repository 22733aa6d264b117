"""No sentence reaches a widget past the catalogue: a bare literal with words in a widget call fails this test."""

import ast
import re

from tests.support.paths import REPO

SOURCES = [REPO / "streamlit_app.py", *sorted((REPO / "lstm" / "ui").rglob("*.py"))]
# Streamlit calls whose arguments a visitor reads or hears, whatever object they are called on (st, a column).
SHOWS_WORDS = {
    "button", "caption", "checkbox", "code_label", "download_button", "error", "expander", "file_uploader",
    "form_submit_button", "header", "info", "link_button", "markdown", "metric", "multiselect", "number_input",
    "page_link", "pills", "popover", "radio", "segmented_control", "select_slider", "selectbox", "slider",
    "spinner", "status", "subheader", "success", "tabs", "text", "text_area", "text_input", "title", "toast",
    "toggle", "warning", "write", "Page",
}  # fmt: skip
# Keyword arguments that hold words (a widget's key, format and visibility are identifiers).
WORDED_KEYWORDS = {"label", "help", "placeholder", "body", "title", "caption", "value", "text"}
_WORDS = re.compile(r"[A-Za-z]{2,}")


def _has_words(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(_WORDS.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(_has_words(part) for part in node.values)
    if isinstance(node, ast.List | ast.Tuple):
        return any(_has_words(item) for item in node.elts)
    return False


def bare_literals(source: str) -> list[int]:
    """Line numbers of widget calls given a literal with words, not a sentence from the catalogue."""
    found = []
    for call in ast.walk(ast.parse(source)):
        if not isinstance(call, ast.Call):
            continue
        name = getattr(call.func, "attr", None) or getattr(call.func, "id", None)
        if name not in SHOWS_WORDS:
            continue
        worded = [*call.args, *(keyword.value for keyword in call.keywords if keyword.arg in WORDED_KEYWORDS)]
        if any(_has_words(argument) for argument in worded):
            found.append(call.lineno)
    return found


def test_no_widget_is_given_a_sentence_past_the_catalogue():
    offenders = [f"{path.relative_to(REPO)}:{line}" for path in SOURCES for line in bare_literals(path.read_text())]
    assert offenders == []


def test_the_check_finds_a_bare_literal_and_passes_a_translated_one():
    assert bare_literals('st.button("Train")\nst.caption(f"Day {n}")\ncolumn.selectbox("Recipe", keys)') == [1, 2, 3]
    assert bare_literals('st.button(_("Train"))\nst.markdown("---")\nst.toggle(_("Dark"), key="dark_mode")') == []
