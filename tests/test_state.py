"""The URL state: every field round-trips, and every bad value falls back alone with a message."""

import pytest

from lstm.explorer.state import MAX_PAGE_DAYS, ExplorerState, from_query, to_query
from lstm.unit.stages import Position
from lstm.unit.weights import PRESETS, Weights

DEFAULT = ExplorerState()


def test_no_query_is_the_default_view():
    state, messages = from_query({})
    assert state == DEFAULT and messages == []
    assert state.days == (0.0, 0.5, 0.25, 1.0) and state.weights_name == "trained"
    assert state.position == Position(20)  # every stage of four days shown


def test_the_issues_example_link():
    state, messages = from_query({"days": "0,0.5,0.25,1", "weights": "trained"})
    assert messages == []
    assert state.days == (0, 0.5, 0.25, 1) and state.weights == PRESETS["trained"]


@pytest.mark.parametrize(
    "state",
    [
        DEFAULT,
        ExplorerState(days=(1.0, 0.5, 0.25, 1.0), weights_name="seed", weights=PRESETS["seed"]),
        ExplorerState(days=(0.1234567891234, -3.5), frame=0),
        ExplorerState(days=tuple(float(i) / 7 for i in range(MAX_PAGE_DAYS)), frame=37),
        ExplorerState(weights_name="custom", weights=PRESETS["trained"].replace(wo1=-2.0000001, bp1=999.5), frame=4),
    ],
)
def test_every_state_round_trips_exactly(state):
    restored, messages = from_query(to_query(state))
    assert messages == []
    assert restored == state


def test_sixty_days_of_full_precision_fit_a_link_with_a_cell_and_a_stage():
    days = tuple(0.637997031211853 - index / 61 for index in range(MAX_PAGE_DAYS))
    state = ExplorerState(days=days, frame=Position.of(60, "output").frame, cell=60)
    query = to_query(state)
    restored, messages = from_query(query)
    assert messages == [] and restored == state
    assert MAX_PAGE_DAYS == 60 and query["day"] == "60" and query["cell"] == "60" and query["stage"] == "output"


def test_weights_given_as_twelve_numbers_in_tutorial_order():
    numbers = ",".join(str(i) for i in range(12))
    state, messages = from_query({"weights": numbers})
    assert messages == []
    assert state.weights == Weights.from_sequence(list(range(12)))
    assert state.weights_name == "custom"
    # a list equal to a preset is still written as the list the visitor gave, not renamed
    assert to_query(state)["weights"] == "0,1,2,3,4,5,6,7,8,9,10,11"


def test_position_fields():
    state, _ = from_query({"day": "2", "stage": "output"})
    assert state.position == Position.of(2, "output")
    assert to_query(state) | {} == {"days": "0,0.5,0.25,1", "weights": "trained", "day": "2", "stage": "output"}
    start, _ = from_query({"day": "0"})
    assert start.position == Position(0)
    only_stage, _ = from_query({"stage": "long-memory"})
    assert only_stage.position == Position.of(1, "long-memory")


def test_unicode_digits_are_read_as_the_numbers_they_are():
    # Python's float() reads full-width digits; a visitor typing them on a Japanese keyboard means 1 and 2.
    state, messages = from_query({"days": "１,２"})
    assert messages == [] and state.days == (1.0, 2.0)


def test_fewer_days_move_the_animation_position_to_the_end():
    state = ExplorerState(frame=Position.of(4, "output").frame).with_days((0.0, 1.0))
    assert state.frame is None and state.position == Position(10)


BAD_VALUES = [
    ({"days": "abc"}, "days: day 1: 'abc' is not a number"),
    ({"days": ""}, "days is empty"),
    ({"days": ","}, "is not a number"),
    ({"days": "1,,2"}, "day 2: '' is not a number"),
    ({"days": "nan"}, "day 1: nan is not a finite number"),
    ({"days": "1,inf"}, "day 2: inf is not a finite number"),
    ({"days": "-infinity"}, "not a finite number"),
    ({"days": "1e309"}, "not a finite number"),
    ({"days": "101"}, "outside ±100"),
    ({"days": ",".join(["1"] * 61)}, "61 days is too many: at most 60"),
    ({"days": ",".join(["0.5"] * 10_000)}, "too long to be a link"),
    ({"days": "x" * 5000}, "too long to be a link"),
    ({"days": "<script>alert(1)</script>"}, "is not a number"),
    ({"weights": "untrained"}, "weights: 'untrained' is neither seed nor trained nor twelve numbers"),
    ({"weights": ""}, "weights: '' is neither seed nor trained"),
    ({"weights": "1,2,3"}, "expected 12 weights (wlr1 ... bo1), got 3"),
    ({"weights": ",".join(["1"] * 13)}, "got 13"),
    ({"weights": ",".join(["1"] * 11 + ["nan"])}, "bo1 must be a finite number"),
    ({"weights": ",".join(["1"] * 11 + ["1e5"])}, "bo1 = 100000 is outside ±1000"),
    ({"weights": ",".join(["1"] * 11 + ["one"])}, "number 12 (bo1): 'one' is not a number"),
    ({"weights": "SEED"}, "neither seed nor trained"),
    ({"day": "9"}, "day: 9 is outside 0 (the start) to 4 (the last day)"),
    ({"day": "-1"}, "outside 0"),
    ({"day": "1.5"}, "day: '1.5' is not a whole number"),
    ({"stage": "forget"}, "stage: 'forget' is not one of long-remember, potential"),
    ({"stage": "é" * 50}, "stage: 'ééé"),
]


@pytest.mark.parametrize(("query", "message"), BAD_VALUES, ids=[message[:40] for _, message in BAD_VALUES])
def test_a_bad_value_falls_back_alone_with_a_clear_message(query, message):
    good = {"days": "1,0.5,0.25,1", "weights": "seed", "day": "1", "stage": "potential"}
    state, messages = from_query({**good, **query})
    assert len(messages) == 1
    assert message in messages[0]
    assert len(messages[0]) < 200
    expected, _ = from_query({key: value for key, value in good.items() if key not in query})
    assert state == expected
