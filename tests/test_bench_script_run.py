"""The benchmark's script-run figure times the explorer's heaviest view and the minimal page, both really run."""

import json

import pytest

from bench.script_run import (
    APP,
    FIGURE_KB_AT_MOST,
    HEAVIEST_FOLDS,
    HEAVIEST_VIEW,
    MINIMAL_SCRIPT,
    SIXTY_DAY_VIEW,
    figure_kilobytes,
    measure_script_runs,
    opened,
    sixty_day_figures,
)
from lstm.ui.explorer_session import CHART


def test_the_timed_view_is_twelve_days_with_day_two_opened_up_and_every_fold_open():
    app = opened(APP, HEAVIEST_VIEW, HEAVIEST_FOLDS)
    charts = [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]
    assert any(chart["data"][0]["type"] == "table" for chart in charts)  # every day's numbers
    assert len([field for field in app.number_input if field.key.startswith("number_")]) == 12  # the weights
    figure = next(chart for chart in charts if "frames" in chart)  # the unrolled unit: the one that animates
    assert len(figure["data"][0]["y"]) == 12  # a bar a day in the overview's first row
    assert "xaxis2" in figure["layout"]  # the opened cell's drawing
    assert any("input</b>, day 2" in note["text"] for note in figure["layout"]["annotations"])
    assert not app.warning and not app.error


def test_both_pages_are_timed_in_turns_one_median_a_turn():
    runs = measure_script_runs(repeats=2, runs=1)
    assert len(runs.explorer) == len(runs.minimal) == 2
    assert all(ms > 0 for ms in runs.explorer + runs.minimal)


def test_a_page_that_fails_is_reported_not_timed(tmp_path):
    broken = tmp_path / "broken.py"
    broken.write_text("raise ValueError('no page here')\n")
    with pytest.raises(RuntimeError, match=r"broken\.py raised an exception"):
        opened(str(broken), {})


def test_the_floor_is_the_minimal_page_of_the_other_bench_rows():
    app = opened(MINIMAL_SCRIPT, {})
    assert [field.label for field in app.number_input] == ["Value"] and len(app.get("plotly_chart")) == 1


def test_the_sixty_day_rows_time_sixty_days_and_weigh_the_figure_within_its_bound():
    app = opened(APP, SIXTY_DAY_VIEW, HEAVIEST_FOLDS)
    figure = next(json.loads(chart.proto.spec) for chart in app.get("plotly_chart") if chart.proto.id.endswith(CHART))
    assert len(figure["data"][0]["y"]) == 60 and "xaxis2" in figure["layout"] and not app.warning
    runs, size = sixty_day_figures(repeats=1)
    assert runs.name.startswith("script run: explorer, 60 days") and runs.product > 0
    assert 0 < size.value <= FIGURE_KB_AT_MOST and size.met and "12 days:" in size.name
    assert figure_kilobytes(HEAVIEST_VIEW) > 0
