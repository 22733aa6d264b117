"""The animation's stages within a day, and a position in the animation: frame 0 is the start, then five a day."""

from __future__ import annotations

from dataclasses import dataclass

from lstm.locales import N_, _

# Within a day the unit computes in this order; the animation and the URL step through it.
STAGES = ("long-remember", "potential", "long-memory", "output", "short-memory")
# Each stage's title as a catalogue entry: translate it with `_` where it is shown (see `stage_title`).
STAGE_TITLES = {
    "long-remember": N_("long-remember % (forget gate)"),
    "potential": N_("potential-remember % (input gate) and potential memory (candidate)"),
    "long-memory": N_("new long-term memory (cell state)"),
    "output": N_("output % (output gate)"),
    "short-memory": N_("new short-term memory (hidden state)"),
}


def stage_title(stage: str) -> str:
    """A stage's title (a key of STAGES) in the current language."""
    return _(STAGE_TITLES[stage])


@dataclass(frozen=True)
class Position:
    """A point of the animation: frame 0 is the start (both memories 0), then five stages a day."""

    frame: int

    @property
    def day_index(self) -> int | None:
        """0-based day being computed, None at the start."""
        return None if self.frame == 0 else (self.frame - 1) // len(STAGES)

    @property
    def stage(self) -> str | None:
        return None if self.frame == 0 else STAGES[(self.frame - 1) % len(STAGES)]

    def stages_known(self, day_index: int) -> int:
        """How many of day `day_index`'s (0-based) stages are computed at this point (0 to 5)."""
        if self.day_index is None or day_index > self.day_index:
            return 0
        return len(STAGES) if day_index < self.day_index else STAGES.index(self.stage) + 1

    @classmethod
    def of(cls, day: int, stage: str) -> Position:
        """Day (1-based) and stage name as a frame."""
        return cls(1 + (day - 1) * len(STAGES) + STAGES.index(stage))


def frame_count(days: int) -> int:
    return 1 + days * len(STAGES)


def last_position(days: int) -> Position:
    return Position(frame_count(days) - 1)
