"""The chart answers a typed day in the browser: the same unit and the same numbers as the server draws next."""

import random
import re

import pytest

from lstm.figures.unrolled import frame_updates
from lstm.figures.unrolled_preview import preview_recipe
from lstm.unit.forward import trace
from lstm.unit.gates import GATES
from lstm.unit.stages import Position, last_position
from lstm.unit.weights import NAMES, PRESETS
from tests.support.browser import chart_texts, type_into, wait_for_app, wait_until
from tests.support.paths import REPO

TUTORIAL_DAYS = [0.0, 0.5, 0.25, 1.0]
TRAINED = PRESETS["trained"]
# The browser's unit and the figure's frame rules, the very module the explorer's page runs.
UNIT_MODULE = REPO / "lstm" / "ui" / "components" / "unit.js"


@pytest.fixture
def unit_page(page):
    """A blank page holding the preview's module as `window.unit`, imported as the explorer's page imports it."""
    page.set_content("<!doctype html><title>unit</title>")
    page.evaluate(
        """async (source) => {
            const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
            window.unit = await import(url);
        }""",
        UNIT_MODULE.read_text(encoding="utf-8"),
    )
    return page


def random_weights(rng: random.Random, scale: float = 4.0) -> dict[str, float]:
    return {name: rng.uniform(-scale, scale) for name in NAMES}


def random_days(rng: random.Random, count: int, scale: float = 1.5) -> list[float]:
    return [round(rng.uniform(-scale, scale), rng.choice([2, 7])) for _ in range(count)]


def strays(cases: list[tuple[list[float], dict[str, float]]], unit_page) -> float:
    """The largest difference between the browser's numbers and the NumPy pass's over `cases` (relative above 1)."""
    computed = unit_page.evaluate(
        "cases => cases.map(([days, recipe]) => unit.unitSteps(recipe, days))",
        [[days, preview_recipe(len(days), weights)] for days, weights in cases],
    )
    worst = 0.0
    for (days, weights), steps in zip(cases, computed, strict=True):
        for expected, step in zip(trace(days, weights).steps, steps, strict=True):
            wanted = [expected.long_remember, expected.potential_remember, expected.potential_memory, expected.output]
            for want, got in zip([*wanted, expected.long_memory, expected.short_memory],
                                 [*step["gates"], step["long"], step["short"]], strict=True):  # fmt: skip
                worst = max(worst, abs(want - got) / max(1.0, abs(want)))
    return worst


def test_the_browser_unit_equals_the_numpy_pass(unit_page):
    # As the NumPy pass is held to the torch unit (tests/test_forward.py): random weights, 1 to 60 days.
    rng = random.Random(18)
    cases = [(random_days(rng, rng.randint(1, 60)), random_weights(rng)) for _ in range(300)]
    assert strays(cases, unit_page) <= 1e-6


def test_the_browser_unit_saturates_as_the_numpy_pass_does(unit_page):
    # The largest weights and days the page takes: exp overflows and the gates are exactly 0 or 1 on both sides.
    rng = random.Random(19)
    cases = [(random_days(rng, rng.randint(1, 12), 100.0), random_weights(rng, 1000.0)) for _ in range(50)]
    assert strays(cases, unit_page) <= 1e-6


def test_the_browser_writes_every_frame_as_the_figure_does(unit_page):
    rng = random.Random(20)
    scales = [(1.5, 4.0), (1.5, 40.0), (100.0, 1000.0)]  # gates in their middle, near 0 and 1, saturated
    cases = [(random_days(rng, rng.randint(1, 12), days), random_weights(rng, weights))
             for days, weights in scales for _ in range(15)]  # fmt: skip
    cases.append((TUTORIAL_DAYS, TRAINED))
    for days, weights in cases:
        unit = trace(days, weights)
        steps = [
            {"gates": [s.long_remember, s.potential_remember, s.potential_memory, s.output], "long": s.long_memory,
             "short": s.short_memory}
            for s in unit.steps
        ]  # fmt: skip
        recipe = preview_recipe(len(days), weights)
        drawn = unit_page.evaluate(
            "([recipe, steps]) => recipe.known.map((_, frame) => unit.frameUpdates(recipe, steps, frame))",
            [recipe, steps],
        )
        for frame, preview in enumerate(drawn):
            expected = frame_updates(unit, weights, Position(frame))
            by_trace = dict(zip(preview["traces"], preview["data"], strict=True))
            for name, place in [("values", "values_trace"), ("long memory", "long_trace"),
                                ("short memory", "short_trace"), ("prediction", "prediction_trace")]:  # fmt: skip
                assert by_trace[recipe[place]] == expected[name], (days, frame, name)
            for place, gate in zip(recipe["gates"], GATES, strict=True):
                assert by_trace[place["trace"]] == expected[f"bars {gate.field}"], (days, frame, gate.field)


@pytest.mark.parametrize(
    "number", [0.03125, -0.03125, 0.125, 12.5, 13.5, 0.5, 2.5, -2.5, 0.00005, -0.00001, -0.0, 99.99995, 1e-7, 0.8352]
)
def test_the_browser_rounds_as_python_does(unit_page, number):
    for digits in (0, 2, 4):
        assert unit_page.evaluate("([n, d]) => unit.fixed(n, d)", [number, digits]) == f"{number:.{digits}f}"


def hold_the_page_messages(page):
    """Routes the page's websocket: while `held` is not None, what the page sends waits there, unsent."""
    state = {"held": None, "server": None}

    def route(socket):
        server = socket.connect_to_server()
        state["server"] = server

        def from_page(message):
            if state["held"] is None:
                server.send(message)
            else:
                state["held"].append(message)

        socket.on_message(from_page)

    page.route_web_socket(re.compile(r".*/_stcore/stream$"), route)
    return state


def release(state) -> None:
    held, state["held"] = state["held"], None
    for message in held:
        state["server"].send(message)


def shows(page, days: list[float]) -> bool:
    """The unrolled unit's cells, memories and prediction read as the server draws them for `days`."""
    expected = frame_updates(trace(days, TRAINED), TRAINED, last_position(len(days)))
    texts = chart_texts(page)
    wanted = [*expected["values"]["text"], *expected["long memory"]["text"][1:], *expected["short memory"]["text"][1:]]
    prediction = expected["prediction"]["text"][0].replace("<b>", "").replace("</b>", "").replace("<br>", "")
    return all(text in texts for text in wanted) and prediction in texts


def test_a_typed_day_redraws_the_cells_before_the_server_answers(page, app_url):
    state = hold_the_page_messages(page)
    page.goto(f"{app_url}/?days=0,0.5,0.25,1&weights=trained")
    wait_for_app(page)
    assert shows(page, TUTORIAL_DAYS)
    state["held"] = []
    type_into(page, "Day 1", "0.7")
    # The server has not heard of the edit, yet the cells show its numbers.
    wait_until(lambda: shows(page, [0.7, 0.5, 0.25, 1.0]), what="the cells to show day 1 at 0.7")
    assert state["held"], "the edit reached the server"
    # A value the field refuses changes nothing; one more within its limits (its step button) shows both.
    type_into(page, "Day 2", "150")
    page.locator(".st-key-day_2 [data-testid='stNumberInputStepUp']").click()
    wait_until(lambda: shows(page, [0.7, 0.5, 0.3, 1.0]), what="the cells to show day 3 stepped up to 0.30")
    release(state)
    # The server's figure takes over: the same numbers, and the days' own labels under their cells (the two
    # held edits may come as two runs, the first cut short: wait for the figure of both).
    wait_until(
        lambda: {"day 10.70", "day 30.30"} <= set(chart_texts(page)),
        what="the server's figure with day 1 at 0.70 and day 3 at 0.30",
    )
    assert shows(page, [0.7, 0.5, 0.3, 1.0])
