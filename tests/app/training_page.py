"""The training page alone, as AppTest runs it."""

from lstm.ui import training

training.render()
