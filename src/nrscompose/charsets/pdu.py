# The public path of nrscompose._counting.charsets.pdu: written by tools/write_fronts.py
from nrscompose._counting.charsets import pdu as _implementation
from nrscompose._counting.charsets.pdu import (
    UserData as UserData,
)
from nrscompose._counting.charsets.pdu import (
    concatenation_ie as concatenation_ie,
)
from nrscompose._counting.charsets.pdu import (
    decode_parts as decode_parts,
)
from nrscompose._counting.charsets.pdu import (
    fill_bits as fill_bits,
)
from nrscompose._counting.charsets.pdu import (
    national_language_ies as national_language_ies,
)
from nrscompose._counting.charsets.pdu import (
    pack_parts as pack_parts,
)
from nrscompose._counting.charsets.pdu import (
    pack_septets as pack_septets,
)
from nrscompose._counting.charsets.pdu import (
    unpack_septets as unpack_septets,
)
from nrscompose._counting.charsets.pdu import (
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
