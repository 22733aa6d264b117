// The Training page's live redraw: draws nothing of its own; runs in the page (Streamlit's second kind of
// component, no iframe), mounted with the whole page beside the figures the server drew. Each redraw of the
// live panel brings a few numbers (lstm/ui/live_training.py, through live_numbers.js): the epoch now, the
// twelve weights now and at a few epochs before, and the epochs since the last redraw with their loss and
// predictions. From them this draws, in those figures, the cells of each followed sequence (with unit.js, the
// browser's float32 unit) at each of those epochs in turn, spread until the next redraw is due, and the curves'
// new points. It never queues: numbers that arrive while a draw is going on wait, merged, and the next draw
// starts on the newest, leaving the pictures of the older ones unshown.
import { fixed, unitSteps, valueText } from './unit.js';

const CHARTS = { cells: 'live_cells', loss: 'loss', predictions: 'predictions', weights: 'parameters' };
// Each followed sequence is four traces of the cells' figure: track, bars, numbers, prediction.
const TRACES_A_ROW = 4;
// Each gate's three weights are one small chart of the weights' figure.
const WEIGHTS_A_GATE = 3;
// A curve chart's redraw costs tens of milliseconds (hundreds on a slow laptop), the cells' one: after each
// curve chart, the next waits this many times as long, so the cells and the page keep most of the time.
const CURVES_SHARE = 8;
// How far apart the numbers are taken to arrive (ms), however they last did: a stalled page draws its pictures
// within a second, and a burst of arrivals does not draw them faster than a screen's frames.
const ARRIVALS_APART = [60, 1000];

let recipe = null; // the cells' rules for the run on the page, sent with each whole-page draw
let newest = null; // the newest numbers not yet drawn: their pictures of the cells, oldest first
let showing = null; // the numbers being drawn: their pictures, the next one to show, how far apart
let arrived = null; // when the last numbers arrived (performance.now())
let apart = 250; // how long between two arrivals of numbers, as last measured (ms), within ARRIVALS_APART
let curves = null; // the live points of each curve chart since the whole-page draw, by chart
let drawing = false; // a draw is booked or under way
let waiting = null; // the timer of the next picture's draw, while the pictures wait for their time
let turn = 0; // the curve chart whose turn it is
let curvesDue = 0; // when a curve chart may be drawn again (performance.now())

// Python's f"{epoch:,}".
export function epochText(epoch) {
  return String(epoch).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

// What lstm.figures.compact_cells.cell_updates gives one row's bars, numbers and prediction for its unit's steps
// (unitSteps), and the figure's title at `epoch`.
export function cellUpdates(rules, rowSteps, epoch) {
  const rows = rowSteps.map((steps, index) => {
    const values = rules.scales.flatMap((scale, quantity) => steps.map((step, day) => {
      const value = quantity < step.gates.length ? step.gates[quantity] : [step.long, step.short][quantity - 4];
      return { scale, day, value };
    }));
    const bar = ({ scale, day, value }) => (scale === null
      ? [day + rules.bar_start, value * rules.bar_length]
      : [day + rules.bar_start + rules.bar_length / 2,
        (Math.max(-1, Math.min(1, value / scale)) * rules.bar_length) / 2]);
    const rounded = (number) => Number(fixed(number, 4));
    const prediction = steps[steps.length - 1].short;
    return {
      x: values.map((each) => rounded(bar(each)[1])),
      base: values.map((each) => rounded(bar(each)[0])),
      text: values.map(({ scale, value }) => (
        scale === null ? fixed(value * 100, 0) + '%' : valueText(value, rules.decimals))),
      prediction: `${rules.prediction}<br><b>${fixed(prediction, 3)}</b><br>${rules.rows[index].target}`,
    };
  });
  return { title: rules.title.replaceAll('{epoch}', epochText(epoch)), rows };
}

// The unit's steps for each followed sequence, from the twelve weights in the unit's order.
export function liveSteps(rules, weights) {
  const unit = { gates: rules.squash.map((squash, gate) => ({
    squash, weights: weights.slice(gate * WEIGHTS_A_GATE, (gate + 1) * WEIGHTS_A_GATE) })) };
  return rules.rows.map((row) => unitSteps(unit, row.days));
}

const findChart = (name) => document.querySelector(`.st-key-${CHARTS[name]} .js-plotly-plot`);

// Each trace's group in the chart's SVG, by the trace's index in the figure (Plotly binds each group to its data).
function traceGroups(chart) {
  const groups = new Map();
  chart.querySelectorAll('g.trace').forEach((group) => {
    const bound = group.__data__ && group.__data__[0] && group.__data__[0].trace;
    if (bound) groups.set(bound.index, group);
  });
  return groups;
}

// Where Plotly puts a horizontal bar from `base` to `base + length` at `y`, `height` tall: its path, in pixels
// of the bar's subplot; Plotly rounds the corners of a bar at least a pixel long to whole pixels, within one.
export function barPath(xaxis, yaxis, base, length, y, height) {
  let x0 = xaxis.c2p(base, true);
  let x1 = xaxis.c2p(base + length, true);
  let y0 = yaxis.c2p(y - height / 2, true);
  let y1 = yaxis.c2p(y + height / 2, true);
  if (Math.abs(x1 - x0) >= 1) [x0, x1, y0, y1] = [x0, x1, y0, y1].map(Math.round);
  return `M${x0},${y0}V${y1}H${x1}V${y0}Z`;
}

// Writes one row's bars, numbers and prediction into the chart's SVG where Plotly drew them: a few hundred
// attributes, where Plotly's own redraw (or animation) of the figure takes tens of milliseconds, hundreds on a
// slow laptop. False when the SVG is not as expected: Plotly then draws the row.
function writeRow(chart, groups, first, row) {
  const [bars, numbers, said] = [first + 1, first + 2, first + 3].map((index) => groups.get(index));
  const trace = chart._fullData && chart._fullData[first + 1];
  const layout = chart._fullLayout;
  if (!bars || !numbers || !said || !trace || !layout) return false;
  const xaxis = layout[`xaxis${trace.xaxis.slice(1)}`];
  const yaxis = layout[`yaxis${trace.yaxis.slice(1)}`];
  const paths = bars.querySelectorAll('g.point path');
  const texts = numbers.querySelectorAll('g.textpoint text');
  const bold = said.querySelector('g.textpoint text tspan[style*="bold"]');
  if (!xaxis || !yaxis || paths.length !== row.x.length || texts.length !== row.text.length || !bold) return false;
  const height = Array.isArray(trace.width) ? trace.width[0] : trace.width;
  paths.forEach((path, point) => {
    path.setAttribute('d', barPath(xaxis, yaxis, row.base[point], row.x[point], trace.y[point], height));
  });
  texts.forEach((text, point) => {
    if (text.textContent !== row.text[point]) text.textContent = row.text[point];
  });
  bold.textContent = /<b>(.*?)<\/b>/.exec(row.prediction)[1];
  return true;
}

// The cells' bars, numbers and prediction change in place, written into the SVG (writeRow); the figure's data
// takes them too, for any later redraw of the whole figure (a resize). The title is one text, set where the
// figure draws it.
// True when every row was written into the SVG, false when Plotly drew some of them.
function drawCells(chart, run, [epoch, weights]) {
  if (!recipe || recipe.run !== run) return false;
  const drawn = cellUpdates(recipe.rules, liveSteps(recipe.rules, weights), epoch);
  const groups = traceGroups(chart);
  const traces = [];
  const data = [];
  drawn.rows.forEach((row, index) => {
    const first = index * TRACES_A_ROW;
    Object.assign(chart.data[first + 1], { x: row.x, base: row.base });
    chart.data[first + 2].text = row.text;
    chart.data[first + 3].text = [row.prediction];
    if (writeRow(chart, groups, first, row)) return;
    // The tracks do not change, but the update names them: Plotly's animation drops the bars of a subplot
    // that it leaves out (as lstm.figures.compact_cells.cell_updates says).
    traces.push(first, first + 1, first + 2, first + 3);
    data.push({}, { x: row.x, base: row.base }, { text: row.text }, { text: [row.prediction] });
  });
  chart.layout.title.text = drawn.title; // for any later redraw of the whole figure
  const title = chart.querySelector('.gtitle');
  if (title) title.textContent = drawn.title;
  if (traces.length) {
    window.Plotly.animate(chart, { data, traces }, {
      frame: { duration: 0, redraw: false }, transition: { duration: 0 }, mode: 'immediate' });
  }
  return !traces.length;
}

// lstm.figures.training.weights_axes: each gate's chart spans the run's epochs and its weights, padded.
function fitWeights(chart) {
  const gates = chart.data.length / WEIGHTS_A_GATE;
  for (let gate = 0; gate < gates; gate += 1) {
    const suffix = gate === 0 ? '' : String(gate + 1);
    const values = chart.data.slice(gate * WEIGHTS_A_GATE, (gate + 1) * WEIGHTS_A_GATE).flatMap((trace) => trace.y);
    const low = Math.min(...values);
    const high = Math.max(...values);
    const pad = 0.1 * (high - low) || 0.5;
    const epochs = chart.data[gate * WEIGHTS_A_GATE].x;
    chart.layout[`xaxis${suffix}`].range = [0, Math.max(1, epochs[epochs.length - 1])];
    chart.layout[`yaxis${suffix}`].range = [low - pad, high + pad];
  }
}

// While the run trains, a curve chart keeps the margins Plotly worked out when it drew the figure: working them out
// again draws the chart twice, each time a curve grows. The whole page's next draw works them out anew.
function holdMargins(chart) {
  const size = chart._fullLayout && chart._fullLayout._size;
  if (!size || (chart.layout.margin && chart.layout.margin.autoexpand === false)) return;
  chart.layout.margin = { ...chart.layout.margin, l: size.l, r: size.r, t: size.t, b: size.b, autoexpand: false };
}

// Each curve chart: the traces the live points extend (the current run's loss is the last of the runs drawn).
const CURVES = {
  loss: (chart) => chart.data.slice(-1),
  predictions: (chart) => chart.data,
  weights: (chart) => chart.data,
};

const lastOf = (epochs) => (epochs.length ? epochs[epochs.length - 1] : -1);

// Appends to each trace the kept points past its last epoch and redraws the chart: its axes follow the curves.
// The points are kept since the whole-page draw, not just since the last redraw: the page may draw a chart
// again from the server's figure (a resize does), which has none of them.
function extend(name, chart, kept) {
  const traces = CURVES[name](chart).slice(0, kept.columns.length);
  traces.forEach((trace, index) => {
    const last = lastOf(trace.x);
    kept.epochs.forEach((epoch, point) => {
      if (epoch > last) {
        trace.x.push(epoch);
        trace.y.push(kept.columns[index][point]);
      }
    });
  });
  if (name === 'weights') fitWeights(chart);
  holdMargins(chart);
  chart.layout.datarevision = (chart.layout.datarevision || 0) + 1; // the arrays changed in place
  window.Plotly.react(chart, chart.data, chart.layout);
}

// One curve chart a draw, in turn, and only as often as CURVES_SHARE leaves room for the cells: on a slow
// machine the curves grow in larger steps and the cells still follow every redraw.
function drawNextCurve() {
  const names = Object.keys(CURVES);
  for (let tried = 0; tried < names.length; tried += 1) {
    const name = names[(turn + tried) % names.length];
    const chart = findChart(name);
    const traces = chart ? CURVES[name](chart) : [];
    if (traces.length && lastOf(curves[name].epochs) > lastOf(traces[0].x)) {
      turn = (turn + tried + 1) % names.length;
      const began = performance.now();
      extend(name, chart, curves[name]);
      const ended = performance.now();
      curvesDue = ended + CURVES_SHARE * (ended - began);
      return;
    }
  }
}

// Shows the next picture of the cells: the first of the newest numbers if any came, else the next of those being
// shown. After it, the next picture waits until its time (the pictures spread over the time between arrivals),
// or only a frame when newer numbers are waiting.
function draw() {
  if (newest && window.Plotly) {
    showing = { update: newest, next: 0, apart: apart / newest.pictures.length };
    newest = null;
  }
  if (!window.Plotly || !showing || showing.next >= showing.update.pictures.length) {
    // Nothing new (a whole-page draw took its place), or the charts' plotly.js is not in the page yet: the
    // numbers wait for the next ones.
    drawing = false;
    return;
  }
  const { update } = showing;
  const picture = update.pictures[showing.next];
  showing.next += 1;
  const shownAt = performance.now();
  const cells = findChart('cells');
  const written = cells ? drawCells(cells, update.run, picture) : false;
  if (performance.now() >= curvesDue) drawNextCurve();
  window.dispatchEvent(new CustomEvent('lstm-live-training', {
    detail: { epoch: picture[0], merged: update.merged, written } }));
  // The next draw waits a frame at least, for the browser to paint this one and to take the page's next numbers.
  requestAnimationFrame(() => {
    drawing = false;
    if (newest) book();
    else if (showing.next < update.pictures.length) {
      waiting = setTimeout(book, Math.max(0, shownAt + showing.apart - performance.now()));
    }
  });
}

function book() {
  clearTimeout(waiting);
  waiting = null;
  drawing = true;
  requestAnimationFrame(draw);
}

function emptyCurves(update) {
  const empty = (count) => ({ epochs: [], columns: Array.from({ length: count }, () => []) });
  return { run: update.run, loss: empty(1), predictions: empty(update.points.predictions.length),
    weights: empty(update.weights.length) };
}

// Numbers that arrive before the draw join it: the curves' points wait for their chart's turn, the cells take
// the newest numbers' pictures only.
function receive(update) {
  const now = performance.now();
  if (arrived !== null) apart = Math.min(ARRIVALS_APART[1], Math.max(ARRIVALS_APART[0], now - arrived));
  arrived = now;
  if (!curves || curves.run !== update.run) curves = emptyCurves(update);
  const { epochs, loss, predictions } = update.points;
  curves.loss.epochs.push(...epochs);
  curves.loss.columns[0].push(...loss);
  curves.predictions.epochs.push(...epochs);
  predictions.forEach((column, index) => curves.predictions.columns[index].push(...column));
  curves.weights.epochs.push(update.epoch);
  update.weights.forEach((weight, index) => curves.weights.columns[index].push(weight));
  const pictures = [...(update.earlier || []), [update.epoch, update.weights]];
  newest = { ...update, pictures, merged: newest && newest.run === update.run ? newest.merged + 1 : 1 };
}

function onNumbers(event) {
  event.preventDefault(); // taken: the live panel's component need not send these again
  event.detail.map((text) => JSON.parse(text)).forEach((update) => {
    if (recipe && update.run === recipe.run) receive(update);
  });
  if (newest && !drawing) book();
}

export default function ({ data }) {
  // Drawn with the whole page: the server drew the figures as they stand; the cells' rules come for the next
  // redraws, whose numbers the live panel's component hands over.
  const given = JSON.parse(data.drawing);
  recipe = { run: given.run, rules: given.recipe };
  clearTimeout(waiting);
  newest = showing = curves = null;
  window.removeEventListener('lstm-live-numbers', onNumbers);
  window.addEventListener('lstm-live-numbers', onNumbers);
  return () => {
    // The run ended or the page moved on: no picture still waiting for its time draws into the next figures.
    window.removeEventListener('lstm-live-numbers', onNumbers);
    clearTimeout(waiting);
    recipe = newest = showing = null;
  };
}
