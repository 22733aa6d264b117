"""The four stages of the unit, described once: names, weights, activation and colour, for every page and table."""

from __future__ import annotations

from dataclasses import dataclass

from lstm.locales import N_, _


@dataclass(frozen=True)
class Gate:
    """One of the four things the unit computes each day from the short-term memory and the input."""

    field: str  # the Trace field holding its value: long_remember, potential_remember, ...
    tutorial_name: str  # the tutorial's name as a catalogue entry: "long-remember %"
    standard_name: str  # the textbook's name as a catalogue entry: "forget gate"
    short_weight: str  # the weight on the short-term memory: wlr1
    input_weight: str  # the weight on the day's input: wlr2
    bias: str  # blr1
    activation: str  # "sigmoid" (a percentage, 0 to 1) or "tanh" (a value, -1 to 1)
    colour: str  # an Okabe-Ito colour: told apart with every common colour-vision deficiency

    @property
    def tutorial(self) -> str:
        """The tutorial's name in the current language."""
        return _(self.tutorial_name)

    @property
    def standard(self) -> str:
        """The textbook's name in the current language."""
        return _(self.standard_name)

    @property
    def weights(self) -> tuple[str, str, str]:
        """Its three parameters as the explorer groups them: on short memory, on the input, the bias."""
        return self.short_weight, self.input_weight, self.bias

    @property
    def is_percent(self) -> bool:
        return self.activation == "sigmoid"


# In the order the unit computes them, which is also the order of the twelve names in a link.
GATES = (
    Gate("long_remember", N_("long-remember %"), N_("forget gate"), "wlr1", "wlr2", "blr1", "sigmoid", "#0072B2"),
    Gate(
        "potential_remember", N_("potential-remember %"), N_("input gate"), "wpr1", "wpr2", "bpr1", "sigmoid", "#009E73"
    ),
    Gate("potential_memory", N_("potential memory"), N_("candidate"), "wp1", "wp2", "bp1", "tanh", "#E69F00"),
    Gate("output", N_("output %"), N_("output gate"), "wo1", "wo2", "bo1", "sigmoid", "#CC79A7"),
)
GATE_BY_FIELD = {gate.field: gate for gate in GATES}
# Each parameter's gate, for charts that colour a weight by the stage it belongs to.
GATE_OF_WEIGHT = {name: gate for gate in GATES for name in gate.weights}
# What each of a gate's three parameters multiplies, in the order of Gate.weights; catalogue entries, translated
# with `_` where shown.
ROLES = (N_("weight on short memory"), N_("weight on the input"), N_("bias"))
