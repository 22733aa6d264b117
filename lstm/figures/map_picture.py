"""The loss map's colours as a PNG picture laid under the landscape's axes, in Plotly's Viridis."""

from __future__ import annotations

import base64
import math
import struct
import zlib
from typing import TYPE_CHECKING

from plotly.colors import sequential

if TYPE_CHECKING:
    from collections.abc import Sequence

    from lstm.insights.landscape import Landscape

FLOOR = 1e-6  # a loss of 0 has no logarithm; below this the map is one colour anyway


def log10(loss: float) -> float:
    return math.log10(max(loss, FLOOR))


def ends(values: Sequence[float]) -> list[float]:
    return [values[0], values[-1]]


def map_picture(landscape: Landscape) -> dict:
    """The map's colours as a picture under the axes: Play moves traces only, and Plotly drops a contour
    or heatmap trace that does not move (or blanks it while it redraws), but leaves pictures alone."""
    z = [[log10(value) for value in row] for row in landscape.loss]
    low, high = min(map(min, z)), max(map(max, z))
    scale = (len(VIRIDIS) - 1) / ((high - low) or 1)
    rows = [b"".join(VIRIDIS[round((value - low) * scale)] for value in row) for row in reversed(z)]
    (x_first, x_last), (y_first, y_last) = ends(landscape.x_values), ends(landscape.y_values)
    return {
        "source": "data:image/png;base64," + base64.b64encode(_png(rows, len(z[0]))).decode("ascii"),
        "xref": "x", "yref": "y", "x": x_first, "y": y_last, "sizex": x_last - x_first, "sizey": y_last - y_first,
        "xanchor": "left", "yanchor": "top", "sizing": "stretch", "layer": "below",
    }  # fmt: skip


def _png(rows: list[bytes], width: int) -> bytes:
    """A plain RGB PNG from rows of pixels, top row first."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, len(rows), 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + row for row in rows))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def _viridis(steps: int) -> list[bytes]:
    """Plotly's Viridis as `steps` RGB pixels, low to high."""
    stops = [bytes.fromhex(colour[1:]) for colour in sequential.Viridis]
    pixels = []
    for step in range(steps):
        at = step / (steps - 1) * (len(stops) - 1)
        below, share = min(int(at), len(stops) - 2), at - min(int(at), len(stops) - 2)
        pixels.append(bytes(round(a + (b - a) * share) for a, b in zip(stops[below], stops[below + 1], strict=True)))
    return pixels


VIRIDIS = _viridis(256)
