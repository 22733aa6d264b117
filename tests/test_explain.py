"""Each stage's arithmetic, every factor named, and every printed line recomputing from its printed numbers."""

import itertools
import math
import random
import re

import pytest

from lstm.unit.explain import describe, factor_text, percent_text, prediction_meaning, value_text
from lstm.unit.forward import trace
from lstm.unit.stages import STAGES, Position, frame_count
from lstm.unit.weights import NAMES, PRESETS, Weights

TRAINED = PRESETS["trained"]
# Recomputing a line from its printed numbers (4 decimals, percentages to 0.01%) lands within this of its
# printed result: the rounding of a dozen printed operands, never more than the third decimal.
RECOMPUTES_WITHIN = 6e-4


def test_positions_walk_five_stages_a_day():
    assert frame_count(4) == 21
    assert Position(0).day_index is None and Position(0).stage is None
    assert (Position(1).day_index, Position(1).stage) == (0, "long-remember")
    assert (Position(10).day_index, Position(10).stage) == (1, "short-memory")
    assert all(Position.of(day, stage).day_index == day - 1 for day in (1, 3) for stage in STAGES)


def test_company_a_with_trained_weights_matches_the_tutorial():
    result = trace([0, 0.5, 0.25, 1], TRAINED)
    texts = [describe(Position(frame), result, TRAINED) for frame in range(frame_count(4))]
    assert texts[0][0] == "Start"
    assert texts[1][1] == [
        "long-remember % = σ(wlr1 2.7043 × short 0.0000 + wlr2 1.6307 × input 0.0000 + blr1 1.6234)"
        " = σ(1.6234) = 83.53%"
    ]
    assert texts[3][1] == [
        "long memory = long 0.0000 × long-remember 83.53% + potential-remember 65.03% × potential (-0.3110) = -0.2023"
    ]
    assert texts[4][1][0].startswith("output % = σ(wo1 4.3848 × short 0.0000 + wo2 (-0.1943) × input 0.0000")
    assert texts[-1][1] == ["short memory = tanh(long 0.0052) × output 41.58% = 0.0052 × 41.58% = 0.0022"]
    assert "into day 2" in texts[5][2]
    assert texts[-1][0] == "Day 4: new short-term memory (hidden state)"
    assert "prediction: 0.0022." in texts[-1][2]
    assert all(heading and equations and sentence.endswith(".") for heading, equations, sentence in texts)


def evaluate(expression: str) -> float:
    """A printed expression as a student types it into a calculator: names dropped, % as hundredths."""
    numeric = re.sub(r"[a-z][a-z0-9\- %]*?(?= [(\-0-9])", "", expression.replace("σ", "sigma"))
    numeric = re.sub(r"(-?\d+\.\d+)%", r"(\1/100)", numeric)
    return eval(numeric, {"sigma": lambda z: 1 / (1 + math.exp(-z)), "tanh": math.tanh})


def parts_of(line: str) -> list[str]:
    """The sides of `name = a = b = c`, without the name."""
    return [part.replace("×", "*") for part in line.split(" = ")[1:]]


@pytest.mark.parametrize("seed", range(12))
def test_every_printed_line_recomputes_to_its_printed_result(seed):
    rng = random.Random(seed)
    weights = Weights.from_mapping({name: rng.uniform(-3, 3) for name in NAMES})
    days = [rng.choice([0, 0.25, 0.5, 1, rng.uniform(-1, 1)]) for _ in range(rng.randint(1, 8))]
    result = trace(days, weights)
    for frame in range(1, frame_count(len(days))):
        for line in describe(Position(frame), result, weights)[1]:
            sides = [evaluate(part) for part in parts_of(line)]
            for before, after in itertools.pairwise(sides):
                assert before == pytest.approx(after, abs=RECOMPUTES_WITHIN), line


def test_numbers_are_printed_one_way():
    assert value_text(-0.00001) == "0.0000" and value_text(2.43875) == "2.4388"
    assert percent_text(0.835253) == "83.53%" and percent_text(-0.000001) == "0.00%"
    assert factor_text(-0.1286) == "(-0.1286)" and factor_text(0.5) == "0.5000"


@pytest.mark.parametrize(
    ("prediction", "days", "weights", "said", "not_said"),
    [
        (0.0022, (0, 0.5, 0.25, 1), "trained", ["Company A", "day 5 is 0", "gets it right"], ["Company B"]),
        (0.9693, (1, 0.5, 0.25, 1), "trained", ["Company B", "day 5 is 1", "gets it right"], ["Company A"]),
        # Lesson step 5: Company B with the untrained weights. -0.0383 is close to 0, but B's day 5 is 1.
        (-0.0383, (1, 0.5, 0.25, 1), "seed", ["untrained", "Company B", "off by 1.0383", "wrong"], ["Company A"]),
        (-0.0377, (0, 0.5, 0.25, 1), "seed", ["untrained", "Company A", "off by 0.0377", "right"], []),
        (0.02, (1, 0, 0, 0, 0, 0), "trained", ["not one of the tutorial's companies"], ["wants for Company"]),
        (0.5, (0, 0.5, 0.25, 1), "custom", ["edited weights", "wrong"], []),
    ],
)
def test_a_prediction_means_what_its_days_and_weights_say(prediction, days, weights, said, not_said):
    meaning = prediction_meaning(prediction, days, weights)
    assert all(words in meaning for words in said), meaning
    assert not any(words in meaning for words in not_said), meaning
