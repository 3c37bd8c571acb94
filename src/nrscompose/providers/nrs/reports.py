"""The 360nrs CSV answers as typed rows, with the columns the API reference names.

* Events report (``GET /sendings/{id}/reports/events``): "For voice campaigns: campaignName,
  campaignId,sendingId,contactId,event,phone,email,landline,countryIso,callDurationSeconds,
  createdAt" and "For the other channels: campaignName,campaignId,sendingId,contactId,event,
  phone,email,landline,countryIso,browser,os,url,createdAt". With ``showCustomFields`` ("If set
  to 1, shows the custom fields used", the reference's annex) the custom fields follow as
  further columns, kept by name in :attr:`EventRow.custom_fields`.
* Keystroke report (``…/reports/keys``): "the following columns: phonenumber, key, message".
* Email validation result (``GET /validation/emails/{id}/result``): the reference prints
  ``email;result`` and rows such as ``valid@example.com;deliverable`` — semicolons.

The header says which column set an answer has; a header without every documented column of
its report is a :class:`~nrscompose.providers.nrs.MalformedResponseError`. Columns are found
by name, so their order may change; the reference names no quoting rules, so RFC 4180's are
read. A number or date that cannot be read is ``None`` in its row, as in the JSON answers.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Final, Literal

from nrscompose.providers._answers import api_moment, ascii_integer

__all__ = [
    "EVENT_COLUMNS",
    "KEYSTROKE_COLUMNS",
    "VALIDATION_COLUMNS",
    "EmailValidationResult",
    "EmailValidationRow",
    "EventRow",
    "EventsReport",
    "KeystrokeReport",
    "KeystrokeRow",
    "parse_report",
]

_SHARED: Final = ("campaignName", "campaignId", "sendingId", "contactId", "event", "phone",
                  "email", "landline", "countryIso")  # fmt: skip
EVENT_COLUMNS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType({
    "voice": (*_SHARED, "callDurationSeconds", "createdAt"),
    "other": (*_SHARED, "browser", "os", "url", "createdAt"),
})  # fmt: skip
KEYSTROKE_COLUMNS: Final = ("phonenumber", "key", "message")
VALIDATION_COLUMNS: Final = ("email", "result")
ReportKind = Literal["events-report", "keys-report", "validation-result"]
REPORT_KINDS: Final = ("events-report", "keys-report", "validation-result")
_NO_FIELDS: Final[Mapping[str, str]] = MappingProxyType({})


class ReportShapeError(ValueError):
    """The CSV is not the report the request asked for (turned into MalformedResponseError)."""


@dataclass(frozen=True, slots=True)
class EventRow:
    """One event of a campaign. ``call_duration_seconds`` is a voice campaign's column;
    ``browser``, ``os`` and ``url`` the other channels'; the others are in both."""

    campaign_name: str
    campaign_id: int | None
    sending_id: int | None
    contact_id: int | None
    event: str
    phone: str
    email: str
    landline: str
    country_iso: str
    created_at: datetime | None
    call_duration_seconds: int | None = None
    browser: str | None = None
    os: str | None = None
    url: str | None = None
    custom_fields: Mapping[str, str] = field(default_factory=lambda: _NO_FIELDS)


@dataclass(frozen=True, slots=True)
class EventsReport:
    """The events report: ``channel`` is ``"voice"`` or ``"other"`` (its column set)."""

    channel: Literal["voice", "other"]
    rows: tuple[EventRow, ...]
    custom_field_names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class KeystrokeRow:
    """One key pressed in a voice interactive sending."""

    phonenumber: str
    key: str
    message: str


@dataclass(frozen=True, slots=True)
class KeystrokeReport:
    rows: tuple[KeystrokeRow, ...]


@dataclass(frozen=True, slots=True)
class EmailValidationRow:
    """One address and its ``result`` (the reference shows ``deliverable``,
    ``undeliverable`` and ``risky``; another value is kept as it is)."""

    email: str
    result: str

    @property
    def deliverable(self) -> bool:
        return self.result == "deliverable"


@dataclass(frozen=True, slots=True)
class EmailValidationResult:
    rows: tuple[EmailValidationRow, ...]


Report = EventsReport | KeystrokeReport | EmailValidationResult


def parse_report(text: str, kind: ReportKind) -> Report:
    """The typed rows of a CSV answer of ``kind``; :class:`ReportShapeError` when it is not."""
    lines = text.lstrip("\ufeff").splitlines()
    if not any(line.strip() for line in lines):
        return _empty(kind)
    delimiter = ";" if kind == "validation-result" or _semicolons(lines[0]) else ","
    try:
        records = list(csv.reader(lines, delimiter=delimiter, strict=True))
    except csv.Error as error:
        raise ReportShapeError(f"not CSV: {error}") from None
    header = [name.strip() for name in records[0]]
    body = [record for record in records[1:] if any(cell.strip() for cell in record)]
    if kind == "events-report":
        return _events(header, body)
    if kind == "keys-report":
        columns = _columns(header, KEYSTROKE_COLUMNS, "keystroke report")
        return KeystrokeReport(tuple(KeystrokeRow(*_cells(r, columns)) for r in body))
    columns = _columns(header, VALIDATION_COLUMNS, "email validation result")
    return EmailValidationResult(tuple(EmailValidationRow(*_cells(r, columns)) for r in body))


def _empty(kind: ReportKind) -> Report:
    if kind == "events-report":
        return EventsReport("other", ())
    return KeystrokeReport(()) if kind == "keys-report" else EmailValidationResult(())


def _semicolons(header: str) -> bool:
    return header.count(";") > header.count(",")


def _columns(header: Sequence[str], wanted: Sequence[str], what: str) -> list[int]:
    missing = [name for name in wanted if name not in header]
    if missing:
        raise ReportShapeError(f"the {what} has no column {', '.join(missing)}")
    return [header.index(name) for name in wanted]


def _cells(record: Sequence[str], columns: Sequence[int]) -> list[str]:
    return [record[i] if i < len(record) else "" for i in columns]


def _events(header: list[str], body: list[list[str]]) -> EventsReport:
    channel: Literal["voice", "other"] = "voice" if "callDurationSeconds" in header else "other"
    names = EVENT_COLUMNS[channel]
    columns = _columns(header, names, f"events report ({channel} columns)")
    extra = [i for i, name in enumerate(header) if name not in names]
    rows = []
    for record in body:
        cell = dict(zip(names, _cells(record, columns), strict=True))
        custom = {header[i]: record[i] if i < len(record) else "" for i in extra}
        rows.append(
            EventRow(
                campaign_name=cell["campaignName"],
                campaign_id=_number(cell["campaignId"]),
                sending_id=_number(cell["sendingId"]),
                contact_id=_number(cell["contactId"]),
                event=cell["event"],
                phone=cell["phone"],
                email=cell["email"],
                landline=cell["landline"],
                country_iso=cell["countryIso"],
                created_at=_moment(cell["createdAt"]),
                call_duration_seconds=_number(cell.get("callDurationSeconds", "")),
                browser=cell.get("browser"),
                os=cell.get("os"),
                url=cell.get("url"),
                custom_fields=MappingProxyType(custom) if custom else _NO_FIELDS,
            )
        )
    return EventsReport(channel, tuple(rows), tuple(header[i] for i in extra))


def _number(text: str) -> int | None:
    return ascii_integer(text)


def _moment(text: str) -> datetime | None:
    return api_moment(text.strip())
