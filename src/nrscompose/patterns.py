"""The text shapes more than one module checks, written once."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["API_DATETIME", "CLOCK", "EMAIL", "HTTP_URL"]

# An http(s) URL with a dotted host: what the 360nrs API accepts for callbacks and what its
# shortener shortens.
HTTP_URL: Final = re.compile(r"https?://[^\s/?#@]+\.[^\s/?#@]+(?:[/?#]\S*)?", re.IGNORECASE)
EMAIL: Final = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
# The 360nrs API's dates: YYYYmmddHHiiss, 14 digits, UTC.
API_DATETIME: Final = re.compile(r"[0-9]{14}")
# A time of day HH:MM, 00:00-23:59.
CLOCK: Final = re.compile(r"(?:[01][0-9]|2[0-3]):[0-5][0-9]")
