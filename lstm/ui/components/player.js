// A keyboard and screen-reader player for a Plotly animation. It lives in the page (a custom component of
// Streamlit's second kind: no iframe), so it reaches the chart's graph div and the page's own plotly.js
// (window.Plotly) and animates the figure's frames there, with no rerun per frame. Every word it shows comes
// from Python, already in the visitor's language, and is set as text, never as HTML.
// A long animation's frames arrive as changes (lstm/figures/browser_frames.py, in the figure's layout.meta):
// frame `number` rebuilt from them, as Plotly.animate takes a frame.
export function changedFrame(encoded, number) {
  const slot = new Map(encoded.traces.map((trace, place) => [trace, place]));
  const data = encoded.traces.map(() => ({}));
  encoded.parts.forEach((part) => {
    let value;
    if (part.changes) {
      value = part.start.slice();
      for (const [at, point, changed] of part.changes) {
        if (at > number) break;
        value[point] = changed;
      }
    } else {
      value = part.values[part.at[number]];
    }
    data[slot.get(part.trace)][part.key] = value;
  });
  return { data, traces: encoded.traces };
}

export default function ({ data, parentElement, setStateValue }) {
  // Streamlit calls this again with new data under the same key without running the last call's cleanup:
  // run it here, or the old listeners stay and every key press moves two frames.
  if (parentElement.lstmPlayerCleanup) parentElement.lstmPlayerCleanup();
  const player = JSON.parse(data.player);
  const root = parentElement.querySelector('.player');
  const buttons = Object.fromEntries(
    [...root.querySelectorAll('button')].map((button) => [button.dataset.action, button]));
  const position = root.querySelector('input');
  const positionLabel = root.querySelector('.position-label');
  const caption = root.querySelector('.caption');
  const texts = player.texts;
  const last = player.frames.length - 1;
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  let index = Math.min(Math.max(player.start, 0), last);
  let timer = null;
  let chart = null;

  root.setAttribute('aria-label', texts.group);
  buttons.start.textContent = texts.start;
  buttons.back.textContent = texts.back;
  buttons.forward.textContent = texts.forward;
  root.querySelector('.position-name').textContent = texts.position;
  position.max = String(last);
  position.dir = player.right_to_left ? 'rtl' : 'ltr';
  // Where the page writes the caption itself (above a sideways-scrolling frame), the player's own is not shown
  // and not spoken: one live caption a page.
  caption.hidden = player.caption_apart;
  if (player.caption_apart) caption.removeAttribute('aria-live');

  const findChart = () => document.querySelector(`.st-key-${CSS.escape(player.chart)} .js-plotly-plot`);

  function show(frame) {
    index = frame;
    position.value = String(frame);
    position.setAttribute('aria-valuetext', player.labels[frame]);
    positionLabel.textContent = player.labels[frame];
    caption.textContent = player.captions[frame];
    // The page's other views of this chart (its caption above the cells, its text alternative) follow.
    window.dispatchEvent(new CustomEvent('lstm-player-frame', { detail: { chart: player.chart, frame } }));
    buttons.start.disabled = buttons.back.disabled = frame === 0;
    buttons.forward.disabled = frame === last;
  }

  function showPlaying(playing) {
    buttons.play.textContent = playing ? texts.pause : texts.play;
  }

  // Every move is a jump: no tween in the figure, whatever the visitor's motion setting.
  function go(frame) {
    show(frame);
    const plot = findChart();
    if (plot && window.Plotly) {
      const encoded = plot.layout && plot.layout.meta && plot.layout.meta.browser_frames;
      const target = encoded ? changedFrame(encoded, frame) : [player.frames[frame]];
      window.Plotly.animate(plot, target, {
        frame: { duration: 0, redraw: true }, transition: { duration: 0 }, mode: 'immediate' });
    }
  }

  function pause() {
    clearTimeout(timer);
    timer = null;
    showPlaying(false);
    report();
  }

  // Where the visitor left the animation, told to the page once they have left it there a moment: a rerun
  // per frame would hold the animation up, and the page's link and answers need only where it stopped.
  let reporting = null;
  function report() {
    if (!player.report) return;
    clearTimeout(reporting);
    reporting = setTimeout(() => {
      if (!timer && index !== player.start) setStateValue('frame', index);
    }, 800);
  }

  function tick() {
    go(index + 1);
    if (index >= last) pause();
    else timer = setTimeout(tick, player.frame_ms);
  }

  // Play answers at once: the next frame now, then one every frame_ms; from the end it starts over.
  function play() {
    showPlaying(true);
    if (index >= last) {
      go(0);
      timer = setTimeout(tick, player.frame_ms);
    } else {
      tick();
    }
  }

  function stepTo(frame) {
    pause();
    go(Math.min(Math.max(frame, 0), last));
  }

  const actions = {
    play: () => (timer ? pause() : play()),
    start: () => stepTo(0),
    back: () => stepTo(index - 1),
    forward: () => stepTo(index + 1),
  };
  // Arrow keys step everywhere in the player, the position slider included; left and right follow the
  // slider's direction on screen.
  const ahead = player.right_to_left ? -1 : 1;
  const keys = { ArrowLeft: -ahead, ArrowRight: ahead, ArrowDown: -1, ArrowUp: 1 };
  const onClick = (event) => {
    const button = event.target.closest('button');
    if (button) actions[button.dataset.action]();
  };
  const onKey = (event) => {
    if (event.key in keys) stepTo(index + keys[event.key]);
    else if (event.key === 'Home') stepTo(0);
    else if (event.key === 'End') stepTo(last);
    else return;
    event.preventDefault();
  };
  const onInput = () => stepTo(Number(position.value));
  root.addEventListener('click', onClick);
  root.addEventListener('keydown', onKey);
  position.addEventListener('input', onInput);

  // Plotly's own slider (or Play) moves the figure too: follow it, and keep its handle from gliding
  // when the visitor asked for less motion.
  const onFrame = (event) => {
    const frame = player.frames.indexOf(event.name);
    if (frame >= 0) show(frame);
  };
  function calmSlider() {
    const slider = chart && chart.layout.sliders && chart.layout.sliders[0];
    if (slider && reducedMotion.matches && (!slider.transition || slider.transition.duration !== 0)) {
      window.Plotly.relayout(chart, { 'sliders[0].transition.duration': 0 });
    }
  }
  // A trace whose meta names a gate and a point ({lights: {gate, point, x0, x1, colour}}) outlines that point
  // of the bar trace carrying the same gate key in its meta, x0 to x1 wide, while the mouse is over the
  // trace: the opened cell's blocks light their day's bars in the overview, dotted to tell it from the
  // animation's own outline. A layout shape, so the frames (which carry data only) leave it in place.
  // A mouse extra: Plotly's traces take no keyboard focus; the caption says in words what each stage does.
  const LIT = 'lit by hover'; // the shape's name, which tests look for: no visitor reads it
  const litAt = () => (chart.layout.shapes || []).findIndex((shape) => shape && shape.name === LIT);
  const onHover = (event) => {
    const point = event.points && event.points[0];
    const lights = point && point.data && point.data.meta && point.data.meta.lights;
    const lit = (trace) => trace.type === 'bar' && trace.meta && trace.meta.gate === lights.gate;
    const bar = lights && chart.data.find(lit);
    if (!bar || !bar.y || bar.y[lights.point] === undefined) return onUnhover();
    const thickness = Array.isArray(bar.width) ? bar.width[lights.point] : bar.width || 0.4;
    const y = bar.y[lights.point];
    const at = litAt();
    window.Plotly.relayout(chart, { [`shapes[${at >= 0 ? at : (chart.layout.shapes || []).length}]`]: {
      type: 'rect', name: LIT, xref: 'x', yref: 'y', layer: 'above', x0: lights.x0, x1: lights.x1,
      y0: y - thickness / 2 - 0.08, y1: y + thickness / 2 + 0.08,
      line: { color: lights.colour, width: 3, dash: 'dot' }, fillcolor: 'rgba(0,0,0,0)' } });
  };
  const onUnhover = () => {
    const at = chart ? litAt() : -1;
    if (at >= 0) window.Plotly.relayout(chart, { [`shapes[${at}]`]: null });
  };
  // With fit_height the chart gives up height, down to fit_height px, until the player's last line is on the
  // first screen: a projector shows the cells and their controls together whatever its window's height.
  let natural = null; // the chart's height as the page drew it
  let fitted = null; // the height fit() last gave it
  function fit() {
    if (!player.fit_height || !chart || !chart.layout || !chart.layout.height) return;
    if (chart.layout.height !== fitted) natural = chart.layout.height; // drawn anew, at its own height
    const main = document.querySelector('[data-testid="stMain"]');
    const scrolled = window.scrollY + (main ? main.scrollTop : 0);
    const over = root.getBoundingClientRect().bottom + scrolled + 12 - window.innerHeight;
    const height = Math.round(Math.min(natural, Math.max(player.fit_height, chart.layout.height - over)));
    if (Math.abs(height - chart.layout.height) > 4) resize(height);
  }
  // Streamlit's frames around the chart hold the height the figure was sent with: it follows the chart's.
  function resize(height) {
    fitted = height;
    const outer = chart.closest('[data-testid="stElementContainer"]');
    for (let holder = chart.parentElement; outer && holder && outer.contains(holder); holder = holder.parentElement) {
      holder.style.height = holder.style.flexBasis = height === natural ? '' : `${height}px`;
    }
    return window.Plotly.relayout(chart, { height });
  }
  const onResize = () => {
    if (chart && natural) resize(natural).then(fit);
  };
  function attach() {
    const plot = findChart();
    if (!plot || plot === chart || !plot.on) return;
    chart = plot;
    if (player.fit_height) {
      chart.on('plotly_afterplot', fit);
      requestAnimationFrame(fit);
    }
    chart.on('plotly_animatingframe', onFrame);
    chart.on('plotly_hover', onHover);
    chart.on('plotly_unhover', onUnhover);
    calmSlider();
  }
  const observer = new MutationObserver(attach);
  observer.observe(document.body, { childList: true, subtree: true });
  reducedMotion.addEventListener('change', calmSlider);
  window.addEventListener('resize', onResize);

  showPlaying(false);
  show(index);
  attach();
  const cleanup = () => {
    parentElement.lstmPlayerCleanup = null;
    pause();
    clearTimeout(reporting);
    observer.disconnect();
    reducedMotion.removeEventListener('change', calmSlider);
    window.removeEventListener('resize', onResize);
    root.removeEventListener('click', onClick);
    root.removeEventListener('keydown', onKey);
    position.removeEventListener('input', onInput);
    if (chart && chart.removeListener) {
      chart.removeListener('plotly_animatingframe', onFrame);
      chart.removeListener('plotly_hover', onHover);
      chart.removeListener('plotly_unhover', onUnhover);
      chart.removeListener('plotly_afterplot', fit);
    }
  };
  parentElement.lstmPlayerCleanup = cleanup;
  return cleanup;
}
