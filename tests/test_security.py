"""The hosted settings: XSRF on, small uploads, no error details, no statistics, no raw HTML from visitors."""

import ast
import tomllib

from tests.support.paths import REPO

LOADER = "lstm.ui.components"  # reads the files shipped beside it: none holds a visitor's text
SOURCES = [REPO / "streamlit_app.py", *sorted((REPO / "lstm").rglob("*.py"))]


def test_streamlit_config_is_set_for_a_hosted_deployment():
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text())
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["maxUploadSize"] == 1
    assert config["client"]["showErrorDetails"] == "none"
    assert config["browser"]["gatherUsageStats"] is False


def calls_named(tree: ast.AST, name: str) -> list[ast.Call]:
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and (getattr(node.func, "attr", None) == name or getattr(node.func, "id", None) == name)
    ]


def reads_a_packaged_file(node: ast.AST, tree: ast.Module) -> bool:
    """Whether `node` is the component loader's read or style of a file named by a literal: package, not visitor."""
    if not (
        isinstance(node, ast.Call)
        and len(node.args) == 1
        and not node.keywords
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ):
        return False
    functions, modules = set(), set()
    for statement in ast.walk(tree):
        if isinstance(statement, ast.ImportFrom) and statement.module == LOADER:
            functions |= {alias.asname or alias.name for alias in statement.names if alias.name in ("read", "style")}
        elif isinstance(statement, ast.ImportFrom) and statement.module == LOADER.rpartition(".")[0]:
            modules |= {alias.asname or alias.name for alias in statement.names if alias.name == "components"}
        elif isinstance(statement, ast.Import):
            modules |= {alias.asname for alias in statement.names if alias.name == LOADER and alias.asname}
    function = node.func
    return (isinstance(function, ast.Name) and function.id in functions) or (
        isinstance(function, ast.Attribute)
        and function.attr in ("read", "style")
        and isinstance(function.value, ast.Name)
        and function.value.id in modules
    )


def test_no_raw_html_is_built_from_anything_a_visitor_typed():
    for source in SOURCES:
        tree = ast.parse(source.read_text(), filename=str(source))
        for call in ast.walk(tree):
            if isinstance(call, ast.Call):
                for keyword in call.keywords:
                    assert keyword.arg != "unsafe_allow_html", f"{source.name}:{call.lineno} allows raw HTML"
        literals = {
            target.id
            for node in tree.body
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        numbers_only = {
            node.name
            for node in tree.body
            if isinstance(node, ast.FunctionDef)
            and all(
                isinstance(arg.annotation, ast.Name) and arg.annotation.id in ("int", "float") for arg in node.args.args
            )
        }
        packaged = {
            target.id
            for node in tree.body
            if isinstance(node, ast.Assign) and reads_a_packaged_file(node.value, tree)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        for call in calls_named(tree, "html"):
            # st.html only ever gets a literal, a module constant that is one, a file shipped in the package
            # (read by name through lstm.ui.components), the markup of a function of numbers alone (a width
            # from a count of days), or a sideways frame's stylesheet (which refuses anything but a container
            # key and a number): a visitor's text can never become markup.
            for argument in call.args:
                constant = (
                    isinstance(argument, ast.Constant)
                    or (isinstance(argument, ast.Name) and argument.id in literals | packaged)
                    or reads_a_packaged_file(argument, tree)
                    or (
                        isinstance(argument, ast.Call)
                        and isinstance(argument.func, ast.Name)
                        and argument.func.id in numbers_only
                    )
                    or (
                        isinstance(argument, ast.Call)
                        and isinstance(argument.func, ast.Name)
                        and argument.func.id == "scroll_sideways_css"
                    )
                )
                assert constant, f"{source.name}:{call.lineno}"


def test_nothing_from_a_visitor_is_unpickled():
    for source in SOURCES:
        text = source.read_text()
        for risky in ("pickle", "torch.load", "joblib", "dill", "eval(", "exec("):
            assert risky not in text, f"{source.name} uses {risky}"


def test_a_visitors_text_cannot_become_a_link_or_an_icon():
    from lstm.ui.text import escape_markdown

    hostile = [
        "https://evil.example/login",
        "HTTP://evil.example",
        "see www.evil.example now",
        "WWW.EVIL.EXAMPLE",
        "mail admin@evil.example",
        ":material/warning: update now",
        ":rocket: :red[alarm]",
        "[click](javascript:alert(1))",
    ]
    for text in hostile:
        escaped = escape_markdown(text)
        plain = escaped.replace("\\", "")
        assert "://" not in plain and "www." not in plain.lower()
        assert "@e" not in plain and ":material/" not in plain and ":rocket:" not in plain
        assert plain.replace("\u2060", "") == text  # shown as typed, nothing dropped
    assert escape_markdown("day 1: 'abc' is not a number") == "day 1\\: 'abc' is not a number"
