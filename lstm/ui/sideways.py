"""A frame that scrolls sideways: narrower than its content's least width, the content scrolls inside it.

The page itself never scrolls sideways; a figure that needs more room than a phone has scrolls in its own
frame. Every such frame on every page is drawn by this one helper.
"""

from __future__ import annotations

import re

_KEY = re.compile(r"[a-z_]+")


def scroll_sideways_css(frame_key: str, content_key: str, width: int, hint_key: str | None = None) -> str:
    """The stylesheet for `st.container(key=frame_key)` holding `st.container(key=content_key)`, `width` px at least.

    With `hint_key`, the container of that key (a one-line "swipe sideways" hint) shows only where the frame
    is narrower than its content. Keys are the page's own identifiers and the width a number: nothing a
    visitor typed can reach the markup.
    """
    for key in (frame_key, content_key) if hint_key is None else (frame_key, content_key, hint_key):
        if not _KEY.fullmatch(key):
            raise ValueError(f"a container key, not {key!r}")
    width = int(width)
    css = (
        f".st-key-{frame_key} {{ overflow-x: auto; }} "
        f".st-key-{frame_key} .st-key-{content_key} {{ min-width: {width}px; }}"
    )
    if hint_key is not None:
        # 32 px: the page's padding either side of the frame.
        css += (
            f" .st-key-{hint_key} {{ display: none; }}"
            f" @media (max-width: {width + 32}px) {{ .st-key-{hint_key} {{ display: block; }} }}"
        )
    return f"<style>{css}</style>"
