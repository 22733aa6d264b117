"""Safe text for Streamlit's markdown: what a visitor typed is shown, never interpreted, never a link or an icon."""

import re

# Markdown, Streamlit's colour and emoji directives, and LaTeX all start from these characters.
_MARKDOWN_SPECIAL = set("\\`*_{}[]()#+-.!|<>$~:=")
# Escaping is not enough for what Streamlit's markdown finds in plain text: bare web addresses
# (https://..., www....) and e-mail addresses (user@host) become links, and :icon: or :material/icon:
# codes become icons, backslashes or not. An invisible word joiner breaks each pattern where it starts.
_WORD_JOINER = "\u2060"
_LINK_OR_ICON = re.compile(r"(?<=:)(?=[/\w+-])|(?<=@)(?=\w)|(?i:(?<=www)(?=\.))")


def escape_markdown(text: str) -> str:
    """`text` as Streamlit shows it: every markdown character escaped, links and icon codes broken."""
    neutral = _LINK_OR_ICON.sub(_WORD_JOINER, text)
    return "".join("\\" + char if char in _MARKDOWN_SPECIAL else char for char in neutral)
