"""The benchmark's table: ratios of medians, their range over turns, targets, one layout for terminal and README."""

import pytest

from bench.table import Figure, Target, as_dict, compare, markdown, measured, table


def test_a_cost_is_the_product_over_its_floor_with_the_range_of_each_turn():
    figure = compare("cold start", [4.0, 6.0, 5.0], [2.0, 2.0, 4.0], "s", "minimal page", Target(True, 1.2))
    assert figure.value == 5.0 / 2.0 and figure.product == 5.0 and figure.floor == 2.0
    assert (figure.low, figure.high) == (1.25, 3.0)
    assert figure.target == "<= 1.2" and figure.met is False


def test_a_speed_up_is_the_floor_over_the_product():
    figure = compare("time to trained", [0.05, 0.1], [20.0, 30.0], "s", "tutorial", Target(False, 400), speed_up=True)
    assert figure.value == pytest.approx(25.0 / 0.075) and figure.met is False
    assert (figure.low, figure.high) == pytest.approx((300.0, 400.0))


def test_one_turn_has_no_range_and_no_target_no_verdict():
    figure = compare("bytes", [3.3], [2.5], "MB", "minimal page", None)
    assert figure.low is None and figure.target is None and figure.met is None
    assert "1.32x" in table([figure]) and "(" not in table([figure]).splitlines()[1]


def test_the_table_shows_product_floor_ratio_and_verdict_in_both_layouts():
    figures = [
        compare("edit", [144.0, 150.0], [56.0, 60.0], "ms", "minimal page", Target(True, 1.5)),
        compare("live", [540.0, 560.0], [580.0, 590.0], "steps/s", "headless", Target(False, 0.9), unit="share"),
    ]
    text = table(figures)
    assert "147 ms" in text and "minimal page 58 ms" in text and "2.53x (2.50-2.57)" in text
    assert "<= 1.5: NOT met" in text and ">= 0.9: met" in text
    lines = markdown(figures).splitlines()
    assert lines[0].startswith("| measure | product | floor |") and len(lines) == 4
    assert "| 0.94 (0.93-0.95) | >= 0.9: met |" in lines[3]


def test_a_figure_as_json_keeps_the_command_line_s_fields_and_adds_the_floor():
    row = as_dict(Figure("a", 2.0, "x", ">= 1", True, product=4.0, floor=2.0, measured_in="ms", floor_name="b"))
    assert {"name", "value", "unit", "target", "met"} <= row.keys()
    assert row["product"] == 4.0 and row["floor"] == 2.0 and row["floor_name"] == "b"


def test_a_budget_in_the_product_s_own_unit_holds_its_median_and_shows_the_ratio_beside_it():
    # 60 ms is over nine times the floor but inside the 100 ms budget: the budget decides.
    within = compare("script run", [55.0, 60.0, 70.0], [6.0, 6.5, 7.0], "ms", "minimal page", Target(True, 100, "ms"))
    assert within.met is True and within.target == "<= 100 ms" and within.value == pytest.approx(60.0 / 6.5)
    over = compare("script run", [120.0], [6.0], "ms", "minimal page", Target(True, 100, "ms"))
    assert over.met is False
    text = table([within, over])
    assert "60 ms" in text and "9.23x" in text and "<= 100 ms: met" in text and "<= 100 ms: NOT met" in text


def test_a_figure_with_no_floor_shows_its_median_and_range_and_no_ratio():
    cost = measured("live redraw: server CPU per redraw", [2.0, 3.0, 5.0], "ms")
    assert cost.value == cost.product == 3.0 and cost.floor is None and cost.target is None
    row = table([cost]).splitlines()[1]
    assert "3 ms" in row and "(2-5)" in row and "x" not in row.split("3 ms")[1]
    held = measured("bytes", [400.0], "bytes", Target(True, 600))
    assert held.met is True and "<= 600: met" in markdown([held])
