// The browser's LSTM unit and the unrolled figure's frame rules, as pure functions: the day preview
// (day_preview.js) uses them, and tests load this file by path and run it in Chromium against the NumPy pass
// (lstm/unit/forward.py) and `frame_updates` (lstm/figures/unrolled.py), whose rules reach it as data
// (lstm/figures/unrolled_preview.py's preview_recipe). Every operation is rounded to float32 (Math.fround) in
// the order the NumPy pass computes it, so the browser shows what the server will.

function squash32(kind, total) {
  if (kind === 'sigmoid') return Math.fround(1 / Math.fround(1 + Math.fround(Math.exp(-total))));
  return Math.fround(Math.tanh(total));
}

// Each day's four stages, long-term memory and short-term memory, the gates in the unit's order.
export function unitSteps(recipe, days) {
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
export function fixed(number, digits) {
  const text = (Object.is(number, -0) ? '-' : '') + number.toFixed(digits);
  const exact = Math.abs(number).toFixed(digits + 25);
  const cut = exact.length - 25;
  if (exact.slice(cut) !== '5' + '0'.repeat(24)) return text;
  const kept = exact.slice(0, cut).replace(/\.$/, '');
  if (Number(kept.at(-1)) % 2 !== 0) return text;
  return (number < 0 ? '-' : '') + kept;
}

// lstm.unit.explain.value_text: a value that rounds to zero never shows a minus sign.
export function valueText(number, digits) {
  const text = fixed(number, digits);
  return Number(text) === 0 ? text.replace('-', '') : text;
}

// What lstm.figures.unrolled.frame_updates gives the cells' bars and numbers, both memories and the prediction
// at `frame`, as Plotly.animate takes it: a list of trace updates and the traces they go to.
export function frameUpdates(recipe, steps, frame) {
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
