"""Where a number rings: country, subdivision and candidate time zones, from ``phonenumbers``.

``phonenumbers`` is imported lazily (its metadata is large). The subdivision is read from its
geocoder only for countries where some rule is local (US states, Brazilian states): a US
number's area code is what state laws presume (Fla. Stat. 501.059(8)(d)), and the geocoder
names the area code's state ("Idaho", "Tallahassee, FL"); the ``holidays`` package maps state
names to codes, so no area-code table is typed here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from nrscompose._base.errors import ValidationError
from nrscompose._base.extras import require
from nrscompose._rules.destinations import destination

if TYPE_CHECKING:
    from phonenumbers import PhoneNumber

__all__ = ["Recipient", "digits_of", "place_keys", "resolve"]

# National digits that settle region and subdivision in phonenumbers' metadata: NANP area code
# plus one (+1 is shared by 25 regions), Brazilian DDD, +44 crown dependencies ("7781" GG).
_PLACE_NATIONAL_DIGITS: Final = 4
_UNKNOWN_ZONE: Final = "Etc/Unknown"  # what phonenumbers answers when it cannot tell


@dataclass(frozen=True, slots=True)
class Recipient:
    """``country`` ISO alpha-2, ``subdivision`` (None when unknown or not needed) and the time
    zones the number may ring in (empty when phonenumbers cannot tell)."""

    country: str
    subdivision: str | None
    zones: tuple[str, ...]


def digits_of(to: str) -> str:
    """The E.164 digits of ``to``, read by the one phone parser
    (:func:`nrscompose.destinations.destination`: ``+``/``00`` and separators allowed)."""
    found = destination(to) if isinstance(to, str) else None
    if found is None or not found.number:
        raise ValidationError.single("recipient.invalid", "to", None, {"value": repr(to)})
    return found.number


def resolve(digits: str, local_countries: frozenset[str]) -> Recipient:
    """Country, zones and — for ``local_countries`` only, as geocoding is slow — subdivision."""
    phonenumbers = require("phonenumbers")
    from phonenumbers import timezone

    try:
        number = phonenumbers.parse("+" + digits)
    except phonenumbers.NumberParseException:
        raise ValidationError.single(
            "recipient.invalid", "to", None, {"value": repr("+" + digits)}
        ) from None
    country = phonenumbers.region_code_for_number(number)
    if not country or not phonenumbers.is_valid_number(number):
        raise ValidationError.single("recipient.invalid", "to", None, {"value": repr("+" + digits)})
    zones = tuple(sorted(z for z in timezone.time_zones_for_number(number) if z != _UNKNOWN_ZONE))
    subdivision = _subdivision(number, country) if country in local_countries else None
    return Recipient(country, subdivision, zones)


def _subdivision(number: PhoneNumber, country: str) -> str | None:
    from phonenumbers import geocoder

    place = geocoder.description_for_number(number, "en")
    names = _subdivision_names(country)
    if place in names:
        return names[place]
    # "Tallahassee, FL" (US) or "Fortaleza - CE": a city followed by its subdivision code.
    code = re.split(r", | - ", place)[-1]
    return code if code in names.values() else None


@lru_cache(maxsize=64)
def _subdivision_names(country: str) -> dict[str, str]:
    """Subdivision name → code, from the ``holidays`` package's aliases (plus codes)."""
    holidays = require("holidays")

    try:
        calendar_class = type(holidays.country_holidays(country))
    except NotImplementedError:
        return {}
    names: dict[str, str] = dict(getattr(calendar_class, "subdivisions_aliases", {}))
    names.update({code: code for code in getattr(calendar_class, "subdivisions", ())})
    return names


def place_keys() -> Callable[[str], tuple[str, int]]:
    """A function giving the part of a number that decides where it rings.

    The key is the country code with the first four national digits, or the longer prefix
    ``phonenumbers`` keys the number's time zones by, and the number's length. Numbers with
    one key share country, subdivision and zones, so a batch resolves each key once.
    """
    require("phonenumbers")
    from phonenumbers import COUNTRY_CODE_TO_REGION_CODE
    from phonenumbers.tzdata import TIMEZONE_DATA, TIMEZONE_LONGEST_PREFIX

    codes = frozenset(str(code) for code in COUNTRY_CODE_TO_REGION_CODE)

    def place_key(digits: str) -> tuple[str, int]:
        # Runs once per recipient of a campaign: string lookups only, no int() or generator.
        if digits[:1] in codes:
            length = 1 + _PLACE_NATIONAL_DIGITS
        elif digits[:2] in codes:
            length = 2 + _PLACE_NATIONAL_DIGITS
        else:
            length = 3 + _PLACE_NATIONAL_DIGITS
        for n in range(min(len(digits), TIMEZONE_LONGEST_PREFIX), length, -1):
            if digits[:n] in TIMEZONE_DATA:
                length = n
                break
        return digits[:length], len(digits)

    return place_key
