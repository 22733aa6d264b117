"""Where every part of the opened cell sits: one table of the drawing's numbers, and the places derived from it.

The drawing has its own units (x from 0 to `width`, y from 0 to `height`), laid out like the tutorial's
diagram: the long-term memory along the top, the short-term memory and the input along the bottom, the
four gates' blocks between them, and tanh of the new long memory on the right.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType

from lstm.unit.gates import GATES, Gate


@dataclass(frozen=True)
class CellGeometry:
    """The opened cell's drawing, in its own units."""

    width: float = 27.0
    height: float = 10.0
    long_y: float = 9.3  # the long-term memory's line
    short_y: float = 1.4  # the short-term memory's line
    input_y: float = 0.5  # the input's line
    block_bottom: float = 2.6
    block_top: float = 7.4
    half_width: float = 2.1  # of a gate's block
    centres: MappingProxyType = field(
        default_factory=lambda: MappingProxyType(
            {"long_remember": 3.4, "potential_remember": 8.0, "potential_memory": 12.6, "output": 17.2}
        )
    )
    curve_bottom: float = 4.85  # the small sigma or tanh curve inside each block
    curve_top: float = 6.35
    curve_half_width: float = 1.55
    wire_offset: float = 1.0  # from a block's centre to its short-memory wire (left) and its input wire (right)
    product_y: float = 8.35  # where the two candidates' product meets, under the + on the long line
    squash_x: float = 22.6  # tanh of the new long memory: its block's centre, half width, bottom and top
    squash_half_width: float = 1.5
    squash_bottom: float = 6.2
    squash_top: float = 8.55
    # tanh's small curve is narrower than a gate's and sits in its block's lower part, under the block's title.
    squash_curve_half_width: float = 1.1
    squash_curve_inset: tuple[float, float] = (0.2, 0.95)  # from the block's bottom and top
    output_node_y: float = 5.2  # where output % meets tanh(new long memory)
    edge: float = 0.1  # the lines, and the texts at either end, stop this far inside the drawing
    text_gap: float = 0.2  # from a line or a block's edge to the text that labels it
    beside_wire: float = 0.15  # a gate's result, written right of the wire it rises on
    title_drop: float = 0.45  # a block's title, under its top
    squash_title_drop: float = 0.4
    bias_place: tuple[float, float] = (0.75, 0.3)  # a bias, left of its block's centre and above its bottom
    kept_x: float = 0.45  # what the × keeps, right of it: clear of the node's round marker
    added_x: float = 0.5  # what the product adds, right of its node
    # The texts' nudges off their lines, each just enough to keep them off a wire or a neighbour.
    output_value_rise: float = 0.05  # output %, above the wire to the ×
    product_value_rise: float = 0.1  # the candidates' results, above halfway up their wires
    squash_value_place: tuple[float, float] = (0.25, 0.1)  # tanh's result: right of its wire, above halfway down
    short_out_rise: float = 0.15  # the new short memory, above its line's end
    compared_drop: float = 0.45  # a compared value, a line under its gate's result
    compared_output_drop: float = 0.1  # the compared output %, under the wire to the ×
    # The outlines of what a stage computes keep this far outside a block, tanh's block and the nodes (about a
    # node marker's radius), so they never cross a number.
    block_pad: float = 0.12
    squash_pad: float = 0.15
    node_pad: float = 0.45
    long_box_pad_x: float = 0.6  # the new long memory's outline, past the × and the + on its line
    short_box_pad: float = 0.5  # the new short memory's outline, under its line's numbers
    curve_room: float = 0.12  # above and below a small curve's range: room for its point's marker

    @property
    def product_x(self) -> float:
        """The product's node: halfway between the two candidates' blocks."""
        return (self.centres["potential_remember"] + self.centres["potential_memory"]) / 2


CELL = CellGeometry()
CURVE_SPAN = 6.0  # each small curve shows its function from -6 to 6 along x; a sum beyond sits at the edge
Box = tuple[float, float, float, float]  # left, right, bottom, top


def block_box(field_name: str) -> Box:
    """A gate's block with room around it, for an outline that does not touch it."""
    centre = CELL.centres[field_name]
    pad = CELL.block_pad
    return centre - CELL.half_width - pad, centre + CELL.half_width + pad, CELL.block_bottom - pad, CELL.block_top + pad


def stage_boxes(stage: str) -> list[Box]:
    """What `stage` computes, as boxes to outline: its blocks, and the nodes and lines its value travels."""
    squash = (CELL.squash_x - CELL.squash_half_width - CELL.squash_pad, CELL.squash_x + CELL.squash_half_width +
              CELL.squash_pad)  # fmt: skip
    new_long = (
        CELL.centres["long_remember"] - CELL.long_box_pad_x, CELL.product_x + CELL.long_box_pad_x,
        CELL.product_y - CELL.node_pad, CELL.long_y + CELL.node_pad,
    )  # fmt: skip
    new_short = (
        squash[0],
        CELL.width - CELL.edge,
        CELL.short_y - CELL.short_box_pad,
        CELL.output_node_y + CELL.node_pad,
    )
    return {
        "long-remember": [block_box("long_remember")],
        "potential": [block_box("potential_remember"), block_box("potential_memory")],
        "long-memory": [new_long],
        "output": [
            block_box("output"),
            (*squash, CELL.output_node_y - CELL.node_pad, CELL.squash_top + CELL.squash_pad),
        ],
        "short-memory": [new_short],
    }[stage]


def value_positions() -> list[tuple[float, float, str]]:
    """Where each of the detail's texts is written: x, y and Plotly's text position, in detail_updates' order."""
    positions = []
    for gate in GATES:
        centre, rise = CELL.centres[gate.field], CELL.beside_wire
        sum_y = (CELL.block_bottom + CELL.curve_bottom) / 2 + CELL.text_gap
        positions.append((centre, sum_y, "middle center"))  # the weighted sum
        if gate.field == "output":
            output_x = centre + CELL.half_width + CELL.text_gap
            positions.append((output_x, CELL.output_node_y + CELL.output_value_rise, "top right"))  # output % to the ×
        elif gate.field == "long_remember":
            positions.append((centre + rise, (CELL.block_top + CELL.long_y) / 2, "middle right"))  # up to the ×
        else:
            product_y = (CELL.block_top + CELL.product_y) / 2 + CELL.product_value_rise
            positions.append((centre + rise, product_y, "middle right"))  # up to the product
    left, right = CELL.edge, CELL.width - CELL.edge
    squash_x = CELL.squash_x + CELL.squash_value_place[0]
    squash_y = (CELL.squash_bottom + CELL.output_node_y) / 2 + CELL.squash_value_place[1]
    return [
        *positions,
        (left, CELL.long_y + CELL.text_gap, "top right"),  # the long memory coming in
        (left, CELL.short_y - CELL.text_gap, "bottom right"),  # the short memory coming in
        (CELL.centres["long_remember"] + CELL.kept_x, CELL.long_y - CELL.text_gap, "bottom right"),  # the × keeps
        (CELL.product_x + CELL.added_x, CELL.product_y, "middle right"),  # what the product adds at the +
        (right, CELL.long_y + CELL.text_gap, "top left"),  # the new long memory going out
        (squash_x, squash_y, "middle right"),  # tanh of it, beside the wire down from tanh's block
        (right, CELL.short_y + CELL.short_out_rise, "top left"),  # the new short memory going out
    ]


def compared_value_positions() -> list[tuple[float, float, str]]:
    """Where the compared values go: under each gate's result, then by the memories coming in and going out."""
    centres, rise, gap = CELL.centres, CELL.beside_wire, CELL.text_gap
    below_result = {
        "long_remember": (centres["long_remember"] + rise, (CELL.block_top + CELL.long_y) / 2 - CELL.compared_drop,
                          "middle right"),
        "potential_remember": (centres["potential_remember"] + rise, CELL.block_top + gap, "middle right"),
        "potential_memory": (centres["potential_memory"] + rise, CELL.block_top + gap, "middle right"),
        "output": (centres["output"] + CELL.half_width + gap, CELL.output_node_y - CELL.compared_output_drop,
                   "bottom right"),
    }  # fmt: skip
    left, right = CELL.edge, CELL.width - CELL.edge
    return [
        *(below_result[gate.field] for gate in GATES),
        (left, CELL.long_y - gap, "bottom right"),  # the long memory coming in, under its line
        (left, CELL.short_y + gap, "top right"),  # the short memory coming in, over its line
        (right, CELL.long_y - gap, "bottom left"),  # the new long memory, under its line
        (right, CELL.short_y - gap, "bottom left"),  # the new short memory, under its line
    ]


def curve_areas() -> list[tuple[str, Gate | None, float, float, float, float]]:
    """Each small curve's trace name, its gate (None: tanh of the new long memory) and its box in drawing units."""
    areas = [
        (f"detail point {gate.field}", gate, CELL.centres[gate.field] - CELL.curve_half_width,
         CELL.centres[gate.field] + CELL.curve_half_width, CELL.curve_bottom, CELL.curve_top)
        for gate in GATES
    ]  # fmt: skip
    above_bottom, below_top = CELL.squash_curve_inset
    tanh = (
        "detail point tanh", None, CELL.squash_x - CELL.squash_curve_half_width,
        CELL.squash_x + CELL.squash_curve_half_width, CELL.squash_bottom + above_bottom, CELL.squash_top - below_top,
    )  # fmt: skip
    return [*areas, tanh]


def curve_range(gate: Gate | None) -> tuple[float, float]:
    """A small curve's vertical range: the function's, 0 or -1 to 1, and a little room for its point."""
    low = 0.0 if gate is not None and gate.is_percent else -1.0
    return low - CELL.curve_room, 1 + CELL.curve_room
