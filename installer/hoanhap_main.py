"""Entry script of the frozen app (PyInstaller): the same as the `hoanhap` command.

Both executables of the bundle run it (installer/hoanhap.spec): `HoaNhap[.exe]`, the window
program, and `hoanhap-cli[.exe]`, the console program for the commands.

On Windows the window program is built windowed: it has no console, so `sys.stdout` and
`sys.stderr` are None and anything it printed would vanish — errors, `figures`, and above
all the recovery code that `init` and `encrypt` print only once (lost, it would leave an
encrypted database openable by passwords alone). So when the windowless program is asked
for a command, `--help` or `--version`, it runs nothing: it says to use hoanhap-cli.exe,
in a message box when a user can see one and always in `dong-lenh.txt` in the log folder,
and exits 2 (a usage error). The output is deliberately not redirected to a log file
instead: that file would keep the recovery code in clear text beside the database it
unlocks. `--self-test` still runs windowless (it writes its report file itself; the
installer relies on that), and so does the GUI with `--db`/`--demo`.

Output redirected to a file or a pipe (`hoanhap-cli.exe figures … > so-lieu.txt`) is written
in UTF-8: Windows would otherwise encode it in the ANSI code page, which has no "✓" and no
precomposed Vietnamese letters, so the first such line would fail the command — for `init`,
after the database was made and before its recovery code was printed. A console window
prints Unicode whatever its code page.

A script of its own rather than desktop/__main__.py: PyInstaller puts the entry script's
folder on the import path while analysing, and desktop/ holds modules (config, text, db)
whose bare names would then shadow other packages' modules.
"""

from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli import EXIT_USAGE, parse_arguments
from desktop.cli import main as cli_main

if TYPE_CHECKING:
    import ctypes

# ctypes, subprocess and datetime load only on the refusal path: a double-click starts
# the GUI, whose first window should not wait for them (benchmarks/RESULTS.md, scenario c).

WINDOWS = sys.platform == "win32"
CLI_EXE = "hoanhap-cli.exe" if WINDOWS else "hoanhap-cli"  # the name in installer/hoanhap.spec
NOTE_FILE = "dong-lenh.txt"  # in the log folder, beside tu-kiem-tra.txt of the self-test


def wants_console(argv: Sequence[str]) -> bool:
    """Whether `argv` asks for printed output: a command, `--help`, `--version`, or options
    argparse rejects (its error text is for a console too). Not the GUI, not `--self-test`."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            args = parse_arguments(argv)
        except SystemExit:
            return True
    return args.command is not None


def cli_command_line(argv: Sequence[str]) -> str:
    """The same request as a command line for the console program beside this one."""
    import subprocess

    cli = Path(sys.executable).with_name(CLI_EXE)
    return subprocess.list2cmdline([str(cli), *argv])


def refusal_text(argv: Sequence[str]) -> str:
    """What the user is told, in Vietnamese like every message of the command line."""
    this = Path(sys.executable).name if getattr(sys, "frozen", False) else "HoaNhap.exe"
    return (f"{this} là chương trình cửa sổ, không có cửa sổ lệnh nên không in được kết "
            "quả: lệnh chưa được chạy, không có gì thay đổi.\n\n"
            "Hãy mở Command Prompt (cmd) và chạy lệnh bằng chương trình dòng lệnh "
            f"{CLI_EXE} trong cùng thư mục:\n\n{cli_command_line(argv)}\n\n"
            "Mã khôi phục do lệnh init hoặc encrypt in ra chỉ hiện một lần: chép ngay ra "
            "giấy và cất giữ.")


def write_note(text: str) -> Path | None:
    """Leave the refusal in the log folder, for a run nobody watched (a scheduled task)."""
    from datetime import datetime

    from desktop.config import log_dir

    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / NOTE_FILE
        path.write_text(f"{datetime.now():%Y-%m-%d %H:%M:%S}\n{text}\n", encoding="utf-8")
    except OSError:
        return None
    return path


def _user32() -> ctypes.CDLL:
    import ctypes

    # ctypes.WinDLL exists on Windows only, the one platform that calls this.
    dll: ctypes.CDLL = ctypes.WinDLL("user32")  # type: ignore[attr-defined,unused-ignore]
    return dll


def _desktop_visible() -> bool:
    """Whether this process's window station is interactive: a scheduled task running
    without a logged-on user (session 0) has none, and a message box there would wait
    forever for a click nobody can give."""
    import ctypes

    class UserObjectFlags(ctypes.Structure):
        _fields_ = [("fInherit", ctypes.c_int), ("fReserved", ctypes.c_int),
                    ("dwFlags", ctypes.c_ulong)]

    uoi_flags, wsf_visible = 1, 0x0001
    user32 = _user32()
    flags = UserObjectFlags()
    needed = ctypes.c_ulong()
    station = user32.GetProcessWindowStation()
    ok = user32.GetUserObjectInformationW(station, uoi_flags, ctypes.byref(flags),
                                          ctypes.sizeof(flags), ctypes.byref(needed))
    return bool(ok) and bool(flags.dwFlags & wsf_visible)


def show_message(text: str) -> None:
    """A plain Windows message box (user32, not Qt: nothing heavy may fail first)."""
    if not WINDOWS:
        return
    mb_ok, mb_iconinformation, mb_setforeground = 0x0, 0x40, 0x10000
    try:
        if not _desktop_visible():
            return
        _user32().MessageBoxW(None, text, "HoaNhap",
                              mb_ok | mb_iconinformation | mb_setforeground)
    except (OSError, AttributeError):
        pass  # the note file still says it


def refuse_without_console(argv: Sequence[str]) -> int:
    """The windowless program was asked for a command: tell the user, run nothing."""
    text = refusal_text(argv)
    write_note(text)
    show_message(text)
    return EXIT_USAGE


def utf8_when_redirected() -> None:
    """Standard output and error to a file or pipe in UTF-8 (see the module docstring)."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and not stream.isatty() \
                and stream.encoding.lower().replace("-", "") != "utf8":
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `hoanhap` command, unless its output would have nowhere to go."""
    args = list(sys.argv[1:] if argv is None else argv)
    if sys.stdout is None and wants_console(args):  # windowed: no console at all
        return refuse_without_console(args)
    utf8_when_redirected()
    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
