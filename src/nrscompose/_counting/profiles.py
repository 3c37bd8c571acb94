"""How a provider or the standard turns units into billed parts: profiles as data.

A profile is a row of numbers. Most are derived from the SMS user data of TS 23.040: 140
octets per message, minus the user data header (UDH) when there is one — a UDH length octet,
the concatenation information element (5 octets with an 8-bit reference, 6 with a 16-bit one)
and a 3-octet information element for each national language table in use. A septet message
holds ``floor((140 - udh) * 8 / 7)`` septets, a UCS-2 message ``floor((140 - udh) / 2)`` units.

* ``360nrs`` bills 160/153 septets and 70/67 units (8-bit reference), ``gsm-pt`` like ``gsm``
  (the national-language IEs are not billed), at most 15 parts (8 for Landing SMS).
* ``3gpp`` and ``3gpp-16bit`` are what a handset receives, national-language IEs included;
  with Portuguese tables they pick the table pair a handset picks (Android's GsmAlphabet):
  fewest parts, then most septets left in the last part.
* ``flat160`` is the bulk-SMS API's billing: "split into 160 character chunks, each chunk costing
  1 credit" — characters, not septets, and no header.

Add a provider by adding a :class:`Profile` to :data:`PROFILES`.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from nrscompose._base.vocabularies import ENCODINGS, MESSAGE_CHANNELS, require

__all__ = ["ENCODINGS", "PROFILES", "Channel", "Encoding", "Limits", "Profile", "get_profile"]

# Annotations only: importing typing would double the package's import time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

    from nrscompose._base.vocabularies import Encoding
    from nrscompose._base.vocabularies import MessageChannel as Channel
else:
    Encoding = Channel = str

USER_DATA_OCTETS: Final = 140
NATIONAL_LANGUAGE_IE_OCTETS: Final = 3  # IEI 0x24/0x25, length 1, language id (TS 23.040)


class Limits:
    """Units that fit in a message sent alone (``single``) and in each part of a long one."""

    # Plain slots classes here and below, not dataclasses: importing dataclasses costs more
    # than the rest of ``import nrscompose``.
    __slots__ = ("concatenated", "single")

    def __init__(self, single: int, concatenated: int) -> None:
        if not 0 < concatenated <= single:
            from nrscompose._base.errors import (
                ArgumentError,
            )  # on error only: keeps the import cheap

            raise ArgumentError(f"invalid limits {single}/{concatenated}")
        self.single = single
        self.concatenated = concatenated

    def __repr__(self) -> str:
        return f"Limits(single={self.single}, concatenated={self.concatenated})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Limits):
            return NotImplemented
        return (self.single, self.concatenated) == (other.single, other.concatenated)

    def __hash__(self) -> int:
        return hash((self.single, self.concatenated))


def _udh_limits(septets: bool, ie_octets: int, concat_ie_octets: int) -> Limits:
    def capacity(udh_octets: int) -> int:
        free = USER_DATA_OCTETS - (udh_octets + 1 if udh_octets else 0)
        return free * 8 // 7 if septets else free // 2

    return Limits(capacity(ie_octets), capacity(ie_octets + concat_ie_octets))


class Profile:
    """Counting rules of one provider (or of the standard).

    ``concat_ie_octets``: size of the concatenation IE (5 = 8-bit reference, 6 = 16-bit).
    ``bills_national_ies``: whether national-language IEs take room from the text.
    ``cheapest_tables``: with Portuguese text, try every locking/single-shift combination and
    keep the cheapest (3GPP); otherwise ``gsm-pt`` always means both Portuguese tables.
    ``flat_limit``: when set, every encoding is counted in code points, this many per part,
    with no header (a provider that bills per character chunk).
    ``max_parts``: the most parts a channel accepts; more is reported as ``exceeds_cap``.
    """

    __slots__ = (
        "_limits",
        "bills_national_ies",
        "cheapest_tables",
        "concat_ie_octets",
        "flat_limit",
        "max_parts",
        "name",
        "source",
    )

    def __init__(
        self,
        name: str,
        source: str,
        concat_ie_octets: int = 5,
        bills_national_ies: bool = False,
        cheapest_tables: bool = False,
        flat_limit: int | None = None,
        max_parts: Mapping[str, int] | None = None,
    ) -> None:
        if max_parts is None:
            max_parts = MappingProxyType({"sms": 15, "landing": 8})
        if "sms" not in max_parts:
            from nrscompose._base.errors import (
                ArgumentError,
            )  # on error only: keeps the import cheap

            raise ArgumentError("max_parts needs an 'sms' entry")
        self.name = name
        self.source = source
        self.concat_ie_octets = concat_ie_octets
        self.bills_national_ies = bills_national_ies
        self.cheapest_tables = cheapest_tables
        self.flat_limit = flat_limit
        self.max_parts = max_parts
        self._limits = {
            (encoding, national_tables): self._derive(encoding, national_tables)
            for encoding in ENCODINGS
            for national_tables in (0, 1, 2)
        }

    def _fields(self) -> tuple[object, ...]:
        return (
            self.name,
            self.source,
            self.concat_ie_octets,
            self.bills_national_ies,
            self.cheapest_tables,
            self.flat_limit,
            dict(self.max_parts),
        )

    def __repr__(self) -> str:
        return (
            f"Profile(name={self.name!r}, source={self.source!r}, "
            f"concat_ie_octets={self.concat_ie_octets}, "
            f"bills_national_ies={self.bills_national_ies}, "
            f"cheapest_tables={self.cheapest_tables}, flat_limit={self.flat_limit}, "
            f"max_parts={dict(self.max_parts)})"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Profile):
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields()[:6])

    def _derive(self, encoding: Encoding, national_tables: int) -> Limits:
        if self.flat_limit is not None:
            return Limits(self.flat_limit, self.flat_limit)
        ie_octets = NATIONAL_LANGUAGE_IE_OCTETS * national_tables if self.bills_national_ies else 0
        return _udh_limits(encoding != "utf-16", ie_octets, self.concat_ie_octets)

    def limits(self, encoding: Encoding, national_tables: int = 0) -> Limits:
        """Limits for ``encoding`` when ``national_tables`` (0, 1 or 2) IEs are needed."""
        return self._limits[encoding, national_tables]

    def cap(self, channel: str) -> int:
        return self.max_parts.get(
            require(channel, MESSAGE_CHANNELS, "channel"), self.max_parts["sms"]
        )


PROFILES: Final[Mapping[str, Profile]] = MappingProxyType(
    {
        "360nrs": Profile(
            "360nrs",
            source="360nrs API reference: 160/153 GSM, 70/67 UTF-16, parts 1-15, Landing SMS 1-8",
        ),
        "3gpp": Profile(
            "3gpp",
            source="3GPP TS 23.040 9.2.3.24 (UDH), TS 23.038 6.2.1.2.4; 8-bit reference",
            bills_national_ies=True,
            cheapest_tables=True,
        ),
        "3gpp-16bit": Profile(
            "3gpp-16bit",
            source="3GPP TS 23.040 9.2.3.24.8 (16-bit concatenation reference)",
            concat_ie_octets=6,
            bills_national_ies=True,
            cheapest_tables=True,
        ),
        "flat160": Profile(
            "flat160",
            source="bulk SMS provider's API reference: 'split into 160 character chunks with "
            "each chunk costing 1 credit'",
            flat_limit=160,
            max_parts=MappingProxyType({"sms": 1_000_000}),
        ),
    }
)


def get_profile(profile: str | Profile) -> Profile:
    """The profile named ``profile`` (or ``profile`` itself); a clear error for unknown names."""
    if isinstance(profile, Profile):
        return profile
    try:
        return PROFILES[profile]
    except (KeyError, TypeError):
        from nrscompose._base.errors import ArgumentError  # on error only: keeps the import cheap

        known = ", ".join(PROFILES)
        raise ArgumentError(f"unknown profile {profile!r}; use one of: {known}") from None
