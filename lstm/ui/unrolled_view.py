"""The unrolled unit as the explorer draws it: one set of controls (the page's player), the stage's caption
above the cells instead of inside them, and a text alternative that says what the cells show at each stage."""

from __future__ import annotations

import functools
from typing import NamedTuple

from lstm.explorer.state import ExplorerState
from lstm.figures.theme import PlainFigure
from lstm.figures.unrolled import ANIMATED, LONG_LINE_Y
from lstm.figures.unrolled_layout import is_compact
from lstm.locales import N_, _, current, ngettext, speaking
from lstm.ui.explorer_session import CHART, at_frame
from lstm.ui.figure_text import figure_text
from lstm.ui.player import PlayerTexts, player
from lstm.unit.explain import describe, value_text
from lstm.unit.forward import trace
from lstm.unit.stages import Position, frame_count
from lstm.unit.trace import Trace
from lstm.unit.weights import NAMES, Weights

# The top of the cells once the caption has left the figure: the long memory's boxes end 0.6 above its line.
CELLS_TOP = LONG_LINE_Y + 0.7
CAPTION_TRACE = ANIMATED.index("caption")  # the figure holds its animated traces first, in this order
# The figure's room under the cells without Plotly's slider, in px before presenter mode's scale.
ROOM_UNDER = 20
# Views whose words per frame stay made (about 150 KB each at 60 days): a class on a few lesson links, and
# a visitor's last few edits.
WORDS_KEPT = 64

# The player's short name for each stage of a day (the stage's key stays the link's word).
STAGE_LABELS = {
    "long-remember": N_("long-remember %"),
    "potential": N_("potential memory"),
    "long-memory": N_("long-term memory"),
    "output": N_("output %"),
    "short-memory": N_("short-term memory"),
}
# The weights' preset as a description names it (the preset's key stays the link's word).
WEIGHTS_NAMES = {
    "trained": N_("the trained weights"),
    "seed": N_("the untrained weights (the tutorial's seed)"),
    "custom": N_("weights of your own"),
}


def page_figure(figure: PlainFigure, text_scale: float, open_cell: bool) -> PlainFigure:
    """The page's copy of the unrolled figure: without Plotly's Play, Pause and slider, and without the caption.

    The page's player (lstm.ui.player) is the one set of controls, and the page writes the caption above the
    sideways-scrolling frame, where a phone reads it whole. Without an opened cell the figure then loses the
    room both took; with one, the overview keeps its place in the figure's height.
    """
    parts = figure.to_dict()
    layout = {key: value for key, value in parts["layout"].items() if key not in ("updatemenus", "sliders")}
    data = list(parts["data"])
    data[CAPTION_TRACE] = {**data[CAPTION_TRACE], "visible": False}
    bottom, top = layout["yaxis"]["range"]
    layout["yaxis"] = {**layout["yaxis"], "range": [bottom, CELLS_TOP]}
    if not open_cell:
        margin = dict(layout["margin"])
        plot = layout["height"] - margin["t"] - margin["b"]
        margin["b"] = round(ROOM_UNDER * text_scale)
        layout["margin"] = margin
        layout["height"] = margin["t"] + margin["b"] + round(plot * (CELLS_TOP - bottom) / (top - bottom))
    return PlainFigure(data, layout, parts.get("frames"))


def smallest_height(figure: PlainFigure, text_scale: float) -> int:
    """The least height, in px, the cells' rows keep their names and numbers apart at: 40 px a row at scale 1
    (a row's two-line name, unwrapped at a projector's text size, and the input's day and value clear of the
    short memory's box)."""
    layout = figure.to_dict()["layout"]
    bottom, top = layout["yaxis"]["range"]
    rows = round(40 * text_scale * (top - bottom))
    return min(layout["height"], layout["margin"]["t"] + layout["margin"]["b"] + rows)


def figure_name(days: int) -> str:
    return ngettext("The unrolled LSTM unit over {days} day", "The unrolled LSTM unit over {days} days", days).format(
        days=days
    )


def _days_said(days: tuple[float, ...]) -> str:
    """The days as a description lists them: every value, or for compact cells the count, the first and the last."""
    if not is_compact(len(days)):
        return ", ".join(f"{day:.2f}" for day in days)
    return ngettext(
        "{count} value, the first {first}, the last {last}",
        "{count} values, the first {first}, the last {last}",
        len(days),
    ).format(count=len(days), first=f"{days[0]:.2f}", last=f"{days[-1]:.2f}")


class Words(NamedTuple):
    """Everything the page says about each frame: the caption above the cells, the player's caption and label,
    and the figure's text alternative."""

    captions: list[tuple[str, str]]
    spoken: list[str]
    labels: list[str]
    descriptions: list[str]


@functools.lru_cache(maxsize=WORDS_KEPT)
def _words(days: tuple[float, ...], weights: tuple[float, ...], weights_name: str, language: str) -> Words:
    """Each frame's words, made once per view and language: 301 frames at 60 days take 60 ms to describe."""
    unit = Weights.from_mapping(dict(zip(NAMES, weights, strict=True)))
    result = trace(days, unit)
    said = Words([], [], [], [])
    with speaking(language):
        days_said = _days_said(days)
        named = _(WEIGHTS_NAMES.get(weights_name, WEIGHTS_NAMES["custom"]))
        last = frame_count(len(days)) - 1
        for frame in range(last + 1):
            heading, equations, sentence = describe(Position(frame), result, unit)
            said.captions.append((heading, " ".join([*equations, sentence])))
            said.spoken.append(f"{heading}. {' '.join(equations)}. {sentence}")
            said.labels.append(stage_label(Position(frame)))
            if frame == last:
                prediction = _("The prediction: {value}.").format(value=value_text(result.prediction))
            else:
                prediction = _("The prediction is not computed yet.")
            said.descriptions.append(
                _("One cell a day for the days {days}, with {weights}. Shown: {stage}. {prediction}").format(
                    days=days_said, weights=named, stage=heading, prediction=prediction
                )
            )
    return said


def words(state: ExplorerState) -> Words:
    return _words(state.days, tuple(state.weights.values()), state.weights_name, current())


def descriptions(state: ExplorerState, result: Trace) -> list[str]:
    """For each stage, what the figure shows then: the days, whose weights, the stage and the prediction."""
    return words(state).descriptions


def stage_label(position: Position) -> str:
    """The player's name for a position: "start", or the day and its stage."""
    if position.day_index is None:
        return _("start")
    return _("day {day}, {stage}").format(day=position.day_index + 1, stage=_(STAGE_LABELS[position.stage]))


def stage_text(state: ExplorerState, result: Trace) -> None:
    """The stage's caption (its heading, arithmetic and meaning) and the figure's text alternative, which the
    player keeps in step with the cells."""
    said = words(state)
    figure_text(
        CHART,
        figure_name(len(state.days)),
        said.descriptions,
        start=state.position.frame,
        captions=said.captions,
    )


def unrolled_player(state: ExplorerState, result: Trace, frame_ms: int, fit_height: int | None) -> None:
    """The one set of controls: buttons, keys, slider; it speaks each stage through the caption above the cells."""
    said = words(state)
    player(
        CHART,
        [str(frame) for frame in range(frame_count(len(state.days)))],
        said.spoken,
        labels=said.labels,
        start=state.position.frame,
        frame_ms=frame_ms,
        texts=PlayerTexts(
            group=_("Stages of the unrolled unit"),
            play=_("Play"),
            pause=_("Pause"),
            back=_("Previous stage"),
            forward=_("Next stage"),
            start=_("Start"),
            position=_("Position"),
        ),
        caption_apart=True,
        fit_height=fit_height,
        on_frame=at_frame,
    )
