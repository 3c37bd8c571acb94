"""Optional Python codecs: ``"text".encode("gsm-7")`` after :func:`register`.

Nothing is registered on import (no global side effects); call :func:`register` once. The
codecs produce one byte per septet (escape pairs included), the form SMPP and most modems take
before packing; :mod:`nrscompose.charsets.pdu` packs them. Names: ``gsm-7`` (default alphabet
and extension table) and ``gsm-pt`` (Portuguese locking and single shift tables).
"""

from __future__ import annotations

import codecs
from typing import TYPE_CHECKING, Final

from nrscompose.charsets import DEFAULT, PORTUGUESE, SeptetCharset

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

__all__ = ["register"]

_CHARSETS: Final = {"gsm_7": DEFAULT, "gsm7": DEFAULT, "gsm_pt": PORTUGUESE}


def _codec(charset: SeptetCharset, name: str) -> codecs.CodecInfo:
    def encode(text: str, errors: str = "strict") -> tuple[bytes, int]:
        septets = bytearray()
        for index, char in enumerate(text):
            found = charset.septets_of.get(char)
            if found is not None:
                septets += found
            elif errors == "replace":
                septets += charset.septets_of["?"]
            elif errors != "ignore":
                raise UnicodeEncodeError(name, text, index, index + 1, f"not in {name}")
        return bytes(septets), len(text)

    def decode(data: ReadableBuffer, errors: str = "strict") -> tuple[str, int]:
        septets = bytes(data)
        try:
            return charset.decode(septets), len(septets)
        except ValueError as error:
            raise UnicodeDecodeError(name, septets, 0, len(septets), str(error)) from None

    return codecs.CodecInfo(encode, decode, name=name)


def _search(name: str) -> codecs.CodecInfo | None:
    key = name.lower().replace("-", "_")
    charset = _CHARSETS.get(key)
    return None if charset is None else _codec(charset, key.replace("_", "-"))


_registered = False


def register() -> None:
    """Register the ``gsm-7`` and ``gsm-pt`` codecs (idempotent)."""
    global _registered
    if not _registered:
        codecs.register(_search)
        _registered = True
