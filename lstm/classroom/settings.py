"""The class vote's limits, with defaults, each overridable by an environment variable."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import TypeVar

T = TypeVar("T", int, float)


@dataclass(frozen=True)
class Settings:
    """Bounds that keep one server (and its database) safe from a busy day or a script."""

    max_open_classes: int = 50  # LSTM_EXPLORER_MAX_CLASSES: classes open at once on this server (database)
    max_phones: int = 200  # LSTM_EXPLORER_MAX_PHONES: phones that may join one class (a lecture hall)
    lifetime: timedelta = timedelta(hours=3)  # LSTM_EXPLORER_CLASS_HOURS: then the class ends, its rows deleted
    max_vote_changes: int = 20  # LSTM_EXPLORER_MAX_VOTE_CHANGES: times one phone may change its vote in a round
    max_rounds: int = 100  # LSTM_EXPLORER_MAX_ROUNDS: rounds one class may open (a class asks about ten)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The defaults, with each variable set in `environ` (os.environ by default) in place of its default."""
        environ = os.environ if environ is None else environ
        default = cls()
        hours = _number(environ, "LSTM_EXPLORER_CLASS_HOURS", default.lifetime.total_seconds() / 3600, float)
        return cls(
            max_open_classes=_number(environ, "LSTM_EXPLORER_MAX_CLASSES", default.max_open_classes, int),
            max_phones=_number(environ, "LSTM_EXPLORER_MAX_PHONES", default.max_phones, int),
            lifetime=timedelta(hours=hours),
            max_vote_changes=_number(environ, "LSTM_EXPLORER_MAX_VOTE_CHANGES", default.max_vote_changes, int),
            max_rounds=_number(environ, "LSTM_EXPLORER_MAX_ROUNDS", default.max_rounds, int),
        )


def _number(environ: Mapping[str, str], name: str, default: T, kind: type[T]) -> T:
    text = environ.get(name, "").strip()
    if not text:
        return default
    try:
        value = kind(text)
    except ValueError:
        raise ValueError(f"{name} must be a positive number, not {text!r}") from None
    if not value > 0:
        raise ValueError(f"{name} must be a positive number, not {text!r}")
    return value
