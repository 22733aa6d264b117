"""What a teacher takes away: the animation as a standalone HTML file, charts and the table as PNG."""

from __future__ import annotations

import plotly.io as pio

from lstm.figures.theme import PlainFigure, chart_layout, palette
from lstm.locales import _
from lstm.unit.trace import STEP_FIELDS, STEP_TITLES, Trace


def image_export_config(filename: str) -> dict:
    """Plotly's own camera button, alone, saving a PNG at twice the screen's resolution for slides."""
    return {
        "displaylogo": False,
        "modeBarButtons": [["toImage"]],
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
    }


def standalone_html(figure: PlainFigure, title: str) -> str:
    """The animated figure as one HTML file with plotly.js inside: it plays offline, with its controls."""
    page = pio.to_html(
        figure.to_dict(),
        include_plotlyjs=True,
        full_html=True,
        auto_play=False,
        validate=False,
        config={"displayModeBar": False, "responsive": True},
    )
    return page.replace("<head>", f"<head><title>{title}</title>", 1)


# Column widths in px: the widest header line ("remember %", bold 13 px) and a value such as "-12.3456" fit,
# with room to spare. Narrower than their sum, the page shows the table in a frame that scrolls sideways.
DAY_COLUMN_PX, VALUE_COLUMN_PX = 44, 92
TABLE_MINIMUM_WIDTH = DAY_COLUMN_PX + VALUE_COLUMN_PX * (len(STEP_FIELDS) - 1)


def header_lines(title: str) -> str:
    """A column title on two lines, so the columns can be as narrow as their numbers: "long-<br>remember %"."""
    before, hyphen, after = title.partition("-")
    if hyphen:
        return f"{before}-<br>{after}"
    words = title.split(" ")
    return "<br>".join(words) if len(words) == 2 and words[1] != "%" else title


def table_figure(trace: Trace, dark: bool = False) -> PlainFigure:
    """The per-day table (every gate and both memories) as a Plotly table, exportable like a chart.

    Its columns keep TABLE_MINIMUM_WIDTH between them: narrower, Plotly would cut headers and values.
    """
    colours = palette(dark)
    columns = list(zip(*trace.rows(), strict=True))
    cells = [list(columns[0])] + [[f"{value:.4f}" for value in column] for column in columns[1:]]
    data = [
        {
            "type": "table",
            "header": {
                "values": [f"<b>{header_lines(_(STEP_TITLES[field]))}</b>" for field in STEP_FIELDS],
                "fill": {"color": colours.track},
                "font": {"color": colours.text, "size": 13},
                "align": "right",  # over the numbers, which line up on the right
                "height": 44,
            },
            "cells": {
                "values": cells,
                "fill": {"color": colours.cell},
                "font": {"color": colours.text, "size": 14},
                "align": "right",
                "height": 30,
                "line": {"color": colours.track},
            },
            "columnwidth": [DAY_COLUMN_PX] + [VALUE_COLUMN_PX] * (len(STEP_FIELDS) - 1),
        }
    ]
    layout = chart_layout(colours, 70 + 31 * len(trace.steps), margin={"l": 0, "r": 0, "t": 0, "b": 0}, legend=None)
    return PlainFigure(data, layout)
