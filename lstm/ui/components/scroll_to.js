// Brings the part of the page that changed into view. It draws nothing and runs in the page itself, where it can
// scroll Streamlit's main area. Two uses, by their data: a keyed container brought into view when its token
// changes (a new lesson step, a checked answer, a started run), and a chart's changing part kept in view while the
// page's player steps it (the opened cell under Step forward).
const SETTLE_MS = 1500; // the page's charts have stopped changing height this long: the scroll is done
const GAP = 8; // px left between what is brought into view and the screen's edge or the header bar
// Anything the visitor does with the page ends the follow-up: from then on the page scrolls where they take it.
const VISITOR_INPUTS = ['wheel', 'touchstart', 'pointerdown', 'keydown'];
// What moves the player: a press, a key, the position slider; its frame follows within PRESS_MS.
const PLAYER_INPUTS = ['click', 'keydown', 'input'];
const PRESS_MS = 1000;

const headerBottom = () => {
  const header = document.querySelector('[data-testid="stHeader"]');
  return header ? header.getBoundingClientRect().bottom : 0;
};

// Scrolls Streamlit's main area (or the document) so that `top` to `bottom` (px from the window's top) is on
// screen: the top under the header when the band is taller than the screen, else as little as it takes.
function reveal(top, bottom) {
  const above = headerBottom() + GAP;
  const below = window.innerHeight - GAP;
  let by = 0;
  if (bottom - top > below - above || top < above) by = top - above;
  else if (bottom > below) by = bottom - below;
  if (Math.abs(by) < 1) return;
  const main = document.querySelector('[data-testid="stMain"]');
  const scroller = main && main.scrollHeight > main.clientHeight ? main : document.scrollingElement;
  scroller.scrollBy({ top: by, behavior: 'instant' });
}

// Applies `place` now and again while the page's content changes size (the rest of the script run, charts that
// draw themselves), until it has been still for SETTLE_MS or the visitor takes over.
function settle(place) {
  const content = document.querySelector('[data-testid="stMainBlockContainer"]');
  let timer = null;
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const type of VISITOR_INPUTS) window.removeEventListener(type, stop, true);
  };
  const observer = new ResizeObserver(() => {
    place();
    clearTimeout(timer);
    timer = setTimeout(stop, SETTLE_MS);
  });
  for (const type of VISITOR_INPUTS) window.addEventListener(type, stop, true);
  if (content) observer.observe(content);
  place();
  timer = setTimeout(stop, SETTLE_MS);
}

// A keyed container when its token changes. The last token is kept on the window, so a reload (a fresh page,
// where the visitor starts at the top) never scrolls, and a rerun that keeps the token leaves the visitor where
// they scrolled to.
function whenChanged(data) {
  const seen = (window.lstmExplorerScrolled ??= {});
  const before = seen[data.key];
  seen[data.key] = data.token;
  if (before === undefined || before === data.token) return;
  const find = () => document.querySelector(`.st-key-${CSS.escape(data.show || data.key)}`);
  if (!find()) return;
  settle(() => {
    const target = find();
    if (!target) return;
    const box = target.getBoundingClientRect();
    if (box.height < 1) return; // without a box of its own (display: contents) there is nothing to bring
    if (!data.show) {
      reveal(box.top, box.top + window.innerHeight); // its top under the header, whatever its height
      return;
    }
    // From below, its foot at the screen's foot, with what leads up to it above it; from above, its top first.
    reveal(box.top, box.bottom);
  });
}

// The band of the chart's height that `axis` spans, in px from the window's top: the whole drawing without it.
function changingPart(plot, axis) {
  const box = plot.getBoundingClientRect();
  const layout = plot._fullLayout;
  const size = layout && layout._size;
  const domain = layout && layout[axis] && layout[axis].domain;
  if (!size || !domain) return [box.top, box.bottom];
  return [box.top + size.t + (1 - domain[1]) * size.h, box.top + size.t + (1 - domain[0]) * size.h];
}

function whenStepped(data) {
  const onFrame = (event) => {
    if (!event.detail || event.detail.chart !== data.chart) return;
    const plot = document.querySelector(`.st-key-${CSS.escape(data.chart)} .js-plotly-plot`);
    const player = document.querySelector(`.st-key-${CSS.escape(data.player)}`);
    if (!plot) return;
    const [top, bottom] = changingPart(plot, data.axis);
    // The player under the part when both fit, so the next step is a tap away.
    const under = player ? player.getBoundingClientRect().bottom : bottom;
    const room = window.innerHeight - headerBottom() - 2 * GAP;
    reveal(top, under > bottom && under - top <= room ? under : bottom);
  };
  // The player tells its frame whenever it is drawn too (a rerun for a weight typed far below): only a move that
  // follows the visitor's own press, key or slide in the player brings the part into view.
  let pressed = -Infinity;
  const onInput = (event) => {
    const player = document.querySelector(`.st-key-${CSS.escape(data.player)}`);
    if (player && event.composedPath().includes(player)) pressed = performance.now();
  };
  const onStep = (event) => performance.now() - pressed < PRESS_MS && onFrame(event);
  for (const type of PLAYER_INPUTS) window.addEventListener(type, onInput, true);
  window.addEventListener('lstm-player-frame', onStep);
  return () => {
    for (const type of PLAYER_INPUTS) window.removeEventListener(type, onInput, true);
    window.removeEventListener('lstm-player-frame', onStep);
  };
}

export default function ({ data }) {
  return data.chart ? whenStepped(data) : whenChanged(data);
}
