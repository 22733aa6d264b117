"""Entry point of `python -m lstm`."""

import sys

from lstm.cli import main

sys.exit(main())
