"""The unit in plain Python floats, written straight from the tutorial's equations, to test against."""

import math


def sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def reference_trace(days, w):
    """Per day: (long_remember, potential_remember, potential_memory, output, long, short)."""
    long_memory = short_memory = 0.0
    steps = []
    for x in days:
        long_remember = sigmoid(short_memory * w["wlr1"] + x * w["wlr2"] + w["blr1"])
        potential_remember = sigmoid(short_memory * w["wpr1"] + x * w["wpr2"] + w["bpr1"])
        potential_memory = math.tanh(short_memory * w["wp1"] + x * w["wp2"] + w["bp1"])
        long_memory = long_memory * long_remember + potential_remember * potential_memory
        output = sigmoid(short_memory * w["wo1"] + x * w["wo2"] + w["bo1"])
        short_memory = math.tanh(long_memory) * output
        steps.append((long_remember, potential_remember, potential_memory, output, long_memory, short_memory))
    return steps
