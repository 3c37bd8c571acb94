"""The 360nrs error codes as data: one catalogue for client-side validation and for responses.

Source: the 360nrs API reference, section "Errors", table "Error Code / HTTP Code /
Description", copied verbatim — including the API's own spelling ("Ivalid voice interactive
menu option type") so that a description compares equal to what the server sends.
``tests/test_nrs_catalogue.py`` checks every row against the table as extracted from the
reference into the test data.

A validator that finds a problem the API has no specific code for uses :data:`INPUT_INVALID`
(422, "Input validation error"), which the newer endpoints answer with (API reference, "Create a new
contact", "OTP").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

__all__ = ["CATALOGUE", "INPUT_INVALID", "ErrorEntry", "lookup"]


@dataclass(frozen=True, slots=True)
class ErrorEntry:
    """One row of the API's error table: ``code``, the HTTP ``status`` it comes with, and the
    API's ``description``."""

    code: int
    status: int
    description: str

    def __post_init__(self) -> None:
        if not 100 <= self.status <= 599 or self.code < 0:
            raise ValueError(f"invalid catalogue entry {self.code}/{self.status}")


_ROWS: Final[tuple[tuple[int, int, str], ...]] = (
    (0, 202, "Accepted for delivery"),
    (101, 500, "Internal Database error"),
    (102, 400, "No valid recipients"),
    (103, 401, "Username or password unknown"),
    (104, 400, "Text message missing"),
    (105, 400, "Text message too long"),
    (106, 400, "Sender missing"),
    (107, 400, "Sender too long"),
    (108, 400, "No valid Datetime for send"),
    (109, 400, "Notification URL incorrect"),
    (110, 400, "Exceeded maximum parts allowed or incorrect number of parts"),
    (111, 402, "Not enough credits"),
    (112, 401, "IP address not allowed"),
    (113, 400, "Invalid coding"),
    (114, 400, "Invalid subject"),
    (115, 400, "Sender is not verified"),
    (116, 400, "Invalid replyTo"),
    (117, 400, "ReplyTo is not verified"),
    (118, 401, "Email blocked for exceeding the hard-bounced limit allowed"),
    (119, 400, "Invalid expiration date"),
    (120, 400, "Invalid GUID"),
    (121, 400, "Invalid scheduled date"),
    (122, 500, "Update error"),
    (123, 500, "Delete error"),
    (125, 400, "Invalid JSON"),
    (126, 400, "Empty campaign name"),
    (130, 400, "Invalid voice language"),
    (131, 400, "Invalid voice gender"),
    (132, 400, "Invalid voice caller"),
    (133, 400, "Invalid audio URL"),
    (134, 400, "Unsupported audio format"),
    (140, 400, "Template missing"),
    (141, 400, "Missing landing placeholder"),
    (142, 400, "Can't split variable placeholders"),
    (150, 400, "Missing billing profile"),
    (151, 400, "Error retrieving TPV url"),
    (152, 400, "Invalid VAT"),
    (153, 400, "Invalid method"),
    (154, 400, "Invalid conversion rate"),
    (155, 400, "Max limit reached"),
    (156, 400, "Min limit reached"),
    (157, 400, "Error generating invoice"),
    (160, 400, "Invalid voice interactive language"),
    (161, 400, "Invalid voice interactive gender"),
    (162, 400, "Invalid voice interactive caller"),
    (163, 400, "Invalid voice interactive audio URL"),
    (164, 400, "Unsupported voice interactive audio format"),
    (165, 400, "Invalid voice interactive speech type"),
    (166, 400, "Ivalid voice interactive menu option type"),
    (167, 400, "Trying to save an existing campaign"),
    (168, 400, "Empty speech type"),
    (169, 400, "Empty menu"),
    (170, 400, "Empty phone key"),
    (171, 400, "Phone Key is not a number"),
    (172, 400, "Phone key out of range"),
    (173, 400, "Empty menu options for sub menu"),
    (174, 400, "Empty phone prefix for call transfer"),
    (175, 400, "Empty phone for call transfer"),
    (176, 400, "Call retries value is not an integer"),
    (177, 400, "Call retries value out of range"),
    (178, 400, "Cost limit value is not an integer"),
    (179, 400, "Speech retries value is not an integer"),
    (180, 400, "Speech retries value out of range"),
    (181, 400, "Speech timeout seconds value is not an integer"),
    (182, 400, "Speech timeout seconds value out of range"),
    (183, 400, "Available times value is not an array"),
    (184, 400, "Available times day is not an integer"),
    (185, 400, "Available times day out of range"),
    (186, 400, "Available times from hour format error"),
    (187, 400, "Available times to hour format error"),
    (188, 400, "Available times from hour is greater than to hour"),
    (189, 400, "Missing available time object property"),
    (190, 400, "Call Retries is specified but its value is empty"),
    (191, 400, "Cost limit is specified but its value is empty"),
    (192, 400, "Speech Retries is specified but its value is empty"),
    (193, 400, "Speech timeout seconds is specified but its value is empty"),
    (194, 400, "Available times is specified but its value is empty"),
    (195, 400, "No valid contacts external IDs"),
    (196, 400, "Available times range is too short"),
    (422, 422, "Input validation error"),
)

CATALOGUE: Final[Mapping[int, ErrorEntry]] = MappingProxyType(
    {code: ErrorEntry(code, status, description) for code, status, description in _ROWS}
)
INPUT_INVALID: Final = 422


def lookup(code: int | None) -> ErrorEntry | None:
    """The catalogue entry for ``code``, or ``None`` for a code the table does not list."""
    return CATALOGUE.get(code) if code is not None else None
