"""What passed between a page and the server, decoded, kept for a failed test's log: runs, redraws, timers."""

from __future__ import annotations

import time
from collections import deque

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

MESSAGES_KEPT = 400  # the last few seconds of a live page: enough to see what its last redraws were


def describe_from_server(payload: bytes) -> str:
    """One line for a message to the page: its kind, and where it draws or which run it belongs to."""
    message = ForwardMsg()
    message.ParseFromString(payload)
    kind = message.WhichOneof("type")
    run = message.metadata.run
    if kind == "delta":
        delta = message.delta
        change = delta.WhichOneof("type")
        what = {"new_element": delta.new_element, "add_block": delta.add_block}.get(change)
        detail = f"{change}:{what.WhichOneof('type')}" if what is not None else change
        return f"{detail} at {list(message.metadata.delta_path)} fragment={delta.fragment_id[:8]}"
    if kind == "ref_hash":
        return f"reference at {list(message.metadata.delta_path)}"
    if kind == "new_session":
        return f"run {run.script_run_id[:8]} starts, fragments {[fragment[:8] for fragment in run.fragment_ids]}"
    if kind == "script_finished":
        return f"run {run.script_run_id[:8]} {ForwardMsg.ScriptFinishedStatus.Name(message.script_finished)}"
    if kind == "auto_rerun":
        return f"timer every {message.auto_rerun.interval:g} s for {message.auto_rerun.fragment_id[:8]}"
    if kind == "stop_auto_rerun":
        return f"timers stopped for {[fragment[:8] for fragment in message.stop_auto_rerun.fragment_ids]}"
    if kind == "session_status_changed":
        return f"script running: {message.session_status_changed.script_is_running}"
    return kind or "empty"


def describe_to_server(payload: bytes) -> str:
    """One line for a message from the page: a rerun says whether its timer or the visitor asked for it."""
    message = BackMsg()
    message.ParseFromString(payload)
    kind = message.WhichOneof("type")
    if kind == "rerun_script":
        rerun = message.rerun_script
        asked_by = "its timer" if rerun.is_auto_rerun else "the visitor"
        return f"to server: rerun of {rerun.fragment_id[:8] or 'the page'}, asked by {asked_by}"
    return f"to server: {kind}"


def record_messages(page) -> deque[str]:
    """From now on, the page's last messages either way, each with the moment it passed."""
    began = time.monotonic()
    kept: deque[str] = deque(maxlen=MESSAGES_KEPT)

    def note(line: str) -> None:
        kept.append(f"{time.monotonic() - began:7.2f} s {line}")

    def described(describe, payload) -> None:
        if not isinstance(payload, bytes):
            return
        try:
            note(describe(payload))
        except Exception as error:  # a log must never fail the test it watches
            note(f"a message not understood ({error!r})")

    def watch(socket) -> None:
        note("websocket opened")
        socket.on("framereceived", lambda payload: described(describe_from_server, payload))
        socket.on("framesent", lambda payload: described(describe_to_server, payload))
        socket.on("close", lambda _: note("websocket closed"))

    page.on("websocket", watch)
    return kept
