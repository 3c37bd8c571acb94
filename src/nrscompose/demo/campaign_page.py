"""The campaign page of ``nrscompose demo``: the estimate of a recipients file, as JSON.

The page (``static/campaign.html``) posts the file's bytes (base64, with the file's name), the
template, the prices (coverage JSON, the shape of the 360nrs API's
``GET /api/rest/sms/coverage``), the send time and the reading options to
``POST /api/estimate``. The bytes are saved to a temporary file and read by the reader of
``nrscompose estimate`` (:mod:`nrscompose.campaign.recipient_files`: the same encoding and delimiter
handling, the same header checks, the same messages) and estimated by
:func:`nrscompose.campaign.estimate` with the command line's defaults, so the page and the
command give the same report for the same file. The answer is ``Report.as_json()`` — or the
problems of the file, the template, the prices or the send time, worded for the page (its
fields, not the command's options; the upload's name, never the temporary path).
``GET /api/campaign/example`` gives the bundled example (300 recipients in eight countries,
example prices: not a real tariff).

Kept apart from :mod:`nrscompose.demo.server`, which only routes to it: a field the page cannot
have sent raises :class:`CampaignRequestError`, answered as a 400.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import tempfile
from datetime import datetime, timedelta, timezone
from importlib import resources
from pathlib import Path
from typing import Any, Final

from nrscompose._base.errors import Problem, ValidationError
from nrscompose._counting.profiles import PROFILES
from nrscompose._rules.pricing import PriceList
from nrscompose.campaign import Report, estimate
from nrscompose.campaign.recipient_files import open_recipients

__all__ = [
    "ENCODINGS",
    "MAX_FILE_BYTES",
    "ROWS_AT_LIMIT",
    "CampaignRequestError",
    "costly_clusters",
    "estimate_json",
    "example_json",
    "shown_cluster",
]

# The demo server takes request bodies of 256 KB (262,144 bytes); the file goes as base64
# (4 bytes for 3), so 150,000 bytes of file are 200,000 of the body, and the template, the
# prices and the options have the other 62,144. One limit, stated on the page.
MAX_FILE_BYTES: Final = 150_000
ROWS_AT_LIMIT: Final = 4_000  # about: rows of a CSV like the bundled example (38 bytes a row)
UPLOAD_NAME: Final = "recipients.csv"  # the name when the client gives none
# The page's Encoding choices ("" is auto: what the command line does without --encoding; a
# byte-order mark is honoured, so UTF-16 needs a choice only without one).
ENCODINGS: Final = (
    "utf-8", "cp1252", "mac_roman", "iso-8859-15", "latin-1", "cp850", "utf-16-le", "utf-16-be",
)  # fmt: skip
_WORKBOOKS: Final = (".xlsx", ".xlsm", ".xls", ".ods")
_SUFFIXES: Final = (".csv", ".tsv", ".txt", *_WORKBOOKS)
_CHANNELS: Final = ("sms", "landing")
_EXAMPLE: Final = ("campaign.csv", "template.txt", "prices.json")
# The page's label of each problem field, and the page field of each command-line option
# that a message of the reader may advise.
_FIELD_LABELS: Final = {
    "file": "Recipients", "phone_field": "Phone column", "sheet": "Sheet",
    "encoding": "Encoding", "message": "Template", "template": "Template",
    "at": "Send time", "prices": "Prices", "profile": "Profile", "channel": "Channel",
}  # fmt: skip
_PAGE_OPTIONS: Final = {
    "--phone-field": "Phone column", "--encoding": "Encoding", "--sheet": "Sheet",
    "--at": "Send time", "--prices": "Prices", "--template": "Template",
    "--profile": "Profile", "--channel": "Channel", "--lenient": "Missing values empty",
}  # fmt: skip
# An option in a message: "--encoding cp1252 (encoding='cp1252' in Python)", "--phone-field
# NAME (phone_field= in Python)", "leave out --encoding". A value is a placeholder in capitals,
# a quoted name, or a token with a digit, "_" or "-" (an encoding): never a plain word.
_OPTION: Final = re.compile(
    r"(?P<leave>leave out )?(?P<flag>--[a-z][a-z-]*)"
    r"(?: (?P<value>[A-Z][A-Z_]+\b|'[^']*'|[a-z0-9_.]*[0-9_-][a-z0-9_.-]*))?"
    r"(?: \([^()]* in Python\))?"
)

JsonObject = dict[str, Any]


class CampaignRequestError(ValueError):
    """A field the campaign page cannot have sent (wrong type, unknown profile)."""


def example_json() -> JsonObject:
    """The bundled example: ``{csv, template, prices, at}``."""
    folder = resources.files("nrscompose.demo") / "static" / "example"
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


def _flag(fields: JsonObject, name: str) -> bool:
    value = fields.get(name, False)
    if not isinstance(value, bool):
        raise CampaignRequestError(f"{name!r} must be true or false")
    return value


def _encoding(fields: JsonObject) -> str | None:
    name = _string(fields, "encoding").strip()
    if not name:
        return None  # as the command line without --encoding
    if name not in ENCODINGS:
        raise CampaignRequestError(f"unknown encoding {name!r}; use one of {', '.join(ENCODINGS)}")
    return name


def _display_name(raw: str) -> str:
    """The upload's name as messages show it: its last path part, printable, at most 100
    characters (a browser sends the bare name; another client may send anything)."""
    name = re.split(r"[\\/]", raw)[-1]
    name = "".join(c for c in name if c.isprintable()).strip()[:100]
    return name or UPLOAD_NAME


def _upload(fields: JsonObject) -> tuple[bytes, str]:
    """The file's bytes and the name to show: ``file`` (base64) and ``file_name``, or the
    text of ``csv`` (a client that has text, such as the example) as UTF-8."""
    name = _display_name(_string(fields, "file_name", UPLOAD_NAME))
    if "file" in fields:
        encoded = _string(fields, "file")
        try:
            return base64.b64decode(encoded, validate=True), name
        except (binascii.Error, ValueError):
            raise CampaignRequestError("'file' must be the file's bytes in base64") from None
    return _string(fields, "csv").encode("utf-8"), name


def _megabytes(size: int) -> str:
    """``size`` in MB with two decimals, rounded up: a file over the limit never reads as
    the limit itself."""
    return f"{-(-size // 10_000) / 100:.2f} MB"


def _too_large(name: str, size: int) -> JsonObject:
    problem = Problem(
        "upload.too_large",
        "file",
        None,
        {
            "name": name,
            "size": _megabytes(size),
            "limit": _megabytes(MAX_FILE_BYTES),
            "rows": f"{ROWS_AT_LIMIT:,}",
        },
    )
    return _problem_json(problem, name, ())


def _send_time(text: str) -> datetime | None:
    value = text.strip()
    if not value:
        return None
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        raise ValidationError.single("send_time.not_iso", "at", None, {"value": value}) from None
    if at.utcoffset() is None:
        # The advice is a whole time with an offset: "2026-11-29" + "+01:00" would be refused.
        example = at.replace(tzinfo=timezone(timedelta(hours=1))).isoformat(timespec="minutes")
        raise ValidationError.single(
            "send_time.no_offset", "at", None, {"value": value, "example": example}
        )
    return at


def for_the_page(message: str, name: str, paths: tuple[str, ...]) -> str:
    """A reader's message as the page's user reads it: the upload's ``name`` for the
    temporary ``paths``, and the page's fields for the command's options."""
    for path in paths:
        message = message.replace(path, name)
    return _OPTION.sub(_page_option, message)


def _page_option(found: re.Match[str]) -> str:
    flag, value, leave = found["flag"], found["value"], found["leave"]
    label = _PAGE_OPTIONS.get(flag)
    if label is None:  # an option the page lacks: the command that has it
        return f"{leave or ''}nrscompose estimate {flag}" + (f" {value}" if value else "")
    if leave:
        return f"leave the {label} field on its default"
    if value is None or value.isupper():
        return f"the {label} field"
    return f"{value} in the {label} field"


def _problem_json(problem: Problem, name: str, paths: tuple[str, ...]) -> JsonObject:
    return {
        "field": problem.field,
        "label": _FIELD_LABELS.get(problem.field, problem.field),
        "kind": problem.kind,
        "message": for_the_page(problem.message, name, paths),
        "code": problem.code,
    }


def _problems(
    error: ValidationError, name: str = UPLOAD_NAME, paths: tuple[str, ...] = (), field: str = ""
) -> list[JsonObject]:
    problems = error.problems
    if field:
        problems = tuple(Problem(p.kind, field, p.span, p.params) for p in problems)
    return [_problem_json(p, name, paths) for p in problems]


def costly_clusters(text: str, offending: str) -> list[str]:
    """The distinct grapheme clusters of ``text`` that hold a character of ``offending``, in
    text order: a keycap ``1️⃣`` is shown whole, not as its costly marks without the digit."""
    if not offending:
        return []
    import regex

    costly = set(offending)
    found = (c for c in regex.findall(r"\X", text) if costly.intersection(c))
    return list(dict.fromkeys(found))


def shown_cluster(cluster: str) -> str:
    """A cluster as a person can see it: an invisible one (a lone joiner, variation selector,
    combining mark or control character) by its code points, ``U+200D``."""
    import unicodedata

    visible = any(unicodedata.category(c)[0] not in "MCZ" for c in cluster)
    return cluster if visible else " ".join(f"U+{ord(c):04X}" for c in cluster)


def _for_the_page_rows(
    answer: JsonObject, report: Report, name: str, paths: tuple[str, ...]
) -> None:
    """What the page shows beside ``Report.as_json()``: each invalid row's reason (a stable
    kind) and its sentence, each expensive row's costly characters as whole clusters, and
    every sentence (reasons, warnings) in the page's words."""

    def page(text: str) -> str:
        return for_the_page(text, name, paths)

    for group in answer["invalid_reasons"].values():
        group["message"] = page(group["message"])
    for shown, row in zip(answer["invalid_sample"], report.invalid_sample, strict=True):
        shown["reason_text"] = page(row.problem or row.reason or "invalid")
    for shown, row in zip(answer["most_expensive"], report.most_expensive, strict=True):
        shown["costly"] = [shown_cluster(c) for c in costly_clusters(row.text, row.offending)]
    warnings = answer.get("warnings")  # a reader's notices, where the report carries them
    if isinstance(warnings, list):
        answer["warnings"] = [
            page(w) if isinstance(w, str) else {**w, "message": page(str(w.get("message")))}
            for w in warnings
            if isinstance(w, str | dict)
        ]


def estimate_json(fields: JsonObject) -> JsonObject:
    """The ``/api/estimate`` answer: ``{report, problems, columns}``; ``report`` is ``None``
    when the file, the template, the prices or the send time has problems."""
    data, name = _upload(fields)
    template = _string(fields, "template")
    phone_field = _string(fields, "phone_field").strip() or None  # None: found by its name
    profile = _choice(fields, "profile", "360nrs", tuple(PROFILES))
    channel = _choice(fields, "channel", "sms", _CHANNELS)
    trans, lenient = _flag(fields, "trans"), _flag(fields, "lenient")
    encoding, sheet = _encoding(fields), _string(fields, "sheet").strip() or None
    raw_prices = fields.get("prices")
    if raw_prices is not None and not isinstance(raw_prices, dict | list):
        raise CampaignRequestError("'prices' must be coverage JSON (an object or a list) or null")
    answer: JsonObject = {"report": None, "problems": [], "columns": []}
    if len(data) > MAX_FILE_BYTES:
        answer["problems"] = [_too_large(name, len(data))]
        return answer
    try:
        prices = None if raw_prices is None else PriceList.from_coverage(raw_prices)
    except ValidationError as error:
        answer["problems"] = _problems(error, field="prices")
        return answer
    suffix = Path(name).suffix.lower()
    suffix = suffix if suffix in _SUFFIXES else ".csv"
    if suffix not in _WORKBOOKS:
        sheet = None  # the Sheet field applies to workbooks; a CSV has none
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"recipients{suffix}"
        path.write_bytes(data)
        paths = (str(path), folder)
        try:
            answer["columns"] = list(open_recipients(path, encoding=encoding, sheet=sheet).header)
            report = estimate(
                path,
                template,
                prices=prices,
                at=_send_time(_string(fields, "at")),
                phone_field=phone_field,
                profile=profile,
                channel=channel,
                trans=trans,
                lenient=lenient,
                encoding=encoding,
                sheet=sheet,
            )
        except ValidationError as error:
            answer["problems"] = _problems(error, name, paths)
            return answer
    answer["report"] = report.as_json()
    for found in answer["report"]["inputs"]:
        found["file"] = name  # not the temporary folder's path
    _for_the_page_rows(answer["report"], report, name, paths)
    return answer
