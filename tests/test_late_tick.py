"""The mend for Streamlit's late timer tick: a fragment's rerun refused by a stopped script thread starts only
behind the messages that thread had sent, so a whole-page redraw is never dropped on its way to the page."""

import inspect

import pytest
from streamlit.runtime.app_session import AppSession, AppSessionState
from streamlit.runtime.scriptrunner_utils.script_requests import RerunData
from streamlit.testing.v1 import AppTest

from lstm.ui import late_tick
from tests.support.paths import REPO

TICK = RerunData(fragment_id="live_panel", is_auto_rerun=True)


class Runner:
    """A script thread: stopped ones refuse reruns, running ones take them."""

    def __init__(self, running: bool):
        self.running, self.taken = running, []

    def request_rerun(self, rerun_data) -> bool:
        if self.running:
            self.taken.append(rerun_data.fragment_id)
        return self.running


class Session:
    """The fields of a Streamlit session the mend reads; starting a thread is recorded instead."""

    def __init__(self, loop, runner):
        self._event_loop, self._scriptrunner, self._state = loop, runner, AppSessionState.APP_IS_RUNNING
        self.log = []

    def _create_scriptrunner(self, rerun_data) -> None:
        self.log.append(f"new thread for {rerun_data.fragment_id or 'the page'}")


late_tick.mend(Session)


class Loop:
    """The server's event loop, turned by hand: callbacks run in the order they were scheduled."""

    def __init__(self):
        self.scheduled = []

    def call_soon(self, callback, *args) -> None:
        self.scheduled.append((callback, args))


@pytest.fixture
def loop():
    return Loop()


def run_pending(loop) -> None:
    while loop.scheduled:
        callback, args = loop.scheduled.pop(0)
        callback(*args)


def test_a_tick_refused_by_a_stopped_thread_starts_behind_its_messages(loop):
    session = Session(loop, Runner(running=False))
    loop.call_soon(session.log.append, "the ended run's elements and timer")  # posted before the thread stopped
    session._create_scriptrunner(TICK)
    assert session.log == [], "the tick started a thread before the ended run's messages were handled"
    run_pending(loop)
    assert session.log == ["the ended run's elements and timer", "new thread for live_panel"]


@pytest.mark.parametrize(("runner", "rerun"), [(None, TICK), (Runner(running=False), RerunData())])
def test_without_a_stopped_thread_or_for_the_whole_page_a_thread_starts_at_once(loop, runner, rerun):
    session = Session(loop, runner)
    session._create_scriptrunner(rerun)
    assert session.log == [f"new thread for {rerun.fragment_id or 'the page'}"]


def test_a_thread_started_meanwhile_takes_the_tick(loop):
    session = Session(loop, Runner(running=False))
    session._create_scriptrunner(TICK)
    session._scriptrunner = Runner(running=True)  # a click's whole-page rerun came first
    run_pending(loop)
    assert session.log == [] and session._scriptrunner.taken == ["live_panel"]


def test_a_visitor_who_left_gets_no_thread(loop):
    session = Session(loop, Runner(running=False))
    session._create_scriptrunner(TICK)
    session._state = AppSessionState.SHUTDOWN_REQUESTED
    run_pending(loop)
    assert session.log == []


def test_streamlit_still_starts_a_thread_when_a_stopped_one_refuses():
    """The race the mend answers. When this fails, Streamlit changed how it handles a refused rerun: see
    whether it still drops the old thread's messages, and whether the mend is still needed."""
    source = inspect.getsource(AppSession.request_rerun)
    assert "success = self._scriptrunner.request_rerun(rerun_data)" in source
    assert source.rstrip().endswith("self._create_scriptrunner(rerun_data)")
    handler = inspect.getsource(AppSession._handle_scriptrunner_event_on_event_loop)
    assert "if sender is not self._scriptrunner:" in handler


def test_the_app_mends_the_server():
    app = AppTest.from_file(str(REPO / "streamlit_app.py"), default_timeout=120)
    app.run()
    assert not app.exception
    assert getattr(AppSession, late_tick._MENDED, False)
