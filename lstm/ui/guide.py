"""Short "what am I looking at" texts for each panel, and where the tutorial lives for the learner."""

import streamlit as st

from lstm.explorer.state import HIDEABLE
from lstm.locales import N_, _
from lstm.ui import routes

# The learner often arrives from the tutorial; these take them back to it: (what it is, where it is).
TUTORIAL_LINKS = (
    (N_("the video: LSTM with PyTorch + Lightning"), "https://www.youtube.com/watch?v=RHGiXPuo_pI"),
    (N_("the video: LSTM, Clearly Explained"), "https://www.youtube.com/watch?v=YCzL96nL7j0"),
    (
        N_("the article series"),
        "https://dev.to/rijultp/building-lstms-with-pytorch-and-lightning-ai-part-3-finishing-the-lstm-cell-1fo0",
    ),
    (N_("the notebook"), "https://github.com/StatQuest/signa/blob/main/chapter_08/chapter_08_lstms.ipynb"),
)


def tutorial_links() -> str:
    """The tutorial's places as markdown links, named in the visitor's language."""
    return " · ".join(f"[{_(name)}]({address})" for name, address in TUTORIAL_LINKS)


UNROLLED = N_("""\
**Each cell is the same LSTM unit**, once per day, with the same twelve weights.
- The **vermillion line** on top is the long-term memory (cell state); the **sky-blue line** below is the
  short-term memory (hidden state). Both start at 0 on the left; their values sit between the cells.
- Each day's **input** comes in from below.
- The four **bars** in a cell are what the unit computes that day, in order: how much long-term memory
  to keep (long-remember %, forget gate), a potential memory (candidate, from -1 to 1) and how much of
  it to add (potential-remember %, input gate), and how much of the new long-term memory to show as
  short-term memory (output %, output gate).
- The **outlined box** is the stage being computed; the line of arithmetic above the cells shows it
  with the current numbers. The short-term memory after the last day is the **prediction**.
- **Play** steps through every stage in your browser; the slider jumps to any stage. Hover a bar for its value.
""")

PREDICTION = N_("""\
The unit's guess for the next day: the short-term memory after the last day. Trained on the
tutorial's data, it gives about 0 for Company A (0, 0.5, 0.25, 1) and about 1 for Company B
(1, 0.5, 0.25, 1).
""")

ACROSS_DAYS = N_("""\
The same numbers as the cells, day by day: each gate's value (solid lines) and both memories
(dashed). A long-remember % that stays near 100% is the unit holding on to its long-term memory.
The camera icon above a chart or the table saves it as a PNG.
""")


def share_text() -> str:
    """What a shared link holds and the parts it can hide, in the visitor's language."""
    hides = "\n".join(f"- `{name}`: {_(meaning)}" for name, meaning in HIDEABLE.items())
    return (
        _(
            "The link reproduces this view exactly: days, weights, the animation step, the language, and presenter "
            "mode or hidden parts if set. Add `hide=` and a comma-separated list to hand out an exercise with only "
            "the controls you mean, for example `hide=weights,training`, `lesson=1` to start the guided lesson, or "
            "`lang=de` or `lang=es` for the page in German or Spanish. It can hide:"
        )
        + "\n"
        + hides
    )


LOSS = N_("""\
The loss is the squared difference between each prediction and its target, added over both
companies (or over every window of your own series). It falls as Adam moves the weights; a log
scale shows the fall over orders of magnitude. Every run of this session is drawn, to compare.
The camera icon saves the chart as a PNG.
""")

TRAINING_PREDICTIONS = N_("""\
Left: each company's prediction per epoch against its target (dotted). Right: the twelve weights'
paths; the explorer's trained preset is where the tutorial's run ended.
""")


def what_am_i_looking_at(text: str, key: str, label: str | None = None, width: str = "stretch") -> None:
    """A small popover beside a panel's heading with its explanation.

    `text` is one of this module's texts (a catalogue entry, translated here) or a text already translated;
    `label` is translated by the caller, or None for "What am I looking at?".
    """
    with st.popover(
        _("What am I looking at?") if label is None else label, icon=":material/help:", key=key, width=width
    ):
        st.markdown(_(text))


def insight_heading(title: str, text: str, key: str, summary: str) -> None:
    """An insight page's heading, its explanation in a popover, and one sentence on what it shows."""
    subheader_with_help(title, text, key, _("What am I looking at?"))
    st.caption(summary)


# Each weights preset's own sentence: the preset's name declines with the sentence in other languages.
EXPLORER_LINKS = {
    "seed": N_("Days {days} with the seed weights: change them on the explorer"),
    "trained": N_("Days {days} with the trained weights: change them on the explorer"),
    "custom": N_("Days {days} with the custom weights: change them on the explorer"),
}


def explorer_link(days: tuple[float, ...], weights_name: str, container=st) -> None:
    """Where a page's days and weights come from, and the way back to change them."""
    sentence = EXPLORER_LINKS.get(weights_name, EXPLORER_LINKS["custom"])
    listed = ", ".join(f"{day:g}" for day in days)
    container.page_link(routes.EXPLORER.target(), label=_(sentence).format(days=listed), icon=":material/timeline:")


def subheader_with_help(title: str, text: str, key: str, label: str) -> None:
    """A panel's heading, and its explanation in a popover at the right."""
    heading, explain = st.columns([4, 1], vertical_alignment="bottom")
    heading.subheader(title)
    with explain:
        what_am_i_looking_at(text, key, label)
