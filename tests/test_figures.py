"""The figures as data: what each animation frame shows, sizes, and no torch needed to draw."""

import json
import subprocess
import sys

import plotly.io as pio
import pytest

from lstm.figures.compare import LONG_GAP, SHORT_GAP
from lstm.figures.days import gates_over_days_figure
from lstm.figures.exports import TABLE_MINIMUM_WIDTH, header_lines, table_figure
from lstm.figures.unrolled import (
    ANIMATED,
    CAPTION_LINE_CHARACTERS,
    LONG_LINE_Y,
    PREDICTION_X,
    SHORT_LINE_Y,
    cell_layout,
    minimum_width,
    unrolled_figure,
)
from lstm.figures.unrolled_layout import HIGHLIGHT_WIDTH, NARROW_CELLS, SMALLEST_CELL_PX, WIDE_CELLS
from lstm.unit.forward import trace
from lstm.unit.gates import GATES
from lstm.unit.stages import Position, frame_count, last_position
from lstm.unit.trace import STEP_FIELDS, STEP_TITLES, DayStep, Trace
from lstm.unit.weights import PRESETS
from tests.support.paths import REPO

TRAINED = PRESETS["trained"]
COMPANY_A = trace([0, 0.5, 0.25, 1], TRAINED)

# Animated traces by name: the figure holds them in ANIMATED's order, and every frame updates all of them.
BARS = slice(0, len(GATES))
NUMBERS, LONG, SHORT, HIGHLIGHT, CAPTION, PREDICTION = (
    ANIMATED.index(name) for name in ("values", "long memory", "short memory", "highlight", "caption", "prediction")
)


def frames_of(figure):
    return figure.to_dict()["frames"]


def test_one_frame_per_stage_and_a_start():
    figure = unrolled_figure(COMPANY_A, TRAINED, last_position(4))
    frames = frames_of(figure)
    assert len(frames) == frame_count(4) == 21
    assert [frame["name"] for frame in frames] == [str(index) for index in range(21)]
    steps = figure.to_dict()["layout"]["sliders"][0]["steps"]
    assert len(steps) == 21 and steps[1]["label"] == "day 1" and steps[6]["label"] == "day 2"


def test_values_appear_as_they_are_computed():
    frames = frames_of(unrolled_figure(COMPANY_A, TRAINED, last_position(4)))
    start, first, last = frames[0]["data"], frames[1]["data"], frames[-1]["data"]
    assert set(start[NUMBERS]["text"]) == {"·"}
    assert start[LONG]["text"] == ["0.0000", "", "", "", ""]
    # after day 1's long-remember stage, only that number is known
    known = [text for text in first[NUMBERS]["text"] if text != "·"]
    assert known == ["84%"]
    assert first[0]["x"][0] == pytest.approx(0.8353 * WIDE_CELLS.bar_length, abs=1e-3)
    assert first[1]["x"] == [0.0] * 4
    # at the end every number is there, including the memories and the prediction
    assert "·" not in last[NUMBERS]["text"]
    assert last[LONG]["text"] == ["0.0000", "-0.2023", "-0.2058", "-0.3304", "0.0052"]
    assert last[SHORT]["text"][-1] == "0.0022"
    assert "prediction: 0.0022" in last[CAPTION]["text"][0]
    assert start[PREDICTION]["text"] == [""] and frames[-2]["data"][PREDICTION]["text"] == [""]
    assert last[PREDICTION]["text"] == ["<b>prediction</b><br>0.0022"]


def test_the_highlight_follows_the_stage():
    frames = frames_of(unrolled_figure(COMPANY_A, TRAINED, last_position(4)))
    # day 2's output stage is frame 9: the box sits on the output row (y 0.55..1.45) of the second cell
    box = frames[Position.of(2, "output").frame]["data"][HIGHLIGHT]
    assert min(box["x"]) == pytest.approx(1.05) and max(box["y"]) == pytest.approx(1.45)
    assert "Day 2: output %" in frames[9]["data"][CAPTION]["text"][0]


def test_the_memory_boxes_hold_their_values_and_stop_short_of_the_compared_ones():
    company_b = trace((1.0, 0.5, 0.25, 1.0), TRAINED)
    frames = frames_of(unrolled_figure(COMPANY_A, TRAINED, last_position(4), compare=company_b))
    start = frames[0]["data"][HIGHLIGHT]
    # at the start, one box around each memory's zero at the first node, with a gap between the two paths
    assert start["x"].count(None) == 1 and start["x"][0] <= 0 <= start["x"][1]
    long_box = start["y"][:5]
    assert max(long_box) > LONG_LINE_Y > min(long_box) > LONG_LINE_Y - LONG_GAP  # the value above, B's below
    short_box = start["y"][6:]
    assert min(short_box) < SHORT_LINE_Y < max(short_box) < SHORT_LINE_Y + SHORT_GAP
    day_2_long = frames[Position.of(2, "long-memory").frame]["data"][HIGHLIGHT]
    assert min(day_2_long["x"]) < 2 < max(day_2_long["x"]) and None not in day_2_long["x"]


def test_the_figure_opens_at_the_given_position():
    figure = unrolled_figure(COMPANY_A, TRAINED, Position(3)).to_dict()
    assert figure["layout"]["sliders"][0]["active"] == 3
    assert figure["data"][NUMBERS]["text"] == figure["frames"][3]["data"][NUMBERS]["text"]
    assert figure["data"][0]["type"] == "bar" and "type" not in figure["frames"][3]["data"][0]


def test_play_speed_and_no_tweening():
    buttons = unrolled_figure(COMPANY_A, TRAINED, Position(0), frame_ms=350).to_dict()["layout"]["updatemenus"][0]
    play = buttons["buttons"][0]["args"][1]
    assert play["frame"]["duration"] == 350
    assert play["transition"]["duration"] == 0  # values jump; nothing slides, whatever the motion setting


def test_narrow_cells_for_many_days():
    assert cell_layout(6) == WIDE_CELLS and cell_layout(7) == NARROW_CELLS


def test_the_figure_asks_for_the_width_its_numbers_need():
    # four days fit a tablet (736 px of figure); twelve need a phone's scrolling frame (1040 px) or a laptop
    assert minimum_width(4) <= 736 < minimum_width(12) <= 1040
    assert minimum_width(12, text_scale=1.35) > minimum_width(12)
    # An opened cell's drawing needs room of its own, whatever the number of days.
    assert minimum_width(4, open_cell=True) == minimum_width(1, open_cell=True) >= 1040 > minimum_width(4)
    widths = [minimum_width(days) for days in range(1, 61)]
    assert widths[:6] == sorted(widths[:6]) and widths[6:16] == sorted(widths[6:16]) == widths[6:16]
    # From 17 days the cells are compact: sixty of them ask less than a 1366 px laptop's figure has.
    assert widths[16:] == sorted(widths[16:]) and widths[59] <= 1240


def test_captions_wrap_to_short_lines_and_keep_every_word():
    twelve = trace([0, 0.5, 0.25, 1, 0.3, 0.7, 0.2, 0.9, 0.4, 0.6, 0.1, 0.8], TRAINED)
    for frame in frames_of(unrolled_figure(twelve, TRAINED, last_position(12))):
        caption = frame["data"][CAPTION]["text"][0]
        lines = [line.replace("<b>", "").replace("</b>", "").replace("<i>", "").replace("</i>", "")
                 for line in caption.split("<br>")]  # fmt: skip
        assert all(len(line) <= CAPTION_LINE_CHARACTERS for line in lines), lines
    potential = Position.of(1, "potential").frame
    wrapped = frames_of(unrolled_figure(twelve, TRAINED, last_position(12)))[potential]["data"][CAPTION]["text"][0]
    assert "= tanh(" in wrapped and wrapped.count("<br>") >= 4  # long equations go on over two lines


def test_the_prediction_sits_right_of_the_last_cell_inside_the_figure():
    figure = unrolled_figure(COMPANY_A, TRAINED, last_position(4)).to_dict()
    prediction = figure["data"][PREDICTION]
    assert prediction["x"][0] > 4 and prediction["textposition"] == "middle right"
    # px for "prediction" whatever the width of a cell: the margin and what the x range leaves right of the label
    for days in (4, 12):
        layout = unrolled_figure(trace([0.5] * days, TRAINED), TRAINED, last_position(days)).to_dict()["layout"]
        inside = (layout["xaxis"]["range"][1] - days - PREDICTION_X) * SMALLEST_CELL_PX[cell_layout(days)]
        assert layout["margin"]["r"] + inside >= 90


def test_the_last_memory_box_fits_inside_the_plot():
    """The highlight around the prediction's short memory is whole: the plot would clip what passes its edge."""
    for days in (4, 8):
        figure = unrolled_figure(trace([0.5] * days, TRAINED), TRAINED, last_position(days)).to_dict()
        box = figure["frames"][-1]["data"][HIGHLIGHT]
        right = figure["layout"]["xaxis"]["range"][1]
        outline = HIGHLIGHT_WIDTH / SMALLEST_CELL_PX[cell_layout(days)] / 2
        assert max(box["x"]) > days and max(box["x"]) + outline <= right


@pytest.mark.parametrize("days", [1, 4, 12, 30])
def test_figure_json_stays_small(days):
    result = trace([0.5] * days, TRAINED)
    size = len(pio.to_json(unrolled_figure(result, TRAINED, last_position(days)), validate=False))
    assert size < 200_000 if days <= 12 else size < 800_000


def test_themes_change_text_colours_only():
    light = unrolled_figure(COMPANY_A, TRAINED, Position(0), dark=False).to_dict()
    dark = unrolled_figure(COMPANY_A, TRAINED, Position(0), dark=True).to_dict()
    assert light["layout"]["font"]["color"] != dark["layout"]["font"]["color"]
    assert [trace["marker"]["color"] for trace in light["data"][BARS]] == [
        trace["marker"]["color"] for trace in dark["data"][BARS]
    ]


def test_gates_over_days_has_six_series():
    data = gates_over_days_figure(COMPANY_A).to_dict()["data"]
    assert [series["name"] for series in data] == [
        "long-remember %",
        "potential-remember %",
        "potential memory",
        "output %",
        "long-term memory",
        "short-term memory",
    ]
    assert data[0]["y"] == [step.long_remember for step in COMPANY_A.steps]


def test_figures_draw_from_plain_data_without_torch():
    code = (
        "import sys, json; from lstm.figures.unrolled import ANIMATED, unrolled_figure;"
        "from lstm.unit.trace import Trace, DayStep;"
        "from lstm.unit.stages import Position;"
        "t = Trace((DayStep(1, 0.5, 0.9, 0.6, -0.3, 0.6, -0.2, -0.1),));"
        "w = dict(zip('wlr1 wlr2 blr1 wpr1 wpr2 bpr1 wp1 wp2 bp1 wo1 wo2 bo1'.split(), [1.0] * 12));"
        "unrolled_figure(t, w, Position(3)).to_dict(); assert 'torch' not in sys.modules, 'torch imported'"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_hand_made_trace_is_drawn_as_given():
    handmade = Trace((DayStep(1, 0.5, 0.25, 0.75, -1.0, 1.0, 0.1, 0.2),))
    data = unrolled_figure(handmade, TRAINED, Position(5)).to_dict()["data"]
    assert data[NUMBERS]["text"] == ["25%", "75%", "-1.0000", "100%"]
    assert json.dumps(data)  # plain JSON all the way down


def test_frames_update_every_animated_trace_by_name():
    figure = unrolled_figure(COMPANY_A, TRAINED, last_position(4)).to_dict()
    assert ANIMATED[BARS] == tuple(f"bars {gate.field}" for gate in GATES)
    assert [trace["name"] for trace in figure["data"][BARS]] == [gate.tutorial for gate in GATES]
    assert all(frame["traces"] == list(range(len(ANIMATED))) for frame in figure["frames"])
    assert all(len(frame["data"]) == len(ANIMATED) for frame in figure["frames"])


def test_the_per_day_table_keeps_its_columns_wide_enough_for_their_titles_and_numbers():
    table = table_figure(trace([0, 0.5, 0.25, 1], PRESETS["trained"])).to_dict()["data"][0]
    assert sum(table["columnwidth"]) == TABLE_MINIMUM_WIDTH
    assert header_lines(STEP_TITLES["potential_remember"]) == "potential-<br>remember %"
    assert header_lines(STEP_TITLES["output"]) == "output %"
    assert table["header"]["values"][-1] == "<b>short<br>memory</b>"
    assert len(table["header"]["values"]) == len(STEP_FIELDS) and table["cells"]["values"][1][3] == "1.0000"


@pytest.mark.parametrize("open_day", [None, 1])
def test_without_plotly_s_controls_the_page_s_player_is_the_one_set(open_day):
    """The page plays the frames with its own player: the figure can leave out Plotly's buttons and slider and
    their room, and keeps every frame as it was; the notebook's and the exported file's figure keep them."""
    played = unrolled_figure(COMPANY_A, TRAINED, Position(3), open_day=open_day).to_dict()
    alone = unrolled_figure(COMPANY_A, TRAINED, Position(3), open_day=open_day, controls=False).to_dict()
    assert "sliders" not in alone["layout"] and "updatemenus" not in alone["layout"]
    assert alone["frames"] == played["frames"] and alone["data"] == played["data"]
    assert alone["layout"]["height"] < played["layout"]["height"]
    assert played["layout"]["sliders"][0]["active"] == 3
    if open_day is not None:  # the opened cell keeps its height under the overview
        for figure in (alone, played):
            layout = figure["layout"]
            plot = layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]
            assert (layout["yaxis2"]["domain"][1] - layout["yaxis2"]["domain"][0]) * plot == pytest.approx(600)
