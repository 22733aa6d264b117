"""Company A beside Company B: the compare link, its refusals, and the second sequence drawn day by day."""

import pytest

from lstm.explorer.state import from_query, to_query
from lstm.figures.compare import ANIMATED as COMPARE_ANIMATED
from lstm.figures.compare import largest_gap
from lstm.figures.unrolled import ANIMATED, unrolled_figure
from lstm.unit.days import COMPANIES
from lstm.unit.explain import value_text
from lstm.unit.forward import trace
from lstm.unit.stages import Position, frame_count, last_position
from lstm.unit.weights import PRESETS

A, B = COMPANIES["A"][0], COMPANIES["B"][0]
TRAINED = PRESETS["trained"]


@pytest.mark.parametrize(("value", "expected", "written"), [("B", B, "B"), ("1,0.5,0.25,1", B, "B"), ("A", A, "A")])
def test_a_compare_link_reads_a_company_or_days(value, expected, written):
    state, messages = from_query({"days": "0,0.5,0.25,1", "compare": value})
    assert messages == [] and state.compare == expected and to_query(state)["compare"] == written


@pytest.mark.parametrize(
    ("value", "said"),
    [("1,2", "2 days, but days has 4"), ("C", "'C' is not a number"), ("", "days is empty"), ("1,nan,0,0", "finite")],
)
def test_an_unusable_compare_is_named_and_the_page_goes_on(value, said):
    state, messages = from_query({"days": "0,0.5,0.25,1", "compare": value})
    assert state.compare is None and len(messages) == 1
    assert messages[0].startswith("compare:") and said in messages[0]


def test_fewer_days_drop_a_comparison_that_no_longer_lines_up():
    state, _ = from_query({"days": "0,0.5,0.25,1", "compare": "B"})
    assert state.with_days((0.0, 0.5, 0.25)).compare is None


def test_both_sequences_memories_for_every_day_and_the_largest_gap_marked():
    main, other = trace(A, TRAINED), trace(B, TRAINED)
    figure = unrolled_figure(main, TRAINED, last_position(4), compare=other, names=("Company A", "Company B")).to_dict()
    last = figure["frames"][-1]["data"]
    long_texts = last[len(ANIMATED)]["text"]
    short_texts = last[len(ANIMATED) + 1]["text"]
    for day, (mine, theirs) in enumerate(zip(main.steps, other.steps, strict=True), start=1):
        assert f"B {value_text(theirs.long_memory)}" in long_texts[day]
        assert f"B {value_text(theirs.short_memory)}" in short_texts[day]
        assert value_text(mine.long_memory) in last[ANIMATED.index("long memory")]["text"][day]
    widest = largest_gap(main, other)
    # They differ only on day 1, and the trained unit carries that apart: the gap is widest on day 4.
    gaps = [abs(mine.long_memory - theirs.long_memory) for mine, theirs in zip(main.steps, other.steps, strict=True)]
    assert gaps == sorted(gaps) and widest == 3
    assert "largest gap" in long_texts[widest + 1] and sum("largest gap" in text for text in long_texts) == 1
    assert figure["data"][len(ANIMATED)]["name"] == COMPARE_ANIMATED[0]


def test_the_compared_values_wait_for_the_animation_too():
    main, other = trace(A, TRAINED), trace(B, TRAINED)
    figure = unrolled_figure(main, TRAINED, Position(0), compare=other).to_dict()
    start = figure["frames"][0]["data"][len(ANIMATED)]["text"]
    assert start[1:] == ["", "", "", ""]
    day_2_long = figure["frames"][Position.of(2, "long-memory").frame]["data"][len(ANIMATED)]["text"]
    assert day_2_long[2] and not day_2_long[3]
    assert len(figure["frames"]) == frame_count(4)
