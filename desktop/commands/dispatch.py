"""Routes a parsed command line to its job, importing only that job's module.

Loading every command (reports, signing, Qt…) on each start made a simple `hoanhap check`
take seconds; each job's module is imported when it runs.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from importlib import import_module
from typing import cast

# sub-command → (module under desktop.commands, function)
JOBS: dict[str, tuple[str, str]] = {
    "init": ("setup", "init"),
    "demo": ("setup", "demo"),
    "figures": ("figures_cmd", "figures"),
    "check": ("checking", "check"),
    "report": ("report_cmd", "report"),
    "verify": ("verify_cmd", "verify"),
    "export": ("exchange_cmd", "export"),
    "import": ("exchange_cmd", "import_"),
    "backup": ("backup_cmd", "backup"),
    "restore": ("backup_cmd", "restore"),
    "encrypt": ("encryption_cmd", "encrypt"),
    "recover": ("encryption_cmd", "recover"),
    "key-card": ("keycard_cmd", "key_card"),
    "import-excel": ("intake_cmd", "import_excel"),
    "excel-template": ("intake_cmd", "excel_template"),
}


def gui(args: argparse.Namespace) -> int:
    """No sub-command: the GUI (imported only now, so headless commands never load Qt)."""
    from desktop.views.app import run_gui

    return run_gui(args.db, args.demo)


def run(args: argparse.Namespace) -> int:
    """Run the sub-command named in `args.command`."""
    module, function = JOBS[args.command]
    job = getattr(import_module(f"desktop.commands.{module}"), function)
    return cast(Callable[[argparse.Namespace], int], job)(args)
