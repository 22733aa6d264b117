"""LSTM Explorer: the tutorial's hand-built LSTM unit, traced, trained and drawn.

In a notebook: `from lstm import explore, open_cell, explorer_link, ReplayCallback` (see lstm.api). They load
on first use, so `import lstm` (and `python -m lstm`) stays quick and imports neither Plotly nor torch.
"""

# The public names and the module that holds them.
PUBLIC = {"explore": "lstm.api", "open_cell": "lstm.api", "explorer_link": "lstm.api", "ReplayCallback": "lstm.api"}

__all__ = list(PUBLIC)


def __getattr__(name: str):
    if name in PUBLIC:
        from lstm import api

        return getattr(api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *PUBLIC])
