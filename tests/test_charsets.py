"""The tables against TS 23.038 (through the independent gsmcodecs package) and the seed annex."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nrscompose._counting import charsets
from nrscompose._counting.charsets import tables

gsmcodecs = pytest.importorskip("gsmcodecs.charmaps")

TABLES = [
    (tables.DEFAULT_ALPHABET, 0, "locking"),
    (tables.DEFAULT_EXTENSION, 0, "singleShift"),
    (tables.PORTUGUESE_LOCKING, 3, "locking"),
    (tables.PORTUGUESE_SINGLE_SHIFT, 3, "singleShift"),
]


@pytest.mark.parametrize(("table", "language", "kind"), TABLES)
def test_every_position_matches_gsmcodecs(table, language, kind):
    reference = gsmcodecs.GSMCHARMAPS[language][kind]["decode"]
    for position in range(128):
        if position == tables.ESCAPE:
            assert position not in table
            continue
        expected = reference.get(position)
        actual = table.get(position)
        assert (ord(actual) if actual else None) == expected, hex(position)


def test_gsm_0x09_is_capital_c_cedilla_as_the_standard_says():
    assert tables.DEFAULT_ALPHABET[0x09] == "Ç"
    assert tables.PORTUGUESE_LOCKING[0x09] == "ç"
    assert tables.PORTUGUESE_LOCKING[0x13] == "Ç"


def test_characters_lost_by_the_seed_extraction_are_present():
    assert tables.DEFAULT_EXTENSION[0x65] == "€"
    assert tables.PORTUGUESE_LOCKING[0x15] == "∞"
    assert tables.PORTUGUESE_LOCKING[0x18] == "€"
    assert tables.PORTUGUESE_SINGLE_SHIFT[0x65] == "€"


_NAMED_CELLS = {"SP": " ", "LF": "\n", "CR": "\r", "FF": "\x0c"}


def _annex_rows(seed: str, heading: str) -> dict[int, list[str]]:
    start = seed.index(heading, seed.index("Annexes"))
    lines = seed[start:].splitlines()[3:19]
    rows = {}
    for line in lines:
        cells = line.split()
        rows[int(cells[0], 16)] = [_NAMED_CELLS.get(cell, cell) for cell in cells[1:]]
    return rows


@pytest.mark.parametrize(
    ("heading", "table"),
    [
        ("GSM basic character set", tables.DEFAULT_ALPHABET),
        ("GSM-PT basic character set", tables.PORTUGUESE_LOCKING),
    ],
)
def test_legible_cells_of_the_seed_annex_match(seed_001, heading, table):
    checked = 0
    for low, cells in _annex_rows(seed_001, heading).items():
        if len(cells) != 8:  # a cell lost in extraction: the row's columns are ambiguous
            continue
        for high, cell in enumerate(cells):
            position = high * 16 + low
            if cell == "ESC":
                assert position == tables.ESCAPE
            else:
                assert table[position] == cell, hex(position)
            checked += 1
    assert checked >= 100


@pytest.mark.parametrize(
    ("heading", "table"),
    [
        ("GSM extended character set", tables.DEFAULT_EXTENSION),
        ("GSM-PT extended character set", tables.PORTUGUESE_SINGLE_SHIFT),
    ],
)
def test_seed_extension_annex_lists_the_same_characters(seed_001, heading, table):
    rows = _annex_rows(seed_001, heading)
    legible = {cell for cells in rows.values() for cell in cells} - {"SS2", "CR2"}
    # The annex lost the euro sign (DESIGN 1.1); everything it shows is in the table.
    assert legible == set(table.values()) - {"€"}


def test_seed_trans_table_matches_ours(seed_001):
    from nrscompose._counting.transliterate import TRANS_TABLE

    listing = seed_001[seed_001.index("translation table:") :].split(".\n", 1)[0]
    pairs = re.findall(r"'(.)'\s*=>\s*'(.?)'", listing)
    seed = {source: target for source, target in pairs if source != " "}
    assert seed == {k: v for k, v in TRANS_TABLE.items() if k != "Â"}
    assert ("Â", "A") in TRANS_TABLE.items()  # the pair the extraction printed as ' '=>'A'


ALL = [
    charsets.DEFAULT,
    charsets.PORTUGUESE,
    charsets.DEFAULT_LOCKING_PORTUGUESE_SHIFT,
    charsets.PORTUGUESE_LOCKING_DEFAULT_SHIFT,
]


@pytest.mark.parametrize("charset", ALL, ids=lambda c: f"{c.locking_language}-{c.shift_language}")
@given(data=st.data())
def test_septets_round_trip(charset, data):
    alphabet = sorted(charset.septets_of)
    text = data.draw(st.text(alphabet=alphabet, max_size=300))
    septets = charset.encode(text)
    assert all(septet < 0x80 for septet in septets)
    assert charset.decode(septets) == text
    assert charset.count(text) == len(septets)


def test_locking_character_is_preferred_over_its_shifted_twin():
    assert charsets.PORTUGUESE.encode("ê") == bytes([0x04])
    assert charsets.DEFAULT_LOCKING_PORTUGUESE_SHIFT.encode("ê") == bytes([0x1B, 0x05])


def test_undefined_escape_shows_the_locking_character():
    assert charsets.DEFAULT.decode(bytes([0x1B, 0x41])) == "A"
    assert charsets.DEFAULT.decode(bytes([0x1B, 0x1B])) == " "


def test_count_is_none_outside_the_tables():
    assert charsets.DEFAULT.count("a😀") is None
    assert charsets.DEFAULT.count("[]") == 4


@pytest.mark.parametrize("charset", ALL, ids=lambda c: f"{c.locking_language}-{c.shift_language}")
@given(text=st.text(alphabet=st.characters(max_codepoint=127), max_size=300))
def test_ascii_fast_count_agrees_with_the_tables(charset, text):
    expected = None
    if all(charset.represents(char) for char in text):
        expected = sum(len(charset.septets_of[char]) for char in text)
    assert charset.count(text) == expected
