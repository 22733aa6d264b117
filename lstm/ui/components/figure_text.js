// A figure's text alternative, and optionally its stage caption, kept in step with the page's player. It lives
// in the page's own document (no iframe, no shadow root), so the chart's drawing can name it: role="img",
// aria-label the figure's short name, aria-describedby this component's description of what it shows now.
// Every word comes from Python, already in the visitor's language, and is set as text, never as HTML.
export default function ({ data, parentElement }) {
  const text = JSON.parse(data.figure_text);
  const root = parentElement.querySelector('.figure-text');
  const caption = root.querySelector('.stage-caption');
  const description = root.querySelector('.description');
  const id = `figure-text-${text.chart}`;
  description.id = id;
  if (text.captions) caption.setAttribute('aria-live', 'polite');
  else caption.hidden = true;

  function show(frame) {
    const at = Math.min(Math.max(frame, 0), text.descriptions.length - 1);
    description.textContent = text.descriptions[at];
    if (text.captions) {
      const [heading, body] = text.captions[at];
      caption.querySelector('.heading').textContent = heading;
      caption.querySelector('.body').textContent = body;
    }
  }
  // The chart's drawing (its first svg, which holds no button: the mode bar's lie beside it), named as a
  // picture; drawn again on a rerun, so named again whenever it appears.
  function name() {
    const chart = document.querySelector(`.st-key-${CSS.escape(text.chart)} .js-plotly-plot .main-svg`);
    if (!chart || chart.getAttribute('aria-describedby') === id) return;
    chart.setAttribute('role', 'img');
    chart.setAttribute('aria-label', text.name);
    chart.setAttribute('aria-describedby', id);
  }
  const onFrame = (event) => {
    if (event.detail && event.detail.chart === text.chart) show(event.detail.frame);
  };
  const observer = new MutationObserver(name);
  observer.observe(document.body, { childList: true, subtree: true });
  window.addEventListener('lstm-player-frame', onFrame);
  show(text.start);
  name();
  return () => {
    observer.disconnect();
    window.removeEventListener('lstm-player-frame', onFrame);
  };
}
