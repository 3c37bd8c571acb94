"""The ``gsm-7``/``gsm-pt`` codecs honour error handlers as CPython's codecs do.

Modelled on CPython's ``Lib/test/test_codeccallbacks.py``: each standard handler, handlers
registered with ``codecs.register_error`` (``str`` and ``bytes`` replacements, negative and
out-of-range resume positions, bad return values) and the span a strict error reports.
"""

from __future__ import annotations

import codecs
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nrscompose._counting.charsets import DEFAULT
from nrscompose._counting.charsets.codec import register

register()

BAD = b"ab\x8ad\x1b\x8ae"  # the example: a bad byte, then an escape before a bad byte


def _handler(name: str, handler):  # type: ignore[no-untyped-def]
    codecs.register_error(name, handler)
    return name


# -- decoding ------------------------------------------------------------------------------


def test_decode_replace_gives_one_replacement_character_per_bad_sequence():
    assert BAD.decode("gsm-7", "replace") == "ab\ufffdd\ufffde"
    assert b"\x8a\x8b".decode("gsm-7", "replace") == "\ufffd\ufffd"  # one per byte, as charmap


def test_decode_ignore_drops_the_bad_sequences():
    assert BAD.decode("gsm-7", "ignore") == "abde"
    assert BAD.decode("gsm-pt", "ignore") == "abde"


def test_strict_decode_error_covers_the_bad_byte_only():
    with pytest.raises(UnicodeDecodeError) as caught:
        BAD.decode("gsm-7")
    assert (caught.value.encoding, caught.value.start, caught.value.end) == ("gsm-7", 2, 3)
    assert caught.value.object == BAD
    with pytest.raises(UnicodeDecodeError) as caught:
        b"abc\x1b\xff".decode("gsm-7")
    assert (caught.value.start, caught.value.end) == (3, 5)  # the escape and the byte it escapes


def test_decode_backslashreplace_and_surrogateescape():
    assert BAD.decode("gsm-7", "backslashreplace") == "ab\\x8ad\\x1b\\x8ae"
    assert b"a\xffb".decode("gsm-7", "surrogateescape") == "a\udcffb"


@pytest.mark.parametrize("handler", ["xmlcharrefreplace", "namereplace"])
def test_encode_only_handlers_refuse_to_decode_like_cpython(handler):
    with pytest.raises(TypeError) as ours:
        BAD.decode("gsm-7", handler)
    with pytest.raises(TypeError) as theirs:
        b"\xff".decode("ascii", handler)
    assert type(ours.value) is type(theirs.value)


def test_custom_decode_handler_receives_the_span_and_may_resume_anywhere():
    seen: list[tuple[int, int]] = []

    def record(error: UnicodeDecodeError) -> tuple[str, int]:
        seen.append((error.start, error.end))
        return "?!", error.end

    assert BAD.decode("gsm-7", _handler("test.nrs.record", record)) == "ab?!d?!e"
    assert seen == [(2, 3), (4, 6)]

    def skip_to_last(error: UnicodeDecodeError) -> tuple[str, int]:
        return "<", -1  # negative positions count from the end

    assert b"a\xffbcd".decode("gsm-7", _handler("test.nrs.last", skip_to_last)) == "a<d"


def test_a_decode_handler_may_replace_the_input_as_in_cpython():
    def mutate(error: UnicodeDecodeError) -> tuple[str, int]:
        error.object = b"\xffxyz"
        return "!", 1

    handler = _handler("test.nrs.mutate", mutate)
    assert b"a\xffb".decode("gsm-7", handler) == "a!xyz"
    assert b"a\xffb".decode("ascii", handler) == "a!xyz"


def test_custom_decode_handler_with_bad_results_fails_as_cpython():
    out_of_range = _handler("test.nrs.far", lambda e: ("", len(e.object) + 1))
    with pytest.raises(IndexError):
        b"\xff".decode("gsm-7", out_of_range)
    with pytest.raises(TypeError):
        b"\xff".decode("gsm-7", _handler("test.nrs.notuple", lambda e: "x"))
    with pytest.raises(TypeError):
        b"\xff".decode("gsm-7", _handler("test.nrs.bytes", lambda e: (b"?", e.end)))
    with pytest.raises(LookupError):
        b"\xff".decode("gsm-7", "no.such.handler")


# -- encoding ------------------------------------------------------------------------------


def test_encode_standard_handlers():
    text = "aΣ😀b"  # Σ is in the default alphabet, 😀 in no table
    assert text.encode("gsm-7", "replace") == DEFAULT.encode("aΣ?b")
    assert text.encode("gsm-7", "ignore") == DEFAULT.encode("aΣb")
    assert text.encode("gsm-7", "xmlcharrefreplace") == DEFAULT.encode("aΣ&#128512;b")
    assert text.encode("gsm-7", "backslashreplace") == DEFAULT.encode("aΣ\\U0001f600b")
    assert text.encode("gsm-7", "namereplace") == DEFAULT.encode("aΣ\\N{GRINNING FACE}b")


def test_strict_encode_error_spans_the_run_of_unencodable_characters():
    with pytest.raises(UnicodeEncodeError) as caught:
        "ab😀😀cd".encode("gsm-7")
    assert (caught.value.encoding, caught.value.start, caught.value.end) == ("gsm-7", 2, 4)
    # the same span CPython's charmap codecs report
    with pytest.raises(UnicodeEncodeError) as theirs:
        "ab😀😀cd".encode("cp437")
    assert (theirs.value.start, theirs.value.end) == (2, 4)


def test_custom_encode_handlers_return_text_or_bytes():
    text_handler = _handler("test.nrs.text", lambda e: ("?!", e.end))
    bytes_handler = _handler("test.nrs.octet", lambda e: (b"?", e.end))
    assert "a😀b".encode("gsm-7", text_handler) == DEFAULT.encode("a?!b")
    assert "a😀b".encode("gsm-7", bytes_handler) == b"a?b"


def test_unencodable_replacement_raises_like_charmap():
    bad_handler = _handler("test.nrs.unencodable", lambda e: ("😀", e.end))
    with pytest.raises(UnicodeEncodeError):
        "a😀b".encode("gsm-7", bad_handler)
    with pytest.raises(UnicodeEncodeError):
        "a😀b".encode("cp437", bad_handler)


def test_surrogateescape_round_trips_bytes_that_are_not_septets():
    data = b"ok\xc3\xa9"
    assert data.decode("gsm-7", "surrogateescape").encode("gsm-7", "surrogateescape") == data


# -- incremental and stream use ------------------------------------------------------------


def test_incremental_decoder_keeps_an_escape_split_between_chunks():
    decoder = codecs.getincrementaldecoder("gsm-7")()
    assert decoder.decode(b"a\x1b") == "a"
    assert decoder.decode(b"\x65", final=True) == "€"
    assert codecs.getincrementaldecoder("gsm-7")("replace").decode(b"\x1b", final=True) == " "


def test_text_wrapper_reads_and_writes():
    raw = io.BytesIO()
    with io.TextIOWrapper(raw, encoding="gsm-7", errors="replace", write_through=True) as out:
        out.write("€ 😀")
        assert raw.getvalue() == DEFAULT.encode("€ ?")
    reader = io.TextIOWrapper(io.BytesIO(BAD), encoding="gsm-7", errors="replace")
    assert reader.read() == "ab\ufffdd\ufffde"


@given(st.binary(max_size=40), st.integers(1, 8))
def test_incremental_decoding_in_chunks_equals_one_call(data, size):
    decoder = codecs.getincrementaldecoder("gsm-pt")("replace")
    chunks = [data[i : i + size] for i in range(0, len(data), size)]
    pieces = [decoder.decode(chunk) for chunk in chunks] + [decoder.decode(b"", final=True)]
    assert "".join(pieces) == data.decode("gsm-pt", "replace")
