"""`cli.parse_arguments`: a GUI start parses without building the sub-commands' parsers,
and every line parses exactly as the full parser would parse it."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import build_parser, parse_arguments


@pytest.mark.parametrize("argv", [
    [], ["--demo"], ["--self-test"], ["--db", "office.db"], ["--db=office.db"],
    ["--db=office.db", "--demo"], ["check", "--db", "office.db"],
])
def test_a_line_parses_as_the_full_parser_parses_it(argv: list[str]) -> None:
    assert vars(parse_arguments(argv)) == vars(build_parser().parse_args(argv))


def test_a_gui_start_has_no_command() -> None:
    args = parse_arguments(["--db=office.db"])
    assert args.command is None
    assert args.db == Path("office.db")


@pytest.mark.parametrize("argv", [["--bogus"], ["--db"], ["--demo", "nonsense"]])
def test_bad_lines_are_refused_with_a_usage_error(argv: list[str],
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        parse_arguments(argv)
    assert stopped.value.code == 2
    assert "lỗi cú pháp lệnh" in capsys.readouterr().err


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse_arguments(["--help"])
    out = capsys.readouterr().out
    assert "check" in out
    assert "init" in out
