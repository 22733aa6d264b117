"""The unit at the bottom of the house: its twelve weights, its arithmetic, its trace, its days, its stages as text."""
