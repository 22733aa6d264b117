"""The opened cell as data: every weight, sum, gate, curve point and memory of the day, appearing as computed."""

import random

import plotly.graph_objects as go
import plotly.io as pio
import pytest

from lstm.figures.cell_detail import ANIMATED, DetailArea, detail_axes, detail_parts, detail_updates
from lstm.figures.cell_drawing import WEIGHT_ORDER
from lstm.figures.days import gates_over_days_figure
from lstm.figures.exports import table_figure
from lstm.figures.theme import palette
from lstm.figures.unrolled import ANIMATED as OVERVIEW_ANIMATED
from lstm.figures.unrolled import minimum_width, unrolled_figure
from lstm.unit.days import COMPANIES
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


def test_beside_the_overview_the_cell_takes_the_right_part_at_the_same_height_with_every_number():
    weights = PRESETS["trained"]
    result = trace([1, 0.5, 0.25, 1], weights)
    below = unrolled_figure(result, weights, last_position(4), open_day=1).to_dict()
    beside = unrolled_figure(result, weights, last_position(4), open_day=1, detail_beside=True).to_dict()
    layout = beside["layout"]
    # Left the overview, right the drawing, apart by the room of the margins' labels; as tall as the overview.
    assert 0 < layout["xaxis"]["domain"][1] < layout["xaxis2"]["domain"][0] < layout["xaxis2"]["domain"][1] == 1
    assert layout["yaxis"]["domain"] == layout["yaxis2"]["domain"] == [0, 1]
    assert layout["height"] < below["layout"]["height"]
    for number in range(3, 3 + len(GATES) + 1):  # each small curve inside the drawing's part of the width
        left, right = layout[f"xaxis{number}"]["domain"]
        assert layout["xaxis2"]["domain"][0] < left < right < 1
    assert every_text(beside, frame_count(4) - 1) == every_text(below, frame_count(4) - 1)
    assert minimum_width(4, open_cell=True, beside=True) == minimum_width(4) + minimum_width(4, open_cell=True)


def test_the_figure_is_valid_plotly():
    result = trace([0, 0.5, 0.25, 1], PRESETS["trained"])
    figure = unrolled_figure(result, PRESETS["trained"], Position(7), dark=True, open_day=2).to_dict()
    pio.from_json(pio.to_json(figure, validate=False), skip_invalid=False)


def test_each_block_names_the_overview_bar_its_hover_lights_for_the_same_day():
    result = trace([0, 0.5, 0.25, 1], PRESETS["trained"])
    figure = unrolled_figure(result, PRESETS["trained"], last_position(4), open_day=2).to_dict()
    bars = {drawn["meta"]["gate"]: drawn for drawn in figure["data"] if drawn["type"] == "bar"}
    areas = [drawn for drawn in figure["data"] if drawn.get("name", "").startswith("detail stage ")]
    assert len(areas) == 2 * len(GATES)  # the block, and the small curve whose axes catch the mouse there
    for gate in GATES:
        mine = [area for area in areas if area["name"] == f"detail stage {gate.field}"]
        assert {area["xaxis"] for area in mine} == {"x2", f"x{3 + GATES.index(gate)}"}
        for area in mine:
            lights = area["meta"]["lights"]
            # The key to match in the browser, the same in every language: the gate's field, on the bar too.
            assert lights["gate"] == gate.field and bars[lights["gate"]]["name"] == gate.tutorial
            assert "trace" not in lights  # never a label, which changes with the language
            assert lights["point"] == 2 and 2 < lights["x0"] < lights["x1"] < 3  # inside day 3's cell
            assert area["hoveron"] == "fills" and area["hoverinfo"] == "none"  # events, no label


# Company A's days with Company B's beside them, the tutorial's trained weights, day 2 opened.
A_DAYS, B_DAYS = COMPANIES["A"][0], COMPANIES["B"][0]


def compared_updates(position: Position, compared=True) -> dict[str, dict]:
    weights = PRESETS["trained"]
    other = trace(B_DAYS, weights) if compared else None
    return detail_updates(trace(A_DAYS, weights), weights, 1, position, palette(False), other)


def test_the_compared_day_stands_beside_each_gate_and_memory():
    b = trace(B_DAYS, PRESETS["trained"])
    step, (long_before, short_before) = b.steps[1], b.memories_before(1)
    texts = compared_updates(last_position(4))["detail compared values"]["text"]
    expected = [percent_text(step.long_remember), percent_text(step.potential_remember),
                value_text(step.potential_memory), percent_text(step.output), value_text(long_before),
                value_text(short_before), value_text(step.long_memory), value_text(step.short_memory)]  # fmt: skip
    assert texts == [f"○ {value}" for value in expected]
    points = compared_updates(last_position(4))["detail compared points"]
    assert None not in points["x"] and len(points["y"]) == len(GATES) + 1  # each gate's curve, and tanh's


def test_the_hollow_markers_sit_on_the_curves_where_the_filled_points_would():
    """Compared with itself, each hollow marker lands on its filled point: same place on the page."""
    weights, area = PRESETS["trained"], DetailArea(0.0, 0.4)
    result = trace(A_DAYS, weights)
    updates = detail_updates(result, weights, 1, last_position(4), palette(False), result)
    layout = detail_axes(area)

    def page_position(axis: int, x: float, y: float) -> tuple[float, float]:
        xaxis, yaxis = layout[f"xaxis{axis}"], layout[f"yaxis{axis}"]
        (x0, x1), (y0, y1) = xaxis["range"], yaxis["range"]
        (dx0, dx1), (dy0, dy1) = xaxis["domain"], yaxis["domain"]
        return dx0 + (x - x0) / (x1 - x0) * (dx1 - dx0), dy0 + (y - y0) / (y1 - y0) * (dy1 - dy0)

    hollow = updates["detail compared points"]
    names = [f"detail point {gate.field}" for gate in GATES] + ["detail point tanh"]
    for number, (name, x, y) in enumerate(zip(names, hollow["x"], hollow["y"], strict=True), start=3):
        filled = updates[name]
        assert page_position(2, x, y) == pytest.approx(page_position(number, filled["x"][0], filled["y"][0]), abs=1e-4)


def test_the_compared_values_appear_as_the_animation_computes_them():
    assert set(compared_updates(Position(0))["detail compared values"]["text"]) == {""}
    assert compared_updates(Position(0))["detail compared points"]["x"] == [None] * 5
    during = compared_updates(Position.of(2, "long-remember"))
    assert during["detail compared points"]["x"][0] is not None and during["detail compared points"]["x"][1] is None
    texts = during["detail compared values"]["text"]
    assert texts[0].startswith("○ ") and texts[1:4] == ["", "", ""] and texts[4].startswith("○ ")
    assert texts[6:] == ["", ""]  # the new memories come later


def test_nothing_compared_leaves_the_compared_traces_empty_and_unnamed():
    assert {name: compared_updates(last_position(4), compared=False)[name] for name in ANIMATED[-2:]} == {
        "detail compared points": {},
        "detail compared values": {},
    }
    weights = PRESETS["trained"]
    result = trace(A_DAYS, weights)

    def parts(name):
        initial = detail_updates(result, weights, 1, last_position(4), palette(True), None if name is None else result)
        return detail_parts(result, weights, 1, palette(True), round, initial, name)

    _, moving, _, annotations = parts(None)
    assert [drawn["name"] for drawn in moving] == list(ANIMATED)
    assert moving[-2]["x"] == [] and set(moving[-1]["text"]) == {""}
    assert not any("○" in note["text"] for note in annotations)
    _, moving, _, annotations = parts("Company B")
    assert any("○" in note["text"] and "<b>Company B</b>, day 2" in note["text"] for note in annotations)
    for drawn in moving[-2:]:
        go.Scatter({key: value for key, value in drawn.items() if key != "type"})  # valid Plotly
    assert moving[-2]["marker"]["symbol"] == "circle-open"
