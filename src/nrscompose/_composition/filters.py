"""The custom-field filters of the 360nrs API, as plain functions in one registry.

The API reference ("Custom fields filters") documents seven filters for ``{name|filter}``; each is a
``str -> str`` function here, registered by name in :data:`FILTERS` (as Jinja2 keeps its
``FILTERS``), so the SMS renderer and the Jinja2 bridge apply the same code. A filter raises
``ValueError`` with a sentence about the value; the caller adds which placeholder and which
recipient.

* Case filters are Unicode-correct: ``capitalize``/``capitalizeAll`` title-case the first
  character of the text / of each whitespace-separated word and leave the rest as typed (the
  reference's examples, ``my name`` → ``My name`` / ``My Name``, say nothing of the rest; PHP's
  ``ucfirst``/``ucwords``, which the server's behaviour resembles, leave it alone too).
* Number filters group thousands with babel (imported on first use) and keep exactly the
  decimals the value has: ``1234.50`` → ``1.234,50``; only plain decimal numbers
  (``-1234.5``) are numbers, an empty value renders empty.
* ``shorten`` stands in the reference's documented shape, ``https://nrs.so/xxxxxx`` (21
  characters; the shortener endpoint's examples are ``https://nrs.so/dvRINN`` and
  ``https://nrs.so/GFA6Fm``), so estimates bill what the server sends. Pass a real shortener
  (a callable) to :func:`make_shorten` to render real links.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Final

from nrscompose._base.patterns import HTTP_URL
from nrscompose._rules.message_rules import SHORT_URL_STAND_IN

__all__ = [
    "FILTERS",
    "SHORT_URL_LENGTH",
    "SHORT_URL_STAND_IN",
    "Filter",
    "Shortener",
    "capitalize",
    "capitalize_all",
    "format_comma_dot",
    "format_dot_comma",
    "lower",
    "make_shorten",
    "shorten",
    "upper",
]

Filter = Callable[[str], str]
Shortener = Callable[[str], str]

# API reference, "Custom fields filters": {url|shorten} -> https://nrs.so/xxxxxx; the shortener
# endpoint (API reference, "URL Shortener") answers with six-character codes of the same host.
SHORT_URL_LENGTH: Final = len(SHORT_URL_STAND_IN)

_MAX_DIGITS: Final = 28  # the default decimal context: more digits cannot be grouped exactly
_WORD_START: Final = re.compile(r"(?:^|(?<=\s))(\S)")


def lower(value: str) -> str:
    """``{name|lower}``: ``MY NAME`` → ``my name``."""
    return value.lower()


def upper(value: str) -> str:
    """``{name|upper}``: ``my name`` → ``MY NAME`` (``ß`` → ``SS``, as Unicode says)."""
    return value.upper()


def capitalize(value: str) -> str:
    """``{name|capitalize}``: the first character title-cased, the rest as typed.

    Title case, not upper case, is the Unicode mapping for a capital at the start of a word
    (``ǆ`` → ``ǅ``, ``ß`` → ``Ss``).
    """
    return value[:1].title() + value[1:]


def capitalize_all(value: str) -> str:
    """``{name|capitalizeAll}``: the first character of each whitespace-separated word."""
    return _WORD_START.sub(lambda match: match.group(1).title(), value)


# The (minus sign, group, decimal) symbols of the two CLDR locales the number filters use; the
# tests hold them to babel's CLDR data, which is not a dependency (36 MB for six characters).
NUMBER_SYMBOLS: Final[dict[str, tuple[str, str, str]]] = {
    "de": ("-", ".", ","),
    "en": ("-", ",", "."),
}


def _format_number(value: str, locale: str) -> str:
    """What babel's ``format_decimal(Decimal(value), "#,##0.00…", locale)`` gives, with as many
    decimals as the value has: the pattern is fixed, so it is applied here directly (the
    tests hold it to babel) instead of being parsed again for every recipient."""
    text = value.strip()
    if not text:
        return ""
    sign = text[0] if text[0] in "+-" else ""
    integer, dot, decimals = text[len(sign) :].partition(".")
    if not (integer.isdigit() and integer.isascii()) or (
        dot and not (decimals.isdigit() and decimals.isascii())
    ):
        raise ValueError(f"{value!r} is not a number (expected digits, e.g. 1234.56)")
    digits = len(integer) + len(decimals)
    if digits > _MAX_DIGITS:
        raise ValueError(
            f"{value!r} has {digits} digits; an amount has at most {_MAX_DIGITS} "
            "(the precision of decimal arithmetic)"
        )
    minus, group, decimal = NUMBER_SYMBOLS[locale]
    integer = integer.lstrip("0") or "0"
    if len(integer) > 3:
        integer = f"{int(integer):,}".replace(",", group)
    formatted = minus + integer if sign == "-" else integer
    return formatted + decimal + decimals if dot else formatted


def format_dot_comma(value: str) -> str:
    """``{number|formatDotComma}``: ``1234.56`` → ``1.234,56`` (German grouping in CLDR)."""
    return _format_number(value, "de")


def format_comma_dot(value: str) -> str:
    """``{number|formatCommaDot}``: ``1234.56`` → ``1,234.56`` (English grouping in CLDR)."""
    return _format_number(value, "en")


def _check_url(value: str) -> str:
    url = value.strip()
    if HTTP_URL.fullmatch(url) is None:
        raise ValueError(f"{value!r} is not a valid http(s) URL, which shorten needs")
    return url


def make_shorten(shortener: Shortener | None = None) -> Filter:
    """A ``shorten`` filter that checks the URL, then calls ``shortener`` (default: stand-in)."""
    if shortener is None:
        return shorten

    def shorten_with(value: str) -> str:
        return shortener(_check_url(value))

    return shorten_with


def shorten(value: str) -> str:
    """``{url|shorten}``: the documented stand-in, ``https://nrs.so/xxxxxx``, for any URL."""
    _check_url(value)
    return SHORT_URL_STAND_IN


FILTERS: Final[Mapping[str, Filter]] = MappingProxyType(
    {
        "lower": lower,
        "upper": upper,
        "capitalize": capitalize,
        "capitalizeAll": capitalize_all,
        "formatDotComma": format_dot_comma,
        "formatCommaDot": format_comma_dot,
        "shorten": shorten,
    }
)
# Filters whose output is a number whatever their input: the length model fills their
# placeholders with digits rather than with characters of the declared alphabet.
NUMBER_FILTERS: Final = frozenset({"formatDotComma", "formatCommaDot"})


def value_text(value: object) -> str:
    """A custom-field value as the text the server substitutes (numbers without exponents)."""
    if type(value) is str:
        return value
    if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
        raise TypeError(f"a value must be str, int, float or Decimal, not {type(value).__name__}")
    if isinstance(value, float | Decimal):
        number = Decimal(repr(value)) if isinstance(value, float) else value
        if not number.is_finite():
            raise ValueError(f"{value!r} is not a finite number")
        return format(number, "f")
    return str(value)
