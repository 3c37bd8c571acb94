"""The demo page behind ``nrscompose demo``: the live counter and the server check, side by side.

A standard-library HTTP server (:class:`http.server.ThreadingHTTPServer`) bound to 127.0.0.1
only, serving one page from the package's ``static`` folder — no CDN, no external font, no
third-party code — and four JSON endpoints. It is a demonstration and a test bed for the
browser test, not a production server: no TLS, no authentication, no persistence.

==========================  ==================================================================
``GET /``                   ``static/demo.html`` (with ``demo.js``, ``demo.css`` and the
                            live counter ``nrscompose-counter.js`` under ``/static/``)
``GET /api/options``        profiles, channels and message languages for the page's selects
``POST /api/check``         :func:`~nrscompose.forms.check_message` on the submitted form
                            (``application/x-www-form-urlencoded``, as a browser submits it,
                            or a JSON object with the same names)
``POST /api/preview``       ``Template(text).preview(values)`` and the template's problems
``POST /api/suggest``       a GSM rewrite of each character given, with its Unicode name
``GET /campaign``           ``static/campaign.html``: a campaign's estimate, drawn
``GET /api/campaign/...``   ``example``: the bundled example campaign (CSV, template, prices)
``POST /api/estimate``      the estimate of a CSV (:mod:`nrscompose.forms.campaign_page`)
==========================  ==================================================================

The per-keystroke count never leaves the browser; the page calls ``/api/suggest`` only for a
character it has not seen yet and ``/api/preview`` only when the text has a placeholder.

Every answer is JSON; a bad request gets ``400`` and ``{"error": {"status", "message"}}``,
never a traceback. Spans (``start``/``end``) are code-point indices into the text as received:
a browser sends a textarea's line breaks as CRLF (DESIGN 1.7) and the page maps them back.
"""

from __future__ import annotations

import json
import sys
import traceback
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Final
from urllib.parse import parse_qs, urlsplit

from nrscompose.analysis import describe_char
from nrscompose.errors import ValidationError
from nrscompose.forms import campaign_page
from nrscompose.forms._messages import LANGUAGES
from nrscompose.forms.check import MessageCheck, check_message
from nrscompose.profiles import PROFILES
from nrscompose.suggestions import candidate
from nrscompose.template import Template, Value

__all__ = ["HOST", "DemoServer", "check_json"]

HOST: Final = "127.0.0.1"
MAX_BODY: Final = 256 * 1024  # bytes: a message of 15 parts is under 5 KB even as UTF-8
MAX_CHARS: Final = 500  # characters per /api/suggest request
_CHANNELS: Final = ("sms", "landing")
_STATIC: Final = {  # the only files served, with their types
    "demo.html": "text/html; charset=utf-8",
    "demo.css": "text/css; charset=utf-8",
    "demo.js": "text/javascript; charset=utf-8",
    "nrscompose-counter.js": "text/javascript; charset=utf-8",
    "campaign.html": "text/html; charset=utf-8",
    "campaign.js": "text/javascript; charset=utf-8",
}
_FORM: Final = "application/x-www-form-urlencoded"
_TRUE: Final = ("1", "on", "true", "yes")
# Everything the page loads comes from this server; a CDN or inline script would be refused.
_CSP: Final = "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'"

JsonObject = dict[str, object]
_Reply = tuple[HTTPStatus, str, bytes]  # status, Content-Type, body


class BadRequest(Exception):
    """The client sent something the endpoint cannot use; answered as JSON, not a traceback."""

    def __init__(self, message: str, status: HTTPStatus = HTTPStatus.BAD_REQUEST) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True, slots=True)
class _CheckForm:
    """The fields of the page's form, from either encoding."""

    message: str
    channel: str
    profile: str
    max_parts: object
    trans: bool
    sender: str | None
    values: dict[str, Value] | None
    locale: str


def check_json(check: MessageCheck, received: str) -> JsonObject:
    """The ``/api/check`` answer for ``check`` of the text ``received``."""
    return {"received": received, **check.as_json()}


# ------------------------------------------------------------------------ reading requests


def _string(fields: Mapping[str, object], name: str, default: str = "") -> str:
    value = fields.get(name, default)
    if not isinstance(value, str):
        raise BadRequest(f"{name!r} must be a string")
    return value


def _values(raw: object) -> dict[str, Value]:
    if not isinstance(raw, dict):
        raise BadRequest("'values' must be an object of name: value")
    values: dict[str, Value] = {}
    for name, value in raw.items():
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise BadRequest(f"the value of {name!r} must be a string or a number")
        values[name] = value
    return values


def _json_fields(body: bytes) -> JsonObject:
    try:
        fields = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BadRequest(f"the body is not UTF-8 JSON: {error}") from None
    if not isinstance(fields, dict):
        raise BadRequest("the body must be a JSON object")
    return fields


def _form_fields(body: bytes) -> JsonObject:
    """An urlencoded form as the JSON shape: repeated ``key``/``value`` rows become ``values``."""
    try:
        pairs = parse_qs(body.decode("ascii"), keep_blank_values=True, errors="strict")
    except (UnicodeDecodeError, ValueError) as error:
        raise BadRequest(f"the form is not valid UTF-8 urlencoded data: {error}") from None
    fields: JsonObject = {name: items[-1] for name, items in pairs.items()}
    keys, values = pairs.get("key", []), pairs.get("value", [])
    rows = {key.strip(): value for key, value in zip(keys, values, strict=False) if key.strip()}
    fields["values"] = rows or None
    fields["trans"] = _string(fields, "trans").lower() in _TRUE
    parts = _string(fields, "max_parts", "1").strip()
    fields["max_parts"] = int(parts) if parts.isdecimal() else parts  # else: 110 from the check
    if not _string(fields, "sender").strip():
        fields["sender"] = None  # an empty field: the account's default sender, not checked
    return fields


def _check_form(fields: JsonObject) -> _CheckForm:
    if "message" not in fields:
        raise BadRequest("the field 'message' is required")
    channel = _string(fields, "channel", "sms")
    if channel not in _CHANNELS:
        raise BadRequest(f"unknown channel {channel!r}; use one of {', '.join(_CHANNELS)}")
    profile = _string(fields, "profile", "360nrs")
    if profile not in PROFILES:
        raise BadRequest(f"unknown profile {profile!r}; use one of {', '.join(PROFILES)}")
    trans = fields.get("trans", False)
    if not isinstance(trans, bool):
        raise BadRequest("'trans' must be true or false")
    sender = fields.get("sender")
    if sender is not None and not isinstance(sender, str):
        raise BadRequest("'sender' must be a string or null")
    locale = _string(fields, "locale", "en")
    if locale not in LANGUAGES:
        raise BadRequest(f"unknown locale {locale!r}; use one of {', '.join(LANGUAGES)}")
    raw_values = fields.get("values")
    return _CheckForm(
        message=_string(fields, "message"),
        channel=channel,
        profile=profile,
        max_parts=fields.get("max_parts", 1),
        trans=trans,
        sender=sender,
        values=None if raw_values is None else _values(raw_values),
        locale=locale,
    )


# ------------------------------------------------------------------------------ endpoints


def _check(fields: JsonObject) -> JsonObject:
    form = _check_form(fields)
    check = check_message(
        form.message,
        channel="landing" if form.channel == "landing" else "sms",
        max_parts=form.max_parts,  # type: ignore[arg-type]  # a non-integer is answered with 110
        trans=form.trans,
        profile=form.profile,
        sender=form.sender,
        template_values=form.values,
        locale=form.locale,
    )
    return check_json(check, form.message)


def _preview(fields: JsonObject) -> JsonObject:
    text = _string(fields, "text")
    values = _values(fields.get("values") or {})
    try:
        template = Template(text)
    except ValidationError as error:
        return {
            "preview": None,
            "names": [],
            "problems": [p.as_json() for p in error.problems],
        }
    problems: list[JsonObject] = []
    try:
        preview = template.preview(values)
    except ValidationError as error:
        problems = [p.as_json() for p in error.problems]
        preview = template.preview(values, lenient=True)
    return {"preview": preview, "names": list(template.names), "problems": problems}


def _suggest(fields: JsonObject) -> JsonObject:
    chars = fields.get("chars")
    if not isinstance(chars, list) or len(chars) > MAX_CHARS:
        raise BadRequest(f"'chars' must be a list of at most {MAX_CHARS} characters")
    found: JsonObject = {}
    for char in chars:
        if not isinstance(char, str) or len(char) != 1:
            raise BadRequest("each of 'chars' must be one character (one code point)")
        rewrite = candidate(char)
        found[char] = {
            "name": unicodedata.name(char, "") or f"U+{ord(char):04X}",
            "described": describe_char(char),
            "replacement": None if rewrite is None else rewrite[0],
            "reason": None if rewrite is None else rewrite[1],
        }
    return {"suggestions": found}


def _options() -> JsonObject:
    return {"profiles": list(PROFILES), "channels": list(_CHANNELS), "locales": list(LANGUAGES)}


def _estimate(fields: JsonObject) -> JsonObject:
    try:
        return campaign_page.estimate_json(fields)
    except campaign_page.CampaignRequestError as error:
        raise BadRequest(str(error)) from None


_POST: Final = {
    "/api/check": _check,
    "/api/preview": _preview,
    "/api/suggest": _suggest,
    "/api/estimate": _estimate,
}


# --------------------------------------------------------------------------------- server


class _Handler(BaseHTTPRequestHandler):
    server: DemoServer
    server_version = "nrscompose-demo"
    protocol_version = "HTTP/1.1"
    error_content_type = "application/json"

    def do_GET(self) -> None:
        self._answer(self._get)

    def do_HEAD(self) -> None:
        self._answer(self._get, head=True)

    def do_POST(self) -> None:
        self._answer(self._post)

    def _answer(self, route: Callable[[], _Reply], *, head: bool = False) -> None:
        try:
            status, content_type, body = route()
        except BadRequest as error:
            status, content_type = error.status, "application/json"
            body = _error_body(error.status, str(error))
        except Exception:  # a bug: logged here, answered without the traceback
            if not self.server.quiet:
                traceback.print_exc(file=sys.stderr)
            status, content_type = HTTPStatus.INTERNAL_SERVER_ERROR, "application/json"
            body = _error_body(status, "internal error; see the server's log")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Content-Security-Policy", _CSP)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _get(self) -> _Reply:
        path = urlsplit(self.path).path
        if path in ("/", "/index.html"):
            path = "/static/demo.html"
        if path == "/campaign":
            path = "/static/campaign.html"
        if path == "/api/options":
            return HTTPStatus.OK, "application/json", _json_body(_options())
        if path == "/api/campaign/example":
            return HTTPStatus.OK, "application/json", _json_body(campaign_page.example_json())
        name = path.removeprefix("/static/")
        if path.startswith("/static/") and name in _STATIC:
            static = resources.files("nrscompose.forms") / "static" / name
            return HTTPStatus.OK, _STATIC[name], static.read_bytes()
        if path in _POST:
            raise BadRequest(f"use POST for {path}", HTTPStatus.METHOD_NOT_ALLOWED)
        raise BadRequest(f"no such page: {path}", HTTPStatus.NOT_FOUND)

    def _post(self) -> _Reply:
        path = urlsplit(self.path).path
        endpoint = _POST.get(path)
        body = self._body()  # read even when refusing, so the connection stays usable
        if endpoint is None:
            raise BadRequest(f"no such endpoint: POST {path}", HTTPStatus.NOT_FOUND)
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type == _FORM and endpoint is _check:
            fields = _form_fields(body)
        elif content_type == "application/json":
            fields = _json_fields(body)
        else:
            accepted = "application/json" + (f" or {_FORM}" if endpoint is _check else "")
            raise BadRequest(
                f"unsupported Content-Type {content_type!r}; send {accepted}",
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
            )
        return HTTPStatus.OK, "application/json", _json_body(endpoint(fields))

    def _body(self) -> bytes:
        length = self.headers.get("Content-Length")
        if length is None or not length.strip().isdecimal():
            self.close_connection = True
            raise BadRequest("a Content-Length header is required", HTTPStatus.LENGTH_REQUIRED)
        size = int(length)
        if size > MAX_BODY:
            self.close_connection = True
            raise BadRequest(
                f"the body is larger than {MAX_BODY} bytes", HTTPStatus.REQUEST_ENTITY_TOO_LARGE
            )
        return self.rfile.read(size)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """The server's own errors (malformed request line, unknown method) as JSON too."""
        status = HTTPStatus(code)
        body = _error_body(status, message or status.phrase)
        if self.request_version == "HTTP/0.9":  # an unparsable request line: answer in HTTP/1.1
            self.request_version = self.protocol_version
        self.close_connection = True
        self.send_response(code, message)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD" and code >= 200 and code not in (204, 304):
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        if not self.server.quiet:
            super().log_message(format, *args)


def _json_body(answer: JsonObject) -> bytes:
    return json.dumps(answer, ensure_ascii=False).encode("utf-8")


def _error_body(status: HTTPStatus, message: str) -> bytes:
    return _json_body({"error": {"status": int(status), "message": message}})


class DemoServer(ThreadingHTTPServer):
    """The demo page on ``http://127.0.0.1:<port>/``; ``port=0`` takes any free port.

    Run it with ``serve_forever()`` (in a thread in tests), stop it with ``shutdown()`` and
    ``server_close()`` (or use it as a context manager). ``quiet`` silences the request log.
    """

    daemon_threads = True

    def __init__(self, port: int = 0, *, quiet: bool = True) -> None:
        self.quiet = quiet
        super().__init__((HOST, port), _Handler)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}/"
