r"""The text shapes more than one module checks, written once.

Each pattern is applied to outside data (a template value, a request field, a spreadsheet
cell) with ``fullmatch``, so each runs in time linear in its input: no two quantifiers can
share a character, and a run that cannot give a character back is possessive (``++``), so a
failing match never retries the split of a run (``'http://' + 'a.' * 16000 + '@'`` took 9.5 s
with the earlier ``[^\s/?#@]+\.[^\s/?#@]+`` host). ``tests/test_patterns.py`` times each on
100 KB of its worst input against 1 KB.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["API_DATETIME", "CLOCK", "EMAIL", "HTTP_URL"]

# An http(s) URL with a dotted host: what the 360nrs API accepts for callbacks and what its
# shortener shortens. The host is one character, then up to its first dot, then the rest: the
# same host a dot not at either end, written so each character has one place to go.
HTTP_URL: Final = re.compile(
    r"https?://[^\s/?#@][^\s/?#@.]*+\.[^\s/?#@]++(?:[/?#]\S*+)?", re.IGNORECASE
)
# An address with a dotted domain, in the same linear form.
EMAIL: Final = re.compile(r"[^@\s]++@[^@\s][^@\s.]*+\.[^@\s]++")
# The 360nrs API's dates: YYYYmmddHHiiss, 14 digits, UTC.
API_DATETIME: Final = re.compile(r"[0-9]{14}")
# A time of day HH:MM, 00:00-23:59.
CLOCK: Final = re.compile(r"(?:[01][0-9]|2[0-3]):[0-5][0-9]")
