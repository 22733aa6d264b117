"""LSTM Explorer: the tutorial's hand-built LSTM unit, traced, trained and drawn."""
