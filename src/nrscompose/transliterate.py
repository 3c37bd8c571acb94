"""The provider's ``trans=1`` table: exactly what the server replaces before counting.

Source: 360nrs API reference (seed 001, parameter ``trans`` of ``POST /api/rest/sms``). The
seed prints ``' '=>'A'`` where text extraction lost ``Â``; by its place between ``û`` and ``Ê``
in the list (lower-case vowels with circumflex, then upper-case) it is ``Â``. Note what the
table does not contain: ``é`` and ``É`` are GSM already, and ``ç`` becomes ``Ç`` (GSM 0x09).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

__all__ = ["TRANS_TABLE", "transliterate"]

TRANS_TABLE: Final[Mapping[str, str]] = MappingProxyType({
    "á": "a", "í": "i", "ó": "o", "ú": "u", "ç": "Ç",
    "Á": "A", "Í": "I", "Ó": "O", "Ú": "U",
    "À": "A", "È": "E", "Ì": "I", "Ò": "O", "Ù": "U",
    "º": "", "ª": "",
    "Õ": "O", "õ": "o",
    "â": "a", "ê": "e", "î": "i", "ô": "o", "û": "u",
    "Â": "A", "Ê": "E", "Î": "I", "Ô": "O", "Û": "U",
    "ã": "a", "Ã": "A",
})  # fmt: skip

_TRANSLATION: Final = str.maketrans(dict(TRANS_TABLE))


def transliterate(text: str) -> str:
    """``text`` as the server counts and sends it with ``trans=1``."""
    return text.translate(_TRANSLATION)


def source_index(original: str, index: int) -> int:
    """The index in ``original`` of the character at ``index`` of ``transliterate(original)``.

    Only the deleted characters (``º``, ``ª``) shift positions; every other entry maps one
    character to one character.
    """
    kept = -1
    for position, char in enumerate(original):
        if TRANS_TABLE.get(char) != "":
            kept += 1
            if kept == index:
                return position
    raise IndexError(index)
