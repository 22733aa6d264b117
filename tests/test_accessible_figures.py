"""Contrast helpers, the backprop figure's one log colour scale and slider order, plain numbers, the player's checks."""

import math

import pytest

from lstm.figures.backprop import DECADES, backprop_figure, gradient_text, walk_back
from lstm.figures.theme import (
    DARK,
    LIGHT,
    LONG_MEMORY_COLOUR,
    PART_CONTRAST,
    SHORT_MEMORY_COLOUR,
    TEXT_CONTRAST,
    contrast,
    readable,
    text_on,
)
from lstm.insights.backprop import backprop_through_time
from lstm.unit.gates import GATES
from lstm.unit.weights import PRESETS

COLOURS = [gate.colour for gate in GATES] + [LONG_MEMORY_COLOUR, SHORT_MEMORY_COLOUR]


def test_contrast_matches_wcag_s_own_examples():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
def test_every_colour_has_an_aa_text_form_and_the_palette_s_text_reads(colours):
    for colour in COLOURS:
        assert contrast(readable(colour, colours.background), colours.background) >= TEXT_CONTRAST
        assert contrast(readable(colour, colours.background, PART_CONTRAST), colours.background) >= PART_CONTRAST
        assert contrast(text_on(colour), colour) >= TEXT_CONTRAST
    for text in (colours.text, colours.muted):
        for behind in (colours.background, colours.cell):
            assert contrast(text, behind) >= TEXT_CONTRAST
    assert readable("#0072B2", LIGHT.background) == "#0072B2"  # already AA on white: the hue stays as it is


def test_gradients_are_plain_decimals():
    assert gradient_text(7.34e-06) == "0.00000734"
    assert gradient_text(-0.0043163) == "-0.00432"
    assert gradient_text(0.5) == "0.5"
    assert gradient_text(123.456) == "123"
    assert gradient_text(0.0) == "0"


def test_one_log_colour_scale_and_a_slider_in_the_heatmap_s_direction():
    days = [1.0, 0.5, 0.25, 1.0]
    result = backprop_through_time(days, PRESETS["seed"], 1.0)
    figure = backprop_figure(result).to_dict()
    heat = figure["frames"][-1]["data"][2]
    largest = max(abs(value) for values in result.by_day.values() for value in values)
    flat = [(value, colour) for row, colours in zip(heat["customdata"], heat["z"], strict=True)
            for value, colour in zip(row, colours, strict=True)]  # fmt: skip
    assert max(abs(colour) for _, colour in flat) == pytest.approx(1.0)  # only the largest share is full colour
    for value, colour in flat:
        assert colour == 0 or (colour > 0) == (value > 0)
        if abs(value) >= largest / 10**DECADES:
            assert abs(colour) == pytest.approx(1 + math.log10(abs(value) / largest) / DECADES)
    assert "log" in heat["colorbar"]["title"]["text"]
    slider = figure["layout"]["sliders"][0]
    assert [step["args"][0][0] for step in slider["steps"]] == ["day 1", "day 2", "day 3", "day 4", "loss"]
    assert slider["steps"][slider["active"]]["args"][0][0] == "day 1"  # opens with the walk back done
    assert "updatemenus" not in figure["layout"]  # the page's own buttons play it
    walk = walk_back(result)
    assert walk.names == [frame["name"] for frame in figure["frames"]]
    assert walk.captions[0].startswith("loss = ") and walk.captions[-1].startswith("Day 1:")
    assert "e-" not in " ".join(walk.captions)


def test_the_player_refuses_frames_without_captions():
    from lstm.ui.player import player

    with pytest.raises(ValueError, match="one caption"):
        player("chart", ["a", "b"], ["only one"])
    with pytest.raises(ValueError, match="not a frame"):
        player("chart", ["a"], ["one"], start=3)
