"""`python -m desktop` is the same as the `hoanhap` command."""

import sys

from desktop.cli import main

sys.exit(main())
