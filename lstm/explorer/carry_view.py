"""The lesson's first view: Company A and B stretched through the video's plain RNN above the LSTM; its question."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from lstm.explorer.questions import Answer, Question
from lstm.insights.carry import day_one_by_day, stretch
from lstm.locales import N_, _
from lstm.unit import rnn

# The video's example of a vanishing gradient: w2 = 0.5 halves day 1's share every day (the video's unrolled
# example of three days has w2 -0.5; the Why an LSTM page's w2 slider starts here too).
VANISHING_W2 = 0.5


@dataclass(frozen=True)
class CarryView:
    """Company A and B stretched to `days` days through the plain RNN (the video's weights, w2 as given) and the
    LSTM (the weights the explorer shows): the Why an LSTM page's figure, shown by a lesson step."""

    days: int  # each company's day 1, then 0.5, 0.25, 1 repeated
    w2: float  # the plain RNN's feedback weight; its other four weights are the video's

    @property
    def rnn(self) -> rnn.RNNWeights:
        video = rnn.VIDEO_WEIGHTS
        return rnn.RNNWeights(video.w1, self.w2, video.b1, video.w3, video.b2)

    def rnn_day_one(self) -> list[float]:
        """How much of Company B's day 1 is in the plain RNN's output after each day: d(output) / d(day 1's input)."""
        return [float(value) for value in day_one_by_day("rnn", stretch("B", self.days), self.rnn)]


# Twelve days: three times the tutorial's, and the halving of day 1 each day is past a thousandth by then.
WHY_VIEW = CarryView(12, VANISHING_W2)


def _share(value: float) -> str:
    # Two significant figures as a plain decimal, as the figure's captions say a reach (0.00097, never 9.7e-04).
    return f"{value:.2g}"


def _left_of_day_one(_weights: Mapping[str, float]) -> Answer:
    """The plain RNN's share of day 1 after the last day against right after day 1; the LSTM's weights play no part."""
    reach = WHY_VIEW.rnn_day_one()
    first, last = reach[0], reach[-1]
    share = last / first
    choice = 0 if share < 0.001 else 1 if share < 0.5 else 2 if share <= 2 else 3
    times = WHY_VIEW.days - 1
    return Answer(
        choice,
        _(
            "Right after day 1 a change of day 1's input moves the plain RNN's output for Company B by {first}; "
            "after day {days} by {last}, {share} of it. Every later day multiplies it by w2 = {w2}, {times} times: "
            "{w2} to the power {times} is {power}."
        ).format(
            first=_share(first),
            last=_share(last),
            days=WHY_VIEW.days,
            share=_share(share),
            w2=f"{WHY_VIEW.w2:g}",
            times=times,
            power=_share(WHY_VIEW.w2**times),
        ),
    )


DAY_ONE_LEFT = Question(
    N_(
        "After 12 days, how much of day 1 will still be in the plain RNN's last output for Company B, compared with "
        "right after day 1?"
    ),
    (
        N_("Less than a thousandth of it"),
        N_("Between a thousandth and a half of it"),
        N_("About as much, between half and twice"),
        N_("More than twice as much"),
    ),
    _left_of_day_one,
)
