"""The user data of every SMS that carries a text: counted by :func:`nrscompose.analyze`, packed
by :func:`nrscompose.charsets.pdu.pack_parts`."""

from __future__ import annotations

from collections.abc import Sequence

from nrscompose._counting import charsets
from nrscompose._counting.analysis import analyze
from nrscompose._counting.charsets.pdu import UserData, pack_parts
from nrscompose._counting.splitting import parts_of

__all__ = ["encode_parts"]


def encode_parts(
    text: str,
    *,
    encoding: str = "auto",
    candidates: Sequence[str] | None = None,
    trans: bool = False,
    reference: int = 0,
    wide_reference: bool = False,
) -> list[UserData]:
    """The user data of every SMS that carries ``text``, split as ``analyze`` splits it.

    Uses the ``3gpp`` profile (``3gpp-16bit`` with ``wide_reference``), so every part fits
    140 octets with its headers. ``reference`` is the concatenation reference number.
    """
    profile = "3gpp-16bit" if wide_reference else "3gpp"
    analysis = analyze(text, encoding=encoding, candidates=candidates, trans=trans, profile=profile)
    septet_charset = charsets.for_tables(analysis.tables) if analysis.encoding != "utf-16" else None
    return pack_parts(
        parts_of(analysis), septet_charset, reference=reference, wide_reference=wide_reference
    )
