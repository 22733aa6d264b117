"""Sixty days on the unrolled unit: compact cells past the threshold, their numbers on hover, frames as changes."""

import json

import pytest

from lstm.figures.browser_frames import META_KEY, encode, frame
from lstm.figures.unrolled import ANIMATED, frame_updates, unrolled_figure
from lstm.figures.unrolled_compact import HOVER, UNKNOWN
from lstm.figures.unrolled_layout import COMPACT_FROM, is_compact
from lstm.unit.explain import value_text
from lstm.unit.forward import trace
from lstm.unit.stages import Position, frame_count, last_position
from lstm.unit.weights import PRESETS

TRAINED = PRESETS["trained"]
SIXTY = tuple(round((index * 0.37) % 1, 2) for index in range(60))
CAPTION = ANIMATED.index("caption")


def sixty_days(**options):
    days = trace(SIXTY, TRAINED)
    compared = trace((1.0, *SIXTY[1:]), TRAINED)
    return unrolled_figure(days, TRAINED, Position(0), open_day=1, compare=compared, **options).to_dict()


def test_the_threshold_numbers_up_to_sixteen_days_compact_from_seventeen():
    assert COMPACT_FROM == 17 and not is_compact(16) and is_compact(17) and is_compact(60)
    sixteen = frame_updates(trace(SIXTY[:16], TRAINED), TRAINED, last_position(16))
    assert "%" in sixteen["values"]["text"][0] and HOVER not in sixteen
    seventeen = frame_updates(trace(SIXTY[:17], TRAINED), TRAINED, last_position(17))
    assert set(seventeen["values"]["text"]) == {""} and set(seventeen["long memory"]["text"]) == {""}


def test_sixty_days_with_a_cell_open_and_compared_days_stay_within_400_kb():
    figure = sixty_days()
    size = len(json.dumps(figure, separators=(",", ":")))
    assert size <= 400_000, size
    assert "frames" not in figure and figure["layout"]["meta"][META_KEY]["frames"] == frame_count(60)


@pytest.mark.parametrize("days", [17, 24])
def test_every_frame_rebuilt_from_the_changes_is_the_plotly_frame(days):
    values = trace(SIXTY[:days], TRAINED)
    compared = trace((1.0, *SIXTY[1:days]), TRAINED)
    options = {"open_day": days - 1, "compare": compared}
    changes = unrolled_figure(values, TRAINED, Position(3), **options).to_dict()["layout"]["meta"][META_KEY]
    plotly = unrolled_figure(values, TRAINED, Position(3), browser_frames=False, **options).to_dict()["frames"]
    assert CAPTION not in changes["traces"]  # the page writes the caption above the cells
    for number, full in enumerate(plotly):
        rebuilt = frame(changes, number)
        assert rebuilt["data"] == [full["data"][index] for index in rebuilt["traces"]], number


def test_the_changes_keep_every_kind_of_attribute():
    updates = [{"a": {"x": [0, 0], "y": [1]}}, {"a": {"x": [0, 2], "y": [1, None, 2]}}, {"a": {"x": [3, 2], "y": [1]}}]
    encoded = encode(updates, ["a"])
    assert [frame(encoded, number)["data"][0] for number in range(3)] == [update["a"] for update in updates]
    assert encoded["parts"][0]["changes"] == [[1, 1, 2], [2, 0, 3]]  # a point that changes, not the whole array
    with pytest.raises(ValueError):
        encode([{"a": {"x": [0]}}, {"a": {"y": [0]}}], ["a"])


def test_a_compact_days_numbers_are_in_its_hover_as_the_animation_reaches_them():
    values = trace(SIXTY, TRAINED)
    hover = ANIMATED.index("caption") + 2  # the hover bar follows the overview's animated traces
    figure = unrolled_figure(values, TRAINED, Position(0)).to_dict()
    assert figure["data"][hover]["name"] == HOVER and figure["data"][hover]["customdata"] == list(range(60))
    changes = figure["layout"]["meta"][META_KEY]

    def day_three(at: Position) -> str:
        return frame(changes, at.frame)["data"][changes["traces"].index(hover)]["hovertext"][2]

    step = values.steps[2]
    assert day_three(Position(0)).count(f": {UNKNOWN}") == 6 and "day 3 · input 0.74" in day_three(Position(0))
    forget = day_three(Position.of(3, "long-remember"))
    assert f"{step.long_remember:.0%}" in forget and forget.count(f": {UNKNOWN}") == 5
    done = day_three(last_position(60))
    assert f": {UNKNOWN}" not in done
    assert value_text(step.long_memory) in done and value_text(step.short_memory) in done
    assert f"{step.output:.0%}" in done and value_text(step.potential_memory) in done


def test_the_export_keeps_plotly_frames_and_its_slider_at_sixty_days():
    figure = sixty_days(browser_frames=False)
    assert len(figure["frames"]) == frame_count(60) and figure["layout"]["sliders"]
    assert "meta" not in figure["layout"]
