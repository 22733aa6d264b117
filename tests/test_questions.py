"""The lesson's questions: each answer follows from the unit's numbers for any weights, and says them."""

import random
import re

import pytest

from lstm.explorer.lesson import LESSON
from lstm.explorer.questions import (
    B_AGAINST_A_ON_DAY_2,
    B_FROM_DAY_1_TO_4,
    SAME,
    SPIKE,
    SPIKE_THEN_CALM,
    TRAINED_B,
    UNTRAINED_APART,
)
from lstm.explorer.state import ExplorerState
from lstm.unit.days import COMPANIES
from lstm.unit.weights import NAMES, PRESETS
from tests.support.reference import reference_trace

LONG, SHORT = 4, 5  # positions in a reference step
NUMBER = re.compile(r"-?\d+\.\d{4}")


def random_weights(rng: random.Random) -> dict[str, float]:
    return {name: rng.uniform(-3, 3) for name in NAMES}


def higher_lower_same(first: float, second: float) -> int:
    return 2 if abs(first - second) < SAME else 0 if first > second else 1


def nearest(value: float) -> int:
    """0: about 0, 1: about 0.5, 2: about 1."""
    return min(range(3), key=lambda index: abs(value - index / 2))


def far_from(value: float, *edges: float) -> bool:
    """Far enough from every edge that float32 and float64 cannot land on different sides."""
    return all(abs(value - edge) > 1e-4 for edge in edges)


def expected_answers(weights):
    """Every question's right choice, worked out from the plain-float unit, or None where a case sits on an edge."""
    a, b = reference_trace(COMPANIES["A"][0], weights), reference_trace(COMPANIES["B"][0], weights)
    spike = reference_trace(SPIKE, weights)
    day_2 = b[1][LONG] - a[1][LONG]
    grew = b[-1][LONG] - b[0][LONG]
    apart = abs(b[-1][SHORT] - a[-1][SHORT])
    if not (
        far_from(abs(day_2), SAME, 0)
        and far_from(abs(grew), SAME, 0)
        and far_from(apart, 0.1, 0.5)
        and far_from(b[-1][SHORT], 0.25, 0.75)
        and far_from(spike[-1][SHORT], 0.25, 0.75)
    ):
        return None
    return {
        B_AGAINST_A_ON_DAY_2: higher_lower_same(b[1][LONG], a[1][LONG]),
        B_FROM_DAY_1_TO_4: higher_lower_same(b[-1][LONG], b[0][LONG]),
        UNTRAINED_APART: 0 if apart < 0.1 else 1 if apart <= 0.5 else 2,
        TRAINED_B: nearest(b[-1][SHORT]),
        SPIKE_THEN_CALM: nearest(spike[-1][SHORT]),
    }


def test_the_answers_follow_the_numbers_for_random_weights():
    rng = random.Random(20)
    checked = 0
    while checked < 200:
        weights = random_weights(rng)
        expected = expected_answers(weights)
        if expected is None:
            continue
        for question, choice in expected.items():
            assert question.answer(weights).choice == choice, (question.prompt, weights)
        checked += 1


def test_every_choice_is_the_right_one_for_some_weights():
    """No question has an answer fixed in advance: over random weights each choice comes up."""
    rng = random.Random(7)
    seen = {question: set() for question in (B_AGAINST_A_ON_DAY_2, B_FROM_DAY_1_TO_4, UNTRAINED_APART)}
    for _ in range(400):
        weights = random_weights(rng)
        for question, choices in seen.items():
            choices.add(question.answer(weights).choice)
    assert all(choices == {0, 1, 2} for choices in seen.values())


def test_the_tutorials_weights_give_the_tutorials_answers():
    trained, seed = PRESETS["trained"], PRESETS["seed"]
    assert B_AGAINST_A_ON_DAY_2.choices[B_AGAINST_A_ON_DAY_2.answer(trained).choice] == "Higher"
    assert B_FROM_DAY_1_TO_4.choices[B_FROM_DAY_1_TO_4.answer(trained).choice] == "It grows"
    assert UNTRAINED_APART.answer(seed).choice == 0
    assert TRAINED_B.choices[TRAINED_B.answer(trained).choice] == "About 1"


@pytest.mark.parametrize("seed", range(5))
def test_each_why_says_the_numbers_it_rests_on(seed):
    weights = random_weights(random.Random(seed))
    a, b = reference_trace(COMPANIES["A"][0], weights), reference_trace(COMPANIES["B"][0], weights)
    said = [float(number) for number in NUMBER.findall(B_AGAINST_A_ON_DAY_2.answer(weights).why)]
    assert said[:2] == pytest.approx([b[1][LONG], a[1][LONG]], abs=1e-4)
    said = [float(number) for number in NUMBER.findall(B_FROM_DAY_1_TO_4.answer(weights).why)]
    assert said[:2] == pytest.approx([b[0][LONG], b[-1][LONG]], abs=1e-4)
    said = [float(number) for number in NUMBER.findall(UNTRAINED_APART.answer(weights).why)]
    assert said[:3] == pytest.approx([a[-1][SHORT], b[-1][SHORT], abs(b[-1][SHORT] - a[-1][SHORT])], abs=2e-4)
    said = [float(number) for number in NUMBER.findall(TRAINED_B.answer(weights).why)]
    assert said[:3] == pytest.approx([b[-1][SHORT], a[-1][SHORT], b[-1][LONG]], abs=1e-4)


def test_at_least_four_steps_ask_and_open_at_the_start():
    asking = [number for number, step in enumerate(LESSON, start=1) if step.question is not None]
    assert len(asking) >= 4
    for number in asking:
        assert ExplorerState().at_lesson_step(number).frame == 0  # no answer on the cells before it is asked
        assert len(set(LESSON[number - 1].question.choices)) == len(LESSON[number - 1].question.choices)
