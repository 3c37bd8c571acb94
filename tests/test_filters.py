"""The custom-field filters of seed 001 ("Custom fields filters")."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nrscompose._composition.filters import (
    FILTERS,
    SHORT_URL_LENGTH,
    SHORT_URL_STAND_IN,
    make_shorten,
    value_text,
)


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        # The seed's own examples.
        ("lower", "MY NAME", "my name"),
        ("upper", "my name", "MY NAME"),
        ("capitalize", "my name", "My name"),
        ("capitalizeAll", "my name", "My Name"),
        ("formatDotComma", "1234.56", "1.234,56"),
        ("formatCommaDot", "1234.56", "1,234.56"),
        ("shorten", "https://example.com/test1", "https://nrs.so/xxxxxx"),
    ],
)
def test_seed_examples(name: str, value: str, expected: str) -> None:
    assert FILTERS[name](value) == expected


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("capitalize", "élise", "Élise"),
        ("capitalizeAll", "élise ñoño  óscar", "Élise Ñoño  Óscar"),
        ("capitalize", "ǆemal", "ǅemal"),  # title case, not upper case
        ("capitalize", "mY nAME", "MY nAME"),  # the rest stays as typed
        ("capitalizeAll", "jean-luc o'neil", "Jean-luc O'neil"),  # words split at spaces
        ("upper", "straße", "STRASSE"),
        ("lower", "ÉLISE", "élise"),
        ("capitalize", "", ""),
        ("capitalizeAll", "\tana\nluis", "\tAna\nLuis"),
    ],
)
def test_case_filters_are_unicode_correct(name: str, value: str, expected: str) -> None:
    assert FILTERS[name](value) == expected


@pytest.mark.parametrize(
    ("value", "dot_comma", "comma_dot"),
    [
        ("1234", "1.234", "1,234"),
        ("1234.50", "1.234,50", "1,234.50"),  # the decimals the value has, trailing zero kept
        ("-1234567.125", "-1.234.567,125", "-1,234,567.125"),
        ("0.5", "0,5", "0.5"),
        ("999", "999", "999"),
        (" 12 ", "12", "12"),
        ("", "", ""),
    ],
)
def test_number_formats(value: str, dot_comma: str, comma_dot: str) -> None:
    assert FILTERS["formatDotComma"](value) == dot_comma
    assert FILTERS["formatCommaDot"](value) == comma_dot


@pytest.mark.parametrize("value", ["abc", "1,234.5", "1e3", "12.", "--1", "1.2.3"])
def test_not_a_number_is_an_error(value: str) -> None:
    with pytest.raises(ValueError, match="not a number"):
        FILTERS["formatDotComma"](value)


def test_shorten_default_is_the_documented_shape() -> None:
    assert SHORT_URL_STAND_IN.startswith("https://nrs.so/")
    assert len("https://nrs.so/GFA6Fm") == SHORT_URL_LENGTH  # seed 001 shortener example


@pytest.mark.parametrize("value", ["invalidUrl", "ftp://example.com", "https://", "example.com"])
def test_shorten_needs_a_valid_url(value: str) -> None:
    with pytest.raises(ValueError, match="valid http"):
        FILTERS["shorten"](value)


def test_shorten_is_pluggable() -> None:
    calls: list[str] = []

    def shortener(url: str) -> str:
        calls.append(url)
        return "https://nrs.so/dvRINN"

    shorten = make_shorten(shortener)
    assert shorten(" https://example.com/a?b=1 ") == "https://nrs.so/dvRINN"
    assert calls == ["https://example.com/a?b=1"]
    with pytest.raises(ValueError, match="valid http"):
        shorten("invalidUrl")
    assert calls == ["https://example.com/a?b=1"]


def test_value_text() -> None:
    from decimal import Decimal

    assert value_text("x") == "x"
    assert value_text(12) == "12"
    assert value_text(1234.5) == "1234.5"
    assert value_text(1e20) == "100000000000000000000"
    assert value_text(Decimal("1.50")) == "1.50"
    with pytest.raises(TypeError):
        value_text(True)
    with pytest.raises(TypeError):
        value_text([1])
    with pytest.raises(ValueError, match="finite"):
        value_text(float("nan"))


@given(
    sign=st.sampled_from(["", "-", "+"]),
    integer=st.text("0123456789", min_size=1, max_size=20),  # babel quantizes in 28 digits
    fraction=st.one_of(st.just(""), st.text("0123456789", min_size=1, max_size=8)),
)
def test_number_filters_format_exactly_as_babel(sign, integer, fraction):
    from decimal import Decimal

    from babel.numbers import format_decimal

    value = sign + integer + ("." + fraction if fraction else "")
    pattern = "#,##0" + ("." + "0" * len(fraction) if fraction else "")
    for name, locale in (("formatDotComma", "de"), ("formatCommaDot", "en")):
        expected = format_decimal(Decimal(value), format=pattern, locale=locale)
        assert FILTERS[name](value) == expected


@pytest.mark.parametrize("locale", ["de", "en"])
def test_the_number_symbols_are_cldrs(locale: str) -> None:
    numbers = pytest.importorskip("babel.numbers")
    from nrscompose._composition.filters import NUMBER_SYMBOLS

    cldr = (
        numbers.get_minus_sign_symbol(locale),
        numbers.get_group_symbol(locale),
        numbers.get_decimal_symbol(locale),
    )
    assert cldr == NUMBER_SYMBOLS[locale]
