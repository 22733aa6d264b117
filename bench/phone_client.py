"""Phones of the class vote that speak Streamlit's websocket as a phone's browser does, and draw nothing.

Each sends what the browser sends: the page's first run (/vote?code=CODE), the browser memory's report (nothing
kept: a first visit), the polling fragment's reruns at the interval the server asks for, and a tap on an answer
(the button's trigger in its fragment). The server does for each what it does for a phone; the bench's machine
is spared sixty pages to draw, which a class's own phones would draw.
"""

from __future__ import annotations

import asyncio
import json
import re
import threading
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

MEMORY_KEY = "vote_phone_memory"  # lstm.ui.vote_page.MEMORY_KEY: the component that reports the phone's id
ANSWER = re.compile(r"-vote_(\d+)_(\d+)$")  # an answer's button: key vote_<round>_<choice>
WAITING = "Waiting for the teacher to ask a question."
VOTED = "Your vote:"


@dataclass
class Phone:
    """One phone's connection and what its page would show: whether it waits, its answers' buttons, its vote."""

    url: str  # the server's address, http://host:port
    code: str
    memory: str | None = None  # the memory component's widget id, once drawn
    answers: dict[str, tuple[str, str]] = field(default_factory=dict)  # choice -> (button id, fragment id)
    polling: set[str] = field(default_factory=set)  # fragments whose reruns this phone sends
    waiting: bool = False
    voted: bool = False
    tapped: float | None = None  # when the tap left the phone (time.time(), the browser's Date.now() clock)
    socket: object = None

    def rerun(self, fragment: str = "", tap: str | None = None) -> bytes:
        """A rerun as the browser sends it: every widget's state, the page and its query, the fragment if any."""
        message = BackMsg()
        state = message.rerun_script
        state.query_string = f"code={self.code}"
        state.page_name = "vote"
        state.fragment_id = fragment
        state.is_auto_rerun = bool(fragment) and tap is None
        if self.memory is not None:
            state.widget_states.widgets.add(id=self.memory, json_value=json.dumps({"stored": ""}))
        if tap is not None:
            state.widget_states.widgets.add(id=tap, trigger_value=True)
        return message.SerializeToString()

    def read(self, raw: bytes) -> list[bytes]:
        """Takes in one message from the server; returns what the browser would send in answer."""
        message = ForwardMsg()
        message.ParseFromString(raw)
        kind = message.WhichOneof("type")
        if kind == "auto_rerun" and message.auto_rerun.fragment_id not in self.polling:
            self.polling.add(message.auto_rerun.fragment_id)
            asyncio.get_running_loop().create_task(
                self.poll(message.auto_rerun.fragment_id, message.auto_rerun.interval)
            )
        if kind != "delta" or message.delta.WhichOneof("type") != "new_element":
            return []
        element = message.delta.new_element
        drawn = element.WhichOneof("type")
        if drawn == "bidi_component" and element.bidi_component.id.endswith(MEMORY_KEY) and self.memory is None:
            self.memory = element.bidi_component.id
            return [self.rerun()]  # the memory reports a first visit: nothing kept
        if drawn == "button" and (answer := ANSWER.search(element.button.id)):
            self.answers[answer.group(2)] = (element.button.id, message.delta.fragment_id)
        text = element.alert.body if drawn == "alert" else element.markdown.body if drawn == "markdown" else ""
        self.waiting = self.waiting or WAITING in text
        self.voted = self.voted or VOTED in text
        return []

    async def poll(self, fragment: str, interval: float) -> None:
        while True:
            await asyncio.sleep(interval)
            await self.socket.send(self.rerun(fragment))

    async def run(self) -> None:
        address = self.url.replace("http", "ws", 1) + "/_stcore/stream"
        async with websockets.connect(address, subprotocols=["streamlit"], max_size=None) as socket:
            self.socket = socket
            await socket.send(self.rerun())
            async for raw in socket:
                for answer in self.read(raw):
                    await socket.send(answer)

    async def tap(self, choice: str) -> None:
        button, fragment = self.answers[choice]
        self.tapped = time.time()
        await self.socket.send(self.rerun(fragment, tap=button))


class Class:
    """Phones on one event loop in a thread of their own, beside the driver of the projector's Chromium."""

    def __init__(self, url: str, code: str, count: int, limit: float):
        """`count` phones on the class `code`, back once every one waits for the teacher (or after `limit` s)."""
        self.limit = limit
        self.phones = [Phone(url, code) for _ in range(count)]
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.tasks = [asyncio.run_coroutine_threadsafe(phone.run(), self.loop) for phone in self.phones]
        self.wait(lambda phone: phone.waiting, "to wait for the teacher")

    def wait_for_answers(self) -> None:
        self.wait(lambda phone: phone.answers, "to show the question's answers")

    def taps(self) -> list[float]:
        """When each tap left its phone, in ms of the clock the projector's page reads (Date.now())."""
        return [phone.tapped * 1000 for phone in self.phones]

    def wait(self, check, what: str) -> None:
        """Until `check(phone)` holds for every phone; a phone whose connection ended raises its error."""
        deadline = time.monotonic() + self.limit
        while not all(check(phone) for phone in self.phones):
            for task in self.tasks:
                if task.done():
                    task.result()
                    raise RuntimeError("a phone's connection ended")
            if time.monotonic() > deadline:
                raise TimeoutError(f"waited {self.limit:g} s for every phone {what}")
            time.sleep(0.1)

    def tap(self, choices: list[str]) -> None:
        """Each phone taps its choice, one after another, as a class does within a few seconds."""

        async def taps() -> None:
            for phone, choice in zip(self.phones, choices, strict=True):
                await phone.tap(choice)
                await asyncio.sleep(0.05)

        asyncio.run_coroutine_threadsafe(taps(), self.loop).result()

    def close(self) -> None:
        """Every phone hangs up (its connection closed as a page's is), then the loop stops."""

        async def hang_up() -> None:
            others = asyncio.all_tasks() - {asyncio.current_task()}
            for task in others:
                task.cancel()
            await asyncio.gather(*others, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(hang_up(), self.loop).result(timeout=60)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)
