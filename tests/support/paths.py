"""Where the checkout is, for tests that run the app, the CLI or a fresh interpreter."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
