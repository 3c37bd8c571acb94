"""Phone numbers in international format, as every provider here wants them."""

from __future__ import annotations

from nrscompose.numbers import destination

__all__ = ["normalize_phone"]


def normalize_phone(value: str) -> str | None:
    """``value`` as the APIs write numbers (country prefix, digits only: ``34666555444``), or
    ``None`` when it is not a valid international number (:func:`nrscompose.numbers.destination`
    decides, exactly as ``phonenumbers`` would)."""
    found = destination(value)
    return found.number if found.valid else None
