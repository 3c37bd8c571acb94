# The public path of nrscompose._counting.charsets.pdu: written by tools/write_fronts.py
from nrscompose._counting.charsets import pdu as _implementation
from nrscompose._counting.charsets.pdu import (
    UserData,
    concatenation_ie,
    decode_parts,
    fill_bits,
    national_language_ies,
    pack_parts,
    pack_septets,
    unpack_septets,
    user_data_header,
)

__doc__ = _implementation.__doc__
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
