"""The explorer's inputs: the day values, the weight presets, the twelve weights, and the editor a click opens."""

from __future__ import annotations

import streamlit as st

from lstm.explorer.link_values import FieldError, parse_days
from lstm.explorer.state import MAX_PAGE_DAYS
from lstm.locales import N_, _, ngettext
from lstm.training.recipes import RECIPES
from lstm.ui import explorer_session as session
from lstm.ui.day_preview import day_preview
from lstm.unit.days import COMPANIES, DAY_PRESETS, MAX_DAY_MAGNITUDE, day_preset_label
from lstm.unit.gates import GATE_OF_WEIGHT, GATES, ROLES
from lstm.unit.weights import MAX_MAGNITUDE, PRESETS, TUTORIAL_SEED

# Day fields per row: with their step buttons, more than three to a half-width column cut the value off.
DAYS_PER_ROW = 3
MOST_DAY_FIELDS = session.MOST_DAY_FIELDS  # more days than this are edited as one text of values
WEIGHTS_EDITOR = "weights_editor"  # key of the twelve weights' fold: True while it is open
# The weights' radio: the presets, then "custom" once a weight is edited; keys, the link's words.
WEIGHTS_CHOICES = (*PRESETS, "custom")
# How the radio names each of them.
WEIGHTS_LABELS = {"seed": N_("seed"), "trained": N_("trained"), "custom": N_("custom")}


def days_panel() -> None:
    state = session.current()
    preset, add, remove, reset = st.columns([2, 1, 1, 1], vertical_alignment="bottom")
    preset.selectbox(
        _("Days"),
        list(DAY_PRESETS),
        index=None,
        format_func=day_preset_label,
        placeholder=_("Example days…"),
        key="day_preset",
        on_change=session.on_day_preset,
        help=_(
            "Each day's value is a stock price scaled to about 0 to 1, as in the tutorial. "
            "Company A and B are the tutorial's data: they differ only on day 1."
        ),
    )
    add.button(
        _("Add"),
        icon=":material/add:",
        on_click=session.add_day,
        disabled=len(state.days) >= MAX_PAGE_DAYS,
        help=_("Add a day after the last one (up to {count})").format(count=MAX_PAGE_DAYS),
        width="stretch",
    )
    remove.button(
        _("Remove"),
        icon=":material/remove:",
        on_click=session.remove_day,
        disabled=len(state.days) <= 1,
        help=_("Remove the last day"),
        width="stretch",
    )
    reset.button(
        _("Reset"),
        icon=":material/restart_alt:",
        on_click=session.reset_days,
        help=_("Back to the tutorial's Company A: {days}").format(days=", ".join(f"{d:g}" for d in COMPANIES["A"][0])),
        width="stretch",
    )
    _compare_control(state)
    if len(state.days) <= MOST_DAY_FIELDS:
        _day_fields(state)
    _days_text(state)


def _days_text(state) -> None:
    """Every day as one comma-separated text: sixty days are pasted from a spreadsheet, not typed in sixty fields."""
    if st.session_state.get(session.DAYS_TEXT) != session.days_text(state.days):  # a day field changed them
        session.show_days_text(state.days)
    refused = st.session_state.pop(session.DAYS_TEXT_REFUSED, None)
    if refused is not None:
        try:
            parse_days(refused)
        except FieldError as error:
            st.warning(_("The days are unchanged: {problem}").format(problem=error.problem), icon=":material/edit_off:")
    st.text_area(
        ngettext("All {count} day, comma-separated", "All {count} days, comma-separated", len(state.days)).format(
            count=len(state.days)
        ),
        key=session.DAYS_TEXT,
        on_change=session.on_days_text,
        height=68 if len(state.days) <= MOST_DAY_FIELDS else 110,
        help=_(
            "Type or paste up to {most} day values, separated by commas (from a spreadsheet's column, say); "
            "Ctrl+Enter or a click outside applies them. Up to {fields} days also have a field each."
        ).format(most=MAX_PAGE_DAYS, fields=MOST_DAY_FIELDS),
    )


def _day_fields(state) -> None:
    """A number field for each day, three to a row."""
    # Row by row, so that Tab walks the days in their order.
    for first in range(0, len(state.days), DAYS_PER_ROW):
        for day, column in zip(range(first, len(state.days)), st.columns(DAYS_PER_ROW), strict=False):
            column.number_input(
                _("Day {day}").format(day=day + 1),
                value=None,  # a cleared field reads as None, not as the minimum; session.on_day restores it
                min_value=-MAX_DAY_MAGNITUDE,
                max_value=MAX_DAY_MAGNITUDE,
                step=0.05,
                format="%.2f",
                key=f"{session.DAY_FIELD}{day}",
                on_change=session.on_day,
                args=(day,),
            )
    # The chart answers a committed day in the browser; the server's figure follows a moment later.
    day_preview(session.CHART, session.DAY_FIELD, state.days, state.weights, MAX_DAY_MAGNITUDE)


def weights_preset_panel() -> None:
    preset, reset = st.columns([2, 1], vertical_alignment="bottom")
    preset.radio(
        _("Weights"),
        WEIGHTS_CHOICES,
        format_func=lambda name: _(WEIGHTS_LABELS.get(name, name)),
        key="weights_preset",
        on_change=session.on_weights_preset,
        horizontal=True,
        help=_(
            "seed: the untrained start (seed {seed}). trained: the tutorial's weights after {epochs} epochs. "
            "custom: edited below."
        ).format(seed=TUTORIAL_SEED, epochs=RECIPES["tutorial"].epochs),
    )
    reset.button(_("Reset weights"), icon=":material/restart_alt:", on_click=session.reset_weights)


def weights_editor() -> None:
    # The 24 fields are drawn only once the editor is opened (a rerun): drawn folded on every visit, they cost
    # the page's first picture a tenth of a second of the browser's time. Their values come from the state.
    editor = st.expander(_("Edit the twelve weights"), icon=":material/tune:", key=WEIGHTS_EDITOR, on_change="rerun")
    if not editor.open:
        return
    columns = editor.columns(4)
    for column, gate in zip(columns, GATES, strict=True):
        with column:
            st.markdown(f"**{gate.tutorial}**  \n{gate.standard}")
            for name, role in zip(gate.weights, ROLES, strict=True):
                st.number_input(
                    _("{name} ({role})").format(name=name, role=_(role)),
                    value=None,  # a cleared field reads as None, not as the minimum; session.on_weight restores it
                    min_value=-MAX_MAGNITUDE,
                    max_value=MAX_MAGNITUDE,
                    step=0.01,
                    format="%.4f",
                    key=f"number_{name}",
                    on_change=session.on_weight,
                    args=(name, "number"),
                )
                st.slider(
                    _("{name} roughly").format(name=name),
                    min_value=-session.SLIDER_RANGE,
                    max_value=session.SLIDER_RANGE,
                    step=0.05,
                    key=f"slider_{name}",
                    on_change=session.on_weight,
                    args=(name, "slider"),
                    label_visibility="collapsed",
                )


def weight_editor(name: str) -> None:
    """A weight clicked on the opened cell: its exact value, applied to the whole page."""
    # The dialog is made in the run that opens it, so its title is in the visitor's language.
    st.dialog(_("Edit a weight"))(_weight_dialog)(name)


def _weight_dialog(name: str) -> None:
    gate = GATE_OF_WEIGHT[name]
    role = ROLES[gate.weights.index(name)]
    st.markdown(
        _("**{name}**: the {role} of {gate} ({standard}).").format(
            name=name, role=_(role), gate=gate.tutorial, standard=gate.standard
        )
    )
    value = st.number_input(
        name,
        value=session.current().weights[name],
        min_value=-MAX_MAGNITUDE,
        max_value=MAX_MAGNITUDE,
        step=0.01,
        format="%.4f",
        key=f"dialog_{name}",
    )
    if st.button(_("Apply"), type="primary", icon=":material/check:"):
        session.set_weight(name, value)
        st.rerun()


def _compare_control(state) -> None:
    """A second sequence on the same cells: the tutorial's other company, day by day beside these days."""
    choices = [name for name, (days, _label) in COMPANIES.items() if len(days) == len(state.days)]
    company_days = len(COMPANIES["A"][0])
    st.selectbox(
        _("Compare with"),
        choices,
        index=None,
        format_func=lambda letter: _("Company {letter}").format(letter=letter),
        placeholder=_("No second sequence")
        if choices
        else ngettext("The companies have {count} day", "The companies have {count} days", company_days).format(
            count=company_days
        ),
        key="compare_with",
        on_change=session.on_compare,
        disabled=not choices,
        help=_(
            "Draws a second sequence's memories beside these days', with the same weights, and marks the day "
            "where the long-term memories differ most: Company A and B differ only on day 1."
        ),
    )
