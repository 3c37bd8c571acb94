"""What the command prints reaches a terminal: control characters in it are shown, not obeyed.

A CSV header, a recipient's value or a message can hold ``\\x1b]0;…\\x07\\x1b[2J`` (retitle
the window, clear the screen) or a right-to-left override; printed raw, they run in the
operator's terminal. :func:`terminal_safe` writes each such character as ``\\uXXXX`` (valid
inside the JSON strings the command prints, and readable elsewhere): C0 controls but the line
feed and tab, DEL, C1 controls and the bidirectional controls. The two colour codes the
``analyze`` highlight writes are kept. :class:`TerminalWriter` applies it to everything
written to stdout; the error line on stderr and argparse's messages go through it too.
"""

from __future__ import annotations

import re
from typing import Final, TextIO

__all__ = ["TerminalWriter", "terminal_safe"]

_UNSAFE: Final = re.compile(
    "(?!\x1b\\[1;31m|\x1b\\[0m)"  # the highlight's own colour codes
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def terminal_safe(text: str) -> str:
    """``text`` with every control character written as ``\\uXXXX`` (line feeds and tabs kept)."""
    return _UNSAFE.sub(_escaped, text)


class TerminalWriter:
    """A text stream writing :func:`terminal_safe` text to ``target``."""

    def __init__(self, target: TextIO) -> None:
        self._target = target

    def write(self, text: str) -> int:
        self._target.write(terminal_safe(text))
        return len(text)

    def flush(self) -> None:
        self._target.flush()

    def isatty(self) -> bool:
        return self._target.isatty()

    def __getattr__(self, name: str) -> object:  # encoding, fileno … of the stream it wraps
        return getattr(self._target, name)
