"""Each stage's arithmetic, with the numbers a learner can check by hand."""

import pytest

from lstm.unit.cell import trace
from lstm.unit.explain import describe, prediction_meaning, sum_text
from lstm.unit.stages import STAGES, Position, frame_count
from lstm.unit.weights import PRESETS

TRAINED = PRESETS["trained"]


def test_positions_walk_five_stages_a_day():
    assert frame_count(4) == 21
    assert Position(0).day_index is None and Position(0).stage is None
    assert (Position(1).day_index, Position(1).stage) == (0, "long-remember")
    assert (Position(10).day_index, Position(10).stage) == (1, "short-memory")
    assert all(Position.of(day, stage).day_index == day - 1 for day in (1, 3) for stage in STAGES)


def test_the_issues_example_sentence():
    result = trace([0.5], TRAINED)
    _, equations, _ = describe(Position.of(1, "long-remember"), result, TRAINED)
    assert equations == ["long-remember % = sigmoid(2.70 × 0.00 + 1.63 × 0.50 + 1.62) = 0.92"]


def test_every_stage_of_company_a_with_trained_weights():
    result = trace([0, 0.5, 0.25, 1], TRAINED)
    texts = [describe(Position(frame), result, TRAINED) for frame in range(frame_count(4))]
    assert texts[0][0] == "Start"
    assert texts[2][1] == [
        "potential-remember % = sigmoid(2.00 × 0.00 + 1.65 × 0.00 + 0.62) = 0.65",
        "potential memory = tanh(1.41 × 0.00 + 0.94 × 0.00 - 0.32) = -0.31",
    ]
    assert texts[3][1] == ["long memory = 0.00 × 0.84 + 0.65 × (-0.31) = -0.20"]
    assert texts[4][1] == ["output % = sigmoid(4.38 × 0.00 - 0.19 × 0.00 + 0.59) = 0.64"]
    assert texts[5][1] == ["short memory = tanh(-0.20) × 0.64 = -0.13"]
    assert texts[6][1] == ["long-remember % = sigmoid(2.70 × (-0.13) + 1.63 × 0.50 + 1.62) = 0.89"]
    assert "into day 2" in texts[5][2]
    assert texts[-1][0] == "Day 4: new short-term memory (hidden state)"
    assert "prediction: 0.0022." in texts[-1][2]
    # every sentence is one sentence a learner can read aloud
    assert all(heading and equations and sentence.endswith(".") for heading, equations, sentence in texts)


def test_sums_read_naturally():
    assert sum_text([(2.7, -0.13), (1.63, 0.5)], 1.62) == "2.70 × (-0.13) + 1.63 × 0.50 + 1.62"
    assert sum_text([(-0.2, 0.89), (-0.5, 0.1)], -0.32) == "-0.20 × 0.89 - 0.50 × 0.10 - 0.32"
    assert sum_text([(1.0, -0.001)], -0.001) == "1.00 × 0.00 + 0.00"
    assert sum_text([(-0.001, 2.0)]) == "0.00 × 2.00"


@pytest.mark.parametrize(
    ("prediction", "words"),
    [(0.0022, "Company A"), (-0.1, "Company A"), (0.9693, "Company B"), (0.5, "neither")],
)
def test_prediction_meaning(prediction, words):
    assert words in prediction_meaning(prediction)
