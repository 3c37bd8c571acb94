"""The ``nrscompose`` command: a thin shell over the library.

Every command parses arguments, calls the library and formats what it returns; anything a
command computes can be had from Python with the same result. A user mistake ends with one
line on stderr (with the API error code where one applies) and exit status 2, never a
traceback. Exit status: 0 done; 1 a verdict on the data (``estimate --max-invalid`` crossed);
2 a user mistake (arguments, files); 130 interrupted; 141 the reader of the output went away.

``--locale es`` or ``--locale pt``, before or after the command, writes the problems' sentences
(the error and warning lines, an analysis's notes, the content problems, the reasons of invalid
rows in the estimate's report and JSON) in Spanish or Portuguese; argparse's own messages and
the rest of the output stay English.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

from nrscompose._base.errors import NrsComposeError, ValidationError
from nrscompose.cli import _demo, _estimate, _render, _request, _text, _window
from nrscompose.cli._arguments import add_locale_option
from nrscompose.cli._terminal import TerminalWriter, terminal_safe

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

__all__ = ["build_parser", "main"]


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("nrscompose")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "unknown"


class _Version(argparse.Action):
    """``--version``, looked up only when asked (package metadata is slow to import)."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(f"{parser.prog} {_version()}")
        parser.exit()


class _Parser(argparse.ArgumentParser):
    """argparse quoting the arguments it refuses with their control characters shown."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        super()._print_message(terminal_safe(message), file)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="nrscompose",
        description="Compose messages before sending: charset, parts, cost, send windows.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="print the version")
    add_locale_option(parser, default="en", shown=True)
    commands = parser.add_subparsers(dest="command", required=True)
    for module in (_text, _render, _estimate, _window, _request, _demo):
        module.register(commands)
    for command in commands.choices.values():
        # given after the command too; when it is not, the value before the command stands
        add_locale_option(command, default=argparse.SUPPRESS, shown=False)
    return parser


def _described(error: Exception, locale: str) -> str:
    """The error's line: its problems' sentences in ``locale``, other errors as they read."""
    return error.describe(locale) if isinstance(error, ValidationError) else str(error)


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    run: Callable[[argparse.Namespace, TextIO], int] = args.run
    try:
        return run(args, TerminalWriter(out or sys.stdout))  # type: ignore[arg-type]
    except BrokenPipeError:  # e.g. `nrscompose estimate … | head`: the reader has had enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except (NrsComposeError, OSError, UnicodeDecodeError) as error:
        print(
            f"nrscompose: error: {terminal_safe(_described(error, args.locale))}", file=sys.stderr
        )
        return 2
    except KeyboardInterrupt:
        print("nrscompose: interrupted", file=sys.stderr)
        return 130
