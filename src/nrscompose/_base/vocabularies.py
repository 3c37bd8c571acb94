"""The closed vocabularies of the library's arguments, each one type, and the one behaviour for
a value outside them: :class:`~nrscompose.errors.ArgumentError`.

* ``MessageChannel`` — what a message is sent as and counted for: ``"sms"``, ``"landing"``.
* ``WindowChannel`` — what a send window governs: ``"sms"``, ``"voice"`` (calls have their own
  legal hours).
* ``Category`` — why a message is sent: ``"marketing"``, ``"transactional"``,
  ``"collection"`` (the send-window rules depend on it).
* ``EncodingChoice`` — ``"auto"``, ``"cheapest"`` or an encoding (``"gsm"``, ``"gsm-pt"``,
  ``"utf-16"``).
* ``NewlineMode`` — how a form's line breaks are counted: ``"crlf"``, ``"lf"``, ``"keep"``.
* Profile names are the keys of :data:`nrscompose.profiles.PROFILES`.

A bad value in a *payload* (what a provider's ``validate`` checks) is a problem, not an
exception; these are for the arguments of the library's own functions.
"""

from __future__ import annotations

__all__ = [
    "CATEGORIES",
    "ENCODINGS",
    "ENCODING_CHOICES",
    "MESSAGE_CHANNELS",
    "NEWLINE_MODES",
    "WINDOW_CHANNELS",
    "Category",
    "Encoding",
    "EncodingChoice",
    "MessageChannel",
    "NewlineMode",
    "WindowChannel",
    "require",
]

# Annotations only: importing typing would double the package's import time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Collection
    from typing import Final, Literal, TypeVar

    _T = TypeVar("_T", bound=str)
    MessageChannel = Literal["sms", "landing"]
    WindowChannel = Literal["sms", "voice"]
    Category = Literal["marketing", "transactional", "collection"]
    Encoding = Literal["gsm", "gsm-pt", "utf-16"]
    EncodingChoice = Literal["auto", "cheapest", "gsm", "gsm-pt", "utf-16"]
    NewlineMode = Literal["crlf", "lf", "keep"]
else:
    MessageChannel = WindowChannel = Category = Encoding = EncodingChoice = NewlineMode = str

MESSAGE_CHANNELS: Final[tuple[MessageChannel, ...]] = ("sms", "landing")
WINDOW_CHANNELS: Final[tuple[WindowChannel, ...]] = ("sms", "voice")
# In the order the command line, the demo page and the README have always listed them.
CATEGORIES: Final[tuple[Category, ...]] = ("marketing", "transactional", "collection")
ENCODINGS: Final[tuple[Encoding, ...]] = ("gsm", "gsm-pt", "utf-16")
ENCODING_CHOICES: Final[tuple[EncodingChoice, ...]] = ("auto", "cheapest", *ENCODINGS)
NEWLINE_MODES: Final[tuple[NewlineMode, ...]] = ("crlf", "lf", "keep")


def require(value: object, allowed: Collection[_T], name: str) -> _T:
    """``value`` when it is one of ``allowed``; else :class:`ArgumentError` naming them."""
    if isinstance(value, str) and value in allowed:
        return value  # type: ignore[return-value]  # checked: one of the allowed strings
    from nrscompose._base.errors import ArgumentError  # on error only: keeps the import cheap

    raise ArgumentError(f"unknown {name} {value!r}; use one of: {', '.join(allowed)}")
