"""The opened cell as data: every weight, sum, gate, curve point and memory of the day, appearing as computed."""

import random

import plotly.io as pio
import pytest

from lstm.figures.cell_detail import ANIMATED, WEIGHT_ORDER
from lstm.figures.days import gates_over_days_figure
from lstm.figures.exports import table_figure
from lstm.figures.unrolled import ANIMATED as OVERVIEW_ANIMATED
from lstm.figures.unrolled import unrolled_figure
from lstm.unit.explain import percent_text, value_text
from lstm.unit.forward import trace
from lstm.unit.gates import GATES
from lstm.unit.stages import Position, frame_count, last_position
from lstm.unit.weights import NAMES, PRESETS, Weights
from tests.support.reference import reference_trace


def traces_by_name(figure: dict) -> dict[str, dict]:
    return {trace.get("name"): trace for trace in figure["data"]}


def frame_update(figure: dict, frame: int, name: str) -> dict:
    index = (*OVERVIEW_ANIMATED, *ANIMATED).index(name)
    return figure["frames"][frame]["data"][index]


def every_text(figure: dict, frame: int) -> str:
    """What the figure shows at `frame`: its still texts and annotations, and that frame's animated texts."""
    texts = [annotation["text"] for annotation in figure["layout"]["annotations"]]
    for drawn in figure["data"]:
        if isinstance(drawn.get("text"), list) and drawn.get("name") not in (*OVERVIEW_ANIMATED, *ANIMATED):
            texts += [str(text) for text in drawn["text"]]
    for update in figure["frames"][frame]["data"]:
        texts += [str(text) for text in update.get("text", [])]
    return " ".join(texts)


@pytest.mark.parametrize(("days", "seed"), [(1, 0), (4, 1), (4, 2), (12, 3)])
def test_the_opened_cell_shows_every_number_of_its_day(days, seed):
    rng = random.Random(seed)
    weights = Weights.from_mapping({name: round(rng.uniform(-3, 3), 4) for name in NAMES})
    values = [round(rng.uniform(-1, 1), 2) for _ in range(days)]
    day = rng.randrange(days)
    result = trace(values, weights)
    figure = unrolled_figure(result, weights, last_position(days), open_day=day).to_dict()
    shown = every_text(figure, frame_count(days) - 1)
    reference = reference_trace(values, weights)
    long_remember, potential_remember, potential, output, long_memory, short_memory = reference[day]
    long_before, short_before = (0.0, 0.0) if day == 0 else reference[day - 1][4:]
    for name in NAMES:
        assert f"{name} <b>{value_text(weights[name])}</b>" in shown, name
    for gate in GATES:
        total = (
            weights[gate.short_weight] * short_before + weights[gate.input_weight] * values[day] + weights[gate.bias]
        )
        assert f"= <b>{value_text(total)}</b>" in shown, gate.field
    for gate, value in zip(GATES, (long_remember, potential_remember, potential, output), strict=True):
        assert (percent_text(value) if gate.is_percent else value_text(value)) in shown, gate.field
    assert value_text(long_before) in shown and value_text(short_before) in shown
    assert f"= <b>{value_text(result.steps[day].squashed_long_memory)}</b>" in shown
    assert value_text(long_memory) in shown and value_text(short_memory) in shown


def test_values_stay_blank_until_the_animation_computes_them():
    result = trace([1, 0.5, 0.25, 1], PRESETS["trained"])
    figure = unrolled_figure(result, PRESETS["trained"], Position(0), open_day=1).to_dict()
    start = frame_update(figure, 0, "detail values")["text"]
    assert not [text for text in start if text and "coming" not in text and "<span" not in text]
    assert frame_update(figure, 0, "detail point long_remember") == {"x": [], "y": []}
    # day 2's long-remember stage: its sum and percentage, the incoming memories, nothing after
    during = frame_update(figure, Position.of(2, "long-remember").frame, "detail values")["text"]
    assert during[1] == f"<b>{percent_text(result.steps[1].long_remember)}</b>"
    assert during[3] == "" and during[7] == ""  # potential-remember % and output % are not computed yet
    assert during[8] == value_text(result.steps[0].long_memory)
    point = frame_update(figure, Position.of(2, "long-remember").frame, "detail point long_remember")
    assert point["y"] == [result.steps[1].long_remember]
    # the highlight is on the opened day only
    assert frame_update(figure, Position.of(1, "output").frame, "detail highlight")["x"] == []
    assert frame_update(figure, Position.of(2, "output").frame, "detail highlight")["x"]


def test_a_sum_beyond_the_curve_sits_at_its_edge():
    weights = PRESETS["trained"].replace(blr1=50.0)
    figure = unrolled_figure(trace([1.0], weights), weights, last_position(1), open_day=0).to_dict()
    assert traces_by_name(figure)["detail point long_remember"]["x"] == [6.0]


def test_every_weight_is_clickable_by_name():
    figure = unrolled_figure(trace([0.5], PRESETS["seed"]), PRESETS["seed"], last_position(1), open_day=0).to_dict()
    labels = traces_by_name(figure)["detail weights"]
    assert labels["customdata"] == list(WEIGHT_ORDER) and sorted(WEIGHT_ORDER) == sorted(NAMES)


def test_without_an_open_cell_the_figure_is_the_overview_alone():
    result = trace([0, 0.5, 0.25, 1], PRESETS["trained"])
    figure = unrolled_figure(result, PRESETS["trained"], last_position(4)).to_dict()
    assert "xaxis2" not in figure["layout"] and len(figure["frames"][0]["data"]) == len(OVERVIEW_ANIMATED)


def test_twelve_days_with_a_cell_open_send_at_most_300_kb_of_figures():
    values = [0.1 * (day % 10) for day in range(12)]
    result = trace(values, PRESETS["trained"])
    figures = [
        unrolled_figure(result, PRESETS["trained"], last_position(12), open_day=11),
        gates_over_days_figure(result),
        table_figure(result),
    ]
    assert sum(len(pio.to_json(figure, validate=False)) for figure in figures) <= 300_000


def test_the_figure_is_valid_plotly():
    result = trace([0, 0.5, 0.25, 1], PRESETS["trained"])
    figure = unrolled_figure(result, PRESETS["trained"], Position(7), dark=True, open_day=2).to_dict()
    pio.from_json(pio.to_json(figure, validate=False), skip_invalid=False)
