"""The campaign page of ``nrscompose demo``: the estimate of a CSV of recipients, as JSON.

The page (``static/campaign.html``) posts the CSV text, the template, the prices (coverage
JSON, the shape of the 360nrs API's ``GET /api/rest/sms/coverage``) and the send time to
``POST /api/estimate``; this module turns those fields into :func:`nrscompose.campaign.estimate`
and answers its ``Report.as_json()`` — or the problems of the template, the prices or the
send time, for the page to show. ``GET /api/campaign/example`` gives the bundled example
(300 recipients in eight countries, example prices: not a real tariff).

Kept apart from :mod:`nrscompose.forms.demo`, which only routes to it: a field the page cannot
have sent raises :class:`CampaignRequestError`, answered as a 400.
"""

from __future__ import annotations

import json
import tempfile
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any, Final

from nrscompose.campaign import estimate
from nrscompose.errors import ValidationError
from nrscompose.pricing import PriceList
from nrscompose.problems import invalid
from nrscompose.profiles import PROFILES
from nrscompose.recipient_files import open_recipients

__all__ = ["MAX_ROWS", "CampaignRequestError", "estimate_json", "example_json"]

MAX_ROWS: Final = 20_000  # rows per request: the page is a demonstration, not a batch job
UPLOAD_NAME: Final = "recipients.csv"  # what problems and the report call the posted file
_CHANNELS: Final = ("sms", "landing")
_EXAMPLE: Final = ("campaign.csv", "template.txt", "prices.json")

JsonObject = dict[str, Any]


class CampaignRequestError(ValueError):
    """A field the campaign page cannot have sent (wrong type, unknown profile)."""


def example_json() -> JsonObject:
    """The bundled example: ``{csv, template, prices, at}``."""
    folder = resources.files("nrscompose.forms") / "static" / "example"
    csv_text, template, prices = ((folder / name).read_text(encoding="utf-8") for name in _EXAMPLE)
    return {
        "csv": csv_text,
        "template": template.strip(),
        "prices": json.loads(prices),
        "at": "2026-11-29T14:00:00+01:00",
    }


def _string(fields: JsonObject, name: str, default: str = "") -> str:
    value = fields.get(name, default)
    if not isinstance(value, str):
        raise CampaignRequestError(f"{name!r} must be a string")
    return value


def _choice(fields: JsonObject, name: str, default: str, allowed: tuple[str, ...]) -> str:
    value = _string(fields, name, default)
    if value not in allowed:
        raise CampaignRequestError(f"unknown {name} {value!r}; use one of {', '.join(allowed)}")
    return value


def _problem(field: str, message: str, code: int | None = None) -> JsonObject:
    return {"field": field, "message": message, "code": code}


def _problems(error: ValidationError, field: str | None = None) -> list[JsonObject]:
    return [_problem(field or p.field, p.message, p.code) for p in error.problems]


def _check_size(text: str) -> None:
    # Rows are at most the lines: a cheap bound before any parsing. The file is read as the
    # command line reads one (universal newlines), so CR alone, LF alone and CRLF each end
    # a line: a CR-only file of 80,000 rows has no "\n" at all.
    lines = text.count("\n") + text.count("\r") - text.count("\r\n")
    if lines > MAX_ROWS + 1:
        raise CampaignRequestError(f"the CSV has {lines} lines; the page takes {MAX_ROWS} rows")


def _send_time(text: str) -> datetime | None:
    if not text.strip():
        return None
    try:
        at = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError([invalid("at", f"{text!r} is not an ISO 8601 time")]) from None
    if at.utcoffset() is None:
        raise ValidationError([invalid("at", "give the send time with its UTC offset")])
    return at


def estimate_json(fields: JsonObject) -> JsonObject:
    """The ``/api/estimate`` answer: ``{report, problems, columns}``; ``report`` is ``None``
    when the template, the prices or the send time has problems."""
    csv_text = _string(fields, "csv")
    template = _string(fields, "template")
    phone_field = _string(fields, "phone_field").strip() or None  # None: found by its name
    profile = _choice(fields, "profile", "360nrs", tuple(PROFILES))
    channel = _choice(fields, "channel", "sms", _CHANNELS)
    trans = fields.get("trans", False)
    if not isinstance(trans, bool):
        raise CampaignRequestError("'trans' must be true or false")
    raw_prices = fields.get("prices")
    if raw_prices is not None and not isinstance(raw_prices, dict | list):
        raise CampaignRequestError("'prices' must be coverage JSON (an object or a list) or null")
    _check_size(csv_text)
    answer: JsonObject = {"report": None, "problems": [], "columns": []}
    try:
        prices = None if raw_prices is None else PriceList.from_coverage(raw_prices)
    except ValidationError as error:
        answer["problems"] = _problems(error, "prices")
        return answer
    # The posted text is read as the command line reads a file (delimiter, phone column, line
    # numbers), so the page and `nrscompose estimate` give the same report for the same file.
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / UPLOAD_NAME
        path.write_text(csv_text, encoding="utf-8")
        try:
            answer["columns"] = list(open_recipients(path).header)
            at = _send_time(_string(fields, "at"))
            report = estimate(
                path,
                template,
                prices=prices,
                at=at,
                phone_field=phone_field,
                profile=profile,
                channel=channel,
                trans=trans,
                lenient=True,  # a row without a value is reported, not a reason to stop
            )
        except ValidationError as error:
            answer["problems"] = _problems(error)
            return answer
    answer["report"] = report.as_json()
    for found in answer["report"]["inputs"]:
        found["file"] = UPLOAD_NAME  # not the temporary folder's path
    return answer
