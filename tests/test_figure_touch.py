"""No figure captures a touch the page needs to scroll: no drag, zoom or pan on any axis of any figure."""

import pytest

from lstm.figures.theme import PlainFigure
from tests.test_plain_numbers import FIGURES


@pytest.mark.parametrize("name", FIGURES)
def test_every_figure_holds_still_under_a_finger(name):
    figure = FIGURES[name].to_dict()
    layout = figure["layout"]
    assert layout["dragmode"] is False, name
    axes = {key: axis for key, axis in layout.items() if key.startswith(("xaxis", "yaxis"))}
    assert all(axis["fixedrange"] is True for axis in axes.values()), name
    assert axes or all(drawn["type"] == "table" for drawn in figure["data"]), name  # a table has no axes


def test_a_figure_that_asked_to_zoom_is_held_still_too():
    """The rule holds whatever a figure's own axes say: a teaching figure's ranges are chosen, not zoomed."""
    layout = PlainFigure([{"type": "scatter", "x": [1], "y": [2]}], {"xaxis": {"fixedrange": False}}).to_dict()
    assert layout["layout"]["xaxis"]["fixedrange"] is True and layout["layout"]["yaxis"]["fixedrange"] is True
    assert layout["layout"]["dragmode"] is False
