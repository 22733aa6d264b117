// Brings a keyed container to the top of the screen when its token changes. It draws nothing and runs in the
// page itself, where it can scroll Streamlit's main area. The last token is kept on the window, so a reload
// (a fresh page, where the visitor starts at the top) never scrolls, and a rerun that keeps the token leaves
// the visitor where they scrolled to.
export default function ({ data }) {
  const seen = (window.lstmExplorerScrolled ??= {});
  const before = seen[data.key];
  seen[data.key] = data.token;
  if (before === undefined || before === data.token) return;
  const target = document.querySelector(`.st-key-${data.key}`);
  const header = document.querySelector('[data-testid="stHeader"]');
  if (!target) return;
  // Below Streamlit's header bar, which lies over the top of the main area.
  target.style.scrollMarginTop = `${(header ? header.getBoundingClientRect().bottom : 0) + 8}px`;
  target.scrollIntoView({ block: 'start', behavior: 'instant' });
}
