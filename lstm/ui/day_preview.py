"""Answers a typed day value in the browser: the unrolled unit's numbers redrawn before the server's figure comes."""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence

import streamlit as st

from lstm.figures.unrolled_preview import preview_recipe

# The unit and the figure's number rules, as pure functions: the component below uses them, and tests run them
# in Chromium against the NumPy pass and `frame_updates`. Every operation is rounded to float32 (Math.fround)
# in the order the NumPy pass computes it, so the browser shows what the server will.
UNIT_JS = """\
function squash32(kind, total) {
  if (kind === 'sigmoid') return Math.fround(1 / Math.fround(1 + Math.fround(Math.exp(-total))));
  return Math.fround(Math.tanh(total));
}

// Each day's four stages, long-term memory and short-term memory, the gates in the unit's order.
function unitSteps(recipe, days) {
  let long = 0;
  let short = 0;
  return days.map((day) => {
    const input = Math.fround(day);
    const gates = recipe.gates.map((gate) => {
      const [onShort, onInput, bias] = gate.weights.map(Math.fround);
      const total = Math.fround(Math.fround(Math.fround(onShort * short) + Math.fround(onInput * input)) + bias);
      return squash32(gate.squash, total);
    });
    const [longRemember, potentialRemember, potentialMemory, output] = gates;
    long = Math.fround(Math.fround(long * longRemember) + Math.fround(potentialRemember * potentialMemory));
    short = Math.fround(Math.fround(Math.tanh(long)) * output);
    return { gates, long, short };
  });
}

// Python's f"{number:.{digits}f}": JavaScript's toFixed rounds an exact tie away from zero, Python to even.
function fixed(number, digits) {
  const text = (Object.is(number, -0) ? '-' : '') + number.toFixed(digits);
  const exact = Math.abs(number).toFixed(digits + 25);
  const cut = exact.length - 25;
  if (exact.slice(cut) !== '5' + '0'.repeat(24)) return text;
  const kept = exact.slice(0, cut).replace(/\\.$/, '');
  if (Number(kept.at(-1)) % 2 !== 0) return text;
  return (number < 0 ? '-' : '') + kept;
}

// lstm.unit.explain.value_text: a value that rounds to zero never shows a minus sign.
function valueText(number, digits) {
  const text = fixed(number, digits);
  return Number(text) === 0 ? text.replace('-', '') : text;
}

// What lstm.figures.unrolled.frame_updates gives the cells' bars and numbers, both memories and the prediction
// at `frame`, as Plotly.animate takes it: a list of trace updates and the traces they go to.
function frameUpdates(recipe, steps, frame) {
  const known = recipe.known[frame];
  const digits = recipe.decimals;
  const traces = [];
  const data = [];
  recipe.gates.forEach((gate, row) => {
    const barLength = (value) => (gate.percent ? value * recipe.bar_length : (value * recipe.bar_length) / 2);
    traces.push(gate.trace);
    data.push({ x: steps.map((step, day) =>
      known[day] >= gate.shown_from ? Number(fixed(barLength(step.gates[row]), 4)) : 0) });
  });
  const cellText = (gate, value) => (gate.percent ? fixed(value * 100, 0) + '%' : valueText(value, digits));
  traces.push(recipe.values_trace);
  data.push({ text: recipe.gates.flatMap((gate, row) => steps.map((step, day) =>
    known[day] >= gate.shown_from ? cellText(gate, step.gates[row]) : recipe.unknown)) });
  const memory = (shownFrom, value) => [valueText(0, digits), ...steps.map((step, day) =>
    known[day] >= shownFrom ? valueText(value(step), digits) : '')];
  traces.push(recipe.long_trace, recipe.short_trace, recipe.prediction_trace);
  data.push({ text: memory(recipe.long_shown_from, (step) => step.long) });
  data.push({ text: memory(recipe.short_shown_from, (step) => step.short) });
  const last = steps.length - 1;
  const finished = known[last] >= recipe.short_shown_from;
  data.push({ text: [finished ? recipe.prediction_label + valueText(steps[last].short, digits) : ''] });
  return { traces, data };
}
"""

# The component draws nothing; its script runs in the page (Streamlit's second kind of component, no iframe).
# It reads a day field's text before Streamlit formats it (capture phase) and redraws once Streamlit has
# taken the value (bubble phase, after Streamlit's own handlers): the server starts its run as it always
# did, and the chart answers in the meantime. It previews only what Streamlit will send: a number within
# the field's limits, different from the day's value. Plotly.animate without a redraw rewrites only the
# traces it is given, in about 15 ms where a full redraw of this figure, or a relayout of one of its
# annotations, takes about 50: the label under the day and the caption wait for the server's figure.
COMPONENT_JS = """
export default function ({ data }) {
  const preview = JSON.parse(data.preview);
  const recipe = preview.recipe;
  const days = preview.days.slice();
  const fieldKey = new RegExp(`^st-key-${preview.field_prefix}(\\\\d+)$`);
  const findChart = () => document.querySelector(`.st-key-${CSS.escape(preview.chart)} .js-plotly-plot`);
  let typed = null;

  function dayOf(element) {
    const field = element.closest && element.closest('[class*="st-key-"]');
    const name = field && [...field.classList].find((name) => fieldKey.test(name));
    return name ? Number(name.match(fieldKey)[1]) : null;
  }

  function redraw(day, text) {
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value) || value < preview.min || value > preview.max) return;
    const chart = findChart();
    if (value === days[day] || !chart || !chart.layout || !window.Plotly) return;
    days[day] = value;
    const slider = chart.layout.sliders && chart.layout.sliders[0];
    const last = recipe.known.length - 1;
    const frame = slider && Number.isInteger(slider.active) ? Math.min(slider.active, last) : last;
    const { traces, data } = frameUpdates(recipe, unitSteps(recipe, days), frame);
    window.Plotly.animate(chart, { data, traces }, {
      frame: { duration: 0, redraw: false }, transition: { duration: 0 }, mode: 'immediate' });
  }

  const isCommit = (event) => event.type === 'focusout' || event.key === 'Enter';
  const onCommitting = (event) => {
    const day = isCommit(event) && event.target.tagName === 'INPUT' ? dayOf(event.target) : null;
    typed = day === null ? null : { day, text: event.target.value };
  };
  const onCommitted = (event) => {
    if (!typed || !isCommit(event)) return;
    const { day, text } = typed;
    typed = null;
    setTimeout(() => redraw(day, text));
  };
  // The field's step buttons commit at once; by the time the click reaches the page the field shows the sum.
  const onStep = (event) => {
    const button = event.target.closest && event.target.closest('[data-testid^="stNumberInputStep"]');
    const day = button ? dayOf(button) : null;
    const field = day === null ? null : button.closest('[data-testid="stNumberInput"]').querySelector('input');
    if (field) redraw(day, field.value);
  };
  const listeners = [
    ['keydown', onCommitting, true], ['focusout', onCommitting, true],
    ['keydown', onCommitted, false], ['focusout', onCommitted, false], ['click', onStep, false],
  ];
  listeners.forEach(([type, listener, capture]) => document.addEventListener(type, listener, capture));
  return () => listeners.forEach(([type, listener, capture]) => document.removeEventListener(type, listener, capture));
}
"""


KEY_PREFIX = "day_preview_"
# The component draws nothing, so it takes no room either: without this its empty place adds a gap under the
# fields. (A stylesheet alone goes to Streamlit's event container, which takes no room itself.)
TAKES_NO_ROOM = '<style>[class*="st-key-day_preview_"] { display: none; }</style>'


@functools.cache
def _component():
    # Registered once per process, on first use rather than at import.
    return st.components.v2.component("lstm_explorer.day_preview", html="", js=UNIT_JS + COMPONENT_JS)


def day_preview(
    chart_key: str, field_prefix: str, days: Sequence[float], weights: Mapping[str, float], limit: float
) -> None:
    """Redraws the unrolled unit drawn with `chart_key` in the browser when a day field is committed.

    The day fields are the number inputs keyed `field_prefix` + the day's 0-based index, holding `days` now;
    `limit` is their largest magnitude, as the fields accept it.
    """
    settings = {
        "chart": chart_key,
        "field_prefix": field_prefix,
        "days": [float(day) for day in days],
        "min": -limit,
        "max": limit,
        "recipe": preview_recipe(len(days), weights),
    }
    st.html(TAKES_NO_ROOM)
    # One JSON string rather than a dict of lists: Streamlit would look for a table in each list (pandas).
    _component()(key=f"{KEY_PREFIX}{chart_key}", data={"preview": json.dumps(settings)}, height="content")
