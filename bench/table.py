"""The benchmark's one table: each measure as a ratio to its floor measured in the same run, and its target."""

from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Target:
    """What a ratio is held to: at most `bound` (costs) or at least `bound` (shares and speed-ups).

    With `measured_in` the bound holds the product's own median in that unit instead (a budget the
    product promises whatever its floor, such as a script run under 100 ms); the ratio is shown beside it.
    """

    at_most: bool
    bound: float
    measured_in: str = ""

    def __str__(self) -> str:
        return f"{'<=' if self.at_most else '>='} {self.bound:g}" + (f" {self.measured_in}" if self.measured_in else "")

    def met(self, ratio: float) -> bool:
        return ratio <= self.bound if self.at_most else ratio >= self.bound


@dataclass(frozen=True)
class Figure:
    """One row: the product's median, its floor's median beside it, their ratio with its range, and the target."""

    name: str
    value: float  # the ratio, or the product's median where there is no floor
    unit: str  # of the ratio: "x" for product / floor, "share" for product as a part of its floor; else the value's
    target: str | None = None
    met: bool | None = None
    product: float | None = None
    floor: float | None = None
    measured_in: str = ""  # unit of product and floor
    floor_name: str = ""  # what the floor is
    low: float | None = None  # the ratio's range over the repeats, each product against the floor of its turn
    high: float | None = None


def compare(
    name: str,
    product: list[float],
    floor: list[float],
    measured_in: str,
    floor_name: str,
    target: Target | None,
    speed_up: bool = False,
    unit: str = "x",
) -> Figure:
    """The ratio of the medians (floor / product when `speed_up`: how many times faster the product is)."""

    def ratio(ours: float, theirs: float) -> float:
        return theirs / ours if speed_up else ours / theirs

    value = ratio(statistics.median(product), statistics.median(floor))
    turns = [ratio(ours, theirs) for ours, theirs in zip(product, floor, strict=True)]
    return Figure(
        name=name,
        value=value,
        unit=unit,
        target=None if target is None else str(target),
        met=None if target is None else target.met(statistics.median(product) if target.measured_in else value),
        product=statistics.median(product),
        floor=statistics.median(floor),
        measured_in=measured_in,
        floor_name=floor_name,
        low=min(turns) if len(turns) > 1 else None,
        high=max(turns) if len(turns) > 1 else None,
    )


def measured(name: str, product: list[float], measured_in: str, target: Target | None = None) -> Figure:
    """A figure with no floor to divide by (what a live redraw costs): the product's median and its range."""
    value = statistics.median(product)
    return Figure(
        name=name,
        value=value,
        unit=measured_in,
        target=None if target is None else str(target),
        met=None if target is None else target.met(value),
        product=value,
        measured_in=measured_in,
        low=min(product) if len(product) > 1 else None,
        high=max(product) if len(product) > 1 else None,
    )


def as_dict(figure: Figure) -> dict:
    return asdict(figure)


def number(value: float) -> str:
    return f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"


def ratio_number(value: float) -> str:
    return f"{value:.2f}" if value < 10 else f"{value:.0f}"


RATIOS = ("x", "share")


def ratio_text(figure: Figure) -> str:
    if figure.unit not in RATIOS:  # no floor: the product's range, under its own column
        return "" if figure.low is None or figure.high is None else f"({number(figure.low)}-{number(figure.high)})"
    text = ratio_number(figure.value) + ("x" if figure.unit == "x" else "")
    if figure.low is not None and figure.high is not None:
        text += f" ({ratio_number(figure.low)}-{ratio_number(figure.high)})"
    return text


def verdict(figure: Figure) -> str:
    return "" if figure.target is None else f"{figure.target}: {'met' if figure.met else 'NOT met'}"


def rows(figures: list[Figure]) -> list[list[str]]:
    """Each figure as the table's cells: measure, product, floor, ratio (range), target."""
    return [
        [
            figure.name,
            "" if figure.product is None else f"{number(figure.product)} {figure.measured_in}",
            "" if figure.floor is None else f"{figure.floor_name} {number(figure.floor)} {figure.measured_in}",
            ratio_text(figure),
            verdict(figure),
        ]
        for figure in figures
    ]


HEADER = ["measure", "product", "floor", "ratio (range)", "target"]


def table(figures: list[Figure]) -> str:
    """The table for a terminal: columns padded to their widest cell."""
    cells = [HEADER, *rows(figures)]
    widths = [max(len(row[column]) for row in cells) for column in range(len(HEADER))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in cells
    )


def markdown(figures: list[Figure]) -> str:
    """The same table for the README."""
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(row) + " |" for row in rows(figures)]
    return "\n".join(lines)
