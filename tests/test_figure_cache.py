"""The explorer's cached unrolled figure: the figure the builder makes, and a copy nobody else can change."""

from lstm.explorer.state import ExplorerState
from lstm.figures.unrolled import unrolled_figure
from lstm.ui.figure_cache import _unrolled_parts, cached_unrolled_figure
from lstm.unit.forward import trace
from lstm.unit.stages import Position
from lstm.unit.weights import PRESETS

DAYS = (0.0, 0.5, 0.25, 1.0)
COMPARED = (1.0, 0.5, 0.25, 1.0)
NAMES = ("Company A", "Company B")


def test_the_cached_figure_is_the_built_one():
    weights = PRESETS["trained"]
    for open_day, compare in ((None, None), (1, None), (None, COMPARED)):
        built = unrolled_figure(
            trace(DAYS, weights), weights, Position(7), False, 700, 1.0, open_day,
            None if compare is None else trace(compare, weights), NAMES, False,
        ).to_dict()  # fmt: skip
        state = ExplorerState(days=DAYS, weights=weights, frame=7, cell=None if open_day is None else open_day + 1,
                              compare=compare)  # fmt: skip
        cached = cached_unrolled_figure(state, False, 700, 1.0, NAMES, False)
        assert cached.to_dict() == built


def test_a_cache_hit_is_a_copy():
    _unrolled_parts.clear()
    state = ExplorerState(days=DAYS, weights=PRESETS["seed"], frame=3)
    first = cached_unrolled_figure(state, True, 700, 1.35, NAMES, False)
    first.to_dict()["layout"]["annotations"].clear()  # a caller changing what it got
    second = cached_unrolled_figure(state, True, 700, 1.35, NAMES, False)
    assert second.to_dict()["layout"]["annotations"]
