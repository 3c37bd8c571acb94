"""The provider's ``trans=1`` table: exactly what the server replaces before counting.

Source: 360nrs API reference (parameter ``trans`` of ``POST /api/rest/sms``). The
reference prints ``' '=>'A'`` where text extraction lost ``Â``; by its place between ``û`` and ``Ê``
in the list (lower-case vowels with circumflex, then upper-case) it is ``Â``. Note what the
table does not contain: ``é`` and ``É`` are GSM already, and ``ç`` becomes ``Ç`` (GSM 0x09).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# Annotations only: importing typing would double the package's import time.
TYPE_CHECKING = False
if TYPE_CHECKING:
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
_DELETED: Final = frozenset(char for char, target in TRANS_TABLE.items() if not target)


def transliterate(text: str) -> str:
    """``text`` as the server counts and sends it with ``trans=1``."""
    return text.translate(_TRANSLATION)


def source_indices(original: str) -> list[int] | None:
    """For each character of ``transliterate(original)``, its index in ``original``.

    ``None`` when the two align (nothing deleted). Only the deleted characters (``º``, ``ª``)
    shift positions; every other entry maps one character to one character.
    """
    if _DELETED.isdisjoint(original):
        return None
    return [i for i, char in enumerate(original) if char not in _DELETED]


def source_index(original: str, index: int) -> int:
    """The index in ``original`` of the character at ``index`` of ``transliterate(original)``
    (``len(original)`` for the end of the text)."""
    indices = source_indices(original)
    if indices is None:
        return index
    return indices[index] if index < len(indices) else len(original)
