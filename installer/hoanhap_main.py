"""Entry script of the frozen app (PyInstaller): the same as the `hoanhap` command.

A script of its own rather than desktop/__main__.py: PyInstaller puts the entry script's
folder on the import path while analysing, and desktop/ holds modules (config, text, db)
whose bare names would then shadow other packages' modules.
"""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
