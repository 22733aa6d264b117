// Hands each live redraw's numbers to the drawing component (live_training.js); numbers it has not taken yet
// (while its script loads) go again with the next ones, the last few dozen at most.
const waiting = [];
export default function ({ data }) {
  waiting.push(data.update);
  const event = new CustomEvent('lstm-live-numbers', { detail: waiting.splice(0), cancelable: true });
  if (window.dispatchEvent(event)) waiting.push(...event.detail.slice(-50));
}
