"""The share link as a field to select and a button that copies it: light enough for a first visit."""

from __future__ import annotations

import functools

import streamlit as st

# A custom component of Streamlit's second kind (in the page, no iframe) instead of st.code: st.code would
# bring a 1.6 MB syntax highlighter to every first visit for one line of plain text. The link is set as
# the field's value, never as HTML.
HTML = """\
<div class="copy-link">
  <input type="text" readonly spellcheck="false">
  <button type="button"></button>
  <span class="said" role="status" aria-live="polite"></span>
</div>
"""

CSS = """\
.copy-link { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; font-family: inherit; }
input {
  flex: 1 1 16rem; min-width: 0; font: inherit; color: inherit; background: transparent;
  border: 1px solid currentColor; border-radius: 0.5rem; padding: 0.4rem 0.6rem;
}
button {
  font: inherit; color: inherit; background: transparent; cursor: pointer;
  border: 1px solid currentColor; border-radius: 0.5rem; padding: 0.25rem 0.75rem; min-height: 2.5rem;
}
button:focus-visible, input:focus-visible { outline: 3px solid currentColor; outline-offset: 2px; }
.said { min-width: 4rem; }
"""

JS = """\
export default function ({ data, parentElement }) {
  const field = parentElement.querySelector('input');
  const button = parentElement.querySelector('button');
  const said = parentElement.querySelector('.said');
  field.value = data.link;
  field.setAttribute('aria-label', data.label);
  button.textContent = data.button;
  field.onfocus = () => field.select();
  button.onclick = async () => {
    field.select();
    try {
      await navigator.clipboard.writeText(data.link);
      said.textContent = data.copied;
    } catch {
      // Without a secure origin (plain http on a LAN address) the clipboard API is refused: the
      // selected field lets the visitor copy by hand.
      said.textContent = data.select;
    }
  };
}
"""


@functools.cache
def _component():
    # Registered once per process, on first use rather than at import.
    return st.components.v2.component("lstm_explorer.copy_link", html=HTML, css=CSS, js=JS, isolate_styles=True)


def copy_link(link: str, *, label: str = "Link to this view", key: str = "copy_link") -> None:
    """A read-only field holding `link`, selected on focus, and a Copy link button that says when it copied."""
    _component()(
        key=key,
        data={
            "link": link,
            "label": label,
            "button": "Copy link",
            "copied": "Copied",
            "select": "Selected: press Ctrl+C (⌘C) to copy",
        },
        width="stretch",
        height="content",
    )
