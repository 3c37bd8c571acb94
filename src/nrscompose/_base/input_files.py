"""Files a user names as input (``@FILE`` text or template, values, prices), read with a bound.

``@/dev/zero`` or ``@/dev/urandom`` never end: read whole, they grew until ``MemoryError``.
Each file is read up to :data:`MAX_INPUT_BYTES` (16 MiB, far above any message, template,
values or coverage file) and refused past it with one ``input.too_large`` problem. Recipient
files are not read here: they are streamed, whatever their size.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from nrscompose._base.errors import ValidationError

__all__ = ["MAX_INPUT_BYTES", "read_bounded", "read_bounded_text"]

MAX_INPUT_BYTES: Final = 16 * 1024 * 1024


def read_bounded(path: str | Path, what: str, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of ``path`` (``what`` it is read as names it in the refusal)."""
    with Path(path).open("rb") as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        params = {"file": str(path), "limit": limit, "what": what}
        raise ValidationError.single("input.too_large", what, None, params)
    return data


def read_bounded_text(path: str | Path, what: str, limit: int = MAX_INPUT_BYTES) -> str:
    """``path`` as UTF-8 text (a byte-order mark, as Notepad writes, dropped); a byte that is
    not UTF-8 raises ``UnicodeDecodeError`` as ``Path.read_text`` did."""
    return read_bounded(path, what, limit).decode("utf-8-sig")
