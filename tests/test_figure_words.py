"""Every word a figure shows goes through the catalogue: drawn in a bracketing pseudo language, no English is left."""

from dataclasses import replace

import pytest

from lstm import locales
from lstm.figures.backprop import backprop_figure
from lstm.figures.compact_cells import CellRow, compact_cells_figure
from lstm.figures.days import gates_over_days_figure
from lstm.figures.exports import table_figure
from lstm.figures.landscape import landscape_figure
from lstm.figures.replay import ReplayFrame, replay_figure
from lstm.figures.series import fit_figure, series_figure
from lstm.figures.training import loss_figure, parameters_figure, predictions_figure
from lstm.figures.unrolled import unrolled_figure
from lstm.figures.what_changed import first_sentence, what_changed
from lstm.insights.backprop import backprop_through_time
from lstm.insights.landscape import landscape
from lstm.training.data import companies
from lstm.training.series import EXAMPLE, read_series, stock
from lstm.training.snapshots import from_history, milestones
from lstm.unit.days import COMPANIES
from lstm.unit.forward import trace
from lstm.unit.stages import Position, last_position
from lstm.unit.weights import NAMES, PRESETS
from tests.support.pseudo import Bracketed, english_left, figure_words
from tests.test_replay_figures import a_run, traces

TRAINED = PRESETS["trained"]
A, B = (COMPANIES[name][0] for name in "AB")
# What the page passes in, already in the visitor's language: the sequences' names.
TITLES = {"A": ("⟪Company A⟫", 0.0), "B": ("⟪Company B⟫", 1.0)}


@pytest.fixture
def bracketed(monkeypatch):
    monkeypatch.setattr(locales, "catalogue", lambda language: Bracketed())


def english_in(figure) -> list[str]:
    return sorted(
        {f"{text[:80]!r} -> {words}" for text in figure_words(figure.to_dict()) if (words := english_left(text))}
    )


def figures():
    surface = landscape(TRAINED, "wlr1", "wo2", companies().inputs, companies().labels, points=8)
    path = {name: [TRAINED[name] * step / 10 for step in range(11)] for name in NAMES}
    series = replace(read_series(EXAMPLE), name="⟪prices⟫")  # its name comes from the file
    history = a_run(30)
    rows = [CellRow(title, traces(TRAINED)[name], target) for name, (title, target) in TITLES.items()]
    yield (
        "opened and compared",
        unrolled_figure(
            trace(A, TRAINED), TRAINED, Position(9), open_day=1, compare=trace(B, TRAINED), names=("⟪A⟫", "⟪B⟫")
        ),
    )
    yield (
        "other compared days",
        unrolled_figure(trace(A, TRAINED), TRAINED, last_position(4), compare=trace(A, TRAINED)),
    )
    yield "gates over days", gates_over_days_figure(trace(A, TRAINED))
    yield "table", table_figure(trace(A, TRAINED))
    yield "compact cells", compact_cells_figure(rows, 5000)
    view = history.view()
    frames = [ReplayFrame(snapshot, traces(snapshot.weights)) for snapshot in from_history(view, [0, 10, 30])]
    yield "replay", replay_figure(frames, view, TITLES, milestones(view, TITLES, False))
    yield "parameters", parameters_figure(history.view())
    yield "loss", loss_figure([("⟪run⟫", history.view())], log_scale=True)
    yield "predictions", predictions_figure(history.view(), TITLES)
    yield "backprop", backprop_figure(backprop_through_time(A, TRAINED, 0.0))
    yield "landscape", landscape_figure(surface, TRAINED, path, list(range(11)), [0.1] * 11)
    yield "series", series_figure(series, 4)
    yield "fit", fit_figure(series, 4, [0.5] * (len(series.prices) - 4), 0.6)
    weekly = stock("GOOG")
    yield "weekly series", series_figure(weekly, 4)
    yield "weekly fit", fit_figure(weekly, 1, [0.5] * (len(weekly.prices) - 1), 0.6)
    monthly = replace(series, dates=tuple(f"20{10 + n // 12}-{n % 12 + 1:02}-01" for n in range(len(series.prices))))
    yield "monthly fit", fit_figure(monthly, 4, [0.5] * (len(series.prices) - 4), 0.6)


def test_every_figure_says_nothing_past_the_catalogue(bracketed):
    left = {name: words for name, figure in figures() if (words := english_in(figure))}
    assert left == {}


def test_the_replays_sentences_are_whole_sentences_of_the_catalogue(bracketed):
    before, after = traces(PRESETS["seed"]), traces(TRAINED)
    for sentence in (first_sentence(0, before, TITLES), what_changed((0, 5000), before, after, TITLES),
                     what_changed((0, 5), after, after, TITLES)):  # fmt: skip
        assert english_left(sentence) == [], sentence
