"""A Streamlit server race, mended: a live panel's timer tick that lands as a run ends no longer loses that run.

A session's script thread stops when a run ends with nothing queued; the run's messages reach the server's
event loop a moment later. A fragment's timer tick handled in between finds the thread stopped, and
Streamlit starts a new one at once, after which the loop drops every message of the old thread it had not
yet handled. When that run was a whole-page redraw, the page got its start (which clears the browser's
timers) but neither its elements nor the timer it sets: on a busy server one Training page in ten crowds
stopped redrawing for good, mid-run. Streamlit's own comment in `AppSession.request_rerun` describes the
race; its guard covers only fragments that no longer exist.

The mend: a fragment's rerun refused by a stopped thread waits one turn of the event loop, behind the
messages that thread had already sent, before a new thread starts.
"""

from __future__ import annotations

import functools

from streamlit.runtime.app_session import AppSession, AppSessionState

_MENDED = "_lstm_explorer_late_tick_mended"


def _start_after_delivered(session: AppSession, refused_by, rerun_data, start) -> None:
    if session._state == AppSessionState.SHUTDOWN_REQUESTED:
        return  # the visitor left while the tick waited
    current = session._scriptrunner
    if current is None or current is refused_by:
        start(session, rerun_data)
    elif not current.request_rerun(rerun_data):
        session._create_scriptrunner(rerun_data)  # another tick's thread took over and has stopped in turn


def mend(app_session: type = AppSession) -> None:
    """Make a fragment's rerun that a stopped script thread refused start only once that thread's messages are in."""
    start = getattr(app_session, "_create_scriptrunner", None)
    if start is None or getattr(app_session, _MENDED, False):
        return  # mended already, or a Streamlit without this path (tests/test_late_tick.py says so)

    @functools.wraps(start)
    def create_scriptrunner(session, initial_rerun_data) -> None:
        refused_by, loop = getattr(session, "_scriptrunner", None), getattr(session, "_event_loop", None)
        if refused_by is None or loop is None or not initial_rerun_data.fragment_id:
            # No thread, or a whole-page rerun that replaced one on purpose: as Streamlit does.
            start(session, initial_rerun_data)
            return
        # The old thread has posted all it sent before it stopped: this call goes behind those messages.
        loop.call_soon(_start_after_delivered, session, refused_by, initial_rerun_data, start)

    app_session._create_scriptrunner = create_scriptrunner
    setattr(app_session, _MENDED, True)
