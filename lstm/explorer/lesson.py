"""The guided lesson: the tutorial's story in steps, each one a view of the explorer and what to look at."""

from __future__ import annotations

from dataclasses import dataclass

from lstm.explorer.questions import (
    B_AGAINST_A_ON_DAY_2,
    B_FROM_DAY_1_TO_4,
    SPIKE_THEN_CALM,
    TRAINED_B,
    UNTRAINED_APART,
    Question,
)
from lstm.locales import N_, _
from lstm.training.recipes import RECIPES
from lstm.unit.days import COMPANIES, DAY_PRESETS
from lstm.unit.stages import Position
from lstm.unit.weights import TUTORIAL_SEED


@dataclass(frozen=True)
class LessonStep:
    """One step: the view it sets (days, weights, animation position) and what it says.

    Its words are catalogue entries; `title`, `story` and `look_at` say them in the current language.
    """

    title_text: str
    story_text: str  # the point of the step, two or three sentences of markdown; may name {seed} and {epochs}
    look_at_text: str  # where on the page to look
    days: tuple[float, ...]
    weights: str  # a preset name
    frame: int | None = None  # animation position; None shows every stage. With a question: where the answer shows
    training: bool = False  # the step continues on the Training page
    cell: int | None = None  # the day (1-based) whose cell the step opens up below the overview
    compare: tuple[float, ...] | None = None  # a second sequence on the same cells, to compare day by day
    question: Question | None = None  # asked before the cells show the answer: the step opens at the start

    @property
    def title(self) -> str:
        return _(self.title_text)

    @property
    def story(self) -> str:
        """The story in the current language, with the tutorial's seed and epochs read from their source."""
        return _(self.story_text).format(seed=TUTORIAL_SEED, epochs=f"{RECIPES['tutorial'].epochs:,}")

    @property
    def look_at(self) -> str:
        return _(self.look_at_text)


LESSON: tuple[LessonStep, ...] = (
    LessonStep(
        N_("Why a plain RNN forgets"),
        N_(
            "A plain recurrent network hands one number from day to day and multiplies it by the same weight "
            "every time. Over many days that product shrinks towards zero (or blows up), and so does the "
            "gradient that training follows: the early days stop counting. An LSTM adds a second line, the "
            "long-term memory, which each day only scales by a percentage and adds to."
        ),
        N_(
            "The two lines through the cells: long-term memory along the top, short-term memory along the bottom. "
            "Both start at zero."
        ),
        COMPANIES["A"][0],
        "trained",
        frame=0,
    ),
    LessonStep(
        N_("Two companies that differ only on day 1"),
        N_(
            "Company A's days are 0, 0.5, 0.25, 1 and its day 5 is 0. Company B's are 1, 0.5, 0.25, 1 and its "
            "day 5 is 1. Days 2 to 4 are the same, so to predict day 5 the unit has to carry day 1 across "
            "three more days."
        ),
        N_(
            "The two sequences on the same cells: Company A on the lines, Company B beside them in grey, and the "
            "day where their long-term memories differ most, marked."
        ),
        COMPANIES["A"][0],
        "trained",
        compare=COMPANIES["B"][0],
        question=B_AGAINST_A_ON_DAY_2,
    ),
    LessonStep(
        N_("Follow the long-term memory"),
        N_(
            "With Company B, day 1's input of 1 goes into the long-term memory. Each later day keeps a "
            "percentage of it (long-remember %) and adds some potential memory. The short-term memory after "
            "day 4 is the prediction."
        ),
        N_(
            "The values on the top line between the cells, from left to right, Company B's on the line and "
            "Company A's beside it: the largest gap is marked."
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
            "input of 0.5. Press **Step forward** under the cells to see each one computed."
        ),
        N_(
            "The cell of day 2, opened below the overview: each weight on its wire, the sum, the curve it goes "
            "through, and the same arithmetic, every factor named, above the cells."
        ),
        COMPANIES["B"][0],
        "trained",
        frame=Position.of(2, "long-remember").frame,
        cell=2,
    ),
    LessonStep(
        N_("The untrained unit gets it wrong"),
        N_(
            "These are the weights before training, drawn at random with seed {seed}. Company A should give 0 "
            "and Company B 1: a unit that has learned nothing yet has to tell them apart by chance."
        ),
        N_("The prediction after day 4, Company B's beside Company A's, and how far apart they are."),
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
        N_("The trained unit gets it right"),
        N_(
            "These are the tutorial's weights after {epochs} epochs of Adam. Company A should give 0 and Company B "
            "1: a unit that remembers day 1 across the three days that follow can tell them apart."
        ),
        N_("The two predictions after day 4, Company B's and Company A's beside it, and how far apart they are."),
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
)
