"""Optional Python codecs: ``"text".encode("gsm-7")`` after :func:`register`.

Nothing is registered on import (no global side effects); call :func:`register` once. The
codecs produce one byte per septet (escape pairs included), the form SMPP and most modems take
before packing; :mod:`nrscompose.charsets.pdu` packs them. Names: ``gsm-7`` (default alphabet
and extension table) and ``gsm-pt`` (Portuguese locking and single shift tables).

Errors are handled as Python's own codecs handle them: every ``errors=`` name known to
:func:`codecs.lookup_error` works, the standard ones (``strict``, ``replace``, ``ignore``,
``backslashreplace``, ``xmlcharrefreplace``, ``namereplace``, ``surrogateescape``) and any
handler registered with :func:`codecs.register_error`. Like CPython's ``charmap`` codec, the
encoder hands a handler each run of consecutive characters that are in neither table, and
encodes a ``str`` replacement with the same tables (a replacement that is itself unencodable
raises). The decoder hands a handler each byte above ``0x7F`` — or an escape with the byte
after it, since the pair is one invalid sequence — so a strict error's ``start``/``end`` cover
only the bad bytes. The incremental decoder keeps a trailing escape until the next chunk.
"""

from __future__ import annotations

import codecs
from typing import TYPE_CHECKING, Final

from nrscompose._counting.charsets import DEFAULT, PORTUGUESE, SeptetCharset
from nrscompose._counting.charsets.tables import ESCAPE

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

__all__ = ["register"]

_CHARSETS: Final = {"gsm_7": DEFAULT, "gsm7": DEFAULT, "gsm_pt": PORTUGUESE}
_SEPTET_MAX: Final = 0x7F


def _resume_at(position: int, length: int) -> int:
    """The handler's resume position, negative counting from the end (as CPython allows)."""
    if position < 0:
        position += length
    if not 0 <= position <= length:
        raise IndexError(f"position {position} from error handler out of bounds")
    return position


def encode_with(
    charset: SeptetCharset, name: str, text: str, errors: str = "strict"
) -> tuple[bytes, int]:
    """``text`` as septets of ``charset``, unencodable runs resolved by the ``errors`` handler."""
    septets_of = charset.septets_of
    out = bytearray()
    position, length = 0, len(text)
    while position < length:
        found = septets_of.get(text[position])
        if found is not None:
            out += found
            position += 1
            continue
        end = position + 1
        while end < length and text[end] not in septets_of:
            end += 1
        error = UnicodeEncodeError(
            name, text, position, end, f"character maps to <undefined> in {name}"
        )
        if errors == "strict":
            raise error
        replacement, resume = _call_handler(errors, error, "encoding")
        if isinstance(replacement, bytes):
            out += replacement
        else:
            for index, char in enumerate(replacement):
                septets = septets_of.get(char)
                if septets is None:
                    # CPython's charmap codec: a replacement must itself be encodable.
                    raise UnicodeEncodeError(
                        name,
                        text,
                        position,
                        end,
                        f"replacement {replacement[index]!r} maps to <undefined>",
                    )
                out += septets
        position = _resume_at(resume, length)
    return bytes(out), length


def decode_with(
    charset: SeptetCharset, name: str, data: bytes, errors: str = "strict", final: bool = True
) -> tuple[str, int]:
    """``data`` (one septet per byte) as text; bytes above 0x7F go to the ``errors`` handler.

    Following TS 23.038 6.2.1.1, an escape before a position the single shift table does not
    define gives the locking table's character; ESC ESC, and a final lone ESC, are a space.
    With ``final=False`` a trailing ESC is left unconsumed for the next chunk.
    """
    locking, single_shift = charset.locking, charset.single_shift
    chars: list[str] = []
    position, length = 0, len(data)
    while position < length:
        septet = data[position]
        if septet == ESCAPE:
            if position + 1 == length:
                if not final:
                    break
                chars.append(" ")
                position += 1
                continue
            following = data[position + 1]
            if following <= _SEPTET_MAX:
                escaped = " " if following == ESCAPE else None
                chars.append(escaped or single_shift.get(following) or locking[following])
                position += 2
                continue
            end = position + 2
        elif septet <= _SEPTET_MAX:
            chars.append(locking[septet])
            position += 1
            continue
        else:
            end = position + 1
        error = UnicodeDecodeError(name, data, position, end, "byte is not a septet (above 0x7f)")
        if errors == "strict":
            raise error
        replacement, resume = _call_handler(errors, error, "decoding")
        if not isinstance(replacement, str):
            raise TypeError("decoding error handler must return (str, int) tuple")
        chars.append(replacement)
        if error.object is not data:  # CPython lets a handler replace the input being decoded
            data = bytes(error.object)
            length = len(data)
        position = _resume_at(resume, length)
    return "".join(chars), position


def _call_handler(errors: str, error: UnicodeError, direction: str) -> tuple[str | bytes, int]:
    result = codecs.lookup_error(errors)(error)
    if (
        not isinstance(result, tuple)
        or len(result) != 2
        or not isinstance(result[0], str | bytes)
        or not isinstance(result[1], int)
    ):
        raise TypeError(f"{direction} error handler must return (str/bytes, int) tuple")
    return result


def _codec(charset: SeptetCharset, name: str) -> codecs.CodecInfo:
    def encode(text: str, errors: str = "strict") -> tuple[bytes, int]:
        return encode_with(charset, name, text, errors)

    def decode(data: ReadableBuffer, errors: str = "strict") -> tuple[str, int]:
        return decode_with(charset, name, bytes(data), errors)

    class IncrementalEncoder(codecs.IncrementalEncoder):
        def encode(self, input: str, final: bool = False) -> bytes:
            return encode_with(charset, name, input, self.errors)[0]

    class IncrementalDecoder(codecs.BufferedIncrementalDecoder):
        def _buffer_decode(
            self,
            input: ReadableBuffer,
            errors: str,
            final: bool,
        ) -> tuple[str, int]:
            return decode_with(charset, name, bytes(input), errors, final)

    class StreamWriter(codecs.StreamWriter):
        def encode(self, input: str, errors: str = "strict") -> tuple[bytes, int]:
            return encode_with(charset, name, input, errors)

    class StreamReader(codecs.StreamReader):
        def decode(self, input: ReadableBuffer, errors: str = "strict") -> tuple[str, int]:
            return decode_with(charset, name, bytes(input), errors, final=False)

    return codecs.CodecInfo(
        encode,
        decode,
        name=name,
        incrementalencoder=IncrementalEncoder,
        incrementaldecoder=IncrementalDecoder,
        streamwriter=StreamWriter,
        streamreader=StreamReader,
    )


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
