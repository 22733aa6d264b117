"""Every figure writes plain decimals: no 2.66e-05, no 100µ, in its texts, its hovers or its axes' ticks."""

import re
from dataclasses import replace

import pytest

from lstm.figures.backprop import backprop_figure
from lstm.figures.landscape import landscape_figure
from lstm.figures.numbers import plain_number
from lstm.figures.replay import ReplayFrame, replay_figure
from lstm.figures.series import series_figure
from lstm.figures.training import loss_figure, predictions_figure
from lstm.insights.backprop import backprop_through_time
from lstm.insights.landscape import Landscape
from lstm.training.history import History
from lstm.training.series import EXAMPLE, read_series
from lstm.training.snapshots import from_history, milestones
from lstm.unit.weights import NAMES, PRESETS
from tests.support.pseudo import figure_words
from tests.test_figure_words import TITLES, figures
from tests.test_replay_figures import traces

SCIENTIFIC = re.compile(r"\d[eE][+-]?\d")
SI_NUMBER = re.compile(r"\d[µkMGTmnp](?![A-Za-z])")  # 100µ, 10k, 5m: Plotly's SI prefixes after a number
PLACEHOLDER = re.compile(r"%\{([^}:|]+)(?::([^}]*))?\}")
# d3 formats that never switch to an exponent: fixed (f), rounded significant (r), whole (d), percent (%).
PLAIN_FORMAT = re.compile(r"^[,~.\d]*[frd%]$")
TRAINED = PRESETS["trained"]
TINY = [4.02e-05 * 0.5**step for step in range(11)]  # a run that ends far below 0.0001


def a_tiny_run() -> History:
    """A run whose loss falls from 0.00004 to 0.00000004, as a long run's does."""
    history = History()
    for epoch, loss in enumerate(TINY):
        history.append(epoch, loss, {"A": 0.00001 * epoch, "B": 1 - 0.00002 * epoch}, list(TRAINED.values_in_order()))
    return history


def tiny_landscape() -> Landscape:
    values = [0.1 * step for step in range(8)]
    loss = [[2.66e-05 + 0.001 * (row + column) ** 2 for column in range(8)] for row in range(8)]
    return Landscape("wlr1", "wo2", values, values, loss, {})


def small_figures():
    """Figures of the smallest numbers they meet: a long run's loss, a landscape's floor, tiny gradients."""
    history = a_tiny_run()
    view = history.view()
    yield "tiny loss, log", loss_figure([("run", view)], log_scale=True)
    yield "tiny loss, linear", loss_figure([("run", view)], log_scale=False)
    yield "tiny predictions", predictions_figure(view, TITLES)
    path = {name: [TRAINED[name] * step / 10 for step in range(11)] for name in NAMES}
    yield "tiny landscape", landscape_figure(tiny_landscape(), TRAINED, path, list(range(11)), TINY)
    yield "tiny backprop", backprop_figure(backprop_through_time((0.0, 0.00001, 0.0, 0.0), TRAINED, 0.00002))
    frames = [ReplayFrame(each, traces(each.weights)) for each in from_history(view, [0, 5, 10])]
    yield "tiny replay", replay_figure(frames, view, TITLES, milestones(view, TITLES, False))
    series = read_series(EXAMPLE)
    yield "tiny prices", series_figure(replace(series, prices=tuple(price / 1e6 for price in series.prices)), 4)


def every_figure():
    yield from figures()
    yield from small_figures()


FIGURES = dict(every_figure())


def _axes(figure: dict) -> dict:
    return {key: axis for key, axis in figure["layout"].items() if key.startswith(("xaxis", "yaxis"))}


def test_plain_number_writes_every_size_in_full():
    assert [plain_number(value, 3) for value in (2.66e-05, 4.02e-05, 0.5, 1.0, 12345.6, -7.34e-06, 1e-9)] == [
        "0.0000266", "0.0000402", "0.5", "1", "12346", "-0.00000734", "0.000000001",
    ]  # fmt: skip
    assert plain_number(0.0) == "0" and plain_number(1e-5) == "0.00001"


@pytest.mark.parametrize("name", FIGURES)
def test_no_text_is_in_scientific_notation_or_with_an_si_prefix(name):
    figure = FIGURES[name].to_dict()
    written = [PLACEHOLDER.sub(" ", text) for text in figure_words(figure)]
    assert [text for text in written if SCIENTIFIC.search(text) or SI_NUMBER.search(text)] == []


@pytest.mark.parametrize("name", FIGURES)
def test_hovers_format_numbers_as_plain_decimals(name):
    """plotly.js fills a hover in the browser: each number's format must be one that never writes an exponent,
    and a number given no format must be a whole one (an epoch, a day), which JavaScript writes in full."""
    for drawn in FIGURES[name].to_dict()["data"]:
        for variable, form in PLACEHOLDER.findall(drawn.get("hovertemplate", "")):
            if form:
                assert PLAIN_FORMAT.match(form), (name, variable, form)
            else:
                values = drawn.get(variable, [])
                flat = [v for row in values for v in (row if isinstance(row, list) else [row])]
                assert all(isinstance(v, (int, str)) or v is None for v in flat), (name, variable, flat[:3])


@pytest.mark.parametrize("name", FIGURES)
def test_axes_write_their_ticks_in_full(name):
    """Plotly computes most ticks in the browser, so the JSON holds no tick texts: every axis must ask for plain
    decimals (exponentformat "none"; a tick format, if any, one that never writes an exponent)."""
    figure = FIGURES[name].to_dict()
    for key, axis in _axes(figure).items():
        assert axis.get("exponentformat") == "none", (name, key)
        assert PLAIN_FORMAT.match(axis.get("tickformat", "f")), (name, key)
        if axis.get("type") == "log":  # every tick written whole: 0.02, never a bare "2" between 0.01 and 0.1
            assert axis["tickformat"] == "~r", (name, key)
    for drawn in figure["data"]:
        for bar in (drawn.get("colorbar"), drawn.get("marker", {}).get("colorbar")):
            if bar is not None:
                assert "ticktext" in bar or bar.get("exponentformat") == "none", name


def test_every_cartesian_trace_has_its_axes_in_the_layout():
    """An axis left out of the layout is Plotly's default, which writes 100µ: each one a trace uses is settled."""
    for name, figure in FIGURES.items():
        parts = figure.to_dict()
        for drawn in parts["data"]:
            if drawn.get("type", "scatter") in ("scatter", "bar", "heatmap"):
                x, y = drawn.get("xaxis", "x"), drawn.get("yaxis", "y")
                assert f"xaxis{x[1:]}" in parts["layout"] and f"yaxis{y[1:]}" in parts["layout"], name


def test_the_landscapes_lowest_point_and_colour_bar_read_in_full():
    parts = FIGURES["tiny landscape"].to_dict()
    lowest = next(drawn for drawn in parts["data"] if drawn.get("name") == "lowest on the map")
    assert "loss 0.0000266" in lowest["hovertemplate"]
    bar = parts["data"][0]["marker"]["colorbar"]
    assert "0.0001" in bar["ticktext"] and "0.00001" in bar["ticktext"]
