"""Packed bytes and headers, checked against python-gammu where it has the same mode."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nrscompose._counting.charsets import DEFAULT, PORTUGUESE
from nrscompose._counting.charsets.pdu import (
    concatenation_ie,
    decode_parts,
    fill_bits,
    pack_septets,
    unpack_septets,
)
from nrscompose._counting.user_data import encode_parts

GSM_CHARS = sorted(DEFAULT.septets_of)
PT_CHARS = sorted(set(PORTUGUESE.septets_of) | set(DEFAULT.septets_of))


def test_pack_septets_matches_the_standard_example():
    # TS 23.038 6.1.2.1.1 style: "hellohello" packs to E8 32 9B FD 46 97 D9 EC 37.
    assert pack_septets(DEFAULT.encode("hellohello")).hex() == "e8329bfd4697d9ec37"


@given(
    septets=st.binary(max_size=200).map(lambda b: bytes(x & 0x7F for x in b)),
    fill=st.integers(0, 6),
)
def test_unpack_inverts_pack(septets, fill):
    assert unpack_septets(pack_septets(septets, fill), len(septets), fill) == septets


def test_fill_bits_after_common_headers():
    assert fill_bits(6) == 1  # 8-bit concatenation UDH: 48 bits, one fill bit to 49
    assert fill_bits(7) == 0  # 16-bit concatenation UDH: 56 bits
    assert fill_bits(4) == 3  # one national-language IE


def test_concatenation_ie_bounds():
    assert concatenation_ie(7, 2, 1) == bytes([0, 3, 7, 2, 1])
    assert concatenation_ie(0x1234, 3, 3, wide=True) == bytes([8, 4, 0x12, 0x34, 3, 3])
    with pytest.raises(ValueError, match="8-bit"):
        concatenation_ie(256, 2, 1)
    with pytest.raises(ValueError, match="not a valid"):
        concatenation_ie(1, 2, 3)


texts = st.one_of(
    st.text(alphabet=GSM_CHARS, max_size=500),
    st.text(alphabet=PT_CHARS, max_size=500),
    st.text(max_size=300).filter(lambda t: not any("\ud800" <= c <= "\udfff" for c in t)),
)


@given(text=texts, wide=st.booleans())
def test_decode_inverts_encode(text, wide):
    parts = encode_parts(text, wide_reference=wide, reference=42)
    assert decode_parts(parts) == text
    for part in parts:
        assert len(part.octets) <= 140


def test_portuguese_part_carries_national_language_ies():
    [part] = encode_parts("Olá João, até já")
    assert part.header[0] == len(part.header) - 1
    assert bytes([0x25, 1, 3]) in part.header


# -- against python-gammu --------------------------------------------------------------------

gammu = pytest.importorskip("gammu", reason="python-gammu (extra 'gammu') is not installed")


def _gammu_user_data(text, unicode, long_id="ConcatenatedTextLong"):
    messages = gammu.EncodeSMS(
        {"Class": -1, "Unicode": unicode, "Entries": [{"ID": long_id, "Buffer": text}]}
    )
    found = []
    for message in messages:
        message["SMSC"] = {"Location": 0, "Number": "+1", "Validity": "Max", "Format": "Text"}
        message["Number"] = "+1"
        found.append((message["UDH"], gammu.EncodePDU(message)))
    return found


def _tail(pdu: bytes, octets: int) -> bytes:
    return pdu[len(pdu) - octets :]


@pytest.mark.parametrize(
    "text",
    ["Hello world", "Hello [world] " * 15, "a" * 160, "x" * 400, "€uro {} ~ ^ |" * 20],
)
@pytest.mark.parametrize("wide", [False, True])
def test_gsm_user_data_matches_gammu(text, wide):
    long_id = "ConcatenatedTextLong16bit" if wide else "ConcatenatedTextLong"
    theirs = _gammu_user_data(text, unicode=False, long_id=long_id)
    udh = theirs[0][0]
    reference = udh["ID16bit"] if wide else udh["ID8bit"]
    ours = encode_parts(text, wide_reference=wide, reference=max(reference, 0))
    assert len(ours) == len(theirs)
    for part, (_, pdu) in zip(ours, theirs, strict=True):
        assert _tail(pdu, len(part.octets)) == part.octets
        assert pdu[len(pdu) - len(part.octets) - 1] == part.length  # TP-UDL


@pytest.mark.parametrize("text", ["Привет, мир!", "Привет " * 20, "😀 emoji " * 12])
def test_ucs2_user_data_matches_gammu(text):
    theirs = _gammu_user_data(text, unicode=True)
    ours = encode_parts(text, encoding="utf-16", reference=max(theirs[0][0]["ID8bit"], 0))
    assert len(ours) == len(theirs)
    for part, (_, pdu) in zip(ours, theirs, strict=True):
        assert _tail(pdu, len(part.octets)) == part.octets


def test_registered_codecs_encode_and_decode_septets():
    from nrscompose._counting.charsets.codec import register

    register()
    register()  # idempotent
    assert "Olá [x]".encode("gsm-pt") == PORTUGUESE.encode("Olá [x]")
    assert "€".encode("gsm-7") == bytes([0x1B, 0x65])
    assert bytes([0x1B, 0x65]).decode("gsm-7") == "€"
    assert "a😀b".encode("gsm-7", errors="replace") == b"a?b"
    with pytest.raises(UnicodeEncodeError) as caught:
        "a😀b".encode("gsm-7")
    assert caught.value.start == 1
