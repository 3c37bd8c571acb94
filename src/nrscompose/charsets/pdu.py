# The public path of nrscompose._counting.charsets.pdu: written by tools/write_fronts.py
from nrscompose._counting.charsets import pdu as _implementation
from nrscompose._counting.charsets.pdu import (
    UserData as UserData,
    concatenation_ie as concatenation_ie,
    decode_parts as decode_parts,
    fill_bits as fill_bits,
    national_language_ies as national_language_ies,
    pack_parts as pack_parts,
    pack_septets as pack_septets,
    unpack_septets as unpack_septets,
    user_data_header as user_data_header,
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
