// Keeps one short text in this browser's localStorage under a name (a phone's id; a teacher's class and key), so
// a reload or a server restart finds it again. It draws nothing. Python sends what it knows (`known`: the value
// this script session last heard) and, to change it, `value` ('' forgets it). It reports what the browser holds
// whenever that differs from what Python knows: once for a new session, never in a loop.
export default function ({ data, setStateValue }) {
  let stored = '';
  try {
    if (typeof data.value === 'string') {
      const kept = window.localStorage.getItem(data.name);
      if (data.value === '') window.localStorage.removeItem(data.name);
      else if (kept !== data.value) window.localStorage.setItem(data.name, data.value);
    }
    stored = window.localStorage.getItem(data.name) ?? '';
  } catch {
    // Storage refused (a browser's strict privacy setting): this visit goes on with what the session knows.
    stored = typeof data.value === 'string' ? data.value : '';
  }
  if (stored !== data.known) setStateValue('stored', stored);
}
