// The day preview: draws nothing; runs in the page (Streamlit's second kind of component, no iframe).
// It reads a day field's text before Streamlit formats it (capture phase) and redraws once Streamlit has
// taken the value (bubble phase, after Streamlit's own handlers): the server starts its run as it always
// did, and the chart answers in the meantime. It previews only what Streamlit will send: a number within
// the field's limits, different from the day's value. Plotly.animate without a redraw rewrites only the
// traces it is given, in about 15 ms where a full redraw of this figure, or a relayout of one of its
// annotations, takes about 50: the label under the day and the caption wait for the server's figure.
import { frameUpdates, unitSteps } from './unit.js';

export default function ({ data }) {
  const preview = JSON.parse(data.preview);
  const recipe = preview.recipe;
  const days = preview.days.slice();
  const fieldKey = new RegExp(`^st-key-${preview.field_prefix}(\\d+)$`);
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
