"""Safe text for Streamlit's markdown: what a visitor typed is shown, never interpreted."""

# Markdown, Streamlit's colour and emoji directives, and LaTeX all start from these characters.
_MARKDOWN_SPECIAL = set("\\`*_{}[]()#+-.!|<>$~:=")


def escape_markdown(text: str) -> str:
    return "".join("\\" + char if char in _MARKDOWN_SPECIAL else char for char in text)
