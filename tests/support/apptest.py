"""What AppTest tests share: find a button by its label, open a fold, read the progress line, run until a run ends."""

from __future__ import annotations

import time

from streamlit.testing.v1 import AppTest


def button(app: AppTest, label: str):
    return next(item for item in app.button if item.label == label)


def open_folds(app: AppTest, *keys: str) -> AppTest:
    """Opens the keyed expanders whose content is drawn only once opened, as a visitor's click does, and reruns."""
    for key in keys:
        app.session_state[key] = True
    return app.run()


def progress_text(app: AppTest) -> str:
    return app.get("progress")[0].proto.text


def run_to_the_end(app: AppTest, limit: float = 60) -> None:
    deadline = time.monotonic() + limit
    while not progress_text(app).startswith(("**Finished", "**Stopped", "**Diverged")):
        assert time.monotonic() < deadline, progress_text(app)
        time.sleep(0.2)
        app.run()
