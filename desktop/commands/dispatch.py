"""Routes a parsed command line to its job."""

from __future__ import annotations

import argparse
import sys

from desktop.commands import checking, figures_cmd, setup


def gui(args: argparse.Namespace) -> int:
    """No sub-command: the GUI. It arrives with the officer's desk (issue 3)."""
    print("hoanhap: giao diện đồ họa chưa có trong phiên bản này; hãy dùng các lệnh con "
          "(hoanhap --help).", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    """Run the sub-command named in `args.command`."""
    jobs = {
        "init": setup.init,
        "demo": setup.demo,
        "figures": figures_cmd.figures,
        "check": checking.check,
    }
    return jobs[args.command](args)
