"""The guided lesson: the tutorial's story in steps, each one a view of the explorer and what to look at."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from lstm.explorer.carry_view import DAY_ONE_LEFT, WHY_VIEW, CarryView
from lstm.explorer.questions import (
    B_AGAINST_A_ON_DAY_2,
    B_FROM_DAY_1_TO_4,
    SPIKE_THEN_CALM,
    TRAINED_B,
    UNTRAINED_APART,
    Question,
)
from lstm.locales import N_, _, whole
from lstm.training.recipes import RECIPES
from lstm.unit.days import COMPANIES, DAY_PRESETS
from lstm.unit.explain import percent_text, value_text
from lstm.unit.forward import trace
from lstm.unit.stages import Position, last_position
from lstm.unit.weights import PRESETS, TUTORIAL_SEED


@dataclass(frozen=True)
class LessonStep:
    """One step: the view it sets (days, weights, animation position) and what it says.

    Its words are catalogue entries; `title`, `story` and `look_at` say them in the current language.
    """

    title_text: str
    # The point of the step, two or three sentences of markdown; may name {seed}, {epochs} and the tutorial's
    # numbers of `tutorial_numbers`. It never answers the step's own question: the cells and the reveal do.
    story_text: str
    look_at_text: str  # what on the page to look at, named without a place: the layout differs between modes
    days: tuple[float, ...]
    weights: str  # a preset name
    frame: int | None = None  # animation position; None shows every stage. With a question: where the answer shows
    training: bool = False  # the step continues on the Training page
    cell: int | None = None  # the day (1-based) whose cell the step opens up beside or below the overview
    compare: tuple[float, ...] | None = None  # a second sequence on the same cells, to compare day by day
    question: Question | None = None  # asked before the cells show the answer: the step opens at the start
    # The Why an LSTM figure (the plain RNN above the LSTM) in place of the cells; the LSTM has the step's weights.
    view: CarryView | None = None

    @property
    def title(self) -> str:
        return _(self.title_text)

    @property
    def story(self) -> str:
        """The story in the current language, with the tutorial's seed, epochs and numbers read from their source."""
        return _(self.story_text).format(**tutorial_numbers())

    @property
    def look_at(self) -> str:
        return _(self.look_at_text)


@cache
def tutorial_numbers() -> dict[str, str]:
    """The numbers the lesson's stories say, computed from the tutorial's weights and data, never typed in."""
    trained = {company: trace(COMPANIES[company][0], PRESETS["trained"]) for company in "AB"}
    seed = {company: trace(COMPANIES[company][0], PRESETS["seed"]) for company in "AB"}
    kept = [step.long_remember for step in trained["B"].steps[1:]]
    reach = WHY_VIEW.rnn_day_one()
    return {
        "seed": str(TUTORIAL_SEED),
        "epochs": whole(RECIPES["tutorial"].epochs),
        "seed_a": value_text(seed["A"].prediction),
        "seed_b": value_text(seed["B"].prediction),
        "a": value_text(trained["A"].prediction),
        "b": value_text(trained["B"].prediction),
        "a1": value_text(trained["A"].steps[0].long_memory),
        "b1": value_text(trained["B"].steps[0].long_memory),
        "a4": value_text(trained["A"].steps[-1].long_memory),
        "b4": value_text(trained["B"].steps[-1].long_memory),
        "least": percent_text(min(kept)),
        "most": percent_text(max(kept)),
        "why_days": str(WHY_VIEW.days),
        "why_w2": f"{WHY_VIEW.w2:g}",
        "why_share": f"{reach[-1] / reach[0]:.2g}",
    }


# Company B, whose day 1 is the one that must be carried, is on the lines in every step; where Company A is
# compared, its values stand beside them in grey.
LESSON: tuple[LessonStep, ...] = (
    LessonStep(
        N_("Why a plain RNN forgets"),
        N_(
            "A plain recurrent network, the one of StatQuest's video before the LSTM one, hands one number from day "
            "to day: each day it multiplies yesterday's activation by the same feedback weight w2, here {why_w2}, "
            "adds today's input × w1 and passes the sum through a ReLU. The LSTM carries two lines instead: its "
            "long-term memory is only scaled by a percentage each day and added to. Here both read Company A and "
            "Company B stretched to {why_days} days: day 1 differs, then 0.5, 0.25, 1 repeat. The LSTM has the "
            "tutorial's weights, trained on four days."
        ),
        N_(
            "The plain RNN's line at the top, the LSTM's two in the middle, and at the foot how much of day 1 is "
            "still in each output, day by day, on a log scale. Play the days one by one."
        ),
        COMPANIES["B"][0],
        "trained",
        question=DAY_ONE_LEFT,
        view=WHY_VIEW,
    ),
    LessonStep(
        N_("Two companies that differ only on day 1"),
        N_(
            "Company A's days are 0, 0.5, 0.25, 1 and its day 5 is 0. Company B's are 1, 0.5, 0.25, 1 and its "
            "day 5 is 1. Days 2 to 4 are the same, so to predict day 5 the unit has to carry day 1 across "
            "three more days."
        ),
        N_(
            "The two sequences on the same cells: Company B on the lines, Company A beside them in grey. The "
            "answer shows on the top line after day 2."
        ),
        COMPANIES["B"][0],
        "trained",
        frame=Position.of(2, "long-memory").frame,
        compare=COMPANIES["A"][0],
        question=B_AGAINST_A_ON_DAY_2,
    ),
    LessonStep(
        N_("Follow the long-term memory"),
        N_(
            "Day 1's input of 1 leaves Company B a value on the long-term memory. On each later day two things act "
            "on it: long-remember % keeps a part of it, between 0% and 100%, and potential-remember % × potential "
            "memory adds a number between -1 and 1. The short-term memory after day 4 is the prediction."
        ),
        N_(
            "The values on the top line between the cells, from left to right, Company B's on the line and "
            "Company A's beside it in grey: the largest gap is marked."
        ),
        COMPANIES["B"][0],
        "trained",
        frame=Position.of(4, "long-memory").frame,
        compare=COMPANIES["A"][0],
        question=B_FROM_DAY_1_TO_4,
    ),
    LessonStep(
        N_("What each gate does, with numbers"),
        N_(
            "Each day the unit computes four things from the short-term memory and the input: how much "
            "long-term memory to keep (long-remember %), a potential memory and how much of it to add "
            "(potential-remember %), and how much of the new long-term memory to show as short-term memory "
            "(output %). Company B's day 2 has every term at work: a short-term memory from day 1 and an "
            "input of 0.5. Press **Step forward** to see each one computed."
        ),
        N_(
            "The opened cell of day 2: each weight on its wire, the sum, the curve it goes through; and the same "
            "arithmetic in the stage's caption, every factor named."
        ),
        COMPANIES["B"][0],
        "trained",
        frame=Position.of(2, "long-remember").frame,
        cell=2,
    ),
    LessonStep(
        N_("Before training: the weights the tutorial starts from"),
        N_(
            "These are the weights before training, drawn at random with seed {seed}: no training has touched "
            "them yet. The targets are 0 for Company A and 1 for Company B."
        ),
        N_("The prediction after day 4, Company B's on the line and Company A's beside it in grey."),
        COMPANIES["B"][0],
        "seed",
        compare=COMPANIES["A"][0],
        question=UNTRAINED_APART,
    ),
    LessonStep(
        N_("Training with Adam"),
        N_(
            "Training compares both predictions with their targets and nudges all twelve weights a little "
            "downhill on the loss, step after step. Adam adapts the size of each weight's nudges."
        ),
        N_("On the Training page, press Train and watch the loss fall and the two predictions split apart."),
        COMPANIES["B"][0],
        "seed",
        training=True,
    ),
    LessonStep(
        N_("After training: the tutorial's weights"),
        N_(
            "These are the tutorial's weights after {epochs} epochs of Adam, the ones drawn in the video's "
            "diagram. The targets are still 0 for Company A and 1 for Company B."
        ),
        N_("The prediction after day 4, Company B's on the line and Company A's beside it in grey."),
        COMPANIES["B"][0],
        "trained",
        compare=COMPANIES["A"][0],
        question=TRAINED_B,
    ),
    LessonStep(
        N_("What happens with other inputs"),
        N_(
            "The unit only ever saw two sequences. Try days it never saw: a spike on day 1 and then calm, a "
            "steady rise, or your own. Predict the answer before you look."
        ),
        N_("Example days, next to the Days fields. Change one day at a time and explain what moved."),
        DAY_PRESETS["spike"],
        "trained",
        question=SPIKE_THEN_CALM,
    ),
    LessonStep(
        N_("What we saw"),
        N_(
            "Company A and Company B differ only on day 1. Before training, the weights drawn with seed {seed} "
            "predicted {seed_a} for Company A and {seed_b} for Company B: no use for telling them apart. After "
            "{epochs} epochs of Adam the tutorial's weights predict {a} and {b}, against targets 0 and 1.\n\n"
            "They do it on the long-term memory. Day 1 leaves Company B {b1} and Company A {a1}; on the days that "
            "follow, long-remember % keeps {least} to {most} of Company B's each day and potential memory adds to "
            "it, so after day 4 it is {b4} against {a4}, and the short-term memory made from it is the prediction. "
            "A plain RNN multiplies its one memory by the same weight every day: over {why_days} days with w2 = "
            "{why_w2} it kept {why_share} of day 1. The LSTM only scales its long-term memory by a percentage and "
            "adds to it, so day 1 still counts on day 5."
        ),
        N_(
            "The whole unit for Company B, Company A beside it in grey: day 1's difference carried along the top "
            "line to the prediction."
        ),
        COMPANIES["B"][0],
        "trained",
        frame=last_position(len(COMPANIES["B"][0])).frame,  # the end, in presenter mode too
        compare=COMPANIES["A"][0],
    ),
)
