"""Why an LSTM figures: both units on the same days, day 1 reaching back on a log axis in plain decimals."""

import itertools
import json

import pytest

from lstm import locales
from lstm.figures.why_lstm import (
    FLOOR_POWER,
    UnitDays,
    carry_figure,
    day_captions,
    experiment_figure,
    reach_text,
)
from lstm.insights.carry import day_one_by_day, load_carry, stretch
from lstm.unit import rnn
from lstm.unit.forward import trace
from lstm.unit.weights import PRESETS
from tests.support.pseudo import Bracketed, english_left, figure_words

TRAINED = PRESETS["trained"]


def video(w2: float) -> rnn.RNNWeights:
    weights = rnn.VIDEO_WEIGHTS
    return rnn.RNNWeights(weights.w1, w2, weights.b1, weights.w3, weights.b2)


def unit_days(company: str, days: int, rnn_weights=None, lstm_weights=TRAINED) -> UnitDays:
    rnn_weights = rnn_weights or video(0.5)
    sequence = stretch(company, days)
    lstm = trace(sequence, lstm_weights).steps
    return UnitDays(
        company,
        f"⟪Company {company}⟫",
        tuple(step.activation for step in rnn.trace(sequence, rnn_weights).steps),
        tuple(float(step.long_memory) for step in lstm),
        tuple(float(step.short_memory) for step in lstm),
        tuple(float(value) for value in day_one_by_day("rnn", sequence, rnn_weights)),
        tuple(float(value) for value in day_one_by_day("lstm", sequence, lstm_weights)),
    )


def both(days: int, **weights) -> list[UnitDays]:
    return [unit_days("A", days, **weights), unit_days("B", days, **weights)]


def test_the_same_days_run_through_both_units_one_above_the_other():
    figure = carry_figure(both(60)).to_dict()
    data, layout = figure["data"], figure["layout"]
    assert len(data) == 10  # per company: the RNN's one line, the LSTM's two, day 1's reach in each output
    assert all(trace["x"] == list(range(1, 61)) for trace in data)
    panels = [(trace["xaxis"], trace["yaxis"]) for trace in data[:5]]
    assert panels == [("x", "y"), ("x2", "y2"), ("x2", "y2"), ("x3", "y3"), ("x3", "y3")]
    tops = [layout[key]["domain"][1] for key in ("yaxis", "yaxis2", "yaxis3")]
    assert tops == sorted(tops, reverse=True)  # the plain RNN above the LSTM, day 1's reach below both
    assert [trace["line"]["dash"] for trace in data] == ["solid"] * 5 + ["dot"] * 5  # Company A, then B


def test_frames_reveal_the_days_one_by_one_and_carry_only_y():
    figure = carry_figure(both(12)).to_dict()
    frames = figure["frames"]
    assert [frame["name"] for frame in frames] == [str(day) for day in range(1, 13)]
    for day, frame in enumerate(frames, start=1):
        assert frame["traces"] == list(range(10))
        assert all(set(update) == {"y"} and len(update["y"]) == day for update in frame["data"])
    assert all(len(trace["y"]) == 12 for trace in figure["data"])  # drawn at the last day
    assert "sliders" not in figure["layout"] and "updatemenus" not in figure["layout"]  # the page's player plays it


def test_day_ones_reach_is_on_a_log_axis_written_in_plain_decimals():
    layout = carry_figure(both(60)).to_dict()["layout"]
    axis = layout["yaxis3"]
    assert axis["type"] == "log"
    assert axis["ticktext"] and all("e" not in text and "µ" not in text for text in axis["ticktext"])
    assert all(
        float(text) == pytest.approx(value) for text, value in zip(axis["ticktext"], axis["tickvals"], strict=True)
    )
    assert axis["range"][0] >= FLOOR_POWER - 1
    for key, value in layout.items():
        if key.startswith(("xaxis", "yaxis")):
            assert value["fixedrange"] and value["exponentformat"] == "none"
    assert layout["dragmode"] is False


def test_w2_below_one_vanishes_and_above_one_explodes():
    def reach(w2):
        trace = carry_figure([unit_days("B", 20, rnn_weights=video(w2))]).to_dict()["data"][3]
        return trace["y"]

    fading, growing = reach(0.5), reach(1.5)
    assert all(later < earlier for earlier, later in itertools.pairwise(fading))
    assert all(later > earlier for earlier, later in itertools.pairwise(growing))
    assert fading[-1] / fading[-2] == pytest.approx(0.5, rel=0.01)  # one factor w2 a day


def test_an_exact_zero_is_said_and_marked_not_dropped():
    # Company A's day 1 is 0: the ReLU's sum is 0 and its slope there 0, so day 1 is cut off from the start.
    trace = carry_figure([unit_days("A", 8)]).to_dict()["data"][3]
    assert trace["customdata"] == ["exactly 0"] * 8
    assert trace["marker"]["symbol"] == ["x"] * 8 and all(size > 0 for size in trace["marker"]["size"])
    assert all(value is not None and value > 0 for value in trace["y"])  # on the floor, where a log axis can draw
    assert reach_text(0.0) == "exactly 0"
    assert reach_text(1e-30) == "less than 0.000000000001"
    assert reach_text(0.000123) == "0.00012"


def test_captions_say_each_days_reach_for_both_units():
    captions = day_captions(both(8))
    assert len(captions) == 8
    assert captions[0].startswith("Day 1 of 8:") and "exactly 0 for ⟪Company A⟫" in captions[0]
    assert not any(exponent in caption for caption in captions for exponent in ("e-", "e+"))


def test_the_experiment_chart_counts_runs_against_days():
    table = load_carry()
    counts = {unit: [table.told_apart_count(unit, days) for days in table.days] for unit in ("rnn", "lstm")}
    figure = experiment_figure(table.days, counts, len(table.seeds)).to_dict()
    assert [trace["y"] for trace in figure["data"]] == [counts["rnn"], counts["lstm"]]
    assert figure["layout"]["xaxis"]["ticktext"] == [str(days) for days in table.days]
    assert figure["layout"]["yaxis"]["range"][1] > len(table.seeds)


def test_the_figure_stays_small_at_sixty_days():
    size = len(json.dumps(carry_figure(both(60)).to_dict()))
    assert size < 250_000, size


@pytest.fixture
def bracketed(monkeypatch):
    monkeypatch.setattr(locales, "catalogue", lambda language: Bracketed())


def test_no_english_left_in_the_pseudo_language(bracketed):
    table = load_carry()
    counts = {unit: [table.told_apart_count(unit, days) for days in table.days] for unit in ("rnn", "lstm")}
    for figure in (carry_figure(both(60)), carry_figure([unit_days("B", 4)]),
                   experiment_figure(table.days, counts, len(table.seeds))):  # fmt: skip
        left = {text[:80]: words for text in figure_words(figure.to_dict()) if (words := english_left(text))}
        assert left == {}
    for caption in day_captions(both(5)) + day_captions([unit_days("A", 5)]):
        assert english_left(caption) == [], caption
