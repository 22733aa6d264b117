"""The backpropagation-through-time page: which day's input moved which weight, for the explorer's days and weights."""

from __future__ import annotations

import math

import streamlit as st

from lstm.figures.backprop import FRAME_MS, GATE_ROWS, backprop_figure, gradient_text, minimum_width, walk_back
from lstm.figures.exports import image_export_config
from lstm.insights.backprop import Backprop, backprop_through_time
from lstm.locales import N_, _, ngettext
from lstm.ui import explorer_session, guide
from lstm.ui.figure_text import figure_text
from lstm.ui.player import PlayerTexts, player
from lstm.ui.sideways import scroll_sideways_css
from lstm.unit.days import COMPANIES, MAX_DAY_MAGNITUDE
from lstm.unit.weights import PRESETS, TUTORIAL_SEED

EXPLAINED = N_(
    """\
**Backpropagation through time.** Training needs the gradient of the loss with respect to each
weight: how much the loss changes when the weight does. The unrolled unit uses the same twelve
weights every day, so each weight's gradient is a sum over the days: the share it gets through
each day's cell.

**Top.** The gradient reaching each memory after each day, written on it; a bigger dot is a bigger
gradient. It starts at the loss on the right and flows back, day by day: press Play to watch it go.

**Along the long-term memory line** the way back is a multiplication by that day's long-remember %
(the small orange numbers), with no squashing function in between. When those stay near 1, the
gradient from the last day still reaches the first: the reason LSTMs exist. A plain recurrent
network multiplies by a weight and a tanh's slope every day instead, and its gradient fades.

**Bottom.** Each weight's share through each day (red pushes the weight down in training, blue up;
Adam steps against the gradient). A row's numbers add up to that weight's gradient, in the table.
"""
)


def _default_target(days: tuple[float, ...]) -> float:
    """The tutorial's label when the days are one of its companies; 0 otherwise."""
    for sequence, label in COMPANIES.values():
        if days == sequence:
            return label
    return 0.0


TARGET = "backprop_target"  # the last good target; the field's own key forgets it when the page is left
FIELD = "backprop_target_field"


def _on_target() -> None:
    value = st.session_state[FIELD]
    if value is None:  # cleared, or not a number: keep the last good target and say so
        st.session_state[FIELD] = st.session_state[TARGET]
        st.session_state["backprop_notice"] = _("The target needs a number; it keeps {target}.").format(
            target=f"{st.session_state[TARGET]:g}"
        )
    else:
        st.session_state[TARGET] = float(value)


def _target(days: tuple[float, ...]) -> float:
    # New days bring their own default target; a target the visitor set stays while the days do.
    if st.session_state.get("backprop_days") != days:
        st.session_state["backprop_days"] = days
        st.session_state[TARGET] = _default_target(days)
        st.session_state[FIELD] = st.session_state[TARGET]
    st.session_state.setdefault(FIELD, st.session_state[TARGET])
    st.number_input(
        _("Target: the true next day"),
        value=None,  # a cleared field reads as None, not as the minimum; _on_target restores it
        min_value=-MAX_DAY_MAGNITUDE,
        max_value=MAX_DAY_MAGNITUDE,
        step=0.1,
        key=FIELD,
        on_change=_on_target,
        help=_("The loss is (prediction − target)². For Company A the tutorial's target is 0, for Company B 1."),
    )
    notice = st.session_state.pop("backprop_notice", None)
    if notice:
        st.warning(notice, icon=":material/warning:")
    return st.session_state[TARGET]


# The explorer's first, as the page's heading says: the page opens on the weights the visitor came from.
WEIGHTS_CHOICES = {
    "explorer": N_("the explorer's"),
    "seed": N_("untrained (seed {seed})"),
}


def _weights_choice() -> str:
    """Whose weights the gradients are for: the explorer's by default, as the heading says; untrained is one
    click away, where the gradients are large (trained weights sit near a minimum, every gradient about 0.00001)."""
    choice = st.radio(
        _("Weights"),
        list(WEIGHTS_CHOICES),
        format_func=lambda key: _(WEIGHTS_CHOICES[key]).format(seed=TUTORIAL_SEED),
        key="backprop_weights",
        horizontal=True,
        help=_("The untrained start is where training begins and the gradients are largest."),
    )
    return choice


def render() -> None:
    explorer_session.start_session()
    state = explorer_session.current()
    guide.insight_heading(
        _("Backpropagation through time"),
        _(EXPLAINED),
        "help_backprop",
        _(
            "For the explorer's days and weights: the gradient of the loss flowing backward through the unrolled "
            "cells, how much of it each day's input gave each weight, and how it survives along the long-term "
            "memory."
        ),
    )
    setting, weights_choice, link = st.columns([1, 1.2, 1.8], vertical_alignment="bottom")
    with setting:
        target = _target(state.days)
    with weights_choice:
        untrained = _weights_choice() == "seed"
    weights = PRESETS["seed"] if untrained else state.weights
    guide.explorer_link(state.days, "seed" if untrained else state.weights_name, link)
    result = backprop_through_time(state.days, weights, target)
    dark = st.context.theme.type == "dark"
    walk = walk_back(result)
    days = len(state.days)
    with st.container(key="backprop_frame"):
        # Its gradients keep the room they need to stay apart; on a narrow screen the frame scrolls, not the page.
        st.html(scroll_sideways_css("backprop_frame", "backprop", minimum_width(result)))
        st.plotly_chart(
            backprop_figure(result, dark, controls=False),
            key="backprop",
            theme=None,
            config=image_export_config("lstm-backprop"),
        )
    # The one set of controls, where Plotly's slider was; the figure's name and what each frame shows follow it.
    player(
        "backprop",
        walk.names,
        walk.captions,
        labels=walk.labels,
        start=walk.last,
        frame_ms=FRAME_MS,
        right_to_left=True,
        texts=PlayerTexts(group=_("Walk back from the loss"), back=_("Step back"), forward=_("Step forward")),
    )
    figure_text(
        "backprop",
        ngettext(
            "The gradient flowing back through {count} day", "The gradient flowing back through {count} days", days
        ).format(count=days),
        walk.captions,
        start=walk.last,
    )
    first, last = result.long_memory[0], result.long_memory[-1]
    carried = math.prod(result.long_remember[1:])
    if len(state.days) > 1 and last:
        st.caption(
            _(
                "Along the long-term memory line alone, day {last_day}'s gradient reaches day 1 multiplied by "
                "{carried} (the product of the long-remember % on the way). Day 1's long-term memory gets {first} "
                "in all, against {last} on day {last_day}."
            ).format(
                last_day=len(state.days),
                carried=gradient_text(carried),
                first=gradient_text(first),
                last=gradient_text(last),
            )
        )
    _gradient_table(result, len(state.days))


def _gradient_table(result: Backprop, days: int) -> None:
    """Each weight's gradient, and its share through each day."""
    weight = _("weight")
    table = {weight: list(GATE_ROWS), _("gradient"): [result.total[name] for name in GATE_ROWS]}
    for day in range(days):
        table[_("day {number}").format(number=day + 1)] = [result.by_day[name][day] for name in GATE_ROWS]
    # Written out in plain decimals, as everywhere on the page: the count of zeros after the point is the size.
    for column in list(table)[1:]:
        table[column] = [gradient_text(value) for value in table[column]]
    st.dataframe(table, hide_index=True)
