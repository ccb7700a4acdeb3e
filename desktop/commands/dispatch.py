"""Routes a parsed command line to its job."""

from __future__ import annotations

import argparse

from desktop.commands import checking, figures_cmd, report_cmd, setup, verify_cmd


def gui(args: argparse.Namespace) -> int:
    """No sub-command: the GUI (imported only now, so headless commands never load Qt)."""
    from desktop.views.app import run_gui

    return run_gui(args.db, args.demo)


def run(args: argparse.Namespace) -> int:
    """Run the sub-command named in `args.command`."""
    jobs = {
        "init": setup.init,
        "demo": setup.demo,
        "figures": figures_cmd.figures,
        "check": checking.check,
        "report": report_cmd.report,
        "verify": verify_cmd.verify,
    }
    return jobs[args.command](args)
