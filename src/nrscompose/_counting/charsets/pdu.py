"""Bytes on the wire: packed septets, UCS-2 payloads and user data headers (TS 23.040).

``pack_parts`` turns already-counted parts into the user data of each SMS a handset receives —
header and payload — and ``decode_parts`` turns them back. Counting a text into parts is a
higher layer's job (:func:`~nrscompose._counting.user_data.encode_parts` uses the
``3gpp`` profiles, since the bytes must fit the real 140 octets, national-language IEs
included).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final, Literal

from nrscompose._base.errors import ArgumentError
from nrscompose._counting import charsets
from nrscompose._counting.charsets import SeptetCharset

__all__ = [
    "UserData",
    "concatenation_ie",
    "decode_parts",
    "fill_bits",
    "national_language_ies",
    "pack_parts",
    "pack_septets",
    "unpack_septets",
    "user_data_header",
]

IEI_CONCAT_8BIT: Final = 0x00
IEI_CONCAT_16BIT: Final = 0x08
IEI_SINGLE_SHIFT: Final = 0x24
IEI_LOCKING_SHIFT: Final = 0x25

Coding = Literal["gsm7", "ucs2"]


def pack_septets(septets: bytes, fill: int = 0) -> bytes:
    """Pack 7-bit values into octets, least significant bit first (TS 23.038 6.1.2.1.1).

    ``fill`` zero bits come first, so that the first septet starts on a septet boundary after
    a user data header.
    """
    packed = bytearray()
    accumulator = 0
    width = fill
    for septet in septets:
        accumulator |= septet << width
        width += 7
        while width >= 8:
            packed.append(accumulator & 0xFF)
            accumulator >>= 8
            width -= 8
    if width:
        packed.append(accumulator & 0xFF)
    return bytes(packed)


def unpack_septets(octets: bytes, count: int, fill: int = 0) -> bytes:
    """The ``count`` septets packed in ``octets`` after ``fill`` padding bits."""
    value = int.from_bytes(octets, "little") >> fill
    return bytes((value >> (7 * index)) & 0x7F for index in range(count))


def fill_bits(header_octets: int) -> int:
    """Padding bits after a header of ``header_octets`` (length octet included)."""
    return (7 - header_octets * 8 % 7) % 7


def concatenation_ie(reference: int, total: int, sequence: int, *, wide: bool = False) -> bytes:
    """The concatenated-message IE (TS 23.040 9.2.3.24.1 and .8)."""
    if not 1 <= sequence <= total <= 255:
        raise ArgumentError(f"part {sequence} of {total} is not a valid concatenation")
    if wide:
        if not 0 <= reference <= 0xFFFF:
            raise ArgumentError("a 16-bit reference is 0–65535")
        return bytes((IEI_CONCAT_16BIT, 4, reference >> 8, reference & 0xFF, total, sequence))
    if not 0 <= reference <= 0xFF:
        raise ArgumentError("an 8-bit reference is 0–255")
    return bytes((IEI_CONCAT_8BIT, 3, reference, total, sequence))


def national_language_ies(charset: SeptetCharset) -> bytes:
    """Locking and single shift IEs (TS 23.040 9.2.3.24.15/16) for the non-default tables."""
    ies = b""
    if charset.locking_language:
        ies += bytes((IEI_LOCKING_SHIFT, 1, charset.locking_language))
    if charset.shift_language:
        ies += bytes((IEI_SINGLE_SHIFT, 1, charset.shift_language))
    return ies


def user_data_header(ies: Iterable[bytes]) -> bytes:
    """A UDH (length octet first) holding ``ies``, or nothing when there are none."""
    body = b"".join(ies)
    return bytes((len(body),)) + body if body else b""


@dataclass(frozen=True, slots=True)
class UserData:
    """One SMS as sent: ``header`` (UDH, possibly empty), ``payload`` and its data coding.

    ``length`` is TP-UDL: septets (header included, rounded up to septets) for ``gsm7``,
    octets for ``ucs2``.
    """

    header: bytes
    payload: bytes
    coding: Coding
    length: int

    @property
    def octets(self) -> bytes:
        """TP-UD: header and payload, as the PDU carries them."""
        return self.header + self.payload


def pack_parts(
    parts: Sequence[str],
    charset: SeptetCharset | None,
    *,
    reference: int = 0,
    wide_reference: bool = False,
) -> list[UserData]:
    """The user data of each already-counted part: ``charset`` packs septets (``None``: UCS-2).

    A concatenation header is added when there is more than one part, and the national
    language shift headers of ``charset``.
    """
    national = national_language_ies(charset) if charset else b""
    encoded = []
    for sequence, part in enumerate(parts, 1):
        ies = [national]
        if len(parts) > 1:
            ies.insert(0, concatenation_ie(reference, len(parts), sequence, wide=wide_reference))
        header = user_data_header(ies)
        encoded.append(_user_data(part, header, charset))
    return encoded


def _user_data(part: str, header: bytes, charset: SeptetCharset | None) -> UserData:
    if charset is None:
        payload = part.encode("utf-16-be")
        return UserData(header, payload, "ucs2", len(header) + len(payload))
    septets = charset.encode(part)
    fill = fill_bits(len(header)) if header else 0
    header_septets = (len(header) * 8 + fill) // 7
    return UserData(header, pack_septets(septets, fill), "gsm7", header_septets + len(septets))


def _parse_header(header: bytes) -> dict[int, bytes]:
    elements: dict[int, bytes] = {}
    position = 1
    while position + 1 < len(header):
        iei, size = header[position], header[position + 1]
        elements[iei] = header[position + 2 : position + 2 + size]
        position += 2 + size
    return elements


def decode_parts(parts: Iterable[UserData]) -> str:
    """The text carried by ``parts`` (in order), the inverse of :func:`encode_parts`."""
    return "".join(_decode(part) for part in parts)


def _decode(part: UserData) -> str:
    if part.coding == "ucs2":
        return part.payload.decode("utf-16-be")
    elements = _parse_header(part.header) if part.header else {}
    locking = elements.get(IEI_LOCKING_SHIFT, b"\x00")[0]
    shift = elements.get(IEI_SINGLE_SHIFT, b"\x00")[0]
    fill = fill_bits(len(part.header)) if part.header else 0
    header_septets = (len(part.header) * 8 + fill) // 7
    septets = unpack_septets(part.payload, part.length - header_septets, fill)
    return charsets.for_tables((locking, shift)).decode(septets)
