"""A long animation's frames as a few changes the page's player replays, instead of a whole state per frame.

At 60 days the unrolled unit has 301 frames, and Plotly's frames repeat every trace's whole arrays in each:
nearly 2 MB sent again on every rerun. Most of a frame is the frame before it with a few points changed (a
bar grows when its stage is computed, a day's hover text gains a number), so each animated trace's attribute
is sent once as it starts, with the (frame, point, value) changes after it; an attribute that changes
wholesale (the outline of the current stage) is sent as its distinct values and which one each frame shows.
The player (lstm/ui/components/player.js) rebuilds any frame from these and animates the figure to it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

META_KEY = "browser_frames"  # the figure's layout.meta key the player looks for


def _pointwise(values: Sequence[list]) -> dict:
    """An array that keeps its length: its first value and each later change of a point."""
    changes = []
    for frame in range(1, len(values)):
        before, after = values[frame - 1], values[frame]
        changes += [[frame, point, value] for point, value in enumerate(after) if value != before[point]]
    return {"start": values[0], "changes": changes}


def _distinct(values: Sequence[object]) -> dict:
    """An attribute that changes wholesale: its distinct values, and which one each frame shows."""
    seen: dict[str, int] = {}
    kept, at = [], []
    for value in values:
        text = json.dumps(value, sort_keys=True)
        if text not in seen:
            seen[text] = len(kept)
            kept.append(value)
        at.append(seen[text])
    return {"values": kept, "at": at}


def encode(updates: Sequence[dict[str, dict]], animated: Sequence[str], still: Sequence[str] = ()) -> dict:
    """The frames `updates` (per frame, each animated trace's update by name) as the player's changes.

    The figure holds the animated traces first, in the order of `animated`; a part names its trace by that index.
    The traces named in `still` are left out: they keep what the figure shows.
    """
    parts = []
    moving = [index for index, name in enumerate(animated) if name not in still]
    for index in moving:
        name = animated[index]
        keys = list(updates[0][name])
        if any(list(update[name]) != keys for update in updates):
            raise ValueError(f"the frames update different attributes of {name!r}")
        for key in keys:
            values = [update[name][key] for update in updates]
            same_length = all(isinstance(value, list) and len(value) == len(values[0]) for value in values)
            part = _pointwise(values) if same_length else _distinct(values)
            parts.append({"trace": index, "key": key, **part})
    return {"frames": len(updates), "traces": moving, "parts": parts}


def frame(encoded: dict, number: int) -> dict:
    """Frame `number` rebuilt from `encode`'s changes, as the player rebuilds it: {"data", "traces"}."""
    slot = {trace: place for place, trace in enumerate(encoded["traces"])}
    data: list[dict] = [{} for _ in encoded["traces"]]
    for part in encoded["parts"]:
        if "changes" in part:
            value = list(part["start"])
            for at, point, changed in part["changes"]:
                if at > number:
                    break
                value[point] = changed
        else:
            value = part["values"][part["at"][number]]
        data[slot[part["trace"]]][part["key"]] = value
    return {"data": data, "traces": encoded["traces"]}
